import { MikroORM } from '@mikro-orm/postgresql';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { ProcessRuntime } from '../engine/index.js';
import type { Config } from './config.js';
import { ormConfig } from './db/mikro-orm.config.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createApp } from './app.js';
import { DefinitionRegistry } from './procedures/definition-registry.js';
import { publishCatalogue } from './procedures/publish-catalogue.js';
import { readCatalogue } from './procedures/catalogue.js';
import { calendarDeadlines } from './dossiers/deadlines.js';
import { CalendarProvider } from './calendar/calendar-provider.js';
import { seedDemo } from './seed/seed-demo.js';
import { startTimerWorker } from './timers/timer-worker.js';
import { startRecomputeWorker } from './clock/recompute-worker.js';
import { startNotices } from './notices/index.js';
import type { Services } from './services.js';

export const PROCESSES_DIR = fileURLToPath(new URL('../processes', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface Running {
  url: string;
  databaseUrl: string;
  orm: MikroORM;
  services: Services;
  server: Server;
  log: Logger;
  stop(): Promise<void>;
}

/**
 * Starts MotCua: database (DATABASE_URL, else the embedded server), migrations, the procedures of
 * `processes/`, demo data, the HTTP server and the timer worker. Every step is safe to repeat and
 * safe with several nodes starting together.
 */
export async function startServer(config: Config, log: Logger = pino({ level: config.logLevel }), clock: () => Date = () => new Date()): Promise<Running> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const orm = await MikroORM.init(ormConfig(databaseUrl));
  await migrate(orm, databaseUrl);

  const runtime = new ProcessRuntime();
  const db = new Database(databaseUrl, undefined, (err) => log.warn({ err }, 'idle database connection lost'));
  // Seeded official years + the administrators' calendar_day rows, rebuilt when they change (any node).
  const calendar = await CalendarProvider.start(db, { log });
  const services: Services = { config, db, runtime, definitions: new DefinitionRegistry(runtime), deadlines: calendarDeadlines(calendar.calendar), calendar, clock };
  await publishCatalogue(orm.em.fork(), runtime, PROCESSES_DIR, await readCatalogue(PROCESSES_DIR));
  if (config.seedDemo) await seedDemo(orm.em.fork());
  // Citizen notices: default templates, look-up link base, the outbox worker (NOTICE_POLL_MS=0: none here).
  const notices = await startNotices({ db, config: config.notices, clock, log });

  const app = createApp(orm, services, log, WEB_DIST);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const stopWorker = startTimerWorker(services, log);
  // Stored clock fields after calendar changes, and of rows never computed (api/clock/recompute.ts).
  const stopRecompute = startRecomputeWorker(services, log);

  return {
    url: `http://localhost:${port}`, databaseUrl, orm, services, server, log,
    async stop() {
      await stopWorker();
      await stopRecompute();
      await notices.stop();
      await calendar.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.close();
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
