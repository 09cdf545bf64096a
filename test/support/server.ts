import { inject } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../api/config.js';
import { startServer, type Running } from '../../api/server.js';
import { DEMO_PASSWORD } from '../../api/seed/demo-data.js';

/**
 * Starts a real MotCua on a free port against the run's database. Settings come from `env` only,
 * never from the machine's environment, so a test can't reach a real SMTP server or SMS gateway.
 */
export function startTestServer(clock?: () => Date, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const config = { ...loadConfig(env), port: 0, host: '127.0.0.1', databaseUrl: inject('databaseUrl'), seedDemo: true };
  return startServer(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), clock);
}

/** A small HTTP client that speaks to the server like the web app does. */
export class Client {
  token?: string;
  constructor(readonly base: string) {}

  static async login(base: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
    const client = new Client(base);
    const res = await client.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    client.token = res.body.token;
    return client;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', path, body, headers);
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers };
  }
}
