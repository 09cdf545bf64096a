import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from '../dossiers/dossier.entity.js';
import { ClockRecomputeJob } from './recompute-job.entity.js';

/**
 * Audit of a recompute: one row per open dossier whose legal due date or citizen appointment moved
 * because the working calendar changed (old → new of both).
 */
export const ClockRecomputeMove = defineEntity({
  name: 'ClockRecomputeMove',
  tableName: 'clock_recompute_move',
  // One row per dossier and job: a due date and an appointment moved by the same job share it.
  uniques: [{ properties: ['job', 'dossier'] }],
  properties: {
    id: p.bigint('number').primary(),
    /** Null for the catch-up of dossiers written with a stale calendar outside a job. */
    job: () => p.manyToOne(ClockRecomputeJob).mapToPk().nullable().deleteRule('cascade'),
    dossier: () => p.manyToOne(Dossier).mapToPk().index().deleteRule('cascade'),
    oldDueAt: p.datetime().nullable(),
    newDueAt: p.datetime().nullable(),
    /** Both null when the appointment did not move (only the legal due date did). */
    oldAppointmentAt: p.datetime().nullable(),
    newAppointmentAt: p.datetime().nullable(),
    at: p.datetime().defaultRaw('now()'),
  },
});
export type ClockRecomputeMove = InferEntity<typeof ClockRecomputeMove>;
