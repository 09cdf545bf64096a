/**
 * The statistics of DESIGN §5 from the stored clocks (`dossier_clock`, api/clock): one SQL
 * statement per report, whatever the number of dossiers. Every count is one of the predicates of
 * {@link BUCKET_SQL}; the drill-down lists the dossiers of a predicate, so a cell and its list can
 * never disagree.
 *
 * A dossier in a period P = [s, e) with evaluation instant t = min(e, now) (a dossier whose clock is
 * not stored yet — only rows from before the clock, until the worker's first pass — counts as open):
 * - it takes part in P when received before e and not closed before s (closed = result ready,
 *   withdrawn or stopped: `dossier_clock.finished_at`), or when its result was handed over in P;
 * - carried over: received before s; received: in P (by channel);
 * - processed: closed in P with verdict early / on_time / late (stored when it closed);
 * - in process: not closed at e — overdue when its legal deadline `due_at` < t (the same rule
 *   as the clock's `overdue_in_process`: evaluated after the deadline), else not yet due;
 * - returned: `returned_at` in P; withdrawn / stopped: closed in P that way.
 * So toProcess = carriedOver + received = processed + withdrawn + stopped + inProcess.
 */
import type { Sql } from '../db/database.js';
import type { Bucket, StatisticsQuery, StatisticsRow } from './contract.js';
import { toIso } from '../time.js';

const ACTIVE = '(c.finished_at is null or c.finished_at >= p.s)';
const CLOSED_IN = '(c.finished_at >= p.s and c.finished_at < p.e)';
const OPEN_AT_END = '(c.finished_at is null or c.finished_at >= p.e)';
const OVERDUE = `(${OPEN_AT_END} and c.due_at < p.t)`;

/** Each cell as a predicate over a dossier `d` joined to a period `p(label, s, e, t)`. */
export const BUCKET_SQL: Record<Bucket, string> = {
  carriedOver: `(${ACTIVE} and d.received_at < p.s)`,
  received: '(d.received_at >= p.s)',
  receivedOnline: "(d.received_at >= p.s and d.channel = 'online')",
  receivedDesk: "(d.received_at >= p.s and d.channel = 'desk')",
  receivedPost: "(d.received_at >= p.s and d.channel = 'post')",
  toProcess: ACTIVE,
  processed: `(${CLOSED_IN} and c.verdict in ('early', 'on_time', 'late'))`,
  early: `(${CLOSED_IN} and c.verdict = 'early')`,
  onTime: `(${CLOSED_IN} and c.verdict = 'on_time')`,
  late: `(${CLOSED_IN} and c.verdict = 'late')`,
  inProcess: OPEN_AT_END,
  notYetDue: `(${OPEN_AT_END} and not coalesce(c.due_at < p.t, false))`,
  overdue: OVERDUE,
  returned: '(c.returned_at >= p.s and c.returned_at < p.e)',
  withdrawn: `(${CLOSED_IN} and c.verdict = 'withdrawn')`,
  stopped: `(${CLOSED_IN} and c.verdict = 'stopped')`,
};

/** Dossiers that take part in a period at all (the join condition). */
const IN_PERIOD = 'd.received_at < p.e and (c.finished_at is null or c.finished_at >= p.s or c.returned_at >= p.s)';

export interface Period { label: string; start: Date; end: Date }

/** The periods (Vietnamese civil months, quarters or years) covering months `from`…`to`. */
export function periodsOf(period: StatisticsQuery['period'], from: string, to: string): Period[] {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const step = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const align = (m: number) => (period === 'month' ? m : period === 'quarter' ? m - ((m - 1) % 3) : 1);
  const at = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1) - 7 * 3_600_000); // 00:00 in Việt Nam (UTC+7, no DST)
  const out: Period[] = [];
  let y = fy;
  let m = align(fm);
  while (y < ty || (y === ty && m <= tm)) {
    const ny = m + step > 12 ? y + 1 : y;
    const nm = ((m - 1 + step) % 12) + 1;
    const label = period === 'month' ? `${y}-${String(m).padStart(2, '0')}` : period === 'quarter' ? `${y}-Q${(m + 2) / 3}` : `${y}`;
    out.push({ label, start: at(y, m), end: at(ny, nm) });
    y = ny;
    m = nm;
  }
  return out;
}

export interface Scope {
  /** Handling agencies under this one (its `path`), or every agency when null. */
  agencyPath: string | null;
  procedureCode?: string;
}

const periodsCte = (first: number) =>
  `p(label, s, e, t) as (select x.label, x.s, x.e, least(x.e, $${first + 3}::timestamptz)
     from unnest($${first}::text[], $${first + 1}::timestamptz[], $${first + 2}::timestamptz[]) as x(label, s, e))`;

const scopeSql = (first: number) =>
  `($${first}::text is null or d.handling_agency_id in (select sa.id from agency sa where sa.path like $${first} || '%'))
   and ($${first + 1}::text is null or d.procedure_code = $${first + 1})`;

const periodParams = (periods: Period[], now: Date) => [periods.map((p) => p.label), periods.map((p) => p.start), periods.map((p) => p.end), now];

interface CountRow {
  label: string; agencyCode: string | null; agencyName: string | null; procedureCode: string | null; procedureName: string | null;
  counts: Record<Bucket, number>;
}

