import { computeAppointment, type WorkingCalendar } from '../../engine/calendar/index.js';
import type { Duration } from '../../engine/runtime/types.js';

/** Appointment and step deadlines, in the agency's working time. */
export interface Deadlines {
  appointment(receivedAt: Date, limit: Duration, agencyId: number): Date;
  stepDue(start: Date, duration: Duration, agencyId: number): Date;
}

/**
 * Deadlines on the Vietnamese working calendar (engine/calendar): the appointment follows the
 * receipt rules (after 15:00 counts from the next working day; never on a day off); a step's
 * deadline is its duration in working time from the moment the step starts.
 * One calendar serves every agency until agencies get their own office hours.
 */
export function calendarDeadlines(calendar: WorkingCalendar): Deadlines {
  return {
    appointment: (receivedAt, limit) => computeAppointment(calendar, receivedAt, limit).due,
    stepDue(start, duration) {
      switch (duration.unit) {
        case 'working_hours': return calendar.addWorkingHours(calendar.nextWorkingInstant(start), duration.value);
        case 'working_days': return calendar.addWorkingDays(calendar.nextWorkingInstant(start), duration.value);
        default: return computeAppointment(calendar, start, duration).due;
      }
    },
  };
}
