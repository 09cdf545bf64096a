/**
 * Recomputing the stored clock fields when the working calendar changes.
 *
 * An administrator adds or removes a day (api/calendar) → `calendar_revision` moves → each node's
 * CalendarProvider rebuilds its calendar. A recompute pass (api/clock/recompute-worker.ts, every
 * node, every few seconds) then:
 *
 * 1. takes the session advisory lock {@link RECOMPUTE_LOCK} on a connection of its own — one node
 *    at a time does recompute work; if it dies, its session ends and the lock is free again;
 * 2. creates the job of the node's calendar revision if there is none (`clock_recompute_job`,
 *    unique per revision; older pending jobs are superseded), and runs the newest unfinished job:
 *    - **catch-up**: dossiers whose fields were never computed or were written by a node with a
 *      stale calendar (`clock_revision is null`, see `CLOCK_SET`): the full clock from events;
 *    - **open dossiers** (`clock_finished_at is null`), by id, in batches: the *light* path
 *      (calendar arithmetic on the receipt, api/clock/light.ts) for dossiers without waits,
 *      restarts or apology, the full clock for the others; only rows whose fields changed are
 *      written, each with an audit row (`clock_recompute_move`: old → new due date and
 *      appointment); then the due dates of their open tasks (step durations of the model).
 *    Closed dossiers keep their stored fields: their verdict was final when they closed.
 *    Progress (`done` / `total`, moved) is written after every batch.
 * 3. without a job to run, still runs the catch-up (rows written by a stale node after a job).
 *
 * Appointment (`dossier.appointment_at`, printed on the receipt, Mẫu 01) — decision: the receipt
 * is a promise to the citizen, so a calendar change does not rewrite it. It moves only when its
 * day is no longer a working day (the citizen must not be asked to come on a day off): to the new
 * legal deadline when that is later, else to the same time on the next working day. It never moves
 * earlier (a day off cancelled does not silently bring the promise forward). The legal deadline
 * (`clock_due_at`, what verdicts are measured against) always follows the calendar, both ways.
 * Each movement of either is audited (`clock_recompute_move`).
 *
 * Writes are guarded: a row changed since it was read (an officer's action in between) is left to
 * that action, which computed it itself.
 */
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { TimeLimit, WorkingCalendar } from '../../engine/calendar/index.js';
import type { CompiledDefinition } from '../../engine/runtime/types.js';
import type { Services } from '../services.js';
import { calendarDeadlines } from '../dossiers/deadlines.js';
import { DOSSIER_COLUMNS, type DossierRow } from '../dossiers/dossier-row.js';
import { lightDue, promisedAppointment } from './light.js';
import { EVENT_ROWS_SQL, computeColumns, factsOf } from './materialise.js';
import type { SourceEvent } from './source.js';

/** pg_advisory_lock key of the recompute work ('MCCLOCK1' as a bigint). */
export const RECOMPUTE_LOCK = '5567646576763981617';
export const RECOMPUTE_BATCH = Number(process.env.CLOCK_RECOMPUTE_BATCH ?? 20_000);
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

interface Progress { done: number; moved: number; tasksMoved: number }

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
    await ensureJob(services, revision);
    const job = await services.db.one<{ id: number; calendarRevision: number; done: number; moved: number; tasksMoved: number }>(
      `select id, calendar_revision as "calendarRevision", done, moved, tasks_moved as "tasksMoved" from clock_recompute_job
        where state in ('pending', 'running') and calendar_revision <= $1 order by calendar_revision desc limit 1`, [revision]);
    if (!job) {
      const p = await catchUp(services, null, { done: 0, moved: 0, tasksMoved: 0 }, async () => {});
      return { jobId: null, ...p, ran: true };
    }
    return { jobId: job.id, ...(await runJob(services, job, log)), ran: true };
  } finally {
    if (locked) await client.query('select pg_advisory_unlock($1::bigint)', [RECOMPUTE_LOCK]).catch(() => {});
    client.release();
  }
}

