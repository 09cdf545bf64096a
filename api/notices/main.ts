import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { Database } from '../db/database.js';
import { startNoticeWorker } from './notice-worker.js';

/**
 * The notice worker alone, for a deployment that sends from a separate process (or node) than the
 * HTTP servers: `DATABASE_URL=… SMS_GATEWAY_URL=… tsx api/notices/main.ts`. Same settings as the
 * server (see api/notices/config.ts); the database must already be migrated. SIGTERM/SIGINT stop
 * it after the pass in progress; a harder death is what the claim lease is for.
 */
const config = loadConfig();
if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the standalone notice worker');
const log = pino({ level: config.logLevel });
const db = new Database(config.databaseUrl, 4);
const worker = startNoticeWorker({ db, config: { ...config.notices, pollMs: config.notices.pollMs || 2_000 }, clock: () => new Date(), log });
// The timer of the worker is unref'd so servers exit cleanly; this process exists for it.
const keepAlive = setInterval(() => {}, 1 << 30);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    clearInterval(keepAlive);
    await worker.stop();
    await db.close();
    process.exit(0);
  });
}
