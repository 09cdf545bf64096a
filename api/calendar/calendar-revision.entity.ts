import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One row (id 1) counting changes to `calendar_day`. Every calendar write bumps it in the same
 * transaction — which also serialises concurrent calendar writes — and every node polls it to know
 * when to rebuild its working calendar (api/calendar/calendar-provider.ts).
 */
export const CalendarRevision = defineEntity({
  name: 'CalendarRevision',
  tableName: 'calendar_revision',
  properties: {
    id: p.smallint().primary().autoincrement(false),
    revision: p.bigint('number').default(0),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type CalendarRevision = InferEntity<typeof CalendarRevision>;
