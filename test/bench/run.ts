import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchDatabase } from './database.js';
import { BENCH_COMMUNES, generateDataset } from './dataset.js';
import { Client } from '../support/server.js';
import { applicant } from '../support/officers.js';
import { deadlineThroughput, hotPathCost, recomputeAfterHoliday, waitForClockBackfill } from './recompute.js';

/**
 * `npm run bench [-- --dossiers N --seconds S --completions K]`: starts MotCua as its own process on a
 * fresh database, generates N dossiers, then measures inbox latency at 1, 16 and 64 concurrent
 * officers and persisted task completions per second, over HTTP like the web app; then the dossier
 * clock (test/bench/recompute.ts): the backfill of the generated dossiers' clock fields, the clock's
 * cost per officer action, the recompute of every open dossier after a day off is added and removed,
 * and deadline computations per second.
 */
const { values } = parseArgs({ options: {
  dossiers: { type: 'string', default: '100000' },
  seconds: { type: 'string', default: '10' },
  completions: { type: 'string', default: '600' },
  port: { type: 'string', default: '3199' },
} });
const N = Number(values.dossiers);
const SECONDS = Number(values.seconds);
const K = Number(values.completions);
const base = `http://127.0.0.1:${values.port}`;

const db = await benchDatabase();
let server: ChildProcess | undefined;
try {
  console.log(`MotCua bench — ${N.toLocaleString('en')} dossiers, ${cpus().length} cores (${cpus()[0].model})`);
  server = await startServer(db.url);
  console.log('generating dataset…');
  const t0 = Date.now();
  await generateDataset(db.url, N);
  console.log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // The generated rows have no clock fields yet: the server's recompute worker computes them. Wait, so the load below is undisturbed.
  console.log('waiting for the clock backfill…');
  const backfill = await waitForClockBackfill(db.url);

  const rows: string[][] = [];
  const officers = await loginOfficers(64);
  for (const users of [1, 16, 64]) {
    const r = await inboxLoad(officers.slice(0, users), SECONDS);
    rows.push([`inbox list, ${users} concurrent`, r.count.toString(), ms(r.p50), ms(r.p95), ms(r.p99), `${r.rps.toFixed(0)} req/s`]);
  }
  const c = await completions(K);
  rows.push([`task completions, ${c.concurrency} concurrent`, c.count.toString(), ms(c.p50), ms(c.p95), ms(c.p99), `${c.rps.toFixed(0)} completions/s`]);
  rows.push(['clock backfill of the generated dossiers', backfill.dossiers.toLocaleString('en'), '—', '—', '—', `≤ ${backfill.seconds.toFixed(1)} s after generation`]);
  rows.push(await hotPathCost(db.url));
  console.log('recomputing after a calendar change…');
  rows.push(...(await recomputeAfterHoliday(db.url, base)));
  rows.push(...deadlineThroughput());

  console.log(`\nDataset: ${N.toLocaleString('en')} dossiers over ${BENCH_COMMUNES} communes; machine: ${cpus().length} cores; server: one Node process + PostgreSQL\n`);
  console.log(table(['measure', 'requests', 'p50', 'p95', 'p99', 'throughput'], rows));
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await db.drop();
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'api/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: values.port, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

async function loginOfficers(n: number): Promise<Client[]> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const { rows } = await c.query(`select username from app_user where username like 'bench.%.specialist_' order by id limit ${n}`);
  await c.end();
  return Promise.all(rows.map((r) => Client.login(base, r.username)));
}

async function inboxLoad(clients: Client[], seconds: number) {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(clients.map(async (client, i) => {
    for (let k = 0; Date.now() < until; k++) {
      const scope = (i + k) % 2 ? 'groups' : 'mine';
      const t = performance.now();
      const res = await client.get(`/api/tasks?scope=${scope}&page=${1 + (k % 3)}&pageSize=20`);
      latencies.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`inbox ${res.status}`);
    }
  }));
  return summary(latencies, (Date.now() - started) / 1000);
}

async function completions(count: number) {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const { rows } = await c.query(`select a.id, a.code from agency a where a.name like 'UBND xã Thử Nghiệm%' order by a.id limit 8`);
  await c.end();
  const perCommune = Math.ceil(count / rows.length);
  const lanes = await Promise.all(rows.map(async (a) => {
    const desk = await Client.login(base, `bench.${a.id}.desk`);
    const specialist = await Client.login(base, `bench.${a.id}.specialist1`);
    const procedure = (await desk.get('/api/procedures/1.001612')).body;
    const tasks: number[] = [];
    for (let i = 0; i < perCommune; i++) {
      const res = await desk.post('/api/dossiers', { procedureCode: procedure.code, applicant: applicant(), documents: procedure.documents.map((d: any) => ({ key: d.key, received: true })) });
      if (res.status !== 201) throw new Error(`receive ${res.status} ${JSON.stringify(res.body)}`);
      tasks.push(res.body.tasks.find((t: any) => t.state === 'open').id);
    }
    return { specialist, tasks };
  }));
  const latencies: number[] = [];
  const started = Date.now();
  await Promise.all(lanes.map(async ({ specialist, tasks }) => {
    for (const id of tasks) {
      const t = performance.now();
      const res = await specialist.post(`/api/tasks/${id}/complete`, { decision: 'approve', note: 'bench' });
      latencies.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`complete ${res.status} ${JSON.stringify(res.body)}`);
    }
  }));
  return { ...summary(latencies, (Date.now() - started) / 1000), concurrency: lanes.length };
}

function summary(latencies: number[], seconds: number) {
  const s = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { count: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), rps: s.length / seconds };
}

function ms(v: number) {
  return `${v.toFixed(1)} ms`;
}

function table(head: string[], body: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
