import nodemailer from 'nodemailer';
import type { NoticeConfig } from '../config.js';
import { ChannelError, type NoticeSender, type OutgoingNotice, type SendResult } from './types.js';

/**
 * E-mail over SMTP (MAIL_SMTP_URL, e.g. smtps://user:pass@smtp.example.gov.vn:465) from MAIL_FROM.
 * Every try of a notice carries the same `Message-ID: <key@domain>` and `Date` (the event's):
 * SMTP itself has no idempotency, but a copy that went out twice (the server said 250 and we died
 * before recording it) is one message to mail stores and clients that collapse by Message-ID
 * (Gmail, Thunderbird, most webmail). 5xx replies (except 503) are permanent; the rest is retried.
 */
export class SmtpEmailChannel implements NoticeSender {
  readonly channel = 'email' as const;
  private readonly transport;

  constructor(private readonly config: NonNullable<NoticeConfig['email']>, timeoutMs: number) {
    this.transport = nodemailer.createTransport({
      url: config.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs,
    });
  }

  messageId(key: string): string {
    return `<${key.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, '.')}@${this.config.messageIdDomain}>`;
  }

  async send(notice: OutgoingNotice): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: notice.recipient,
        subject: notice.subject ?? '',
        text: notice.body,
        messageId: this.messageId(notice.key),
        date: notice.eventAt,
        headers: { 'X-MotCua-Notice': notice.key },
      });
      const queued = /queued as\s+(\S+)/i.exec(info.response ?? '')?.[1];
      return { providerMessageId: queued ?? info.messageId ?? null };
    } catch (err) {
      const e = err as { responseCode?: number; message?: string };
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 503;
      throw new ChannelError(`SMTP: ${e.message ?? String(err)}`, permanent);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
