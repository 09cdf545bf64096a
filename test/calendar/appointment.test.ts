import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../engine/calendar/calendar.js';
import type { TimeLimit } from '../../engine/calendar/appointment.js';
import { local, vn } from './helpers.js';

const cal = new WorkingCalendar();
const appt = (received: string, limit: TimeLimit) => {
  const a = cal.appointment(vn(received), limit);
  return { from: local(a.countingFrom), due: local(a.due), dueDate: a.dueDate, adjustments: a.adjustments };
};
const days = (value: number): TimeLimit => ({ value, unit: 'working_days' });

describe('counting start (receipt after 15:00, outside office hours, on a day off)', () => {
  it('received during office hours before 15:00: counts from receipt', () => {
    expect(appt('2026-03-02 09:00', days(3))).toEqual({ from: '2026-03-02 09:00', due: '2026-03-05 09:00', dueDate: '2026-03-05', adjustments: [] });
  });

  it('received at 15:00 sharp is not "after 15:00"', () => {
    expect(appt('2026-03-02 15:00', days(3))).toMatchObject({ from: '2026-03-02 15:00', due: '2026-03-05 15:00', adjustments: [] });
  });

  it('received after 15:00: counts from the opening of the next working day, ends at the end of the n-th day', () => {
    expect(appt('2026-03-02 15:00:01', days(3))).toEqual({
      from: '2026-03-03 07:00',
      due: '2026-03-05 17:00',
      dueDate: '2026-03-05',
      adjustments: ['received_after_cutoff'],
    });
    expect(appt('2026-03-02 16:45', days(3))).toMatchObject({ from: '2026-03-03 07:00', due: '2026-03-05 17:00' });
  });

  it('received after 15:00 on the Friday before Tết 2026: counting starts Monday 23/2', () => {
    expect(appt('2026-02-13 16:00', days(3))).toMatchObject({ from: '2026-02-23 07:00', due: '2026-02-25 17:00', adjustments: ['received_after_cutoff'] });
  });

  it('received after office hours (online at 21:00) is after the cut-off too', () => {
    expect(appt('2026-03-02 21:00', days(1))).toMatchObject({ from: '2026-03-03 07:00', due: '2026-03-03 17:00', adjustments: ['received_after_cutoff'] });
  });

  it('received on a day off: counts from the opening of the next working day', () => {
    expect(appt('2026-03-08 10:00', days(2))).toMatchObject({ from: '2026-03-09 07:00', due: '2026-03-10 17:00', adjustments: ['received_on_day_off'] });
    expect(appt('2026-02-18 10:00', days(1))).toMatchObject({ from: '2026-02-23 07:00', due: '2026-02-23 17:00', adjustments: ['received_on_day_off'] });
    expect(appt('2026-08-31 09:00', days(1))).toMatchObject({ from: '2026-09-03 07:00', adjustments: ['received_on_day_off'] }); // swapped day off
  });

  it('received on a Saturday worked is an ordinary receipt', () => {
    expect(appt('2026-01-10 09:00', days(1))).toMatchObject({ from: '2026-01-10 09:00', due: '2026-01-12 09:00', adjustments: [] });
  });

  it('received before opening or in the lunch break: counts from the next working instant of the same day', () => {
    expect(appt('2026-03-02 06:10', days(1))).toMatchObject({ from: '2026-03-02 07:00', due: '2026-03-02 17:00', adjustments: ['received_outside_office_hours'] });
    expect(appt('2026-03-02 12:15', days(1))).toMatchObject({ from: '2026-03-02 13:30', due: '2026-03-03 11:30', adjustments: ['received_outside_office_hours'] });
  });

  it('the cut-off is configurable', () => {
    const c = new WorkingCalendar({ sameDayCutoff: '16:00' });
    expect(local(c.appointment(vn('2026-03-02 15:30'), days(1)).countingFrom)).toBe('2026-03-02 15:30');
  });
});

