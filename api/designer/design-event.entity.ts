import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { Definition } from '../procedures/definition.entity.js';

/** Audit trail of the designer: imports, publications, republications (rollbacks), discarded drafts. */
export const ProcessDesignEvent = defineEntity({
  name: 'ProcessDesignEvent',
  tableName: 'process_design_event',
  indexes: [{ properties: ['processId', 'at'] }],
  properties: {
    id: p.integer().primary(),
    processId: p.string().length(100),
    action: p.enum(['imported', 'published', 'republished', 'draft_discarded']),
    /** The version a publication created. */
    definition: () => p.manyToOne(Definition).mapToPk().nullable(),
    /** For a republication: the version whose XML was published again. */
    fromVersion: p.integer().nullable(),
    actor: () => p.manyToOne(User).mapToPk(),
    at: p.datetime().defaultRaw('now()'),
    detail: p.json<Record<string, unknown>>().nullable(),
  },
});
export type ProcessDesignEvent = InferEntity<typeof ProcessDesignEvent>;
