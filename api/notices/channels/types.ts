import type { NoticeChannel } from '../notice.entity.js';

/** A claimed notice as a channel sees it. `key` must reach the provider unchanged on every try. */
export interface OutgoingNotice {
  id: number;
  key: string;
  channel: NoticeChannel;
  recipient: string;
  subject: string | null;
  body: string;
  params: Record<string, string>;
  eventAt: Date;
}

export interface SendResult {
  /** The provider's id for the message (for reconciliation with its delivery reports). */
  providerMessageId: string | null;
  /** SMS parts billed. */
  segments?: number;
}

/** One way to reach a citizen. Implementations must pass `notice.key` to the provider as its idempotency key. */
export interface NoticeSender {
  readonly channel: NoticeChannel;
  send(notice: OutgoingNotice): Promise<SendResult>;
  close?(): Promise<void>;
}

/** A send that did not go through. `permanent`: the provider refused this message for good (no retry). */
export class ChannelError extends Error {
  constructor(message: string, readonly permanent = false) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** HTTP statuses that will not change on retry: the request itself is wrong. */
export const permanentHttpStatus = (status: number) => status >= 400 && status < 500 && ![408, 409, 425, 429].includes(status);

/** POSTs JSON with a deadline; network failures and timeouts become transient ChannelErrors. */
export async function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number, what: string) {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new ChannelError(`${what} unreachable: ${(err as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  let json: unknown = undefined;
  try { json = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
  return { status: res.status, ok: res.ok, text, json: json as Record<string, unknown> | undefined };
}

/** 0912345678 / +84912345678 → 84912345678, the form Vietnamese gateways and Zalo take. */
export function vietnamMsisdn(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  if (digits.startsWith('84')) return digits;
  if (digits.startsWith('0')) return `84${digits.slice(1)}`;
  return digits;
}
