import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Sql } from '../db/database.js';
import type { NoticeConfig } from './config.js';
import type { NoticeChannel } from './notice.entity.js';
import { createSenders, type Senders } from './channels/index.js';
import { ChannelError, type OutgoingNotice } from './channels/types.js';

export interface NoticeWorkerDeps {
  /** Autocommitting statements (the pool): a claim must be visible to other workers before the send starts. */
  db: Sql;
  config: NoticeConfig;
  senders: Senders;
  clock: () => Date;
  log: Logger;
  /** Jitter source, [0, 1). */
  random?: () => number;
}

export interface DeliveryReport { claimed: number; sent: number; retrying: number; dead: number }

interface Claimed extends OutgoingNotice { state: 'sending' | 'dead'; attempts: number; claimToken: string | null }

/**
 * Delivers the due notices of the `notice` outbox: at least once per notice, effectively once for
 * the citizen.
 *
 * 1. **Claim** (one autocommitted statement): up to `batchSize` due rows of the channels this
 *    process can send — `pending`, `failed` whose retry time has come, or `sending` whose lease
 *    has run out — are picked `FOR UPDATE SKIP LOCKED` (so any number of workers on any number
 *    of nodes never pick the same row) and set to `sending` with `attempts + 1`, a fresh
 *    `claim_token` and `next_attempt_at = now + lease`. The claim is committed *before* anything
 *    is sent, and no transaction or connection is held while a provider is called.
 * 2. **Send** with the notice's idempotency key `<dossier code>:<kind>:<channel>` — the same on
 *    every try, including after a crash and an administrator's resend: SMS gateway `requestId` and
 *    `Idempotency-Key`, Zalo `tracking_id` and `Idempotency-Key`, e-mail `Message-ID` (and Date).
 * 3. **Mark** `sent` (provider message id, SMS parts) — or `failed` with the next try at
 *    now + backoff, or `dead` after `maxAttempts` or a permanent refusal — only `where claim_token`
 *    is still ours, so a worker that overran its lease cannot overwrite its successor.
 *
 * A crash (or a lost database connection) anywhere between 1 and 3 leaves the row `sending`; when
 * its lease ends it is due again and re-sent with the same key. If the first send had reached the
 * provider, the provider drops the repeat (an SMS gateway answers with the first message id; a mail
 * store collapses the same Message-ID), so the citizen gets one message: at-least-once delivery +
 * provider-side deduplication = effectively once. The window is only "provider accepted → our
 * UPDATE committed"; nothing is ever dropped, because a row leaves `pending/failed/sending` only
 * by a recorded success or by going `dead`, where administrators see it and may resend it.
 * A crash counts as an attempt, so a message that kills its worker every time ends `dead` too.
 *
 * Retry n (n = attempts so far) waits d/2 + random·d/2 with d = min(backoffMax, backoffBase·2^(n−1))
 * ("equal jitter": growing, never zero, spread so a gateway outage does not end in a stampede).
 */
export async function deliverDueNotices(deps: NoticeWorkerDeps, maxRounds = 5): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, dead: 0 };
  const channels = [...deps.senders.keys()];
  if (!channels.length) return report;
  for (let round = 0; round < maxRounds; round++) {
    const batch = await claim(deps, channels);
    report.claimed += batch.length;
    const live = batch.filter((n) => n.state === 'sending');
    report.dead += batch.length - live.length;
    for (const abandoned of batch.filter((n) => n.state === 'dead')) {
      deps.log.error({ notice: abandoned.id, key: abandoned.key }, 'notice abandoned: its worker lost the claim on the last attempt');
    }
    const outcomes = await Promise.all(live.map((n) => deliverOne(deps, n)));
    for (const o of outcomes) report[o]++;
    if (batch.length < deps.config.batchSize) break;
  }
  return report;
}

async function claim(deps: NoticeWorkerDeps, channels: NoticeChannel[]): Promise<Claimed[]> {
  const now = deps.clock();
  const { batchSize, maxAttempts, leaseMs } = deps.config;
  return deps.db.query<Claimed>(
    `with due as (
       select id from notice
        where state in ('pending', 'failed', 'sending') and next_attempt_at <= $1 and channel = any($2::text[])
        order by next_attempt_at, id limit $3
        for update skip locked)
     update notice n set
       state = case when n.attempts >= $4 then 'dead' else 'sending' end,
       attempts = case when n.attempts >= $4 then n.attempts else n.attempts + 1 end,
       claim_token = case when n.attempts >= $4 then null else $5::uuid end,
       next_attempt_at = case when n.attempts >= $4 then n.next_attempt_at else $6 end,
       last_error = case when n.attempts >= $4 then 'claim lease expired on the last attempt (worker crashed or hung); '
                         || coalesce(n.last_error, '') else n.last_error end,
       updated_at = $1
     from due where n.id = due.id
     returning n.id, n.idempotency_key as key, n.channel, n.recipient, n.subject, n.body, n.params, n.event_at as "eventAt",
               n.state, n.attempts, n.claim_token as "claimToken"`,
    [now, channels, batchSize, maxAttempts, randomUUID(), new Date(now.getTime() + leaseMs)]);
}

