import type { NoticeConfig } from '../config.js';
import { ChannelError, permanentHttpStatus, postJson, vietnamMsisdn, type NoticeSender, type OutgoingNotice, type SendResult } from './types.js';

const PHONE = /^(\+?84|0)\d{9,10}$/;

/**
 * Zalo Official Account notices in the ZNS shape:
 *
 *     POST {ZALO_API_URL}            (ZNS: https://business.openapi.zalo.me/message/template)
 *     access_token: {ZALO_ACCESS_TOKEN}
 *     Idempotency-Key: {notice key}
 *     { "phone": "84912345678", "template_id": "…", "template_data": { …placeholders, "noi_dung": "…" }, "tracking_id": key }
 *
 * (`user_id` instead of `phone` for a Zalo user id), answered `{ "error": 0, "data": { "msg_id": "…" } }`;
 * any other `error` is a failed try. The rendered text travels as `template_data.noi_dung` next to
 * the placeholder values, so a ZNS template registered with Zalo can use either.
 *
 * Zalo documents `tracking_id` for reconciliation, not as a deduplication key: exactly-once on this
 * channel needs the gateway in front of it (or Zalo) to drop a repeated tracking_id / Idempotency-Key.
 */
export class ZaloOaChannel implements NoticeSender {
  readonly channel = 'zalo' as const;

  constructor(private readonly config: NonNullable<NoticeConfig['zalo']>, private readonly timeoutMs: number) {}

  async send(notice: OutgoingNotice): Promise<SendResult> {
    const to = PHONE.test(notice.recipient.replace(/[\s.]/g, '')) ? { phone: vietnamMsisdn(notice.recipient) } : { user_id: notice.recipient };
    const res = await postJson(this.config.url, {
      ...to,
      ...(this.config.templateId ? { template_id: this.config.templateId } : {}),
      template_data: { ...notice.params, noi_dung: notice.body },
      tracking_id: notice.key,
    }, { access_token: this.config.accessToken, 'idempotency-key': notice.key }, this.timeoutMs, 'Zalo');
    if (!res.ok) throw new ChannelError(`Zalo HTTP ${res.status}: ${res.text.slice(0, 300)}`, permanentHttpStatus(res.status));
    const error = Number(res.json?.error ?? -1);
    if (error !== 0) throw new ChannelError(`Zalo error ${error}: ${String(res.json?.message ?? res.text).slice(0, 300)}`);
    const data = res.json?.data as { msg_id?: unknown } | undefined;
    return { providerMessageId: data?.msg_id === undefined ? null : String(data.msg_id) };
  }
}