/** The job of `revision`, unless one exists; pending jobs of older revisions are superseded by it. */
async function ensureJob(services: Services, revision: number): Promise<void> {
  const last = await services.db.one<{ r: number | null }>('select max(calendar_revision) as r from clock_recompute_job');
  if (last?.r !== null && last?.r !== undefined && last.r >= revision) return;
  await services.db.transaction(async (tx) => {
    await tx.query(`insert into clock_recompute_job (calendar_revision, state, created_at) values ($1, 'pending', now())
                    on conflict (calendar_revision) do nothing`, [revision]);
    await tx.query(`update clock_recompute_job set state = 'superseded', finished_at = now()
                     where state in ('pending', 'running') and calendar_revision < $1`, [revision]);
  });
}

async function runJob(services: Services, job: { id: number; done: number; moved: number; tasksMoved: number }, log?: Logger): Promise<Progress> {
  const db = services.db;
  const left = await db.one<{ open: number; missing: number }>(
    `select (select count(*) from dossier where clock_finished_at is null) as open,
            (select count(*) from dossier where clock_revision is null) as missing`);
  await db.query(`update clock_recompute_job set state = 'running', claimed_by = $2, started_at = coalesce(started_at, now()),
                         heartbeat_at = now(), total = done + $3 where id = $1`, [job.id, NODE, left!.open + left!.missing]);
  const progress: Progress = { done: job.done, moved: job.moved, tasksMoved: job.tasksMoved };
  const report = () => db.query(`update clock_recompute_job set done = $2, moved = $3, tasks_moved = $4, heartbeat_at = now() where id = $1`,
    [job.id, progress.done, progress.moved, progress.tasksMoved]).then(() => undefined);
  const started = Date.now();
  try {
    await catchUp(services, job.id, progress, report);
    await openDossiers(services, job.id, progress, report);
    await catchUp(services, job.id, progress, report);
    await db.query(`update clock_recompute_job set state = 'done', done = $2, moved = $3, tasks_moved = $4, total = greatest(total, $2),
                           heartbeat_at = now(), finished_at = now() where id = $1`,
      [job.id, progress.done, progress.moved, progress.tasksMoved]);
    log?.info({ job: job.id, ...progress, ms: Date.now() - started }, 'clock recompute done');
    return progress;
  } catch (err) {
    await db.query(`update clock_recompute_job set state = 'failed', error = $2, heartbeat_at = now() where id = $1`, [job.id, String(err)]).catch(() => {});
    throw err;
  }
}

// ——— catch-up: the full clock for rows never computed or computed on a stale calendar ————————————

async function catchUp(services: Services, jobId: number | null, progress: Progress, report: () => Promise<void>): Promise<Progress> {
  let after = 0;
  for (;;) {
    const rows = await services.db.query<DossierRow & { computedAt: Date | null; revision: number | null; finishedStored: Date | null; dueStored: Date | null }>(
      `select ${DOSSIER_COLUMNS}, d.clock_computed_at as "computedAt", d.clock_revision as revision, d.clock_due_at as "dueStored",
              d.clock_finished_at as "finishedStored"
         from dossier d where d.clock_revision is null and d.id > $1 order by d.id limit $2`, [after, Math.min(RECOMPUTE_BATCH, 5_000)]);
    if (!rows.length) return progress;
    after = rows[rows.length - 1]!.id;
    const { cal, revision } = snapshot(services);
    const moved = await fullPath(services, cal, revision, jobId, rows, 'missing');
    progress.done += rows.length;
    progress.moved += moved;
    progress.tasksMoved += await openTasks(services, cal, rows[0]!.id, after);
    await report();
  }
}

// ——— open dossiers ————————————————————————————————————————————————————————————————

interface OpenRow {
  id: number;
  receivedAt: Date;
  appointmentAt: Date;
  dueAt: Date | null;
  light: boolean | null;
  computedAt: Date | null;
  limitValue: number;
  limitUnit: TimeLimit['unit'];
}

