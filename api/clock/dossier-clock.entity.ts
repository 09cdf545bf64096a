import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from '../dossiers/dossier.entity.js';

/**
 * The stored clock of a dossier (api/clock/README.md): what statistics need, derived from the
 * dossier's events and the working calendar — never typed in, always recomputable. One row per
 * dossier, written in the transaction of every event (receive, complete, timer) and, after a
 * calendar change, by the recompute job (open dossiers only). A narrow table of its own, so the
 * recompute of a million open dossiers writes small rows, and the dossier rows the inbox reads
 * do not churn.
 */
export const DossierClock = defineEntity({
  name: 'DossierClock',
  tableName: 'dossier_clock',
  indexes: [
    // The recompute job's walk over open dossiers.
    { name: 'dossier_clock_open_idx', expression: 'create index "dossier_clock_open_idx" on "dossier_clock" ("dossier_id") where "finished_at" is null' },
    // Rows written by a node whose calendar was behind (revision null): the worker's catch-up.
    { name: 'dossier_clock_stale_idx', expression: 'create index "dossier_clock_stale_idx" on "dossier_clock" ("dossier_id") where "revision" is null' },
  ],
  properties: {
    dossier: () => p.manyToOne(Dossier).mapToPk().primary().deleteRule('cascade'),
    // Copies of the dossier's immutable inputs of the light recompute, so its walk over a million
    // open dossiers reads this narrow table only: receipt instant, the limit frozen at receipt
    // (dossier.clock_limit_*, or the procedure's for rows from before the clock), the definition.
    receivedAt: p.datetime(),
    limitValue: p.decimal('number').precision(8).scale(2),
    limitUnit: p.string().length(20),
    definitionId: p.integer(),
    /** early | on_time | late | withdrawn | stopped once closed; in_process while open (overdue = instant > due_at, never stored). */
    verdict: p.string().length(20).nullable(),
    /** The legal deadline (null while the clock waits for the citizen before it was reached). */
    dueAt: p.datetime().nullable(),
    /** The finish: result ready (status-9 step entered, or `completed`), returned without one, withdrawn or stopped. */
    finishedAt: p.datetime().nullable(),
    /** The result handed to the citizen (after the finish, or as the finish). */
    returnedAt: p.datetime().nullable(),
    /** Agencies (ids) with a step finished late. */
    lateAgencyIds: p.array<number>().columnType('int[]').nullable(),
    /** No waits, restarts or apology: the due date is calendar arithmetic on the receipt (the light recompute). */
    light: p.boolean(),
    /** The calendar revision the fields were computed with; null = computed on a stale calendar, to recompute. */
    revision: p.bigint('number').nullable(),
    computedAt: p.datetime(),
    /** ClockRuleError code when the events break a clock rule (the fields above are then empty). */
    error: p.string().length(40).nullable(),
  },
});
export type DossierClock = InferEntity<typeof DossierClock>;
