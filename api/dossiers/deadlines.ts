import { DateTime } from 'luxon';
import type { Duration } from '../../engine/runtime/types.js';
import { ZONE } from '../time.js';

/** Appointment and step deadlines, in the agency's working time. */
export interface Deadlines {
  appointment(receivedAt: Date, limit: Duration, agencyId: number): Date;
  stepDue(start: Date, duration: Duration, agencyId: number): Date;
}

const CLOSE_HOUR = 17;
const CUTOFF_HOUR = 15;

/**
 * Interim Mon–Fri working days (issue 2 allows it; the Vietnamese calendar replaces it).
 * Receipt after 15:00 counts from the next working day; N working days end at 17:00 of the Nth.
 */
export const weekdayDeadlines: Deadlines = {
  appointment(receivedAt, limit) {
    let start = DateTime.fromJSDate(receivedAt, { zone: ZONE });
    if (start.hour >= CUTOFF_HOUR || !isWorkday(start)) start = nextWorkday(start).set({ hour: 7, minute: 0 }) as DateTime<true>;
    return add(start, limit).toJSDate();
  },
  stepDue(start, duration) {
    return add(DateTime.fromJSDate(start, { zone: ZONE }), duration).toJSDate();
  },
};

function add(start: DateTime, d: Duration): DateTime {
  if (d.unit === 'working_hours') {
    let t = start.plus({ hours: d.value });
    while (!isWorkday(t)) t = t.plus({ days: 1 });
    return t;
  }
  const days = d.unit === 'same_day' ? 0 : Math.ceil(d.value) - 1;
  let t = isWorkday(start) ? start : nextWorkday(start);
  for (let i = 0; i < days; i++) t = nextWorkday(t);
  if (d.unit === 'days') t = start.plus({ days: d.value });
  return t.set({ hour: CLOSE_HOUR, minute: 0, second: 0, millisecond: 0 });
}

const isWorkday = (t: DateTime) => t.weekday <= 5;
function nextWorkday(t: DateTime): DateTime {
  let n = t.plus({ days: 1 });
  while (!isWorkday(n)) n = n.plus({ days: 1 });
  return n;
}
