import { z } from 'zod';
import type { Sql } from '../db/database.js';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { conflict, notFound } from '../http/errors.js';
import { requireRole } from '../auth/middleware.js';
import { toIso, toIsoOrNull } from '../time.js';
import { NoticeListQuery, type NoticePage, type NoticeView } from './contract.js';

export const noticeRoutes = createRouter();

const NOTICE_COLUMNS = `n.id, d.code as "dossierCode", n.kind, n.channel, n.recipient, n.subject, n.body, n.state, n.attempts,
  n.next_attempt_at as "nextAttemptAt", n.last_error as "lastError", n.provider_message_id as "providerMessageId", n.segments,
  n.idempotency_key as "idempotencyKey", n.event_at as "eventAt", n.created_at as "createdAt", n.updated_at as "updatedAt",
  n.sent_at as "sentAt", n.resent_at as "resentAt"`;

type Row = Omit<NoticeView, 'nextAttemptAt' | 'eventAt' | 'createdAt' | 'updatedAt' | 'sentAt' | 'resentAt'>
  & { nextAttemptAt: Date; eventAt: Date; createdAt: Date; updatedAt: Date; sentAt: Date | null; resentAt: Date | null };

const view = (r: Row): NoticeView => ({
  ...r,
  nextAttemptAt: r.state === 'sent' || r.state === 'dead' ? null : toIso(r.nextAttemptAt),
  eventAt: toIso(r.eventAt), createdAt: toIso(r.createdAt), updatedAt: toIso(r.updatedAt),
  sentAt: toIsoOrNull(r.sentAt), resentAt: toIsoOrNull(r.resentAt),
});

/** Citizen notices, newest first, filtered by state (e.g. `dead`), channel, kind, dossier code. Administrators only. */
noticeRoutes.get('/admin/notices', async (ctx) => {
  requireRole(ctx, 'admin');
  const q = parse(NoticeListQuery, ctx.query, 'query');
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.state) add('n.state = ?', q.state);
  if (q.channel) add('n.channel = ?', q.channel);
  if (q.kind) add('n.kind = ?', q.kind);
  if (q.dossier) add('d.code = ?', q.dossier.toUpperCase());
  if (q.before) add('n.id < ?', q.before);
  params.push(q.limit + 1);
  const rows = await ctx.services.db.query<Row>(
    `select ${NOTICE_COLUMNS} from notice n join dossier d on d.id = n.dossier_id
      ${where.length ? `where ${where.join(' and ')}` : ''} order by n.id desc limit $${params.length}`, params);
  const items = rows.slice(0, q.limit).map(view);
  const page: NoticePage = { items, next: rows.length > q.limit ? items[items.length - 1].id : null };
  ctx.body = page;
});

const NoticeId = z.coerce.number({ error: 'Mã thông báo phải là số' }).int('Mã thông báo phải là số').positive('Mã thông báo phải là số');

/**
 * Sends a `dead` (or `failed`, waiting for its next try) notice again now, with a fresh set of
 * attempts. Same text and same idempotency key: if an earlier try did reach the provider after
 * all, the provider drops this one rather than message the citizen twice.
 */
noticeRoutes.post('/admin/notices/:id/resend', async (ctx) => {
  const user = requireRole(ctx, 'admin');
  const id = parse(NoticeId, ctx.params.id, 'id');
  const db = ctx.services.db;
  const now = ctx.services.clock();
  // The row as this update left it (the worker may claim it the next millisecond).
  const resent = await db.one<Row>(
    `with n as (
       update notice set state = 'pending', attempts = 0, next_attempt_at = $2, claim_token = null, resent_at = $2, resent_by_id = $3, updated_at = $2
        where id = $1 and state in ('dead', 'failed') returning *)
     select ${NOTICE_COLUMNS} from n join dossier d on d.id = n.dossier_id`, [id, now, user.id]);
  if (!resent) {
    const row = await findNotice(db, id);
    if (!row) throw notFound(`Không tìm thấy thông báo số ${id}`, `No notice ${id}`, 'id');
    throw conflict('NOTICE_NOT_RESENDABLE', 'Chỉ gửi lại được thông báo đã thất bại; thông báo này đã gửi hoặc đang chờ gửi',
      `Notice ${id} is ${row.state}; only dead or failed notices can be resent`);
  }
  ctx.log.info({ notice: id, by: user.username }, 'notice resend requested');
  ctx.body = view(resent);
});

function findNotice(db: Sql, id: number) {
  return db.one<Row>(`select ${NOTICE_COLUMNS} from notice n join dossier d on d.id = n.dossier_id where n.id = $1`, [id]);
}
