import { resolve } from 'node:path';
import { loadNoticeConfig, type NoticeConfig } from './notices/config.js';

/** Runtime settings, all from the environment so one build runs anywhere. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  logLevel: string;
  publicBaseUrl: string;
  seedDemo: boolean;
  /** Behind a reverse proxy: trust X-Forwarded-* (TRUST_PROXY=true). Off by default, so clients can't choose their address. */
  trustProxy: boolean;
  /** Citizen notices: channels (MAIL_*, SMS_*, ZALO_*) and the worker (NOTICE_*). */
  notices: NoticeConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    // Local only by default: the demo accounts' password is published. HOST=0.0.0.0 to serve the network.
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.MOTCUA_DATA_DIR ?? 'var'),
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    seedDemo: env.SEED_DEMO !== 'false',
    trustProxy: env.TRUST_PROXY === 'true',
    notices: loadNoticeConfig(env, env.PUBLIC_BASE_URL ?? `http://localhost:${port}`),
  };
}
