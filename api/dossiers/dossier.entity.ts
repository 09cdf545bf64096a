import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../users/user.entity.js';
import { Procedure } from '../procedures/procedure.entity.js';
import { Definition } from '../procedures/definition.entity.js';
import type { Applicant } from '../contract/dossiers.js';

export interface DossierDocument { key: string; name: string; received: boolean; copies: number }

/** A dossier (hồ sơ) received at a one-stop desk. */
export const Dossier = defineEntity({
  name: 'Dossier',
  tableName: 'dossier',
  indexes: [
    { properties: ['handlingAgency', 'receivedAt'] },
    { properties: ['applicantIdNumber'] },
    // The recompute finds appointments that fall on a day no longer worked (api/clock/recompute.ts).
    { properties: ['appointmentAt'] },
  ],
  uniques: [{ properties: ['createdBy', 'idempotencyKey'] }],
  properties: {
    id: p.bigint('number').primary(),
    code: p.string().length(60).unique(),
    procedure: () => p.manyToOne(Procedure).mapToPk(),
    definition: () => p.manyToOne(Definition).mapToPk(),
    receivingAgency: () => p.manyToOne(Agency).mapToPk(),
    handlingAgency: () => p.manyToOne(Agency).mapToPk(),
    channel: p.string().length(10),
    applicant: p.json<Applicant>(),
    applicantName: p.string().length(200),
    applicantIdNumber: p.string().length(12),
    documents: p.json<DossierDocument[]>(),
    /** National Public Service Portal status code (DESIGN §4). */
    status: p.smallint(),
    outcome: p.string().length(20).nullable(),
    receivedAt: p.datetime(),
    appointmentAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    returnedAt: p.datetime().nullable(),
    createdBy: () => p.manyToOne(User).mapToPk(),
    idempotencyKey: p.string().length(100).nullable(),
    note: p.text().nullable(),

    // The dossier clock's settings, frozen at receipt: the limit and the supplement rule in force when
    // the dossier was received. Null on rows from before the clock: the procedure's current values
    // count. The derived fields are in `dossier_clock`.
    clockLimitValue: p.decimal('number').precision(8).scale(2).nullable(),
    clockLimitUnit: p.string().length(20).nullable(),
    clockSupplementRestarts: p.boolean().nullable(),
  },
});
export type Dossier = InferEntity<typeof Dossier>;
