import { z } from 'zod';
import { Page, Instant } from './common.js';

export const InboxQuery = Page.extend({
  scope: z.enum(['mine', 'groups']).default('mine'),
  procedureCode: z.string().optional(),
  q: z.string().max(100).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxItem = z.object({
  taskId: z.number(),
  dossierCode: z.string(),
  applicantName: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  stepName: z.string(),
  assignee: z.string().nullable(),
  receivedAt: Instant,
  stepDueAt: Instant.nullable(),
  appointmentAt: Instant,
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxPage = z.object({
  items: z.array(InboxItem),
  page: z.number(),
  pageSize: z.number(),
  hasMore: z.boolean(),
});
export type InboxPage = z.infer<typeof InboxPage>;

export const CompleteRequest = z.object({
  /** Required on steps followed by a decision gateway: "approve" or "reject". */
  decision: z.enum(['approve', 'reject'], { error: 'Quyết định phải là "approve" hoặc "reject"' }).optional(),
  note: z.string().max(2000, 'Ghi chú tối đa 2000 ký tự').optional(),
  /** Step data for forms and gateway conditions: at most 64 kB as JSON. */
  data: z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= 65_536, 'Dữ liệu của bước tối đa 64 kB').optional(),
});
export type CompleteRequest = z.infer<typeof CompleteRequest>;
