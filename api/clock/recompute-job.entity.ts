import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const RECOMPUTE_JOB_STATES = ['pending', 'running', 'done', 'failed', 'superseded'] as const;
export type RecomputeJobState = (typeof RECOMPUTE_JOB_STATES)[number];

/**
 * One recompute of the stored clock fields after the working calendar changed (one job per calendar
 * revision: the unique revision lets any node create it, once). The node holding the recompute
 * advisory lock runs it (api/clock/recompute.ts); when that node dies its session ends, the lock is
 * free and the next node's pass resumes the job where its counters say. The row is the progress
 * report (`done` / `total`) and the anchor of the audit (`clock_recompute_move`).
 */
export const ClockRecomputeJob = defineEntity({
  name: 'ClockRecomputeJob',
  tableName: 'clock_recompute_job',
  properties: {
    id: p.integer().primary(),
    /** The calendar revision the job brings the open dossiers to. */
    calendarRevision: p.bigint('number').unique(),
    state: p.enum([...RECOMPUTE_JOB_STATES]),
    /** Dossiers to look at (counted when the job starts) and looked at so far. */
    total: p.integer().default(0),
    done: p.integer().default(0),
    /** Dossiers whose legal due date or appointment moved (one audit row each). */
    moved: p.integer().default(0),
    /** Open tasks whose due date moved. */
    tasksMoved: p.integer().default(0),
    /** The node running it (host:pid). */
    claimedBy: p.string().length(100).nullable(),
    /** Last progress write (every batch). */
    heartbeatAt: p.datetime().nullable(),
    error: p.text().nullable(),
    /**
     * The administrators' calendar rows when the job was created (date → kind). Compared with the
     * previous job's, it gives the days that changed: only open dossiers whose counting window
     * reaches one of them can move.
     */
    calendarDays: p.json<Record<string, string>>().nullable(),
    /** Where the time went (ms per phase: catchUp, dossiers, tasks) and what the light path handled. */
    detail: p.json<Record<string, number>>().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type ClockRecomputeJob = InferEntity<typeof ClockRecomputeJob>;
