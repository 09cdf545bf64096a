import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so nodes starting together
 * on a fresh database migrate one after the other instead of racing on the same DDL.
 */
export async function migrate(orm: MikroORM, databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('motcua:migrate'))`);
    await orm.getMigrator().up();
  } finally {
    await client.end();
  }
}