async function openDossiers(services: Services, jobId: number, progress: Progress, report: () => Promise<void>): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await services.db.query<OpenRow>(
      `select d.id, d.received_at as "receivedAt", d.appointment_at as "appointmentAt", d.clock_due_at as "dueAt", d.clock_light as light,
              d.clock_computed_at as "computedAt",
              coalesce(d.clock_limit_value, (select lp.time_limit_value from procedure lp where lp.code = d.procedure_code)) as "limitValue",
              coalesce(d.clock_limit_unit, (select lp.time_limit_unit from procedure lp where lp.code = d.procedure_code)) as "limitUnit"
         from dossier d where d.clock_finished_at is null and d.clock_revision is not null and d.id > $1 order by d.id limit $2`,
      [after, RECOMPUTE_BATCH]);
    if (!rows.length) return;
    const first = rows[0]!.id;
    after = rows[rows.length - 1]!.id;
    const { cal, revision } = snapshot(services);
    const now = services.clock();

    const heavy: number[] = [];
    const ids: number[] = [], oldDue: (Date | null)[] = [], newDue: Date[] = [], oldApp: Date[] = [], newApp: Date[] = [], seen: (Date | null)[] = [];
    for (const r of rows) {
      if (r.light !== true) {
        heavy.push(r.id);
        continue;
      }
      const due = lightDue(cal, r.receivedAt.getTime(), { value: Number(r.limitValue), unit: r.limitUnit });
      const app = promisedAppointment(cal, r.appointmentAt.getTime(), due);
      if (due === r.dueAt?.getTime() && app === r.appointmentAt.getTime()) continue;
      ids.push(r.id); oldDue.push(r.dueAt); newDue.push(new Date(due)); oldApp.push(r.appointmentAt); newApp.push(new Date(app)); seen.push(r.computedAt);
    }
    let moved = 0;
    if (ids.length) {
      const written = await services.db.query<{ id: number }>(
        `with x as (select * from unnest($2::bigint[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
                      as x(id, old_due, new_due, old_app, new_app, seen)),
              upd as (update dossier d set clock_due_at = x.new_due, appointment_at = x.new_app, clock_revision = $8, clock_computed_at = $9
                        from x where d.id = x.id and d.clock_finished_at is null and d.clock_computed_at is not distinct from x.seen
                      returning d.id, x.old_due, x.new_due, x.old_app, x.new_app)
         insert into clock_recompute_move (job_id, dossier_id, old_due_at, new_due_at, old_appointment_at, new_appointment_at, at)
         select $1, id, old_due, new_due, old_app, new_app, now() from upd returning dossier_id as id`,
        [jobId, ids, oldDue, newDue, oldApp, newApp, seen, revision, now]);
      moved += written.length;
    }
    if (heavy.length) {
      const full = await services.db.query<DossierRow & { computedAt: Date | null; revision: number | null; finishedStored: Date | null; dueStored: Date | null }>(
        `select ${DOSSIER_COLUMNS}, d.clock_computed_at as "computedAt", d.clock_revision as revision, d.clock_due_at as "dueStored",
                d.clock_finished_at as "finishedStored"
           from dossier d where d.id = any($1::bigint[]) and d.clock_finished_at is null order by d.id`, [heavy]);
      moved += await fullPath(services, cal, revision, jobId, full, 'open');
    }
    progress.done += rows.length;
    progress.moved += moved;
    progress.tasksMoved += await openTasks(services, cal, first, after);
    await report();
  }
}

// ——— the full clock for a batch of dossiers ————————————————————————————————————————

/**
 * Computes the full clock of each dossier from its events and writes every `clock_*` field, the
 * appointment rule (later, never earlier) and an audit row when the due date or appointment moved.
 * `missing` rows are guarded on `clock_revision is null`, `open` rows on `clock_computed_at`.
 */
