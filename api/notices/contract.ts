import { z } from 'zod';
import { Instant } from '../contract/common.js';
import { NOTICE_CHANNELS, NOTICE_STATES } from './notice.entity.js';
import { NOTICE_KINDS } from './templates.js';

/** One citizen notice as administrators see it. */
export const NoticeView = z.object({
  id: z.number(),
  dossierCode: z.string(),
  kind: z.enum(NOTICE_KINDS),
  channel: z.enum(NOTICE_CHANNELS),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  state: z.enum(NOTICE_STATES),
  attempts: z.number(),
  /** Next try (pending, failed), or end of the claim's lease (sending). */
  nextAttemptAt: Instant.nullable(),
  lastError: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  /** SMS parts billed. */
  segments: z.number().nullable(),
  /** The provider's idempotency key (Message-ID, request id, tracking id). */
  idempotencyKey: z.string(),
  eventAt: Instant,
  createdAt: Instant,
  updatedAt: Instant,
  sentAt: Instant.nullable(),
  resentAt: Instant.nullable(),
});
export type NoticeView = z.infer<typeof NoticeView>;

/** `GET /api/admin/notices`: newest first, `before` = the last id of the previous page. */
export const NoticeListQuery = z.object({
  state: z.enum(NOTICE_STATES, { error: 'Trạng thái phải là pending, sending, sent, failed hoặc dead' }).optional(),
  channel: z.enum(NOTICE_CHANNELS, { error: 'Kênh phải là email, sms hoặc zalo' }).optional(),
  kind: z.enum(NOTICE_KINDS).optional(),
  dossier: z.string().trim().min(1).max(60).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200, 'Tối đa 200 dòng mỗi trang').default(50),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const NoticePage = z.object({
  items: z.array(NoticeView),
  /** Pass as `before` for the next page; null on the last page. */
  next: z.number().nullable(),
});
export type NoticePage = z.infer<typeof NoticePage>;
