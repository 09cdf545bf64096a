/**
 * Recomputing the stored clocks (`dossier_clock`) when the working calendar changes.
 *
 * An administrator adds or removes a day (api/calendar) → `calendar_revision` moves → each node's
 * CalendarProvider rebuilds its calendar. A recompute pass (api/clock/recompute-worker.ts, every
 * node, every few seconds) then:
 *
 * 1. takes the session advisory lock {@link RECOMPUTE_LOCK} on a connection of its own — one node
 *    at a time does recompute work; if it dies, its session ends and the lock is free again;
 * 2. computes the dossiers that have no stored clock yet (rows from before the clock, or inserted
 *    by SQL: each node remembers the highest dossier id it has checked) and the stored clocks
 *    written by a node with a stale calendar (`revision is null`, see `CLOCK_UPSERT`): the full
 *    clock from the events;
 * 3. creates the job of the node's calendar revision if there is none (`clock_recompute_job`,
 *    unique per revision; older unfinished jobs are superseded) and runs the newest unfinished
 *    one: every **open** dossier (`finished_at is null`), by id, in batches — the *light* path
 *    (calendar arithmetic on the receipt, api/clock/light.ts) for dossiers without waits, restarts
 *    or apology, the full clock for the others; only rows that changed are written, each with an
 *    audit row (`clock_recompute_move`: old → new legal due date and appointment); then the due
 *    dates of their open tasks (the model's step durations). Closed dossiers keep their stored
 *    clock: their verdict was final when they closed. Progress (`done` / `total`, moved, time per
 *    phase) is written after every batch; a job cut short (node gone) resumes at the next pass.
 *
 * Appointment (`dossier.appointment_at`, printed on the receipt, Mẫu 01) — decision: the receipt
 * is a promise to the citizen, so a calendar change does not rewrite it. It moves only when its
 * day is no longer a working day (the citizen must not be asked to come on a day off): to the new
 * legal deadline when that is later, else to the same time on the next working day. It never moves
 * earlier (a day off cancelled does not silently bring the promise forward). The legal deadline
 * (`dossier_clock.due_at`, what verdicts are measured against) always follows the calendar, both
 * ways. Each movement of either is audited.
 *
 * Writes are guarded: a row changed since it was read (an officer's action in between) is left to
 * that action, which computed it itself.
 */
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { TimeLimit, WorkingCalendar } from '../../engine/calendar/index.js';
import type { CompiledDefinition, Duration } from '../../engine/runtime/types.js';
import type { Services } from '../services.js';
import { calendarDeadlines } from '../dossiers/deadlines.js';
import { DOSSIER_COLUMNS, type DossierRow } from '../dossiers/dossier-row.js';
import { lightDue, promisedAppointment } from './light.js';
import { EVENT_ROWS_SQL, computeColumns, factsOf } from './materialise.js';
import type { SourceEvent } from './source.js';

/** pg_advisory_lock key of the recompute work ('MCCLOCK1' as a bigint). */
export const RECOMPUTE_LOCK = '5567646576763981617';
/** Open dossiers per batch of the light path (CLOCK_RECOMPUTE_BATCH). */
export const RECOMPUTE_BATCH = Number(process.env.CLOCK_RECOMPUTE_BATCH ?? 20_000);
/** Dossiers per batch of the full clock (events are read for each). */
const FULL_BATCH = 2_000;
const NODE = `${hostname()}:${process.pid}`;

export interface RecomputeOutcome {
  /** The job run by this pass, if any. */
  jobId: number | null;
  /** Dossiers looked at, and moved (due date or appointment changed). */
  done: number;
  moved: number;
  tasksMoved: number;
  /** False when another node holds the lock. */
  ran: boolean;
}

interface Progress { done: number; moved: number; tasksMoved: number; ms: Record<string, number> }
const newProgress = (): Progress => ({ done: 0, moved: 0, tasksMoved: 0, ms: {} });

/** Per process: dossier ids up to here are known to have a stored clock (rows are never un-computed). */
const checkedUpTo = new WeakMap<Services, number>();

/**
 * One recompute pass (see the module doc). Safe to call from any node at any time; returns quickly
 * when another node is at it or there is nothing to do.
 */
