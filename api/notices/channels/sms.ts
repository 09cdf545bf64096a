import type { NoticeConfig } from '../config.js';
import { ChannelError, permanentHttpStatus, postJson, vietnamMsisdn, type NoticeSender, type OutgoingNotice, type SendResult } from './types.js';
import { countSms, stripDiacritics } from './sms-text.js';

/**
 * Brand-name SMS through an HTTP gateway. The request:
 *
 *     POST {SMS_GATEWAY_URL}
 *     Authorization: Bearer {SMS_GATEWAY_TOKEN}
 *     Idempotency-Key: {notice key}
 *     { "requestId": key, "to": "84912345678", "brandName": "MOTCUA", "text": "…", "unicode": true, "segments": 3 }
 *
 * answered 2xx with `{ "messageId": "…" }`. The gateway must treat a repeated requestId /
 * Idempotency-Key as the same message (answer with the first messageId, send nothing), as
 * Vietnamese gateways do with their request-id fields. A vendor with another shape is another
 * adapter of `NoticeSender`. 4xx (except 408/409/425/429) is a permanent refusal; 5xx, timeouts
 * and network errors are retried.
 */
export class HttpSmsGateway implements NoticeSender {
  readonly channel = 'sms' as const;

  constructor(private readonly config: NonNullable<NoticeConfig['sms']>, private readonly timeoutMs: number) {}

  /** The text as sent (diacritics stripped when configured) and its parts. */
  prepare(body: string) {
    const text = this.config.stripDiacritics ? stripDiacritics(body) : body;
    return { text, ...countSms(text) };
  }

  async send(notice: OutgoingNotice): Promise<SendResult> {
    const { text, encoding, segments } = this.prepare(notice.body);
    const res = await postJson(this.config.url, {
      requestId: notice.key, to: vietnamMsisdn(notice.recipient), brandName: this.config.brandName,
      text, unicode: encoding === 'UCS-2', segments,
    }, {
      'idempotency-key': notice.key,
      ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}),
    }, this.timeoutMs, 'SMS gateway');
    if (!res.ok) throw new ChannelError(`SMS gateway HTTP ${res.status}: ${res.text.slice(0, 300)}`, permanentHttpStatus(res.status));
    const id = res.json?.messageId;
    return { providerMessageId: id === undefined || id === null ? null : String(id), segments };
  }
}
