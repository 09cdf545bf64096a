/**
 * The stored clock of a dossier (`dossier_clock`, one row per dossier): what statistics need, derived from the
 * dossier's events and the working calendar — never typed in, always recomputable. Written in the
 * transaction of every event (receive, complete, timer: `applyRun`) and, after a calendar change,
 * by the recompute job (open dossiers only).
 */
import { ClockRuleError, type ClockResult } from '../../engine/clock/index.js';
import type { WorkingCalendar } from '../../engine/calendar/index.js';
import type { CompiledDefinition } from '../../engine/runtime/types.js';
import type { Sql } from '../db/database.js';
import type { Services } from '../services.js';
import type { DossierRow } from '../dossiers/dossier-row.js';
import type { DossierEventInput } from '../dossiers/record-events.js';
import { dossierClock } from './compute.js';
import { clockInputOf, type DossierClockFacts, type SourceEvent } from './source.js';

/** The values of a `dossier_clock` row. */
export interface ClockColumns {
  verdict: string | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  lateAgencyIds: number[] | null;
  light: boolean;
  revision: number;
  computedAt: Date;
  error: string | null;
}

/**
 * Writes the stored clock of the dossier returned by a CTE named `d` (column `id`), values at
 * `$first…$first+12` in {@link clockParams} order: `with d as (update dossier … returning id) ${CLOCK_UPSERT(n)}`
 * — one statement with the officer's action. A node whose calendar is behind the database's
 * revision (nodes refresh every CALENDAR_REFRESH_MS) stores a null revision: the recompute worker
 * then recomputes the row on the current calendar.
 */
export const CLOCK_UPSERT = (first: number) => {
  const $ = (k: number) => `$${first + k}`;
  return `insert into dossier_clock as c (dossier_id, verdict, due_at, finished_at, returned_at, late_agency_ids, light, revision, computed_at, error,
                                          received_at, limit_value, limit_unit, definition_id)
    select d.id, ${$(0)}, ${$(1)}::timestamptz, ${$(2)}::timestamptz, ${$(3)}::timestamptz, ${$(4)}::int[], ${$(5)},
           case when (select r.revision from calendar_revision r where r.id = 1) > ${$(6)}::bigint then null else ${$(6)}::bigint end,
           ${$(7)}::timestamptz, ${$(8)}, ${$(9)}::timestamptz, ${$(10)}::numeric, ${$(11)}, ${$(12)}::int from d
    on conflict (dossier_id) do update set verdict = excluded.verdict, due_at = excluded.due_at, finished_at = excluded.finished_at,
      returned_at = excluded.returned_at, late_agency_ids = excluded.late_agency_ids, light = excluded.light, revision = excluded.revision,
      computed_at = excluded.computed_at, error = excluded.error`;
};

/** Parameters of {@link CLOCK_UPSERT}: the computed row, then the dossier's immutable inputs. */
export const clockParams = (c: ClockColumns, d: Pick<DossierRow, 'receivedAt' | 'limitValue' | 'limitUnit' | 'definition'>) =>
  [c.verdict, c.dueAt, c.finishedAt, c.returnedAt, c.lateAgencyIds, c.light, c.revision, c.computedAt, c.error,
    d.receivedAt, Number(d.limitValue), d.limitUnit, d.definition];

/**
 * Stored verdict: the final one once closed (early / on_time / late / withdrawn / stopped);
 * `in_process` while open — whether it is overdue depends on the instant asked about, so statistics
 * compare `due_at` with that instant instead of storing it.
 */
export function columnsOf(result: ClockResult, light: boolean, revision: number, now: Date): ClockColumns {
  const open = result.finishedAt === null;
  return {
    verdict: open ? 'in_process' : result.verdict,
    dueAt: result.appointment.due,
    finishedAt: result.finishedAt,
    returnedAt: result.returnedAt,
    // The hot path names agencies by id (see `rowEvents`): late agencies are ids.
    lateAgencyIds: result.steps.filter((s) => s.verdict === 'late' && s.agencyCode !== undefined)
      .map((s) => Number(s.agencyCode)).filter((id, i, all) => Number.isInteger(id) && all.indexOf(id) === i),
    light,
    revision,
    computedAt: now,
    error: null,
  };
}

export function errorColumns(err: ClockRuleError, revision: number, now: Date): ClockColumns {
  return { verdict: null, dueAt: null, finishedAt: null, returnedAt: null, lateAgencyIds: null, light: false, revision, computedAt: now, error: err.code };
}

/** Facts of the dossier row the clock needs. */
export const factsOf = (d: Pick<DossierRow, 'receivedAt' | 'finishedAt' | 'returnedAt' | 'limitValue' | 'limitUnit' | 'supplementRestarts'>): DossierClockFacts => ({
  receivedAt: d.receivedAt,
  finishedAt: d.finishedAt,
  returnedAt: d.returnedAt,
  limit: { value: Number(d.limitValue), unit: d.limitUnit },
  supplementRestarts: d.supplementRestarts !== false,
});

/**
 * Computes the stored fields from facts and events on one calendar. A clock rule broken by the
 * stored events must never fail the officer's action: the error code is stored instead (and GET
 * …/clock explains it).
 */
export function computeColumns(cal: WorkingCalendar, revision: number, facts: DossierClockFacts, events: readonly SourceEvent[],
  def: Pick<CompiledDefinition, 'steps'> | undefined, now: Date): ClockColumns {
  const { input, light } = clockInputOf(facts, events, def);
  try {
    return columnsOf(dossierClock(cal, input, now, { explain: false }), light, revision, now);
  } catch (err) {
    if (err instanceof ClockRuleError) return errorColumns(err, revision, now);
    throw err;
  }
}

/** History rows of dossiers as the clock reads them, agencies named by id (what the stored fields keep). */
export const EVENT_ROWS_SQL = `select e.dossier_id as "dossierId", e.at, e.action, e.task_id as "taskId", t.element_id as "elementId",
    e.agency_id::text as agency, e.step_name as "stepName", e.data
   from dossier_event e left join task t on t.id = e.task_id`;

/** The in-memory events of this transaction, as source events (agencies by id). */
export const sourceOf = (e: DossierEventInput): SourceEvent => ({
  at: e.at, action: e.action, taskId: e.task ?? null, elementId: e.elementId ?? null,
  agency: e.agency == null ? null : String(e.agency), stepName: e.stepName ?? null, data: e.data ?? null,
});

/**
 * The stored fields of `dossier` after this transaction's `events` (not yet written): the earlier
 * events are read (none when the dossier is being received), the calendar is the node's current one.
 */
export async function clockColumnsInTx(tx: Sql, services: Services, dossier: DossierRow, events: readonly DossierEventInput[], now: Date): Promise<ClockColumns> {
  const fresh = events.some((e) => e.action === 'received');
  const [prior, def] = await Promise.all([
    fresh ? Promise.resolve([] as SourceEvent[]) : tx.query<SourceEvent>(`${EVENT_ROWS_SQL} where e.dossier_id = $1 order by e.at, e.id`, [dossier.id]),
    services.definitions.get(tx, dossier.definition),
  ]);
  const cal = services.calendar.get();
  const revision = services.calendar.currentRevision;
  return computeColumns(cal, revision, factsOf(dossier), [...prior, ...events.filter((e) => e.dossier === dossier.id).map(sourceOf)], def, now);
}