/** Rows per group × period, and the per-period totals. */
export async function statistics(db: Sql, q: StatisticsQuery, scope: Scope, periods: Period[], now: Date): Promise<{ rows: StatisticsRow[]; totals: StatisticsRow[] }> {
  const byAgency = q.groupBy.includes('agency');
  const byProcedure = q.groupBy.includes('procedure');
  const buckets = Object.keys(BUCKET_SQL) as Bucket[];
  const counts = `json_build_object(${buckets.map((b) => `'${b}', count(*) filter (where ${BUCKET_SQL[b]})`).join(', ')})`;
  // grouping sets: the groups, and the per-period total.
  const groups = [byAgency ? 'd.handling_agency_id' : null, byProcedure ? 'd.procedure_code' : null].filter(Boolean).join(', ');
  const raw = await db.query<CountRow & { agencyId: number | null; total: boolean }>(
    `with ${periodsCte(1)}
     select p.label, ${byAgency ? 'd.handling_agency_id' : 'null::int'} as "agencyId", ${byProcedure ? 'd.procedure_code' : 'null::text'} as "procedureCode",
            grouping(${groups}) > 0 as total, ${counts} as counts
       from dossier d left join dossier_clock c on c.dossier_id = d.id join p on ${IN_PERIOD}
      where ${scopeSql(5)}
      group by grouping sets ((p.label, ${groups}), (p.label))`,
    [...periodParams(periods, now), scope.agencyPath, scope.procedureCode ?? null]);

  const agencyIds = [...new Set(raw.map((r) => r.agencyId).filter((x): x is number => x !== null))];
  const procedureCodes = [...new Set(raw.map((r) => r.procedureCode).filter((x): x is string => x !== null))];
  const [agencies, procedures] = await Promise.all([
    agencyIds.length ? db.query<{ id: number; code: string; name: string }>('select id, code, name from agency where id = any($1::int[])', [agencyIds]) : [],
    procedureCodes.length ? db.query<{ code: string; name: string }>('select code, name from procedure where code = any($1::text[])', [procedureCodes]) : [],
  ]);
  const agencyOf = new Map(agencies.map((a) => [a.id, { code: a.code, name: a.name }]));
  const procedureOf = new Map(procedures.map((p) => [p.code, { code: p.code, name: p.name }]));
  const periodOf = new Map(periods.map((p) => [p.label, p]));
  const order = new Map(periods.map((p, i) => [p.label, i]));

  const toRow = (r: (typeof raw)[number]): StatisticsRow => {
    const c = r.counts;
    const p = periodOf.get(r.label)!;
    return {
      period: r.label,
      periodStart: toIso(p.start),
      periodEnd: toIso(p.end),
      agency: !r.total && r.agencyId !== null ? agencyOf.get(r.agencyId) ?? null : null,
      procedure: !r.total && r.procedureCode !== null ? procedureOf.get(r.procedureCode) ?? null : null,
      carriedOver: c.carriedOver,
      received: { total: c.received, online: c.receivedOnline, desk: c.receivedDesk, post: c.receivedPost },
      toProcess: c.toProcess,
      processed: { total: c.processed, early: c.early, onTime: c.onTime, late: c.late },
      inProcess: { total: c.inProcess, notYetDue: c.notYetDue, overdue: c.overdue },
      returned: c.returned,
      withdrawn: c.withdrawn,
      stopped: c.stopped,
      onTimeRate: onTimeRate(c.late, c.overdue, c.toProcess),
    };
  };
  const sortKey = (r: StatisticsRow) => `${String(order.get(r.period)).padStart(4, '0')}|${r.agency?.code ?? ''}|${r.procedure?.code ?? ''}`;
  const rows = raw.filter((r) => !r.total).map(toRow).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const totals = raw.filter((r) => r.total).map(toRow).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return { rows, totals };
}

/** 100% − (late finished + overdue in process) / dossiers to be processed, two decimals. */
export function onTimeRate(late: number, overdue: number, toProcess: number): number | null {
  if (toProcess === 0) return null;
  return Math.round((100 - ((late + overdue) / toProcess) * 100) * 100) / 100;
}

export interface BucketItem {
  code: string; period: string; agencyCode: string; procedureCode: string; channel: string;
  receivedAt: Date; dueAt: Date | null; finishedAt: Date | null; returnedAt: Date | null; verdict: string | null;
}

/** The dossiers counted in one cell (a bucket over the periods and filters of the query), with the total. */
export async function bucketDossiers(db: Sql, bucket: Bucket, scope: Scope, periods: Period[], now: Date, page: number, pageSize: number): Promise<{ total: number; items: BucketItem[] }> {
  const rows = await db.query<BucketItem & { total: number }>(
    `with ${periodsCte(1)}
     select d.code, p.label as period, a.code as "agencyCode", d.procedure_code as "procedureCode", d.channel, d.received_at as "receivedAt",
            c.due_at as "dueAt", c.finished_at as "finishedAt", c.returned_at as "returnedAt", c.verdict as verdict,
            count(*) over () as total
       from dossier d left join dossier_clock c on c.dossier_id = d.id join p on ${IN_PERIOD} join agency a on a.id = d.handling_agency_id
      where ${scopeSql(5)} and ${BUCKET_SQL[bucket]}
      order by p.s, d.code
      limit $7 offset $8`,
    [...periodParams(periods, now), scope.agencyPath, scope.procedureCode ?? null, pageSize, (page - 1) * pageSize]);
  const total = rows[0]?.total ?? (page > 1 ? await countBucket(db, bucket, scope, periods, now) : 0);
  return { total, items: rows.map(({ total: _t, ...item }) => item) };
}

async function countBucket(db: Sql, bucket: Bucket, scope: Scope, periods: Period[], now: Date): Promise<number> {
  const row = await db.one<{ n: number }>(
    `with ${periodsCte(1)} select count(*) as n from dossier d left join dossier_clock c on c.dossier_id = d.id join p on ${IN_PERIOD} where ${scopeSql(5)} and ${BUCKET_SQL[bucket]}`,
    [...periodParams(periods, now), scope.agencyPath, scope.procedureCode ?? null]);
  return row?.n ?? 0;
}
