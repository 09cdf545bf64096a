import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import { entities } from './entities.js';
import { migrationsList } from '../../migrations/index.js';

const migrationsPath = fileURLToPath(new URL('../../migrations', import.meta.url));

/** One ORM configuration for the app, the tests and the migration CLI. */
export function ormConfig(clientUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_dev') {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: { path: migrationsPath, pathTs: migrationsPath, glob: 'Migration*.{js,ts}', migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: Number(process.env.DB_POOL_MAX ?? 20) },
    // Created at runtime by rate-limiter-flexible with its own schema (api/public/limits.ts).
    schemaGenerator: { skipTables: ['public_rate_limit'] },
    debug: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
  });
}

export default ormConfig();
