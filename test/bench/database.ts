import pg from 'pg';
import { startEmbeddedPostgres } from '../../api/db/embedded.js';

/** A fresh database for one bench run, on the same servers the tests use. */
export async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  let server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  let stop: (() => Promise<void>) | undefined;
  if (!(await answers(server))) {
    const embedded = await startEmbeddedPostgres('var/bench', 54349);
    server = embedded.url;
    stop = embedded.stop;
  }
  const name = `motcua_bench_${Date.now()}`;
  await run(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await run(server, `drop database if exists ${name} with (force)`);
      await stop?.();
    },
  };
}

async function answers(url: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try { await c.connect(); return true; } catch { return false; } finally { await c.end().catch(() => {}); }
}

async function run(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}
