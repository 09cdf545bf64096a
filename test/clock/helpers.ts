/** Test helpers for the dossier clock: Việt Nam wall-clock instants and event builders. */
import { DateTime } from 'luxon';
import { WorkingCalendar } from '../../engine/calendar/index.js';
import type { ClockEvent, ClockInput, ClockResult, StepDuration } from '../../engine/clock/index.js';
import { computeClock } from '../../engine/clock/index.js';

const ZONE = 'Asia/Ho_Chi_Minh';

export const cal = new WorkingCalendar();

/** `vn('2026-02-13 16:00')` → the instant of that wall-clock time in Việt Nam. */
export function vn(text: string): Date {
  const dt = DateTime.fromFormat(text, text.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad test time ${text}`);
  return dt.toJSDate();
}

/** Việt Nam wall-clock time of an instant, `yyyy-MM-dd HH:mm`; `null` stays `null`. */
export function local(d: Date | null): string | null {
  if (d === null) return null;
  const dt = DateTime.fromJSDate(d, { zone: ZONE });
  return dt.toFormat(dt.second || dt.millisecond ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm');
}

export const E = {
  received: (at: string): ClockEvent => ({ type: 'received', at: vn(at) }),
  enter: (at: string, stepId: string, agencyCode: string, duration?: StepDuration, stepName?: string): ClockEvent => ({
    type: 'step_entered',
    at: vn(at),
    stepId,
    agencyCode,
    ...(duration ? { duration } : {}),
    ...(stepName ? { stepName } : {}),
  }),
  leave: (at: string, stepId: string): ClockEvent => ({ type: 'step_left', at: vn(at), stepId }),
  supplementRequested: (at: string, stepId?: string): ClockEvent => ({ type: 'supplement_requested', at: vn(at), ...(stepId ? { stepId } : {}) }),
  supplementReceived: (at: string): ClockEvent => ({ type: 'supplement_received', at: vn(at) }),
  paymentRequested: (at: string): ClockEvent => ({ type: 'financial_obligation_requested', at: vn(at) }),
  paymentDone: (at: string): ClockEvent => ({ type: 'financial_obligation_done', at: vn(at) }),
  apology: (at: string, newAppointment: string): ClockEvent => ({ type: 'apology', at: vn(at), newAppointment: vn(newAppointment) }),
  completed: (at: string): ClockEvent => ({ type: 'completed', at: vn(at) }),
  returned: (at: string): ClockEvent => ({ type: 'returned', at: vn(at) }),
  withdrawn: (at: string): ClockEvent => ({ type: 'withdrawn', at: vn(at) }),
  stopped: (at: string): ClockEvent => ({ type: 'stopped', at: vn(at) }),
};

export const wd = (value: number) => ({ value, unit: 'working_days' as const });
export const wh = (value: number) => ({ value, unit: 'working_hours' as const });

/** computeClock on the default calendar; `now` as Việt Nam wall-clock text. */
export function clock(input: ClockInput, now = '2030-01-01 00:00', explain = true): ClockResult {
  return computeClock(cal, input, vn(now), { explain });
}

/** Explanation minutes add up to the working time used. */
export function explanationMinutes(r: ClockResult): number {
  return r.explanation.reduce((s, d) => s + d.minutes, 0);
}
