import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkingCalendar } from '../../engine/calendar/calendar.js';
import type { LimitUnit } from '../../engine/calendar/appointment.js';

const cal = new WorkingCalendar();
const HOUR = 3_600_000;

// Instants from 2021 to 2028: official years and provisional years, with minute and second noise.
const instant = fc.integer({ min: Date.parse('2021-01-01T00:00:00+07:00'), max: Date.parse('2028-12-31T00:00:00+07:00') }).map((ms) => new Date(ms));
// Instants that are often exactly on interesting boundaries (openings, closings, cut-off).
const boundary = fc
  .tuple(fc.integer({ min: 0, max: 365 * 6 }), fc.constantFrom('07:00', '11:30', '13:30', '15:00', '17:00', '00:00', '12:00'))
  .map(([d, t]) => new Date(Date.parse(`2022-01-01T${t}:00+07:00`) + d * 86_400_000));
const start = fc.oneof(instant, boundary);
const n = fc.integer({ min: 0, max: 60 });
const runs = { numRuns: 3000 };

describe('addWorkingDays', () => {
  it('counting working days between start and result gives back n', () => {
    fc.assert(fc.property(start, n, (s, k) => cal.workingDaysBetween(s, cal.addWorkingDays(s, k)) === k), runs);
  });

  it('results are working instants, not before the start', () => {
    fc.assert(
      fc.property(start, n, (s, k) => {
        const r = cal.addWorkingDays(s, k);
        return cal.isWorkingInstant(r) && r.getTime() >= s.getTime() && cal.isWorkingDay(r);
      }),
      runs,
    );
  });

  it('is monotonic in n', () => {
    fc.assert(fc.property(start, n, n, (s, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return cal.addWorkingDays(s, lo).getTime() <= cal.addWorkingDays(s, hi).getTime();
    }), runs);
  });

  it('is monotonic in the start', () => {
    fc.assert(fc.property(start, start, n, (a, b, k) => {
      const [lo, hi] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
      return cal.addWorkingDays(lo, k).getTime() <= cal.addWorkingDays(hi, k).getTime();
    }), runs);
  });

  it('is additive: (s + a) + b = s + (a + b)', () => {
    fc.assert(fc.property(start, n, n, (s, a, b) => cal.addWorkingDays(cal.addWorkingDays(s, a), b).getTime() === cal.addWorkingDays(s, a + b).getTime()), runs);
  });

  it('equals adding 8 working hours per day (default office hours)', () => {
    fc.assert(fc.property(start, n, (s, k) => cal.addWorkingDays(s, k).getTime() === cal.addWorkingHours(s, 8 * k).getTime()), runs);
  });
});

describe('addWorkingHours and workingTimeBetween', () => {
  it('round-trips for any number of minutes', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 60 * 8 * 30 }), (s, minutes) => cal.workingMinutesBetween(s, cal.addWorkingMinutes(s, minutes)) === minutes),
      runs,
    );
  });

  it('is the earliest such instant: one millisecond earlier is not enough', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 500 }), (s, quarterHours) => {
        const r = cal.addWorkingHours(s, quarterHours / 4);
        return cal.workingMsBetween(s, new Date(r.getTime() - 1)) < (quarterHours / 4) * HOUR;
      }),
      runs,
    );
  });

  it('is antisymmetric and additive over three instants', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(cal.workingMsBetween(a, b) + cal.workingMsBetween(b, a)).toBe(0);
        expect(cal.workingMsBetween(a, b) + cal.workingMsBetween(b, c)).toBe(cal.workingMsBetween(a, c));
      }),
      { numRuns: 1000 },
    );
  });

  it('nextWorkingInstant is a working instant with no working time before it', () => {
    fc.assert(
      fc.property(start, (s) => {
        const w = cal.nextWorkingInstant(s);
        return cal.isWorkingInstant(w) && w.getTime() >= s.getTime() && cal.workingMsBetween(s, w) === 0;
      }),
      runs,
    );
  });
});

describe('appointments', () => {
  const unit = fc.constantFrom<LimitUnit>('working_days', 'working_hours', 'days', 'same_day');

  it('are working instants, after the counting start, which is not before receipt', () => {
    fc.assert(
      fc.property(start, unit, n, (s, u, k) => {
        const a = cal.appointment(s, { value: k, unit: u });
        return (
          cal.isWorkingInstant(a.due) &&
          cal.isWorkingInstant(a.countingFrom) &&
          a.countingFrom.getTime() >= s.getTime() &&
          a.due.getTime() >= a.countingFrom.getTime()
        );
      }),
      runs,
    );
  });

  it('a later receipt never gets an earlier appointment', () => {
    fc.assert(
      fc.property(start, start, unit, n, (x, y, u, k) => {
        const [lo, hi] = x.getTime() <= y.getTime() ? [x, y] : [y, x];
        return cal.appointment(lo, { value: k, unit: u }).due.getTime() <= cal.appointment(hi, { value: k, unit: u }).due.getTime();
      }),
      runs,
    );
  });

  it('working-day appointments give exactly n days of office time from the counting start', () => {
    fc.assert(
      fc.property(start, n, (s, k) => {
        const a = cal.appointment(s, { value: k, unit: 'working_days' });
        return cal.workingDaysBetween(a.countingFrom, a.due) === k;
      }),
      runs,
    );
  });
});
