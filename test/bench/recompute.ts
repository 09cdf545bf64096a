/**
 * The dossier clock's measurements for `npm run bench` (rows of the same table):
 *
 * - deadline computations per second on one core: 20 working days from receipts spread over
 *   15/01–28/02/2026 (across Tết), through the calendar (`addWorkingDays`), through the recompute
 *   job's light path (`lightDue`: 15:00 rule + limit) and through the full clock (`computeClock`,
 *   a 1-event dossier, explanation off) for comparison;
 * - the clock backfill of the generated dataset (its rows have no clock fields: the server's
 *   recompute worker computes them from events — here the dossier's own columns);
 * - the cost the clock adds to every officer action (read the dossier's events + compute), measured
 *   on dossiers received and worked over HTTP;
 * - the time from an administrator adding a day off to the recompute job having gone through every
 *   open dossier (and again when it is removed), as the job reports it.
 */
import pg from 'pg';
import { WorkingCalendar } from '../../engine/calendar/index.js';
import { computeClock } from '../../engine/clock/index.js';
import { ProcessRuntime } from '../../engine/index.js';
import { lightDue } from '../../api/clock/light.js';
import { clockColumnsInTx } from '../../api/clock/materialise.js';
import { Database } from '../../api/db/database.js';
import { DefinitionRegistry } from '../../api/procedures/definition-registry.js';
import { CalendarProvider } from '../../api/calendar/calendar-provider.js';
import { DOSSIER_COLUMNS, type DossierRow } from '../../api/dossiers/dossier-row.js';
import type { Services } from '../../api/services.js';
import { Client } from '../support/server.js';

export type Row = string[];

/** Deadline computations per second, single thread. */
export function deadlineThroughput(n = 1_000_000): Row[] {
  const cal = new WorkingCalendar({ preloadYears: [2025, 2027] });
  const from = Date.parse('2026-01-15T00:00:00+07:00');
  const span = Date.parse('2026-02-28T00:00:00+07:00') - from;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const starts = Array.from({ length: n }, () => from + Math.floor(random() * span));
  const dates = starts.map((ms) => new Date(ms));
  const limit = { value: 20, unit: 'working_days' as const };
  const time = (count: number, work: (k: number) => number) => {
    for (let k = 0; k < Math.min(count, 50_000); k++) work(k); // warm-up (JIT)
    let checksum = 0;
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < count; k++) checksum += work(k) % 7;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (checksum < 0) console.log(checksum);
    return { ms, perSecond: count / (ms / 1000) };
  };
  const add = time(n, (k) => cal.addWorkingDays(dates[k]!, 20).getTime());
  const light = time(n, (k) => lightDue(cal, starts[k]!, limit));
  const m = Math.min(n, 200_000);
  const full = time(m, (k) => computeClock(cal, { limit, events: [{ type: 'received', at: dates[k]! }] }, dates[k]!, { explain: false }).appointment.due!.getTime());
  const row = (what: string, count: number, r: { ms: number; perSecond: number }): Row =>
    [what, count.toLocaleString('en'), '—', '—', '—', `${(r.perSecond / 1e6).toFixed(2)} M/s (${((r.ms * 1e6) / count).toFixed(0)} ns each)`];
  return [
    row('deadline: addWorkingDays(t, 20) across Tết, 1 core', n, add),
    row('deadline: light recompute (15:00 rule + 20 working days), 1 core', n, light),
    row('deadline: full clock of a 1-event dossier (explain off), 1 core', m, full),
  ];
}

/** Waits until the server's recompute worker has computed the clock fields of every dossier; returns the time waited. */
export async function waitForClockBackfill(url: string, timeoutMs = 30 * 60_000): Promise<{ seconds: number; dossiers: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t0 = Date.now();
    const total = Number((await c.query('select count(*) as n from dossier')).rows[0].n);
    for (;;) {
      const { rows } = await c.query(`select (select count(*) from dossier d where not exists (select 1 from dossier_clock c where c.dossier_id = d.id))
                                           + (select count(*) from dossier_clock where revision is null)
                                           + (select count(*) from clock_recompute_job where state in ('pending', 'running')) as n`);
      if (Number(rows[0].n) === 0) return { seconds: (Date.now() - t0) / 1000, dossiers: total };
      if (Date.now() - t0 > timeoutMs) throw new Error('clock backfill did not finish');
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await c.end();
  }
}

