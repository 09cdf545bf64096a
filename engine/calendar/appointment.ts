/**
 * The appointment (ngày hẹn trả kết quả) printed on the receipt of a dossier.
 *
 * 1. **When the time limit starts** (`countingFrom`) — Decree 61/2018/NĐ-CP as summarised in
 *    DESIGN §3 (the same rule is carried by provincial one-stop regulations):
 *    - received on a working day, inside office hours, at or before the cut-off (15:00): the
 *      limit starts at the moment of receipt;
 *    - received on a working day before the cut-off but outside office hours (before opening, or
 *      in the lunch break, e.g. an online submission): it starts at the next working instant of
 *      the same day;
 *    - received strictly after the cut-off (15:00:00), or on a day off: it starts at the opening
 *      of the next working day.
 *
 * 2. **The due instant** (`due`), by unit of the limit:
 *    - `working_hours`: `countingFrom` + h hours of office time;
 *    - `working_days`: `countingFrom` + n × (office time of one day), the earliest such instant.
 *      When counting starts mid-day this is the **same clock time n working days later**
 *      (received 09:00 Monday, 3 working days → 09:00 Thursday); when it starts at the opening of
 *      a day it is **the end of office hours of the n-th working day counting that day as the
 *      first** (received 16:00 Monday → counting from 07:00 Tuesday; Tue, Wed, Thu → 17:00
 *      Thursday);
 *    - `days` (calendar days): counted like the Civil Code 2015 counts days (Art. 147(2), 148):
 *      the day counting starts is not counted when counting starts mid-day (day 1 is the next
 *      day), but is day 1 when counting starts at the opening of a day (after-cut-off receipts);
 *      the period ends at the **end of office hours of its last day**, and when that day is not a
 *      working day, at the end of office hours of the next working day (Art. 148: "ngày cuối
 *      cùng của thời hạn là ngày nghỉ … thì thời hạn kết thúc tại thời điểm kết thúc ngày làm
 *      việc tiếp theo"). Calendar-day limits are long (15, 30 days) and day-granular in law, so
 *      the end of the day is used rather than the clock time — which also keeps the appointment
 *      monotonic in the receipt time. A fractional number of calendar days is rounded up;
 *    - `same_day`: the end of office hours of the day counting starts — so a same-day procedure
 *      received after 15:00 (or on a day off) is returned at 17:00 of the next working day.
 *
 * Why "same clock time" and not "end of the n-th working day" for receipts mid-day: the working
 * day is the unit in which step durations, the dossier clock and the early/on-time/late verdict
 * are all measured, so the appointment must be exactly n × 8 h of office time after counting
 * starts — no more, no less. Counting whole days and always ending at 17:00 would give a dossier
 * received at 08:00 almost a full extra day compared with one received at 14:59, and would make
 * the 15:00 rule pointless (its purpose is that the last hours of a day are not charged to the
 * agency). Software of Vietnamese one-stop systems prints appointments with an hour and minute
 * (Mẫu 01: "… giờ … phút, ngày …"), which this rule fills in naturally.
 *
 * An appointment never falls on a day off or outside office hours.
 */
import type { WorkingCalendar } from './calendar.js';
import { isoFromJdn, jdnFromCivil } from './civil.js';
import { type Instant, civilOfInstant, toMillis } from './zone.js';

export type LimitUnit = 'working_days' | 'working_hours' | 'days' | 'same_day';

/** A legal time limit: `{ value: 3, unit: 'working_days' }`; `value` is ignored for `same_day`. */
export interface TimeLimit {
  value: number;
  unit: LimitUnit;
}

/** Why the appointment differs from the naive "receipt + limit". */
export type AppointmentAdjustment =
  /** received strictly after the cut-off: counting starts at the next working day's opening */
  | 'received_after_cutoff'
  /** received on a day off: counting starts at the next working day's opening */
  | 'received_on_day_off'
  /** received before opening or in a break: counting starts at the next working instant */
  | 'received_outside_office_hours'
  /** the last calendar day was a day off: moved to the end of the next working day */
  | 'due_moved_off_day_off';

export interface Appointment {
  receivedAt: Date;
  /** When the time limit starts to run. */
  countingFrom: Date;
  /** The appointment: latest on-time instant for returning the result. */
  due: Date;
  /** Local date of `due`, `YYYY-MM-DD`. */
  dueDate: string;
  adjustments: AppointmentAdjustment[];
}

const HOUR = 3_600_000;

/** Compute an appointment on `cal` (see the module doc for the rules). */
export function computeAppointment(cal: WorkingCalendar, receivedAt: Instant, limit: TimeLimit): Appointment {
  const received = toMillis(receivedAt);
  if (limit.unit !== 'same_day' && (!Number.isFinite(limit.value) || limit.value < 0)) {
    throw new RangeError(`Invalid time limit ${limit.value} ${limit.unit}`);
  }
  const tb = cal.dayTable;
  const oh = cal.officeHours;
  const adjustments: AppointmentAdjustment[] = [];

  // 1. Counting start.
  let start: number;
  const i = tb.indexOf(received);
  const offset = received - tb.midnight[i]!;
  if (tb.working[i] !== 1) {
    adjustments.push('received_on_day_off');
    start = tb.midnight[tb.nextWorkingAfter(i)]! + oh.opening;
  } else if (offset > cal.cutoffOffset) {
    adjustments.push('received_after_cutoff');
    start = tb.midnight[tb.nextWorkingAfter(i)]! + oh.opening;
  } else {
    start = cal.nextWorkingMs(received);
    if (start !== received) adjustments.push('received_outside_office_hours');
  }

  // 2. Due instant.
  let due: number;
  switch (limit.unit) {
    case 'working_hours':
      due = cal.addWorkingMs(start, Math.round(limit.value * HOUR));
      break;
    case 'working_days':
      due = cal.addWorkingMs(start, Math.round(limit.value * oh.dayMs));
      break;
    case 'same_day': {
      const s = tb.indexOf(start);
      due = tb.midnight[s]! + oh.closing;
      break;
    }
    case 'days': {
      // Civil Code counting: the start day is not counted when counting starts mid-day (it is
      // day 1 when counting starts at the opening of a day); the period ends at the end of the
      // last day, or of the next working day when the last day is a day off.
      const s = tb.indexOf(start);
      const n = Math.ceil(limit.value);
      const atOpening = start - tb.midnight[s]! === oh.opening;
      const dueJdn = tb.baseJdn + s + (n === 0 ? 0 : atOpening ? n - 1 : n);
      const d = tb.indexOfJdn(dueJdn);
      if (tb.working[d] === 1) {
        due = tb.midnight[d]! + oh.closing;
      } else {
        adjustments.push('due_moved_off_day_off');
        due = tb.midnight[tb.nextWorkingAfter(d)]! + oh.closing;
      }
      break;
    }
    default:
      throw new RangeError(`Unknown time-limit unit ${(limit as TimeLimit).unit}`);
  }

  const c = civilOfInstant(due);
  return {
    receivedAt: new Date(received),
    countingFrom: new Date(start),
    due: new Date(due),
    dueDate: isoFromJdn(jdnFromCivil(c.year, c.month, c.day)),
    adjustments,
  };
}
