import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

/** An immutable, published version of a BPMN process. */
export const Definition = defineEntity({
  name: 'Definition',
  tableName: 'process_definition',
  uniques: [{ properties: ['processId', 'version'] }],
  properties: {
    id: p.integer().primary(),
    processId: p.string().length(100),
    version: p.integer(),
    procedureCode: p.string().length(40).nullable(),
    name: p.string().length(500),
    hash: p.string().length(64),
    xml: p.text(),
    publishedAt: p.datetime().defaultRaw('now()'),
    publishedBy: () => p.manyToOne(User).mapToPk().nullable(),
  },
});
export type Definition = InferEntity<typeof Definition>;
