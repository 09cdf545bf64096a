import { resolve } from 'node:path';

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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.MOTCUA_DATA_DIR ?? 'var'),
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    seedDemo: env.SEED_DEMO !== 'false',
  };
}
