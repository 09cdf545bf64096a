import pg from 'pg';

/** The queries a hot path needs, on the pool or inside one transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T | undefined>;
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // int8 ids and counts fit in a double here; numeric time limits are small decimals.
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Plain SQL over node-postgres for the paths officers hit all day (inbox, claim, complete, receive,
 * dossier views): measured several times faster than the ORM's unit of work there. The ORM keeps
 * the schema, migrations and the administrative screens.
 */
export class Database implements Sql {
  readonly pool: pg.Pool;

  constructor(url: string, max = Number(process.env.DB_POOL_MAX ?? 20), onIdleError: (err: Error) => void = () => {}) {
    this.pool = new pg.Pool({ connectionString: url, max, types });
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool discards it and the next query opens a new one.
    this.pool.on('error', (err) => onIdleError(err));
  }

  async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, params)).rows as T[];
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.query<T>(text, params))[0];
  }

  /** Runs `work` in one transaction: committed if it returns, rolled back if it throws. */
  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: Sql = {
      query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
      one: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0] as R | undefined,
    };
    try {
      await client.query('begin');
      const result = await work(tx);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
