import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from '../dossiers/dossier.entity.js';
import { ProcessInstance } from '../tasks/instance.entity.js';

/** A BPMN timer waiting to fire; claimed by any node with SKIP LOCKED. */
export const TimerJob = defineEntity({
  name: 'TimerJob',
  tableName: 'timer_job',
  uniques: [{ properties: ['instance', 'executionId'] }],
  indexes: [{ name: 'timer_job_due_idx', expression: 'create index "timer_job_due_idx" on "timer_job" ("due_at") where "state" = \'waiting\'' }],
  properties: {
    id: p.bigint('number').primary(),
    instance: () => p.manyToOne(ProcessInstance).mapToPk().deleteRule('cascade'),
    dossier: () => p.manyToOne(Dossier).mapToPk().deleteRule('cascade'),
    executionId: p.string().length(200),
    elementId: p.string().length(200),
    dueAt: p.datetime(),
    state: p.string().length(12),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
  },
});
export type TimerJob = InferEntity<typeof TimerJob>;
