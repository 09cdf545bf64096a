import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar, tetDate } from '../../engine/calendar/lunar.js';
import { formatIsoDate } from '../../engine/calendar/civil.js';

const iso = formatIsoDate;

describe('Tết Nguyên đán (Vietnamese lunar new year)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'],
  ])('Tết %i is %s', (year, date) => {
    expect(iso(tetDate(year))).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  // Việt Nam computes at UTC+7, China at UTC+8. Known differences (tuvilyso.net, 2007, quoting the
  // State calendar board): 1968 and 1969 one day earlier, 1985 one month earlier (21/1 vs 20/2);
  // in the 21st century 2007, 2030 and 2053 one day earlier.
  it.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1969, '1969-02-16', '1969-02-17'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('Tết %i: Việt Nam %s, China %s', (year, vietnam, china) => {
    expect(iso(tetDate(year))).toBe(vietnam);
    expect(iso(tetDate(year, 8))).toBe(china);
  });

  it('differs from the UTC+8 reckoning in exactly those years between 1966 and 2100', () => {
    const differ: number[] = [];
    for (let y = 1966; y <= 2100; y++) if (iso(tetDate(y)) !== iso(tetDate(y, 8))) differ.push(y);
    expect(differ).toEqual([1968, 1969, 1985, 2007, 2030, 2053]);
  });

  it('1985: the day China celebrates Tết (20/2) is 1 tháng Hai in Việt Nam', () => {
    expect(solarToLunar('1985-02-20', 8)).toMatchObject({ day: 1, month: 1, year: 1985 });
    expect(solarToLunar('1985-02-20')).toMatchObject({ day: 1, month: 2, year: 1985, leap: false });
    expect(solarToLunar('1985-01-21', 8)).toMatchObject({ day: 1, month: 12, year: 1984 });
  });
});

describe('lunar dates printed in official notices', () => {
  // Each pair is stated in a Government/Ministry notice (see engine/calendar/official-days.ts).
  it.each([
    ['2020-01-23', 29, 12, 2019], // 2020: nghỉ từ 23/1 (29 tháng Chạp Kỷ Hợi)
    ['2020-01-29', 5, 1, 2020], //   … đến 29/1 (mùng 5 Canh Tý)
    ['2022-01-29', 27, 12, 2021], // 2022: 29/1 = 27 tháng Chạp Tân Sửu
    ['2022-01-31', 29, 12, 2021], //   31/1 = 29 tháng Chạp (245/VPCP-KGVX)
    ['2022-02-04', 4, 1, 2022], //   4/2 = mùng 4 Nhâm Dần
    ['2022-02-06', 6, 1, 2022],
    ['2023-01-20', 29, 12, 2022], // 2023: 20/1 = 29 tháng Chạp Nhâm Dần
    ['2023-01-26', 5, 1, 2023], //   26/1 = mùng 5 Quý Mão
    ['2024-02-08', 29, 12, 2023], // 2024: 5015/TB-LĐTBXH
    ['2024-02-14', 5, 1, 2024],
    ['2025-01-25', 26, 12, 2024], // 2025: 25/1 = 26 tháng Chạp Giáp Thìn
    ['2025-02-02', 5, 1, 2025],
    ['2026-02-14', 27, 12, 2025], // 2026: 9441/TB-BNV
    ['2026-02-16', 29, 12, 2025],
    ['2026-02-20', 4, 1, 2026],
    ['2026-02-22', 6, 1, 2026],
  ])('%s is %i/%i of lunar year %i', (date, day, month, year) => {
    expect(solarToLunar(date)).toEqual({ day, month, year, leap: false });
    expect(iso(lunarToSolar(day, month, year))).toBe(date);
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%i: %s', (year, date) => {
    expect(iso(lunarToSolar(10, 3, year))).toBe(date);
  });
});

describe('leap months', () => {
  it.each([
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2031, 3],
    [2024, 0],
    [2026, 0],
  ])('lunar year %i has leap month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it('converts dates inside a leap month both ways', () => {
    const first = lunarToSolar(1, 2, 2023, true);
    expect(iso(first)).toBe('2023-03-22');
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2023-03-21')).toMatchObject({ month: 2, leap: false });
    expect(iso(lunarToSolar(1, 6, 2025, true))).toBe('2025-07-25');
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar(1, 3, 2023, true)).toThrow(RangeError); // 2023 leaps month 2, not 3
    const shortMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(m, 2026) === 29)!;
    expect(() => lunarToSolar(30, shortMonth, 2026)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2026)).toThrow(RangeError);
    expect(() => solarToLunar('2300-01-01')).toThrow(RangeError);
  });
});

describe('instants are read in Asia/Ho_Chi_Minh', () => {
  it('an instant at 17:30 UTC on 16/2/2026 is already mùng 1 Tết in Việt Nam', () => {
    expect(solarToLunar(new Date('2026-02-16T17:30:00Z'))).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect(solarToLunar(new Date('2026-02-16T16:59:59Z'))).toEqual({ day: 29, month: 12, year: 2025, leap: false });
  });
});

describe('properties', () => {
  const day = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 1) }).map((ms) => {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  });

  it('solar → lunar → solar is the identity', () => {
    fc.assert(
      fc.property(day, (d) => {
        const l = solarToLunar(d);
        expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toEqual(d);
        expect(l.day).toBeLessThanOrEqual(lunarMonthLength(l.month, l.year, l.leap));
      }),
      { numRuns: 2000 },
    );
  });

  it('the next solar day is the next lunar day, or day 1 of the next month', () => {
    fc.assert(
      fc.property(day, (d) => {
        const a = solarToLunar(d);
        const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
        const b = solarToLunar({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
        if (b.day !== 1) expect(b).toEqual({ ...a, day: a.day + 1 });
        else expect([29, 30]).toContain(a.day);
      }),
      { numRuns: 2000 },
    );
  });
});
