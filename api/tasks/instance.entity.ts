import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from '../dossiers/dossier.entity.js';
import { Definition } from '../procedures/definition.entity.js';

/** The engine state of one dossier's process; `version` guards against lost updates. */
export const ProcessInstance = defineEntity({
  name: 'ProcessInstance',
  tableName: 'process_instance',
  properties: {
    id: p.bigint('number').primary(),
    dossier: () => p.manyToOne(Dossier).mapToPk().unique().deleteRule('cascade'),
    definition: () => p.manyToOne(Definition).mapToPk(),
    state: p.json<unknown>(),
    ended: p.boolean().default(false),
    version: p.integer().version(),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type ProcessInstance = InferEntity<typeof ProcessInstance>;
