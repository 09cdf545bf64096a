/**
 * The light recompute: the legal deadline of a dossier whose clock has no wait, no restart and no
 * apology (`dossier_clock.light`) is the receipt's appointment — a function of the receipt instant,
 * the limit and the calendar only. After a calendar change the recompute job gets it with two
 * day-table look-ups instead of re-reading the dossier's events and running the whole clock
 * (≈ 0.3 µs instead of ≈ 5 µs plus the events' rows). `test/api/clock-light.test.ts` checks it
 * equals `computeClock(…).appointment.due` for random receipts, limits and calendars.
 *
 * Counting start, as the clock's core and `rules/receipt-after-cutoff.ts` (both rule sets) set it:
 * received on a day off or after the cut-off (15:00) → the opening of the next working day; else
 * the next working instant. Then the limit from there (`engine/clock/limit.ts`, shared).
 */
import type { TimeLimit, WorkingCalendar } from '../../engine/calendar/index.js';
import { dueFromStart } from '../../engine/clock/limit.js';

/** Counting start of a receipt at `receivedAt` (epoch ms). */
export function receiptCountingStart(cal: WorkingCalendar, receivedAt: number): number {
  const tb = cal.dayTable;
  const i = tb.indexOf(receivedAt);
  if (tb.working[i] !== 1 || receivedAt - tb.midnight[i]! > cal.cutoffOffset) {
    return tb.midnight[tb.nextWorkingAfter(i)]! + cal.officeHours.opening;
  }
  return cal.nextWorkingMs(receivedAt);
}

/** The legal deadline (epoch ms) of a dossier received at `receivedAt` without waits: the receipt's appointment. */
export function lightDue(cal: WorkingCalendar, receivedAt: number, limit: TimeLimit): number {
  return dueFromStart(cal, receiptCountingStart(cal, receivedAt), limit);
}

/**
 * The citizen's appointment after a calendar change (`dossier.appointment_at`, printed on the
 * receipt): a promise, so it stays — unless its day is no longer a working day. Then it moves to
 * the legal deadline when that is later, else to the same time on the next working day. It never
 * moves earlier. (The legal deadline itself always follows the calendar: `dossier_clock.due_at`.)
 */
export function promisedAppointment(cal: WorkingCalendar, appointment: number, legalDue: number | null): number {
  const tb = cal.dayTable;
  const i = tb.indexOf(appointment);
  if (tb.working[i] === 1) return appointment;
  if (legalDue !== null && legalDue > appointment) return legalDue;
  return tb.midnight[tb.nextWorkingAfter(i)]! + (appointment - tb.midnight[i]!);
}
