import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

/**
 * The designer's working copy of a process, one per process. `version` grows with every save; a save
 * naming an older one is refused (409), so two designers never silently overwrite each other.
 * Publishing turns it into a `process_definition` version and removes it.
 */
export const ProcessDraft = defineEntity({
  name: 'ProcessDraft',
  tableName: 'process_draft',
  properties: {
    processId: p.string().length(100).primary(),
    xml: p.text(),
    version: p.integer().version(),
    /** The published version the draft started from (null for a process never published). */
    basedOnVersion: p.integer().nullable(),
    updatedBy: () => p.manyToOne(User).mapToPk(),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type ProcessDraft = InferEntity<typeof ProcessDraft>;
