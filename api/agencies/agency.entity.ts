import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** An agency of the province: the province itself, departments, communes (districts where data has them). */
export const Agency = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  properties: {
    id: p.integer().primary(),
    /** National electronic agency code, the prefix of every dossier code it receives (e.g. 000.00.31.H56). */
    code: p.string().length(40).unique(),
    name: p.string().length(300),
    kind: p.enum(['province', 'department', 'district', 'commune', 'branch']),
    parent: () => p.manyToOne(Agency).mapToPk().nullable(),
    /** Materialised ancestry, e.g. "1/4/17/", used to find the nearest agency holding a role tag. */
    path: p.string().length(200),
    /** Roles this agency plays for BPMN `mc:agency` keys, e.g. {tax} or {land_registry}. */
    tags: p.array().default([]),
  },
});
export type Agency = InferEntity<typeof Agency>;
