import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../users/user.entity.js';
import { Procedure } from '../procedures/procedure.entity.js';
import { Definition } from '../procedures/definition.entity.js';
import type { Applicant } from '../contract/dossiers.js';

export interface DossierDocument { key: string; name: string; received: boolean; copies: number }

/** A dossier (hồ sơ) received at a one-stop desk. */
export const Dossier = defineEntity({
  name: 'Dossier',
  tableName: 'dossier',
  indexes: [
    { properties: ['handlingAgency', 'receivedAt'] },
    { properties: ['applicantIdNumber'] },
    // The recompute job's walk over open dossiers (api/clock/recompute.ts).
    { name: 'dossier_clock_open_idx', expression: 'create index "dossier_clock_open_idx" on "dossier" ("id") where "clock_finished_at" is null' },
    // Dossiers whose clock was never materialised (imported rows, rows from before the clock).
    { name: 'dossier_clock_missing_idx', expression: 'create index "dossier_clock_missing_idx" on "dossier" ("id") where "clock_revision" is null' },
  ],
  uniques: [{ properties: ['createdBy', 'idempotencyKey'] }],
  properties: {
    id: p.bigint('number').primary(),
    code: p.string().length(60).unique(),
    procedure: () => p.manyToOne(Procedure).mapToPk(),
    definition: () => p.manyToOne(Definition).mapToPk(),
    receivingAgency: () => p.manyToOne(Agency).mapToPk(),
    handlingAgency: () => p.manyToOne(Agency).mapToPk(),
    channel: p.string().length(10),
    applicant: p.json<Applicant>(),
    applicantName: p.string().length(200),
    applicantIdNumber: p.string().length(12),
    documents: p.json<DossierDocument[]>(),
    /** National Public Service Portal status code (DESIGN §4). */
    status: p.smallint(),
    outcome: p.string().length(20).nullable(),
    receivedAt: p.datetime(),
    appointmentAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    returnedAt: p.datetime().nullable(),
    createdBy: () => p.manyToOne(User).mapToPk(),
    idempotencyKey: p.string().length(100).nullable(),
    note: p.text().nullable(),

    // ——— the dossier clock (api/clock/README.md) ————————————————————————————
    // Frozen at receipt: the limit and the supplement rule in force when the dossier was received.
    // Null on rows from before the clock: the procedure's current values are used.
    clockLimitValue: p.decimal('number').precision(8).scale(2).nullable(),
    clockLimitUnit: p.string().length(20).nullable(),
    clockSupplementRestarts: p.boolean().nullable(),
    // Derived from the dossier's events + the working calendar, never typed in; written in the
    // transaction of every event (receive, complete, timer) and by the recompute job after a
    // calendar change (open dossiers only). Statistics read these.
    /** early | on_time | late | withdrawn | stopped once closed; in_process while open (overdue = now > clock_due_at, never stored). */
    clockVerdict: p.string().length(20).nullable(),
    /** The legal deadline (null while the clock waits for the citizen before it was reached). */
    clockDueAt: p.datetime().nullable(),
    /** The finish: result ready (status 9 step entered / completed), returned, withdrawn or stopped. */
    clockFinishedAt: p.datetime().nullable(),
    /** The result handed to the citizen (after a completion, or as the finish). */
    clockReturnedAt: p.datetime().nullable(),
    /** Agencies (ids) with a step finished late. */
    clockLateAgencyIds: p.array<number>().columnType('int[]').nullable(),
    /** No waits, restarts or apology: the due date is calendar arithmetic on the receipt (light recompute). */
    clockLight: p.boolean().nullable(),
    /** The calendar revision the stored fields were computed with; null = never computed. */
    clockRevision: p.bigint('number').nullable(),
    clockComputedAt: p.datetime().nullable(),
    /** ClockRuleError code when the events break a clock rule (the fields above are then empty). */
    clockError: p.string().length(40).nullable(),
  },
});
export type Dossier = InferEntity<typeof Dossier>;
