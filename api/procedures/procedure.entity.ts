import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A procedure of the national catalogue as this province serves it. */
export const Procedure = defineEntity({
  name: 'Procedure',
  tableName: 'procedure',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(500),
    level: p.string().length(20),
    field: p.string().length(200),
    timeLimitValue: p.decimal('number').precision(8).scale(2),
    timeLimitUnit: p.string().length(20),
    fee: p.text(),
    documents: p.json<Array<{ key: string; name: string; required: boolean }>>(),
    /** Kinds of agency that receive and handle it (commune, district, department). */
    agencyKinds: p.array(),
    processId: p.string().length(100),
    /** The whole catalogue entry, sources included, as published. */
    catalogue: p.json<Record<string, unknown>>(),
  },
});
export type Procedure = InferEntity<typeof Procedure>;
