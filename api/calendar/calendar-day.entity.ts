import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

/** What an administrator may enter for a day: the listed kinds of the engine, or `weekday` to restore an ordinary working day. */
export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory_day_off', 'day_off', 'saturday_worked', 'weekday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/**
 * A yearly official arrangement entered by an administrator (a day off granted by the Government
 * or the province, a Saturday worked, a computed holiday cancelled, …) with the decision or notice
 * it comes from. One row per date; it wins over the seeded official years and the statutory rules
 * (engine/calendar `adminDays`). Rows are never edited: delete and re-enter.
 */
export const CalendarDay = defineEntity({
  name: 'CalendarDay',
  tableName: 'calendar_day',
  checks: [
    { name: 'calendar_day_name_present', expression: "btrim(name) <> ''" },
    { name: 'calendar_day_source_present', expression: "btrim(source) <> ''" },
  ],
  properties: {
    id: p.integer().primary(),
    /** Civil date in Việt Nam, `YYYY-MM-DD`. */
    date: p.date().unique(),
    kind: p.enum([...CALENDAR_DAY_KINDS]),
    /** Vietnamese name shown on the calendar, e.g. "Nghỉ hoán đổi dịp Quốc khánh". */
    name: p.string().length(200),
    /** Legal basis: number and date of the decision, letter or notice (required). */
    source: p.string().length(500),
    createdBy: () => p.manyToOne(User).mapToPk(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type CalendarDay = InferEntity<typeof CalendarDay>;
