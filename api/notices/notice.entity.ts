import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from '../dossiers/dossier.entity.js';
import { User } from '../users/user.entity.js';

export const NOTICE_CHANNELS = ['email', 'sms', 'zalo'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * pending → sending → sent; a failed try → failed (retried at next_attempt_at) and, after the last
 * attempt or a permanent refusal, dead. An administrator's resend puts a failed or dead notice back to pending.
 */
export const NOTICE_STATES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/**
 * The notice outbox: one message to one recipient on one channel, written in the transaction of
 * the dossier event it announces (DESIGN §1) and delivered by the notice worker. Subject and body
 * are rendered when the event happens, so a retry or a resend says exactly what was true then.
 */
export const Notice = defineEntity({
  name: 'Notice',
  tableName: 'notice',
  indexes: [
    // The worker's claim: due rows only (a `sending` row is due again when its lease runs out).
    { name: 'notice_due_idx', expression: 'create index "notice_due_idx" on "notice" ("next_attempt_at") where "state" in (\'pending\', \'failed\', \'sending\')' },
    { properties: ['state', 'id'] },
  ],
  properties: {
    id: p.bigint('number').primary(),
    dossier: () => p.manyToOne(Dossier).mapToPk().index().deleteRule('cascade'),
    /** received, result_returned, refused, finished_early. */
    kind: p.string().length(40),
    channel: p.enum([...NOTICE_CHANNELS]),
    /** E-mail address, or phone number as the applicant gave it (SMS, Zalo). */
    recipient: p.string().length(320),
    subject: p.text().nullable(),
    body: p.text(),
    /** The template's placeholder values (Zalo ZNS sends them as template_data). */
    params: p.json<Record<string, string>>(),
    /**
     * `<dossier code>:<kind>:<channel>`: unique, so enqueueing the same event again adds nothing;
     * also what the provider sees (Message-ID, request id) so a re-send after a crash is dropped there.
     */
    idempotencyKey: p.string().length(200).unique(),
    state: p.enum([...NOTICE_STATES]),
    attempts: p.integer().default(0),
    /** When the worker may next claim it; while `sending`, the end of the claim's lease. */
    nextAttemptAt: p.datetime(),
    /** The current claim, so a worker whose lease ran out cannot overwrite its successor's outcome. */
    claimToken: p.uuid().nullable(),
    lastError: p.text().nullable(),
    providerMessageId: p.string().length(200).nullable(),
    /** SMS parts billed (GSM-7 160/153, UCS-2 70/67 per part). */
    segments: p.smallint().nullable(),
    /** The instant of the dossier event. */
    eventAt: p.datetime(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    sentAt: p.datetime().nullable(),
    resentAt: p.datetime().nullable(),
    resentBy: () => p.manyToOne(User).mapToPk().nullable(),
  },
});
export type Notice = InferEntity<typeof Notice>;
