import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../api/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Gives the test run a fresh, empty database on a real PostgreSQL server: the one in DATABASE_URL,
 * else the machine's server on 127.0.0.1:5432 if it answers, else the embedded server.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl = process.env.DATABASE_URL || (await answers('postgres://postgres@127.0.0.1:5432/postgres'));
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres('var/test', 54339);
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const name = `motcua_test_${Date.now()}_${process.pid}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  project.provide('databaseUrl', url.toString());
  return async () => {
    await admin(serverUrl, `drop database if exists ${name} with (force)`);
    await stopEmbedded?.();
  };
}

async function answers(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