/** What the clock adds to an officer's action: read the dossier's events, run the clock (the UPDATE gains columns only). */
export async function hotPathCost(url: string, samples = 2000): Promise<Row> {
  const db = new Database(url, 4);
  const calendar = await CalendarProvider.start(db, { refreshMs: 0 });
  const runtime = new ProcessRuntime();
  const services = { db, calendar, definitions: new DefinitionRegistry(runtime), clock: () => new Date() } as unknown as Services;
  try {
    const rows = await db.query<DossierRow>(
      `select ${DOSSIER_COLUMNS} from dossier d where exists (select 1 from dossier_event e where e.dossier_id = d.id) order by d.id desc limit $1`, [samples]);
    for (const d of rows.slice(0, 50)) await clockColumnsInTx(db, services, d, [], new Date()); // warm-up
    const latencies: number[] = [];
    for (const d of rows) {
      const t = performance.now();
      await clockColumnsInTx(db, services, d, [], new Date());
      latencies.push(performance.now() - t);
    }
    const s = latencies.sort((a, b) => a - b);
    const q = (p: number) => `${s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2)} ms`;
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    return [`clock in the hot path (events read + clock), per action`, s.length.toString(), q(0.5), q(0.95), q(0.99), `mean ${mean.toFixed(2)} ms`];
  } finally {
    await calendar.stop();
    await db.close();
  }
}

interface Job { id: number; calendarRevision: number; state: string; total: number; done: number; moved: number; tasksMoved: number; startedAt: string; finishedAt: string | null }

/**
 * An administrator adds a day off (a working day two weeks ago, inside the window of the recent
 * open dossiers) and removes it again; each time, the time until the recompute job is done.
 */
export async function recomputeAfterHoliday(url: string, base: string): Promise<Row[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // Make the generated open tasks real steps of their model, so their due dates are recomputed too.
  await c.query(`update task set element_id = 'appraise' where element_id = 'bench_step' and state = 'open'`);
  // The generated appointments are "received + 3 days" (some on weekends): make them what a receipt prints, the legal due date.
  await c.query(`update dossier d set appointment_at = c.due_at from dossier_clock c
                  where c.dossier_id = d.id and c.finished_at is null and c.due_at is not null and d.appointment_at <> c.due_at`);
  const open = Number((await c.query('select count(*) as n from dossier_clock where finished_at is null')).rows[0].n);
  await c.end();

  const admin = await Client.login(base, 'mc.admin');
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const twoWeeksAgo = new Date(Date.now() - 14 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  const days = (await admin.get(`/api/calendar/days?from=${twoWeeksAgo}&to=${today}`)).body as Array<{ date: string; working: boolean }>;
  const date = days.find((d) => d.working)!.date;

  const rows: Row[] = [];
  const measure = async (what: string, change: () => Promise<{ status: number; body: unknown }>) => {
    const before = ((await admin.get('/api/admin/recompute-jobs?limit=1')).body as Job[])[0]?.id ?? 0;
    const t0 = Date.now();
    const res = await change();
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    let job: Job | undefined;
    for (;;) {
      [job] = (await admin.get('/api/admin/recompute-jobs?limit=1')).body as Job[];
      if (job && job.id > before && (job.state === 'done' || job.state === 'failed')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (job.state !== 'done') throw new Error(`recompute job ${job.id} ${job.state}`);
    const wall = (Date.now() - t0) / 1000;
    const run = (Date.parse(job.finishedAt!) - Date.parse(job.startedAt)) / 1000;
    rows.push([`recompute after ${what} (${open.toLocaleString('en')} open)`, job.done.toLocaleString('en'), '—', '—', '—',
      `job ${run.toFixed(1)} s (${Math.round(job.done / run).toLocaleString('en')} dossiers/s), ${wall.toFixed(1)} s from the admin's click; ${job.moved} moved, ${job.tasksMoved} task dues`]);
  };
  await measure(`a day off added (${date})`, () => admin.post('/api/calendar/days', { date, kind: 'day_off', name: 'Nghỉ đột xuất (bench)', source: 'bench' }));
  await measure('the day off removed', () => admin.request('DELETE', `/api/calendar/days/${date}`));
  return rows;
}