export async function recomputePass(services: Services, log?: Logger): Promise<RecomputeOutcome> {
  const client = await services.db.pool.connect();
  let locked = false;
  try {
    locked = (await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1::bigint) as ok', [RECOMPUTE_LOCK])).rows[0]!.ok;
    if (!locked) return { jobId: null, done: 0, moved: 0, tasksMoved: 0, ran: false };
    await services.calendar.refresh();
    const revision = services.calendar.currentRevision;
    const catchUp = newProgress();
    await missing(services, catchUp);
    await stale(services, null, catchUp);
    await ensureJob(services, revision);
    const job = await services.db.one<{ id: number; done: number; moved: number; tasksMoved: number; detail: Record<string, number> | null }>(
      `select id, done, moved, tasks_moved as "tasksMoved", detail from clock_recompute_job
        where state in ('pending', 'running') and calendar_revision <= $1 order by calendar_revision desc limit 1`, [revision]);
    if (!job) return { jobId: null, done: catchUp.done, moved: catchUp.moved, tasksMoved: catchUp.tasksMoved, ran: true };
    const p = await runJob(services, job, log);
    return { jobId: job.id, done: p.done, moved: p.moved, tasksMoved: p.tasksMoved, ran: true };
  } finally {
    if (locked) await client.query('select pg_advisory_unlock($1::bigint)', [RECOMPUTE_LOCK]).catch(() => {});
    client.release();
  }
}

/** The job of `revision`, unless one exists; unfinished jobs of older revisions are superseded by it. */
async function ensureJob(services: Services, revision: number): Promise<void> {
  const last = await services.db.one<{ r: number | null }>('select max(calendar_revision) as r from clock_recompute_job');
  if (last?.r != null && last.r >= revision) return;
  await services.db.transaction(async (tx) => {
    await tx.query(`insert into clock_recompute_job (calendar_revision, state, created_at) values ($1, 'pending', now())
                    on conflict (calendar_revision) do nothing`, [revision]);
    await tx.query(`update clock_recompute_job set state = 'superseded', finished_at = now()
                     where state in ('pending', 'running') and calendar_revision < $1`, [revision]);
  });
}

async function runJob(services: Services, job: { id: number; done: number; moved: number; tasksMoved: number; detail: Record<string, number> | null }, log?: Logger): Promise<Progress> {
  const db = services.db;
  // A job cut short resumes from the start (unchanged rows are skipped quickly); its counters go on.
  const left = await db.one<{ n: number }>('select count(*) as n from dossier_clock where finished_at is null');
  await db.query(`update clock_recompute_job set state = 'running', claimed_by = $2, started_at = coalesce(started_at, now()),
                         heartbeat_at = now(), total = done + $3 where id = $1`, [job.id, NODE, left!.n]);
  const progress: Progress = { done: job.done, moved: job.moved, tasksMoved: job.tasksMoved, ms: { ...job.detail } };
  const report = () => db.query(`update clock_recompute_job set done = $2, moved = $3, tasks_moved = $4, detail = $5, heartbeat_at = now() where id = $1`,
    [job.id, progress.done, progress.moved, progress.tasksMoved, JSON.stringify(progress.ms)]).then(() => undefined);
  const started = Date.now();
  try {
    await openDossiers(services, job.id, progress, report);
    await db.query(`update clock_recompute_job set state = 'done', done = $2, moved = $3, tasks_moved = $4, detail = $5, total = greatest(total, $2),
                           heartbeat_at = now(), finished_at = now() where id = $1`,
      [job.id, progress.done, progress.moved, progress.tasksMoved, JSON.stringify(progress.ms)]);
    log?.info({ job: job.id, done: progress.done, moved: progress.moved, tasksMoved: progress.tasksMoved, ...progress.ms, ms: Date.now() - started }, 'clock recompute done');
    return progress;
  } catch (err) {
    await db.query(`update clock_recompute_job set state = 'failed', error = $2, heartbeat_at = now() where id = $1`, [job.id, String(err)]).catch(() => {});
    throw err;
  }
}

const timed = async <T>(progress: Progress, phase: string, work: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    progress.ms[phase] = Math.round((progress.ms[phase] ?? 0) + performance.now() - t0);
  }
};

// ——— dossiers without a stored clock, and stored clocks computed on a stale calendar ——————————————

type FullRow = DossierRow & { computedAt: Date | null; dueStored: Date | null };

