import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../users/user.entity.js';
import { Dossier } from '../dossiers/dossier.entity.js';
import { ProcessInstance } from './instance.entity.js';

/** A user task waiting in (or done from) an officer's inbox. */
export const Task = defineEntity({
  name: 'Task',
  tableName: 'task',
  uniques: [{ properties: ['instance', 'executionId'] }],
  indexes: [
    { name: 'task_open_agency_idx', expression: 'create index "task_open_agency_idx" on "task" ("agency_id", "created_at", "id") where "state" = \'open\' and "assignee_id" is null' },
    { name: 'task_open_assignee_idx', expression: 'create index "task_open_assignee_idx" on "task" ("assignee_id", "created_at", "id") where "state" = \'open\'' },
    
  ],
  properties: {
    id: p.bigint('number').primary(),
    dossier: () => p.manyToOne(Dossier).mapToPk().index().deleteRule('cascade'),
    instance: () => p.manyToOne(ProcessInstance).mapToPk().deleteRule('cascade'),
    executionId: p.string().length(200),
    elementId: p.string().length(200),
    name: p.string().length(300),
    candidateGroups: p.array(),
    agency: () => p.manyToOne(Agency).mapToPk(),
    assignee: () => p.manyToOne(User).mapToPk().nullable(),
    state: p.string().length(12),
    createdAt: p.datetime(),
    dueAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    completedBy: () => p.manyToOne(User).mapToPk().nullable(),
    decision: p.string().length(20).nullable(),
    note: p.text().nullable(),
    data: p.json<Record<string, unknown>>().nullable(),
  },
});
export type Task = InferEntity<typeof Task>;