describe('same-day procedures', () => {
  const same: TimeLimit = { value: 0, unit: 'same_day' };

  it('received before 15:00: returned at the end of office hours the same day', () => {
    expect(appt('2026-03-02 10:00', same)).toMatchObject({ due: '2026-03-02 17:00', dueDate: '2026-03-02' });
  });

  it('received after 15:00: returned at the end of office hours of the next working day', () => {
    expect(appt('2026-03-02 15:30', same)).toMatchObject({ due: '2026-03-03 17:00', adjustments: ['received_after_cutoff'] });
    expect(appt('2026-03-06 15:30', same)).toMatchObject({ due: '2026-03-09 17:00' }); // Friday → Monday
    expect(appt('2026-02-13 15:30', same)).toMatchObject({ due: '2026-02-23 17:00' }); // before Tết
  });

  it('received on a day off: next working day', () => {
    expect(appt('2026-03-07 09:00', same)).toMatchObject({ due: '2026-03-09 17:00', adjustments: ['received_on_day_off'] });
  });
});

describe('working hours', () => {
  it('8 working hours from 09:00 → 09:00 next working day; 4 h from 14:00 → 08:00 next day', () => {
    expect(appt('2026-03-02 09:00', { value: 8, unit: 'working_hours' })).toMatchObject({ due: '2026-03-03 09:00' });
    expect(appt('2026-03-02 14:00', { value: 4, unit: 'working_hours' })).toMatchObject({ due: '2026-03-03 08:00' });
  });
});

describe('working days across holidays', () => {
  it('a 20-day procedure received before Tết 2026', () => {
    expect(appt('2026-02-10 10:00', days(20))).toMatchObject({ due: '2026-03-17 10:00' });
  });

  it('a 3-day procedure received before the swapped National Day break 2026', () => {
    // 28/8 Fri; 29/8–2/9 off (31/8 swapped with Saturday 22/8) → 3, 4, 7 Sep.
    expect(appt('2026-08-28 10:00', days(3))).toMatchObject({ due: '2026-09-07 10:00' });
  });

  it('never falls on a day off', () => {
    for (let d = 1; d <= 28; d++) {
      const a = cal.appointment(vn(`2026-02-${String(d).padStart(2, '0')} 10:00`), days(3));
      expect(cal.isWorkingInstant(a.due)).toBe(true);
    }
  });
});

describe('calendar days: a deadline on a day off moves to the next working day', () => {
  it('ends at the end of the last day (receipt day not counted)', () => {
    expect(appt('2026-03-02 10:00', { value: 10, unit: 'days' })).toMatchObject({ due: '2026-03-12 17:00', adjustments: [] });
  });

  it('after 15:00 the next working day is day 1', () => {
    expect(appt('2026-03-02 16:00', { value: 10, unit: 'days' })).toMatchObject({ from: '2026-03-03 07:00', due: '2026-03-12 17:00' });
  });

  it('last day a Saturday → end of Monday', () => {
    expect(appt('2026-03-04 10:00', { value: 10, unit: 'days' })).toMatchObject({ due: '2026-03-16 17:00', adjustments: ['due_moved_off_day_off'] });
  });

  it('last day in Tết → end of the first working day after Tết', () => {
    expect(appt('2026-02-03 10:00', { value: 15, unit: 'days' })).toMatchObject({ due: '2026-02-23 17:00', dueDate: '2026-02-23', adjustments: ['due_moved_off_day_off'] });
  });

  it('last day a swapped day off (2/5/2025) → end of Monday 5/5/2025', () => {
    expect(appt('2025-04-22 10:00', { value: 10, unit: 'days' })).toMatchObject({ due: '2025-05-05 17:00', adjustments: ['due_moved_off_day_off'] });
  });
});

describe('validation', () => {
  it('rejects negative or non-finite limits and unknown units', () => {
    expect(() => cal.appointment(vn('2026-03-02 09:00'), { value: -1, unit: 'working_days' })).toThrow(RangeError);
    expect(() => cal.appointment(vn('2026-03-02 09:00'), { value: Number.POSITIVE_INFINITY, unit: 'days' })).toThrow(RangeError);
    expect(() => cal.appointment(vn('2026-03-02 09:00'), { value: 1, unit: 'weeks' as never })).toThrow(RangeError);
  });
});