/** Dossiers with no `dossier_clock` row (from before the clock, or inserted by SQL), above this node's mark. */
async function missing(services: Services, progress: Progress): Promise<void> {
  let after = checkedUpTo.get(services) ?? 0;
  let inserted = 0;
  const top = (await services.db.one<{ id: number | null }>('select max(id) as id from dossier'))?.id ?? 0;
  while (after < top) {
    const rows = await services.db.query<FullRow>(
      `select ${DOSSIER_COLUMNS}, null::timestamptz as "computedAt", null::timestamptz as "dueStored"
         from dossier d where d.id > $1 and d.id <= $2 and not exists (select 1 from dossier_clock c where c.dossier_id = d.id)
        order by d.id limit $3`, [after, top, FULL_BATCH]);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    const { cal, revision } = snapshot(services);
    await timed(progress, 'missing', () => fullPath(services, cal, revision, null, rows, 'missing'));
    progress.done += rows.length;
    inserted += rows.length;
  }
  checkedUpTo.set(services, top);
  // Many rows at once (first start, an import): fresh statistics keep the plans of the walks right.
  if (inserted >= 10_000) await services.db.query('analyze dossier_clock');
}

/** Stored clocks written by a node whose calendar was behind (revision null). */
async function stale(services: Services, jobId: number | null, progress: Progress): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await services.db.query<FullRow>(
      `select ${DOSSIER_COLUMNS}, c.computed_at as "computedAt", c.due_at as "dueStored"
         from dossier_clock c join dossier d on d.id = c.dossier_id where c.revision is null and c.dossier_id > $1
        order by c.dossier_id limit $2`, [after, FULL_BATCH]);
    if (!rows.length) return;
    after = rows[rows.length - 1]!.id;
    const { cal, revision } = snapshot(services);
    progress.moved += await timed(progress, 'stale', () => fullPath(services, cal, revision, jobId, rows, 'stale'));
    progress.done += rows.length;
  }
}

// ——— open dossiers ————————————————————————————————————————————————————————————————

interface OpenRow {
  id: number;
  /** Instants as epoch ms (int8): parsing 20,000 × 3 timestamps into Dates costs more than the whole computation. */
  receivedMs: number;
  dueMs: number | null;
  light: boolean;
  computedMs: number;
  definition: number;
  limitValue: number;
  limitUnit: TimeLimit['unit'];
}

