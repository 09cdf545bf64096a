import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { WorkingCalendar } from '../../engine/calendar/calendar.js';
import { local, vn } from './helpers.js';

const cal = new WorkingCalendar();

describe('working days', () => {
  it('Monday–Friday are working, Saturday and Sunday are not (ordinary week)', () => {
    expect(cal.isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-03-07')).toBe(false);
    expect(cal.dayInfo('2026-03-08')).toEqual({ date: '2026-03-08', working: false, kind: 'weekend' });
    expect(cal.dayInfo('2026-03-09')).toEqual({ date: '2026-03-09', working: true, kind: 'weekday' });
  });

  it('accepts instants (read in Việt Nam), ISO dates and civil dates', () => {
    expect(cal.dayInfo(new Date('2026-02-16T17:30:00Z')).date).toBe('2026-02-17'); // 00:30 in Việt Nam
    expect(cal.dayInfo(new Date('2026-02-16T16:59:00Z')).date).toBe('2026-02-16');
    expect(cal.isWorkingDay({ year: 2026, month: 2, day: 23 })).toBe(true);
    const ny = DateTime.fromISO('2026-02-22T12:00', { zone: 'America/New_York' }); // 2026-02-23 00:00 in Việt Nam
    expect(cal.dayInfo(ny).date).toBe('2026-02-23');
    // Same zone under its old name: the instant is what counts, never the name.
    const saigon = DateTime.fromISO('2026-02-23T08:00', { zone: 'Asia/Saigon' });
    expect(saigon.isValid).toBe(true);
    expect(cal.isWorkingInstant(saigon)).toBe(true);
  });

  it('lists days and finds the next working day', () => {
    expect(cal.days('2026-02-13', '2026-02-23').map((d) => d.working)).toEqual([true, false, false, false, false, false, false, false, false, false, true]);
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(cal.nextWorkingDay('2026-01-09')).toBe('2026-01-10'); // a Saturday worked
  });

  it('grows beyond the preloaded years, within 1900–2198', () => {
    expect(cal.dayInfo('2150-01-01')).toMatchObject({ kind: 'holiday', provisional: true });
    expect(cal.dayInfo('1950-06-01').date).toBe('1950-06-01');
    expect(() => cal.dayInfo('2199-06-01')).toThrow(RangeError);
    expect(() => cal.dayInfo('2026-02-30')).toThrow(RangeError);
  });
});

describe('office hours', () => {
  it('are closed intervals 07:00–11:30 and 13:30–17:00', () => {
    const ok = (t: string) => cal.isWorkingInstant(vn(t));
    expect(ok('2026-03-02 06:59')).toBe(false);
    expect(ok('2026-03-02 07:00')).toBe(true);
    expect(ok('2026-03-02 11:30')).toBe(true);
    expect(ok('2026-03-02 11:31')).toBe(false);
    expect(ok('2026-03-02 13:29')).toBe(false);
    expect(ok('2026-03-02 13:30')).toBe(true);
    expect(ok('2026-03-02 17:00')).toBe(true);
    expect(ok('2026-03-02 17:00:01')).toBe(false);
    expect(ok('2026-03-07 09:00')).toBe(false); // Saturday
    expect(ok('2026-01-10 09:00')).toBe(true); // Saturday worked
    expect(cal.minutesPerDay).toBe(480);
  });

  it('nextWorkingInstant', () => {
    const next = (t: string) => local(cal.nextWorkingInstant(vn(t)));
    expect(next('2026-03-02 09:15')).toBe('2026-03-02 09:15');
    expect(next('2026-03-02 12:00')).toBe('2026-03-02 13:30');
    expect(next('2026-03-02 05:00')).toBe('2026-03-02 07:00');
    expect(next('2026-03-06 17:30')).toBe('2026-03-09 07:00'); // Friday evening → Monday
    expect(next('2026-02-13 17:01')).toBe('2026-02-23 07:00'); // across Tết
    expect(next('2026-01-09 18:00')).toBe('2026-01-10 07:00'); // Saturday worked
  });

  it('can be configured per agency', () => {
    const c = new WorkingCalendar({ officeHours: [{ start: '13:00', end: '16:30' }, { start: '07:30', end: '11:30' }] });
    expect(c.minutesPerDay).toBe(450);
    expect(local(c.addWorkingDays(vn('2026-03-02 07:30'), 1))).toBe('2026-03-02 16:30');
    expect(local(c.nextWorkingInstant(vn('2026-03-02 12:00')))).toBe('2026-03-02 13:00');
  });

  it('rejects bad configurations', () => {
    expect(() => new WorkingCalendar({ officeHours: [] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ officeHours: [{ start: '11:00', end: '08:00' }] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ officeHours: [{ start: '07:00', end: '11:30' }, { start: '11:30', end: '17:00' }] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ officeHours: [{ start: '7:00', end: '11:30' }] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ workingWeekdays: [] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ workingWeekdays: [0 as never] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ sameDayCutoff: '25:00' })).toThrow(RangeError);
  });
});

describe('adding working time', () => {
  const add = (t: string, n: number) => local(cal.addWorkingDays(vn(t), n));

  it('n working days from mid-day: same clock time n working days later', () => {
    expect(add('2026-03-02 09:00', 1)).toBe('2026-03-03 09:00');
    expect(add('2026-03-02 09:00', 3)).toBe('2026-03-05 09:00');
    expect(add('2026-03-06 10:15', 1)).toBe('2026-03-09 10:15'); // Friday → Monday
  });

  it('from the opening of a day: the end of the n-th working day (that day counted)', () => {
    expect(add('2026-03-02 07:00', 1)).toBe('2026-03-02 17:00');
    expect(add('2026-03-02 07:00', 5)).toBe('2026-03-06 17:00');
  });

  it('from the end of a day: the end of the n-th next working day', () => {
    expect(add('2026-03-02 17:00', 1)).toBe('2026-03-03 17:00');
    expect(add('2026-03-02 20:00', 1)).toBe('2026-03-03 17:00'); // starts 07:00 Tuesday
  });

  it('13:30 + 1 day → 11:30 next day (the earliest instant with 8 h of office time)', () => {
    expect(add('2026-03-02 13:30', 1)).toBe('2026-03-03 11:30');
  });

  it('skips Tết, swapped days and weekends, and counts Saturdays worked', () => {
    expect(add('2026-02-12 09:00', 2)).toBe('2026-02-23 09:00'); // Thu → Fri, then Tết, → Mon 23/2
    expect(add('2026-02-12 09:00', 20)).toBe('2026-03-19 09:00'); // 13/2, then 23/2 … 19/3
    expect(add('2025-12-31 09:00', 1)).toBe('2026-01-05 09:00'); // 1/1 holiday, 2/1 swapped off, weekend
    expect(add('2026-01-09 09:00', 1)).toBe('2026-01-10 09:00'); // Saturday 10/1 is worked
    expect(add('2026-08-28 09:00', 1)).toBe('2026-09-03 09:00'); // 29/8–2/9 off
  });

  it('n = 0 returns the next working instant', () => {
    expect(add('2026-03-07 09:00', 0)).toBe('2026-03-09 07:00');
    expect(add('2026-03-02 09:00', 0)).toBe('2026-03-02 09:00');
  });

  it('working hours cross the lunch break and the night', () => {
    const h = (t: string, n: number) => local(cal.addWorkingHours(vn(t), n));
    expect(h('2026-03-02 10:00', 1.5)).toBe('2026-03-02 11:30');
    expect(h('2026-03-02 10:00', 2)).toBe('2026-03-02 14:00');
    expect(h('2026-03-02 10:00', 4)).toBe('2026-03-02 16:00');
    expect(h('2026-03-06 16:00', 2)).toBe('2026-03-09 08:00');
    expect(h('2026-03-02 09:00', 8)).toBe('2026-03-03 09:00');
    expect(local(cal.addWorkingMinutes(vn('2026-03-02 11:00'), 45))).toBe('2026-03-02 13:45');
  });

  it('rejects negative or non-finite amounts', () => {
    expect(() => cal.addWorkingDays(vn('2026-03-02 09:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(vn('2026-03-02 09:00'), Number.NaN)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe('working time between two instants', () => {
  it('counts office minutes in [a, b)', () => {
    expect(cal.workingMinutesBetween(vn('2026-03-02 07:00'), vn('2026-03-02 17:00'))).toBe(480);
    expect(cal.workingMinutesBetween(vn('2026-03-02 11:00'), vn('2026-03-02 14:00'))).toBe(60);
    expect(cal.workingMinutesBetween(vn('2026-03-06 16:00'), vn('2026-03-09 08:00'))).toBe(120);
    expect(cal.workingMinutesBetween(vn('2026-02-13 17:00'), vn('2026-02-23 07:00'))).toBe(0); // all of Tết
    expect(cal.workingMinutesBetween(vn('2026-03-09 08:00'), vn('2026-03-06 16:00'))).toBe(-120);
  });

  it('in hours and in working days', () => {
    expect(cal.workingTimeBetween(vn('2026-03-02 09:00'), vn('2026-03-05 09:00'), 'hours')).toBe(24);
    expect(cal.workingTimeBetween(vn('2026-03-02 09:00'), vn('2026-03-05 09:00'), 'days')).toBe(3);
    expect(cal.workingDaysBetween(vn('2026-02-12 09:00'), vn('2026-03-19 09:00'))).toBe(20);
    expect(cal.workingTimeBetween(vn('2026-03-02 09:00'), vn('2026-03-02 09:30'))).toBe(30);
  });

  it('works across a table growth (far dates)', () => {
    const c = new WorkingCalendar({ preloadYears: [2026, 2026] });
    const days = c.workingDaysBetween(vn('2010-01-04 07:00'), vn('2040-01-02 07:00'));
    expect(Number.isInteger(days)).toBe(true);
    expect(days).toBeGreaterThan(7000);
    expect(c.workingDaysBetween(vn('2010-01-04 07:00'), vn('2040-01-02 07:00'))).toBe(days);
  });
});

describe('weekly pattern and admin rows', () => {
  it('an agency working Monday–Saturday uses the computed rules (the notices assume Monday–Friday)', () => {
    const c = new WorkingCalendar({ workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(c.isWorkingDay('2026-03-07')).toBe(true); // an ordinary Saturday
    expect(c.dayInfo('2026-02-17')).toMatchObject({ kind: 'holiday', provisional: true });
    // 30/4/2022 (Saturday) is not a rest day for this agency: no make-up on 3/5.
    expect(c.isWorkingDay('2022-05-03')).toBe(true);
    expect(c.isWorkingDay('2022-05-02')).toBe(false); // make-up for Sunday 1/5
  });

  it('admin rows win: a day off, a restored weekday, a Saturday worked', () => {
    const c = new WorkingCalendar({
      adminDays: [
        { date: '2026-03-02', kind: 'day_off', name: 'Nghỉ theo Quyết định của UBND tỉnh', source: 'QĐ 123/QĐ-UBND' },
        { date: '2026-02-20', kind: 'weekday' },
        { date: '2026-03-08', kind: 'weekday' },
        { date: '2027-02-08', kind: 'weekday' },
      ],
    });
    expect(c.dayInfo('2026-03-02')).toEqual({ date: '2026-03-02', working: false, kind: 'day_off', name: 'Nghỉ theo Quyết định của UBND tỉnh', source: 'QĐ 123/QĐ-UBND' });
    expect(c.dayInfo('2026-02-20')).toEqual({ date: '2026-02-20', working: true, kind: 'weekday' });
    expect(c.dayInfo('2026-03-08')).toMatchObject({ working: true, kind: 'saturday_worked' }); // a Sunday worked
    expect(c.dayInfo('2027-02-08')).toMatchObject({ working: true, kind: 'weekday', provisional: true });
    expect(cal.isWorkingDay('2026-03-02')).toBe(true); // other calendars unaffected
  });

  it('a caller may supply a newly published year', () => {
    const c = new WorkingCalendar({
      officialYears: [{ year: 2027, notices: [], days: [{ date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: 'test' }] }],
    });
    expect(c.dayInfo('2027-02-08')).toEqual({ date: '2027-02-08', working: true, kind: 'weekday' }); // only what was given
    expect(c.dayInfo('2026-02-17').provisional).toBe(true); // 2026 no longer official for this calendar
  });
});
