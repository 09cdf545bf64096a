import { createRouter } from '../http/router.js';
import type { Ctx } from '../http/state.js';
import { parse } from '../http/validate.js';
import { HttpError, forbidden } from '../http/errors.js';
import { requireUser } from '../auth/middleware.js';
import { toIso, toIsoOrNull } from '../time.js';
import { StatisticsDossiersQuery, StatisticsQuery, type StatisticsDossierPage, type StatisticsReport } from './contract.js';
import { bucketDossiers, periodsOf, statistics, type Period, type Scope } from './query.js';

/**
 * On-time statistics in the legal reporting shape (DESIGN §5), from the stored clock fields.
 * Administrators see the province; other officers the agencies at and under their own.
 */
export const statisticsRoutes = createRouter();

const MAX_PERIODS = 120;

statisticsRoutes.get('/statistics', async (ctx) => {
  const q = parse(StatisticsQuery, ctx.query, 'query');
  const { scope, periods, now } = await prepare(ctx, q);
  const { rows, totals } = await statistics(ctx.services.db, q, scope, periods, now);
  ctx.body = { groupBy: q.groupBy, period: q.period, from: q.from, to: q.to, evaluatedAt: toIso(now), rows, totals } satisfies StatisticsReport;
});

statisticsRoutes.get('/statistics/dossiers', async (ctx) => {
  const q = parse(StatisticsDossiersQuery, ctx.query, 'query');
  const { scope, periods, now } = await prepare(ctx, q);
  const { total, items } = await bucketDossiers(ctx.services.db, q.bucket, scope, periods, now, q.page, q.pageSize);
  ctx.body = {
    bucket: q.bucket, total, page: q.page, pageSize: q.pageSize,
    items: items.map((i) => ({
      ...i, receivedAt: toIso(i.receivedAt), dueAt: toIsoOrNull(i.dueAt), finishedAt: toIsoOrNull(i.finishedAt), returnedAt: toIsoOrNull(i.returnedAt),
    })),
  } satisfies StatisticsDossierPage;
});

/** Periods, the officer's scope (narrowed by agencyCode / procedureCode) and the evaluation instant. */
async function prepare(ctx: Ctx, q: StatisticsQuery): Promise<{ scope: Scope; periods: Period[]; now: Date }> {
  const user = requireUser(ctx);
  const db = ctx.services.db;
  const periods = periodsOf(q.period, q.from, q.to);
  if (periods.length > MAX_PERIODS) {
    throw new HttpError(400, 'TOO_MANY_PERIODS', `Tối đa ${MAX_PERIODS} kỳ báo cáo mỗi lần (đang chọn ${periods.length})`, `${periods.length} periods > ${MAX_PERIODS}`, 'to');
  }
  const own = (await db.one<{ path: string }>('select path from agency where id = $1', [user.agency]))!.path;
  let agencyPath: string | null = user.roles.includes('admin') ? null : own;
  if (q.agencyCode !== undefined) {
    const agency = await db.one<{ path: string }>('select path from agency where code = $1', [q.agencyCode]);
    if (!agency) throw new HttpError(400, 'UNKNOWN_AGENCY', `Không tìm thấy cơ quan có mã "${q.agencyCode}"`, `Unknown agency ${q.agencyCode}`, 'agencyCode');
    if (agencyPath !== null && !agency.path.startsWith(agencyPath)) {
      throw forbidden('Bạn chỉ xem được thống kê của cơ quan mình và các đơn vị trực thuộc', `User ${user.username} may not see statistics of ${q.agencyCode}`);
    }
    agencyPath = agency.path;
  }
  if (q.procedureCode !== undefined && !(await db.one('select 1 from procedure where code = $1', [q.procedureCode]))) {
    throw new HttpError(400, 'UNKNOWN_PROCEDURE', `Không tìm thấy thủ tục có mã "${q.procedureCode}"`, `Unknown procedure ${q.procedureCode}`, 'procedureCode');
  }
  return { scope: { agencyPath, procedureCode: q.procedureCode }, periods, now: ctx.services.clock() };
}