/** Epoch milliseconds of a timestamptz column, as int8 (parsed to a number). */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::int8`;
const at = (column: string) => `to_timestamp(${column} / 1000.0)`;

/** One batch of open stored clocks after `after`, read from dossier_clock alone in index order. */
function readOpen(services: Services, after: number): Promise<OpenRow[]> {
  return services.db.transaction(async (tx) => {
    // The ordered partial-index walk whatever the statistics say (a table just filled has none,
    // and sorting every open row for each batch is ruinous).
    await tx.query('set local enable_sort = off; set local enable_bitmapscan = off');
    return tx.query<OpenRow>(
      `select c.dossier_id as id, ${ms('c.received_at')} as "receivedMs", ${ms('c.due_at')} as "dueMs", c.light and c.revision is not null as light,
              ${ms('c.computed_at')} as "computedMs", c.definition_id as definition, c.limit_value as "limitValue", c.limit_unit as "limitUnit"
         from dossier_clock c where c.finished_at is null and c.dossier_id > $1 order by c.dossier_id limit $2`,
      [after, RECOMPUTE_BATCH]);
  });
}

/**
 * Every open dossier, in batches: the next batch is read while this one is computed and written
 * (PostgreSQL and Node work at the same time), and the open tasks of a batch are written alongside
 * its stored clocks. Then the appointments that fall on a day no longer worked.
 */
async function openDossiers(services: Services, jobId: number, progress: Progress, report: () => Promise<void>): Promise<void> {
  const t0 = performance.now();
  let next: Promise<OpenRow[]> | null = readOpen(services, 0);
  while (next) {
    const rows = await timed(progress, 'read', () => next!);
    if (!rows.length) break;
    next = rows.length === RECOMPUTE_BATCH ? readOpen(services, rows[rows.length - 1]!.id) : null;
    const { cal, revision } = snapshot(services);
    const now = services.clock();

    const heavy: number[] = [];
    const ids: number[] = [], oldDue: (number | null)[] = [], newDue: number[] = [], seen: number[] = [];
    await timed(progress, 'compute', async () => {
      for (const r of rows) {
        if (!r.light) {
          heavy.push(r.id);
          continue;
        }
        const due = lightDue(cal, r.receivedMs, { value: Number(r.limitValue), unit: r.limitUnit });
        if (due === r.dueMs) continue;
        ids.push(r.id); oldDue.push(r.dueMs); newDue.push(due); seen.push(r.computedMs);
      }
    });
    const [moved, heavyMoved, tasksMoved] = await Promise.all([
      ids.length ? timed(progress, 'write', () => writeLight(services, jobId, now, ids, oldDue, newDue, seen)) : 0,
      heavy.length ? timed(progress, 'full', async () => {
        const full = await services.db.query<FullRow>(
          `select ${DOSSIER_COLUMNS}, c.computed_at as "computedAt", c.due_at as "dueStored"
             from dossier_clock c join dossier d on d.id = c.dossier_id where c.dossier_id = any($1::bigint[]) and c.finished_at is null`, [heavy]);
        return fullPath(services, cal, revision, jobId, full, 'open');
      }) : 0,
      timed(progress, 'tasks', () => openTasks(services, cal, rows)),
    ]);
    progress.done += rows.length;
    progress.moved += moved + heavyMoved;
    progress.tasksMoved += tasksMoved;
    await report();
  }
  progress.ms.dossiers = Math.round(performance.now() - t0);
  progress.moved += await timed(progress, 'appointments', () => appointmentsOffDaysOff(services, jobId));
}

/**
 * New legal due dates of light dossiers, guarded (unchanged since read), audited. The revision is
 * left as it was (the last full computation's): the row then qualifies for a HOT update, with no
 * index to touch — this is the statement a million-dossier recompute spends its time in.
 */
async function writeLight(services: Services, jobId: number, now: Date, ids: number[], oldDue: (number | null)[], newDue: number[], seen: number[]): Promise<number> {
  // Nested loops on the primary key (a merge join would walk the index from its start for every batch).
  const written = await services.db.transaction(async (tx) => {
    await tx.query('set local enable_mergejoin = off; set local enable_hashjoin = off');
    return tx.query<{ id: number }>(
    `with x as (select * from unnest($2::bigint[], $3::int8[], $4::int8[], $5::int8[]) as x(id, old_due, new_due, seen)),
          w as (update dossier_clock c set due_at = ${at('x.new_due')}, computed_at = $6
                  from x where c.dossier_id = x.id and c.finished_at is null and ${ms('c.computed_at')} = x.seen
                returning c.dossier_id as id)
     insert into clock_recompute_move (job_id, dossier_id, old_due_at, new_due_at, at)
     select $1, x.id, ${at('x.old_due')}, ${at('x.new_due')}, now() from x join w on w.id = x.id
     on conflict (job_id, dossier_id) do update set new_due_at = excluded.new_due_at
     returning dossier_id as id`,
    [jobId, ids, oldDue, newDue, seen, now]);
  });
  return written.length;
}

/**
 * The appointment rule for open dossiers (module doc): an appointment on a day that is not worked
 * any more moves to the legal due date when later, else to the same time on the next working day.
 * Appointments are only ever on working days, so the days to look at are the days off between the
 * earliest and the latest appointment (an index range scan each, normally empty).
 */
async function appointmentsOffDaysOff(services: Services, jobId: number): Promise<number> {
  const { cal } = snapshot(services);
  const range = await services.db.one<{ lo: number | null; hi: number | null }>(
    `select ${ms('min(appointment_at)')} as lo, ${ms('max(appointment_at)')} as hi from dossier`);
  if (range?.lo == null || range.hi == null) return 0;
  const tb = cal.dayTable;
  const starts: number[] = [], ends: number[] = [];
  for (let i = tb.indexOf(range.lo), last = tb.indexOf(range.hi); i <= last; i++) {
    if (tb.working[i] !== 1) {
      starts.push(tb.midnight[i]!);
      ends.push(tb.midnight[i + 1] ?? tb.midnight[i]! + 86_400_000);
    }
  }
  if (!starts.length) return 0;
  const rows = await services.db.query<{ id: number; appMs: number; dueMs: number | null }>(
    `select d.id, ${ms('d.appointment_at')} as "appMs", ${ms('c.due_at')} as "dueMs"
       from unnest($1::int8[], $2::int8[]) as o(s, e)
       join dossier d on d.appointment_at >= ${at('o.s')} and d.appointment_at < ${at('o.e')}
       join dossier_clock c on c.dossier_id = d.id and c.finished_at is null and c.error is null`, [starts, ends]);
  const ids: number[] = [], oldApp: number[] = [], newApp: number[] = [];
  for (const r of rows) {
    const app = promisedAppointment(cal, r.appMs, r.dueMs);
    if (app === r.appMs) continue;
    ids.push(r.id); oldApp.push(r.appMs); newApp.push(app);
  }
  if (!ids.length) return 0;
  const moved = await services.db.query<{ id: number; inserted: boolean }>(
    `with x as (select * from unnest($2::bigint[], $3::int8[], $4::int8[]) as x(id, old_app, new_app)),
          w as (update dossier d set appointment_at = ${at('x.new_app')} from x
                 where d.id = x.id and ${ms('d.appointment_at')} = x.old_app returning d.id)
     insert into clock_recompute_move as m (job_id, dossier_id, old_due_at, new_due_at, old_appointment_at, new_appointment_at, at)
     select $1, x.id, c.due_at, c.due_at, ${at('x.old_app')}, ${at('x.new_app')}, now()
       from x join w on w.id = x.id join dossier_clock c on c.dossier_id = x.id
     on conflict (job_id, dossier_id) do update set old_appointment_at = excluded.old_appointment_at, new_appointment_at = excluded.new_appointment_at
     returning dossier_id as id, (xmax = 0) as inserted`,
    [jobId, ids, oldApp, newApp]);
  // A dossier whose due date moved in the same job was counted already.
  return moved.filter((m) => m.inserted).length;
}

// ——— the full clock for a batch of dossiers ————————————————————————————————————————

/**
 * Computes the full clock of each dossier from its events and stores it, with the appointment rule
 * (off a day no longer worked, never earlier) and an audit row when the due date or appointment of
 * an open dossier moved. `missing`: first computation (insert; the appointment is as printed);
 * `stale`: guarded on `revision is null`; `open`: guarded on `computed_at` unchanged.
 */
async function fullPath(services: Services, cal: WorkingCalendar, revision: number, jobId: number | null, rows: FullRow[], kind: 'missing' | 'stale' | 'open'): Promise<number> {
  if (!rows.length) return 0;
  const now = services.clock();
  const events = await services.db.query<SourceEvent & { dossierId: number }>(
    `${EVENT_ROWS_SQL} where e.dossier_id = any($1::bigint[]) order by e.dossier_id, e.at, e.id`, [rows.map((r) => r.id)]);
  const byDossier = new Map<number, SourceEvent[]>();
  for (const e of events) {
    let list = byDossier.get(e.dossierId);
    if (!list) byDossier.set(e.dossierId, (list = []));
    list.push(e);
  }
  const defs = new Map<number, CompiledDefinition | undefined>();
  for (const id of new Set(rows.map((r) => r.definition))) {
    defs.set(id, await services.definitions.get(services.db, id).catch(() => undefined));
  }
  const cols = {
    id: [] as number[], verdict: [] as (string | null)[], due: [] as (Date | null)[], finished: [] as (Date | null)[], returned: [] as (Date | null)[],
    late: [] as (string | null)[], light: [] as boolean[], error: [] as (string | null)[], app: [] as Date[],
    oldDue: [] as (Date | null)[], oldApp: [] as Date[], seen: [] as (number | null)[],
  };
  for (const r of rows) {
    const c = computeColumns(cal, revision, factsOf(r), byDossier.get(r.id) ?? [], defs.get(r.definition), now);
    const movable = kind !== 'missing' && c.finishedAt === null && c.error === null;
    const app = movable ? new Date(promisedAppointment(cal, r.appointmentAt.getTime(), c.dueAt?.getTime() ?? null)) : r.appointmentAt;
    cols.id.push(r.id); cols.verdict.push(c.verdict); cols.due.push(c.dueAt); cols.finished.push(c.finishedAt); cols.returned.push(c.returnedAt);
    cols.late.push(c.lateAgencyIds ? `{${c.lateAgencyIds.join(',')}}` : null); cols.light.push(c.light); cols.error.push(c.error);
    cols.app.push(app); cols.oldDue.push(r.dueStored); cols.oldApp.push(r.appointmentAt); cols.seen.push(r.computedAt?.getTime() ?? null);
  }
  const write = kind === 'missing'
    ? `insert into dossier_clock (dossier_id, verdict, due_at, finished_at, returned_at, late_agency_ids, light, revision, computed_at, error,
                                 received_at, limit_value, limit_unit, definition_id)
         select x.id, x.verdict, x.due, x.finished, x.returned, x.late::int[], x.light, $14, $15, x.error, d.received_at,
                coalesce(d.clock_limit_value, p.time_limit_value), coalesce(d.clock_limit_unit, p.time_limit_unit), d.definition_id
           from x join dossier d on d.id = x.id join procedure p on p.code = d.procedure_code
       on conflict (dossier_id) do nothing returning dossier_id as id`
    : `update dossier_clock c set verdict = x.verdict, due_at = x.due, finished_at = x.finished, returned_at = x.returned,
              late_agency_ids = x.late::int[], light = x.light, revision = $14, computed_at = $15, error = x.error
         from x where c.dossier_id = x.id and ${kind === 'stale' ? 'c.revision is null' : `c.finished_at is null and ${ms('c.computed_at')} = x.seen`}
       returning c.dossier_id as id`;
  const moved = await services.db.query<{ id: number }>(
    `with x as (select * from unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::boolean[],
                                     $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::int8[])
                  as x(id, verdict, due, finished, returned, late, light, error, app, old_due, old_app, seen)),
          w as (${write}),
          a as (update dossier d set appointment_at = x.app from x
                 where d.id = x.id and d.appointment_at is distinct from x.app and d.id in (select id from w) returning d.id)
     insert into clock_recompute_move as m (job_id, dossier_id, old_due_at, new_due_at, old_appointment_at, new_appointment_at, at)
     select $1, x.id, x.old_due, x.due, case when x.old_app <> x.app then x.old_app end, case when x.old_app <> x.app then x.app end, now()
       from x join w on w.id = x.id
      where x.finished is null and (x.old_app <> x.app or (x.old_due is not null and x.old_due is distinct from x.due))
     on conflict (job_id, dossier_id) do update set new_due_at = excluded.new_due_at,
       old_appointment_at = coalesce(m.old_appointment_at, excluded.old_appointment_at), new_appointment_at = coalesce(excluded.new_appointment_at, m.new_appointment_at)
     returning dossier_id as id`,
    [jobId, cols.id, cols.verdict, cols.due, cols.finished, cols.returned, cols.late, cols.light, cols.error, cols.app, cols.oldDue, cols.oldApp,
      cols.seen, revision, now]);
  return moved.length;
}

// ——— open tasks ———————————————————————————————————————————————————————————————————

/** Due dates of the open tasks of these open dossiers, from the model's step durations. */
async function openTasks(services: Services, cal: WorkingCalendar, dossiers: ReadonlyArray<{ id: number; definition: number }>): Promise<number> {
  const definitionOf = new Map(dossiers.map((d) => [d.id, d.definition]));
  const tasks = (await services.db.query<{ id: number; dossier: number; elementId: string; createdMs: number; dueMs: number | null; agency: number }>(
    `select t.id, t.dossier_id as dossier, t.element_id as "elementId", ${ms('t.created_at')} as "createdMs", ${ms('t.due_at')} as "dueMs", t.agency_id as agency
       from task t where t.dossier_id = any($1::bigint[]) and t.state = 'open'`, [[...definitionOf.keys()]]))
    .map((t) => ({ ...t, definition: definitionOf.get(t.dossier)! }));
  if (!tasks.length) return 0;
  const deadlines = calendarDeadlines(cal);
  const specs = new Map<string, Duration | undefined>();
  const ids: number[] = [], olds: (number | null)[] = [], dues: number[] = [];
  for (const t of tasks) {
    const key = `${t.definition}:${t.elementId}`;
    if (!specs.has(key)) {
      const def = await services.definitions.get(services.db, t.definition).catch(() => undefined);
      specs.set(key, def?.steps.find((s) => s.elementId === t.elementId)?.duration);
    }
    const duration = specs.get(key);
    if (!duration) continue;
    const due = deadlines.stepDue(new Date(t.createdMs), duration, t.agency).getTime();
    if (due === t.dueMs) continue;
    ids.push(t.id); olds.push(t.dueMs); dues.push(due);
  }
  if (!ids.length) return 0;
  const written = await services.db.query(
    `update task t set due_at = ${at('x.due')} from unnest($1::bigint[], $2::int8[], $3::int8[]) as x(id, old, due)
      where t.id = x.id and t.state = 'open' and ${ms('t.due_at')} is not distinct from x.old returning t.id`, [ids, olds, dues]);
  return written.length;
}

/** The calendar and its revision, read together (synchronously: one rebuild cannot fall in between). */
function snapshot(services: Services): { cal: WorkingCalendar; revision: number } {
  return { cal: services.calendar.get(), revision: services.calendar.currentRevision };
}
