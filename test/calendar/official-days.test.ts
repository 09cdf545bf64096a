import { describe, expect, it } from 'vitest';
import { OFFICIAL_YEARS } from '../../engine/calendar/official-days.js';
import { WorkingCalendar } from '../../engine/calendar/calendar.js';
import { isoFromJdn, jdnFromIso, weekdayOfJdn } from '../../engine/calendar/civil.js';
import { solarToLunar } from '../../engine/calendar/lunar.js';
import { range } from './helpers.js';

const cal = new WorkingCalendar();
const weekday = (date: string) => weekdayOfJdn(jdnFromIso(date));

/**
 * Written independently of the data file, from the periods announced in each year's notices:
 * the weekdays on which civil servants do not work, and the weekend days on which they do.
 */
const EXPECTED: Record<number, { off: string[]; worked: string[] }> = {
  2022: {
    off: ['2022-01-03', ...range('2022-01-31', '2022-02-04'), '2022-04-11', '2022-05-02', '2022-05-03', '2022-09-01', '2022-09-02'],
    worked: [],
  },
  2023: {
    off: ['2023-01-02', '2023-01-20', ...range('2023-01-23', '2023-01-26'), ...range('2023-05-01', '2023-05-03'), '2023-09-01', '2023-09-04'],
    worked: [],
  },
  2024: {
    off: ['2024-01-01', '2024-02-08', '2024-02-09', ...range('2024-02-12', '2024-02-14'), '2024-04-18', ...range('2024-04-29', '2024-05-01'), '2024-09-02', '2024-09-03'],
    worked: ['2024-05-04'],
  },
  2025: {
    off: ['2025-01-01', ...range('2025-01-27', '2025-01-31'), '2025-04-07', ...range('2025-04-30', '2025-05-02'), '2025-09-01', '2025-09-02'],
    worked: ['2025-04-26'],
  },
  2026: {
    off: ['2026-01-01', '2026-01-02', ...range('2026-02-16', '2026-02-20'), '2026-04-27', '2026-04-30', '2026-05-01', ...range('2026-08-31', '2026-09-02'), '2026-11-24'],
    worked: ['2026-01-10', '2026-08-22'],
  },
};

/** The continuous breaks announced (first and last day off), with the working days around them. */
const BREAKS: [string, string][] = [
  ['2022-01-01', '2022-01-03'],
  ['2022-01-29', '2022-02-06'],
  ['2022-04-09', '2022-04-11'],
  ['2022-04-30', '2022-05-03'],
  ['2022-09-01', '2022-09-04'],
  ['2022-12-31', '2023-01-02'],
  ['2023-01-20', '2023-01-26'],
  ['2023-04-29', '2023-05-03'],
  ['2023-09-01', '2023-09-04'],
  ['2024-02-08', '2024-02-14'],
  ['2024-04-27', '2024-05-01'],
  ['2024-08-31', '2024-09-03'],
  ['2025-01-25', '2025-02-02'],
  ['2025-04-05', '2025-04-07'],
  ['2025-04-30', '2025-05-04'],
  ['2025-08-30', '2025-09-02'],
  ['2026-01-01', '2026-01-04'],
  ['2026-02-14', '2026-02-22'],
  ['2026-04-25', '2026-04-27'],
  ['2026-04-30', '2026-05-03'],
  ['2026-08-29', '2026-09-02'],
];

describe.each(Object.keys(EXPECTED).map(Number))('official year %i', (year) => {
  const days = range(`${year}-01-01`, `${year}-12-31`);

  it('every weekday off, and nothing else', () => {
    expect(days.filter((d) => weekday(d) <= 5 && !cal.isWorkingDay(d))).toEqual(EXPECTED[year]!.off);
  });

  it('every weekend day worked, and nothing else', () => {
    expect(days.filter((d) => weekday(d) >= 6 && cal.isWorkingDay(d))).toEqual(EXPECTED[year]!.worked);
  });

  it('is not provisional', () => {
    expect(days.every((d) => cal.dayInfo(d).provisional === undefined)).toBe(true);
  });
});

describe('announced breaks', () => {
  it.each(BREAKS)('%s … %s is one continuous break between two working days', (first, last) => {
    for (const d of range(first, last)) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay(isoFromJdn(jdnFromIso(first) - 1))).toBe(true);
    expect(cal.isWorkingDay(isoFromJdn(jdnFromIso(last) + 1))).toBe(true);
  });
});

describe('the data rows', () => {
  const rows = OFFICIAL_YEARS.flatMap((y) => y.days.map((d) => ({ ...d, year: y.year, notices: y.notices })));

  it('are in their year, unique, and sorted', () => {
    for (const y of OFFICIAL_YEARS) {
      const ds = y.days.map((d) => d.date);
      expect(ds.every((d) => d.startsWith(`${y.year}-`))).toBe(true);
      expect(new Set(ds).size).toBe(ds.length);
      expect([...ds].sort()).toEqual(ds);
    }
  });

  it('each has a Vietnamese name and a source citing the Code or a notice of the year', () => {
    for (const r of rows) {
      expect(r.name.length).toBeGreaterThan(5);
      const citesNotice = r.notices.some((n) => r.source.includes(n.ref));
      const citesLaw = /BLLĐ 2019|Nghị quyết/.test(r.source);
      expect(citesNotice || citesLaw, `${r.date}: ${r.source}`).toBe(true);
    }
  });

  it('kinds fit the weekday: Saturdays worked are weekend days, swaps and make-ups are weekdays', () => {
    for (const r of rows) {
      if (r.kind === 'saturday_worked') expect(weekday(r.date)).toBe(6);
      if (r.kind === 'day_off' || r.kind === 'compensatory_day_off') expect(weekday(r.date)).toBeLessThanOrEqual(5);
    }
  });

  it('every swap pairs one weekday off with one Saturday worked in the same year', () => {
    for (const y of OFFICIAL_YEARS) {
      expect(y.days.filter((d) => d.kind === 'day_off').length).toBe(y.days.filter((d) => d.kind === 'saturday_worked').length);
    }
  });

  it('Tết rows name the lunar day they fall on', () => {
    const months = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];
    for (const r of rows.filter((x) => x.kind === 'holiday' && x.name.startsWith('Tết Nguyên đán'))) {
      const l = solarToLunar(r.date);
      const label = l.month === 1 ? `(mùng ${l.day})` : `(${l.day} tháng ${months[l.month - 1]})`;
      expect(r.name, r.date).toContain(label);
    }
  });

  it('dayInfo returns the row’s name and source', () => {
    expect(cal.dayInfo('2026-08-22')).toEqual({
      date: '2026-08-22',
      working: true,
      kind: 'saturday_worked',
      name: 'Làm bù cho thứ Hai 31/8/2026',
      source: 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ',
    });
    expect(cal.dayInfo('2024-04-29')).toMatchObject({ working: false, kind: 'day_off' });
    expect(cal.dayInfo('2023-01-25')).toMatchObject({ working: false, kind: 'compensatory_day_off' });
    expect(cal.dayInfo('2023-01-21')).toMatchObject({ working: false, kind: 'holiday', name: 'Tết Nguyên đán (30 tháng Chạp)' });
  });

  it('years without official data are provisional', () => {
    expect(cal.dayInfo('2021-03-03').provisional).toBe(true);
    expect(cal.dayInfo('2027-02-06')).toMatchObject({ kind: 'holiday', provisional: true });
  });
});
