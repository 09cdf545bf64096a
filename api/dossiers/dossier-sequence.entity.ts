import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';

/** The daily dossier counter per receiving agency; incremented by an atomic upsert. */
export const DossierSequence = defineEntity({
  name: 'DossierSequence',
  tableName: 'dossier_sequence',
  properties: {
    agency: () => p.manyToOne(Agency).mapToPk().primary(),
    day: p.date().primary(),
    last: p.integer(),
  },
});
export type DossierSequence = InferEntity<typeof DossierSequence>;