async function fullPath(services: Services, cal: WorkingCalendar, revision: number, jobId: number | null,
  rows: Array<DossierRow & { computedAt: Date | null; dueStored: Date | null; finishedStored: Date | null }>, kind: 'missing' | 'open'): Promise<number> {
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
    late: [] as (string | null)[], light: [] as (boolean | null)[], error: [] as (string | null)[], app: [] as Date[],
    oldDue: [] as (Date | null)[], oldApp: [] as Date[], seen: [] as (Date | null)[], limitValue: [] as number[], limitUnit: [] as string[],
  };
  for (const r of rows) {
    const c = computeColumns(cal, revision, factsOf(r), byDossier.get(r.id) ?? [], defs.get(r.definition), now);
    // The promise moves only off a day that is no longer worked (never earlier); closed dossiers keep
    // theirs, and so do rows computed for the first time (imported: their appointment is as printed).
    const movable = c.finishedAt === null && c.error === null && (kind === 'open' || r.computedAt !== null);
    const app = movable ? new Date(promisedAppointment(cal, r.appointmentAt.getTime(), c.dueAt?.getTime() ?? null)) : r.appointmentAt;
    cols.id.push(r.id); cols.verdict.push(c.verdict); cols.due.push(c.dueAt); cols.finished.push(c.finishedAt); cols.returned.push(c.returnedAt);
    cols.late.push(c.lateAgencyIds ? `{${c.lateAgencyIds.join(',')}}` : null); cols.light.push(c.light); cols.error.push(c.error);
    cols.app.push(app); cols.oldDue.push(r.dueStored); cols.oldApp.push(r.appointmentAt); cols.seen.push(r.computedAt);
    cols.limitValue.push(Number(r.limitValue)); cols.limitUnit.push(r.limitUnit);
  }
  const guard = kind === 'missing' ? 'd.clock_revision is null' : 'd.clock_finished_at is null and d.clock_computed_at is not distinct from x.seen';
  // Moves are audited for open dossiers whose due date or appointment changed (a first computation has no old due date to compare).
  const moved = await services.db.query<{ id: number }>(
    `with x as (select * from unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::boolean[],
                                     $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::numeric[], $15::text[])
                  as x(id, verdict, due, finished, returned, late, light, error, app, old_due, old_app, seen, limit_value, limit_unit)),
          upd as (update dossier d set clock_verdict = x.verdict, clock_due_at = x.due, clock_finished_at = x.finished, clock_returned_at = x.returned,
                         clock_late_agency_ids = x.late::int[], clock_light = x.light, clock_error = x.error, appointment_at = x.app,
                         clock_limit_value = coalesce(d.clock_limit_value, x.limit_value), clock_limit_unit = coalesce(d.clock_limit_unit, x.limit_unit),
                         clock_revision = $16, clock_computed_at = $17
                    from x where d.id = x.id and ${guard}
                  returning d.id, x.finished, x.old_due, x.due, x.old_app, x.app)
     insert into clock_recompute_move (job_id, dossier_id, old_due_at, new_due_at, old_appointment_at, new_appointment_at, at)
     select $1, id, old_due, due, old_app, app, now() from upd
      where finished is null and (old_app is distinct from app or (old_due is not null and old_due is distinct from due))
     returning dossier_id as id`,
    [jobId, cols.id, cols.verdict, cols.due, cols.finished, cols.returned, cols.late, cols.light, cols.error, cols.app, cols.oldDue, cols.oldApp,
      cols.seen, cols.limitValue, cols.limitUnit, revision, now]);
  return moved.length;
}

// ——— open tasks ———————————————————————————————————————————————————————————————————

/** Due dates of the open tasks of open dossiers with ids in [from, to], from the model's step durations. */
async function openTasks(services: Services, cal: WorkingCalendar, from: number, to: number): Promise<number> {
  const tasks = await services.db.query<{ id: number; elementId: string; createdAt: Date; dueAt: Date | null; definition: number; agency: number }>(
    `select t.id, t.element_id as "elementId", t.created_at as "createdAt", t.due_at as "dueAt", d.definition_id as definition, t.agency_id as agency
       from task t join dossier d on d.id = t.dossier_id
      where t.dossier_id between $1 and $2 and t.state = 'open' and d.clock_finished_at is null`, [from, to]);
  if (!tasks.length) return 0;
  const deadlines = calendarDeadlines(cal);
  const defs = new Map<number, CompiledDefinition | undefined>();
  const ids: number[] = [], olds: (Date | null)[] = [], dues: Date[] = [];
  for (const t of tasks) {
    if (!defs.has(t.definition)) defs.set(t.definition, await services.definitions.get(services.db, t.definition).catch(() => undefined));
    const duration = defs.get(t.definition)?.steps.find((s) => s.elementId === t.elementId)?.duration;
    if (!duration) continue;
    const due = deadlines.stepDue(t.createdAt, duration, t.agency);
    if (due.getTime() === t.dueAt?.getTime()) continue;
    ids.push(t.id); olds.push(t.dueAt); dues.push(due);
  }
  if (!ids.length) return 0;
  const written = await services.db.query(
    `update task t set due_at = x.due from unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[]) as x(id, old, due)
      where t.id = x.id and t.state = 'open' and t.due_at is not distinct from x.old returning t.id`, [ids, olds, dues]);
  return written.length;
}

/** The calendar and its revision, read together (synchronously: one rebuild cannot fall in between). */
function snapshot(services: Services): { cal: WorkingCalendar; revision: number } {
  return { cal: services.calendar.get(), revision: services.calendar.currentRevision };
}
