/** fast-check arbitraries shared by the clock's property tests. */
import fc from 'fast-check';
import type { TimeLimit } from '../../engine/calendar/index.js';

/** Any legal time limit: working days (also halves), working hours, calendar days, same day. */
export const limitArb: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((value) => ({ value, unit: 'working_days' as const })),
  fc.integer({ min: 1, max: 80 }).map((value) => ({ value: value / 2, unit: 'working_days' as const })),
  fc.integer({ min: 1, max: 120 }).map((value) => ({ value, unit: 'working_hours' as const })),
  fc.integer({ min: 0, max: 60 }).map((value) => ({ value, unit: 'days' as const })),
  fc.constant({ value: 0, unit: 'same_day' as const }),
);
