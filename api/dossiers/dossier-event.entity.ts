import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../users/user.entity.js';
import { Dossier } from './dossier.entity.js';
import { Task } from '../tasks/task.entity.js';

/** One line of a dossier's history; also the clock events the deadline rules read. */
export const DossierEvent = defineEntity({
  name: 'DossierEvent',
  tableName: 'dossier_event',
  indexes: [{ properties: ['dossier', 'at'] }],
  properties: {
    id: p.bigint('number').primary(),
    dossier: () => p.manyToOne(Dossier).mapToPk().deleteRule('cascade'),
    at: p.datetime(),
    action: p.string().length(40),
    actor: () => p.manyToOne(User).mapToPk().nullable(),
    agency: () => p.manyToOne(Agency).mapToPk().nullable(),
    task: () => p.manyToOne(Task).mapToPk().nullable(),
    stepName: p.string().length(300).nullable(),
    note: p.text().nullable(),
    data: p.json<Record<string, unknown>>().nullable(),
  },
});
export type DossierEvent = InferEntity<typeof DossierEvent>;