type Outcome = 'sent' | 'retrying' | 'dead';

async function deliverOne(deps: NoticeWorkerDeps, notice: Claimed): Promise<Outcome> {
  const sender = deps.senders.get(notice.channel)!;
  let result;
  try {
    result = await sender.send(notice);
  } catch (err) {
    return recordFailure(deps, notice, err);
  }
  try {
    await mark(deps, notice, `state = 'sent', sent_at = $3, provider_message_id = $4, segments = $5, last_error = null`,
      [result.providerMessageId, result.segments ?? null]);
  } catch (err) {
    // Sent but not recorded: the row stays `sending`; after the lease it is re-sent with the same key, and deduplicated.
    deps.log.error({ err, notice: notice.id, key: notice.key }, 'notice sent but not marked; it will be re-sent with the same idempotency key');
  }
  return 'sent';
}

async function recordFailure(deps: NoticeWorkerDeps, notice: Claimed, err: unknown): Promise<Outcome> {
  const permanent = err instanceof ChannelError && err.permanent;
  const dead = permanent || notice.attempts >= deps.config.maxAttempts;
  const message = `${permanent ? 'permanent: ' : ''}${(err as Error)?.message ?? String(err)}`.slice(0, 2000);
  const next = new Date(deps.clock().getTime() + (dead ? 0 : retryDelay(notice.attempts, deps.config, deps.random)));
  const fields = { notice: notice.id, key: notice.key, attempts: notice.attempts, error: message };
  if (dead) deps.log.error(fields, 'notice dead');
  else deps.log.warn({ ...fields, nextAttemptAt: next }, 'notice send failed; will retry');
  try {
    await mark(deps, notice, 'state = $4, next_attempt_at = $5, last_error = $6', [dead ? 'dead' : 'failed', next, message]);
  } catch (markErr) {
    deps.log.error({ err: markErr, notice: notice.id }, 'could not record a failed send; it is retried when the lease ends');
  }
  return dead ? 'dead' : 'retrying';
}

/** Records the outcome of our claim; a no-op if the lease ran out and another worker took the row. */
async function mark(deps: NoticeWorkerDeps, notice: Claimed, set: string, params: unknown[]): Promise<void> {
  const rows = await deps.db.query(
    `update notice set ${set}, claim_token = null, updated_at = $3 where id = $1 and claim_token = $2 returning id`,
    [notice.id, notice.claimToken, deps.clock(), ...params]);
  if (!rows.length) deps.log.warn({ notice: notice.id }, 'notice claim was taken over (lease expired); outcome left to the new claim');
}

/** Wait before try n+1 after n tries: equal jitter over an exponential step, capped. */
export function retryDelay(attempts: number, config: Pick<NoticeConfig, 'backoffBaseMs' | 'backoffMaxMs'>, random: () => number = Math.random): number {
  const step = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export interface NoticeWorker {
  /** Waits for the pass in progress, then closes the channels. */
  stop(): Promise<void>;
}

/**
 * Runs `deliverDueNotices` every `config.pollMs` (never two passes at once in one process; any
 * number of processes may run it). `pollMs = 0` starts nothing.
 */
export function startNoticeWorker(options: { db: Sql; config: NoticeConfig; clock: () => Date; log: Logger; senders?: Senders }): NoticeWorker {
  const senders = options.senders ?? createSenders(options.config);
  const deps: NoticeWorkerDeps = { ...options, senders };
  const closeSenders = () => Promise.all([...senders.values()].map((s) => s.close?.())).then(() => {});
  if (!options.config.pollMs) return { stop: closeSenders };
  if (!senders.size) options.log.warn('no notice channel configured (MAIL_SMTP_URL, SMS_GATEWAY_URL, ZALO_API_URL): notices stay pending');
  else options.log.info({ channels: [...senders.keys()] }, 'notice worker started');

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(pass, options.config.pollMs);
    timer.unref();
  };
  const pass = () => {
    running = deliverDueNotices(deps)
      .catch((err) => options.log.error({ err }, 'notice worker pass failed'))
      .finally(schedule);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await closeSenders();
    },
  };
}
