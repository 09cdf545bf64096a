/** Where and how citizen notices go out. All from the environment (see `loadNoticeConfig`). */
export interface NoticeConfig {
  /** Base of the look-up link in every notice: `${publicBaseUrl}/tra-cuu/<code>`. */
  publicBaseUrl: string;
  /** The worker polls this often for due notices (ms); 0 disables the worker in this process. */
  pollMs: number;
  /** Notices claimed per round trip. */
  batchSize: number;
  /** After this many attempts a notice is `dead` (an administrator may resend it). */
  maxAttempts: number;
  /** Retry n waits between half and all of min(backoffMaxMs, backoffBaseMs · 2^(n−1)). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A channel call gives up after this long. */
  sendTimeoutMs: number;
  /** A claim lasts this long; a worker that dies mid-send loses the row to the next after it. Kept above the send timeout. */
  leaseMs: number;
  email?: { smtpUrl: string; from: string; messageIdDomain: string };
  sms?: { url: string; token?: string; brandName: string; stripDiacritics: boolean };
  zalo?: { url: string; accessToken: string; templateId?: string };
}

const num = (v: string | undefined, fallback: number, min = 0) => {
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isFinite(n) || n < min) throw new Error(`Invalid number ${v}`);
  return n;
};
const yes = (v: string | undefined, fallback: boolean) => (v === undefined || v === '' ? fallback : /^(1|true|yes|on)$/i.test(v));

/**
 * Reads the notice settings. A channel is configured when its URL is set (MAIL_SMTP_URL,
 * SMS_GATEWAY_URL, ZALO_API_URL); notices of a channel this process cannot send stay `pending`
 * (never lost, never counted as attempts) for a process that can.
 */
export function loadNoticeConfig(env: NodeJS.ProcessEnv, publicBaseUrl: string): NoticeConfig {
  const sendTimeoutMs = num(env.NOTICE_SEND_TIMEOUT_MS, 30_000, 1);
  const mailFrom = env.MAIL_FROM || 'Một cửa điện tử <khong-tra-loi@motcua.local>';
  return {
    publicBaseUrl: publicBaseUrl.replace(/\/+$/, ''),
    pollMs: num(env.NOTICE_POLL_MS, 2_000),
    batchSize: num(env.NOTICE_BATCH_SIZE, 20, 1),
    maxAttempts: num(env.NOTICE_MAX_ATTEMPTS, 10, 1),
    backoffBaseMs: num(env.NOTICE_BACKOFF_BASE_MS, 30_000, 1),
    backoffMaxMs: num(env.NOTICE_BACKOFF_MAX_MS, 3_600_000, 1),
    sendTimeoutMs,
    leaseMs: Math.max(num(env.NOTICE_LEASE_MS, 300_000, 1), sendTimeoutMs * 2),
    email: env.MAIL_SMTP_URL ? {
      smtpUrl: env.MAIL_SMTP_URL,
      from: mailFrom,
      messageIdDomain: env.MAIL_MESSAGE_ID_DOMAIN || /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] || 'motcua.local',
    } : undefined,
    sms: env.SMS_GATEWAY_URL ? {
      url: env.SMS_GATEWAY_URL,
      token: env.SMS_GATEWAY_TOKEN || undefined,
      brandName: env.SMS_BRAND_NAME || 'MOTCUA',
      stripDiacritics: yes(env.SMS_STRIP_DIACRITICS, false),
    } : undefined,
    zalo: env.ZALO_API_URL ? {
      url: env.ZALO_API_URL,
      accessToken: env.ZALO_ACCESS_TOKEN ?? '',
      templateId: env.ZALO_TEMPLATE_ID || undefined,
    } : undefined,
  };
}
