import { z } from 'zod';
import { Instant } from '../contract/common.js';

const Month = (what: string) => z.string({ error: `Thiếu ${what} (YYYY-MM)` })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${what} phải có dạng YYYY-MM, ví dụ 2026-02`);

/** The cells of the report (DESIGN §5) that the drill-down can list. */
export const BUCKETS = [
  'carriedOver', 'received', 'receivedOnline', 'receivedDesk', 'receivedPost', 'toProcess',
  'processed', 'early', 'onTime', 'late', 'inProcess', 'notYetDue', 'overdue', 'returned', 'withdrawn', 'stopped',
] as const;
export type Bucket = (typeof BUCKETS)[number];

export const GROUP_BYS = ['agency', 'procedure', 'agency,procedure'] as const;

export const StatisticsQuery = z.object({
  /** Rows per handling agency, per procedure, or per agency × procedure; each × period. */
  groupBy: z.enum(GROUP_BYS, { error: 'groupBy phải là agency, procedure hoặc agency,procedure' }).default('agency'),
  period: z.enum(['month', 'quarter', 'year'], { error: 'period phải là month, quarter hoặc year' }).default('month'),
  from: Month('tháng bắt đầu (from)'),
  to: Month('tháng kết thúc (to)'),
  /** The handling agency, with the agencies under it. */
  agencyCode: z.string().max(40).optional(),
  procedureCode: z.string().max(40).optional(),
}).refine((q) => q.from <= q.to, { message: 'Tháng kết thúc (to) phải không trước tháng bắt đầu (from)', path: ['to'] });
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

export const StatisticsDossiersQuery = StatisticsQuery.and(z.object({
  bucket: z.enum(BUCKETS, { error: `bucket phải là một trong: ${BUCKETS.join(', ')}` }),
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(1000, 'Tối đa 1000 dòng mỗi trang').default(100),
}));

const Named = z.object({ code: z.string(), name: z.string() });

/**
 * One row of the report: one group (agency, procedure or both) in one period. Counts follow the
 * legal reporting shape; every dossier is counted once, under its handling agency.
 */
export const StatisticsRow = z.object({
  period: z.string(),
  periodStart: Instant,
  periodEnd: Instant,
  agency: Named.nullable(),
  procedure: Named.nullable(),
  /** Received before the period and not finished before it (kỳ trước chuyển sang). */
  carriedOver: z.number(),
  /** Received in the period, by channel (trực tuyến / trực tiếp / bưu chính). */
  received: z.object({ total: z.number(), online: z.number(), desk: z.number(), post: z.number() }),
  /** carriedOver + received.total (tổng số hồ sơ phải giải quyết). */
  toProcess: z.number(),
  /** Result ready in the period (đã giải quyết): trước hạn / đúng hạn / quá hạn. */
  processed: z.object({ total: z.number(), early: z.number(), onTime: z.number(), late: z.number() }),
  /** Not finished at the period's end (or now, for the current period): trong hạn / quá hạn. */
  inProcess: z.object({ total: z.number(), notYetDue: z.number(), overdue: z.number() }),
  /** Results handed to the citizen in the period. */
  returned: z.number(),
  /** Closed in the period without a result: withdrawn by the citizen / processing stopped. */
  withdrawn: z.number(),
  stopped: z.number(),
  /** 100 − (processed late + overdue in process) / toProcess × 100; null when nothing was to be processed. */
  onTimeRate: z.number().nullable(),
});
export type StatisticsRow = z.infer<typeof StatisticsRow>;

export const StatisticsReport = z.object({
  groupBy: z.enum(GROUP_BYS),
  period: z.enum(['month', 'quarter', 'year']),
  from: z.string(),
  to: z.string(),
  /** The instant "overdue in process" is judged at for the current period (periods in the past: their end). */
  evaluatedAt: Instant,
  rows: z.array(StatisticsRow),
  /** One row per period: all groups together. */
  totals: z.array(StatisticsRow),
});
export type StatisticsReport = z.infer<typeof StatisticsReport>;

export const StatisticsDossierPage = z.object({
  bucket: z.enum(BUCKETS),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.object({
    code: z.string(),
    period: z.string(),
    agencyCode: z.string(),
    procedureCode: z.string(),
    channel: z.string(),
    receivedAt: Instant,
    dueAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
    returnedAt: Instant.nullable(),
    /** Stored verdict (in_process while open). */
    verdict: z.string().nullable(),
  })),
});
export type StatisticsDossierPage = z.infer<typeof StatisticsDossierPage>;
