/**
 * A time limit turned into working-time arithmetic.
 *
 * Every limit — working days, working hours, calendar days, same day — becomes a **budget** of
 * office time counted from a **counting start**: the budget is the office time between the counting
 * start and the due instant the calendar gives for that limit (`engine/calendar/appointment.ts`).
 * For working days and hours that is exactly `value × 8 h` (default office hours); for calendar
 * days and "same day" it is whatever office time lies before the Civil-Code end of the period.
 * Pauses and restarts then work the same way for every unit: a pause excludes office time, a
 * restart starts a fresh budget.
 *
 * The due instant is computed here from the calendar's day table instead of calling
 * `computeAppointment`, whose luxon call for `dueDate` costs ~15 µs — too slow for a million
 * dossiers. `test/clock/limit.test.ts` checks both give the same instant for random receipts and
 * limits; if `appointment.ts` changes its rules, that test fails.
 */
import type { AppointmentAdjustment, TimeLimit, WorkingCalendar } from '../calendar/index.js';

const HOUR = 3_600_000;

export const LIMIT_UNITS = ['working_days', 'working_hours', 'days', 'same_day'] as const;

export function isLimitUnit(u: unknown): u is TimeLimit['unit'] {
  return u === 'working_days' || u === 'working_hours' || u === 'days' || u === 'same_day';
}

/** The due instant of `limit` counted from `start`, as `computeAppointment` computes it. */
export function dueFromStart(cal: WorkingCalendar, start: number, limit: TimeLimit, adjustments?: AppointmentAdjustment[]): number {
  const tb = cal.dayTable;
  const oh = cal.officeHours;
  switch (limit.unit) {
    case 'working_hours':
      return cal.addWorkingMs(start, Math.round(limit.value * HOUR));
    case 'working_days':
      return cal.addWorkingMs(start, Math.round(limit.value * oh.dayMs));
    case 'same_day':
      return tb.midnight[tb.indexOf(start)]! + oh.closing;
    case 'days': {
      // Civil Code 2015 Art. 147(2), 148, as in appointment.ts: the start day is day 1 only when
      // counting starts at the opening; a last day that is off moves to the next working day.
      const s = tb.indexOf(start);
      const n = Math.ceil(limit.value);
      const atOpening = start - tb.midnight[s]! === oh.opening;
      const d = tb.indexOfJdn(tb.baseJdn + s + (n === 0 ? 0 : atOpening ? n - 1 : n));
      if (tb.working[d] === 1) return tb.midnight[d]! + oh.closing;
      adjustments?.push('due_moved_off_day_off');
      return tb.midnight[tb.nextWorkingAfter(d)]! + oh.closing;
    }
  }
}

/**
 * Office ms between a counting start and the due instant of `limit` from there. Working days and
 * hours are a fixed amount of office time (no calendar look-up); calendar days and "same day"
 * depend on where the period ends.
 */
export function budgetOf(cal: WorkingCalendar, start: number, limit: TimeLimit, due?: number): number {
  if (limit.unit === 'working_days') return Math.round(limit.value * cal.officeHours.dayMs);
  if (limit.unit === 'working_hours') return Math.round(limit.value * HOUR);
  return cal.workingMsBetween(start, due ?? dueFromStart(cal, start, limit));
}

/**
 * Counting start of anything that is not a receipt (a step entered, a payment done): the next
 * working instant. Receipts go through `rules/receipt-after-cutoff.ts` instead.
 */
export function plainStart(cal: WorkingCalendar, at: number): number {
  return cal.nextWorkingMs(at);
}
