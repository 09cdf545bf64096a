import { describe, expect, it } from 'vitest';
import { nationalDayAdjacent, statutoryDays, tetDays } from '../../engine/calendar/holidays.js';
import { OFFICIAL_YEARS } from '../../engine/calendar/official-days.js';
import { isoFromJdn, jdnFromIso, weekdayOfJdn } from '../../engine/calendar/civil.js';
import { kindIsWorking } from '../../engine/calendar/types.js';
import { range } from './helpers.js';

const dates = (year: number, kind?: string, opts = {}) =>
  statutoryDays(year, opts)
    .filter((d) => !kind || d.kind === kind)
    .map((d) => d.date);
const weekday = (date: string) => weekdayOfJdn(jdnFromIso(date));

describe('fixed statutory holidays (BLLĐ 2019 Art. 112(1))', () => {
  it('lists the eleven days of 2025, none on a weekend', () => {
    expect(dates(2025, 'holiday')).toEqual([
      '2025-01-01',
      '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07',
      '2025-04-30', '2025-05-01',
      '2025-09-01', '2025-09-02',
    ]);
    expect(dates(2025, 'compensatory_day_off')).toEqual([]);
  });

  it('adds Ngày Văn hóa Việt Nam (24/11) from 2026, unless switched off', () => {
    expect(dates(2026, 'holiday')).toContain('2026-11-24');
    expect(dates(2025, 'holiday')).not.toContain('2025-11-24');
    expect(dates(2026, 'holiday', { cultureDay: false })).not.toContain('2026-11-24');
  });

  it('gives National Day a single day before the 2019 Code (2020)', () => {
    expect(dates(2020, 'holiday').filter((d) => d.startsWith('2020-09'))).toEqual(['2020-09-02']);
  });
});

describe('Tết: five days, computed default "2 days before + 3 after"', () => {
  it('2026: 15/2 (28 Chạp, Sunday) … 19/2, made up on 20/2', () => {
    expect(tetDays(2026).map(isoFromJdn)).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']);
    expect(dates(2026, 'compensatory_day_off')).toContain('2026-02-20');
  });

  it('the "1 before + 4 after" option is available', () => {
    expect(tetDays(2025, '1+4').map(isoFromJdn)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    // 1/2/2025 is a Saturday: made up on Monday 3/2.
    expect(dates(2025, 'compensatory_day_off', { tetPattern: '1+4' })).toEqual(['2025-02-03']);
  });
});

describe('National Day: the adjacent day', () => {
  it.each([
    [2021, 'Thursday', '2021-09-03'],
    [2022, 'Friday', '2022-09-01'],
    [2023, 'Saturday', '2023-09-01'],
    [2024, 'Monday', '2024-09-03'],
    [2025, 'Tuesday', '2025-09-01'],
    [2026, 'Wednesday', '2026-09-01'],
  ])('%i (2/9 on a %s): %s, as the notice chose', (year, _wd, adjacent) => {
    expect(isoFromJdn(nationalDayAdjacent(year))).toBe(adjacent);
  });
});

describe('make-up days (BLLĐ 2019 Art. 111(3))', () => {
  it('a Sunday holiday is made up on Monday: 1/1/2023 → 2/1/2023', () => {
    expect(dates(2023, 'compensatory_day_off')).toContain('2023-01-02');
  });

  it('a Saturday and a Sunday holiday are made up on Monday and Tuesday: 30/4 and 1/5/2022', () => {
    expect(dates(2022, 'compensatory_day_off')).toEqual(expect.arrayContaining(['2022-05-02', '2022-05-03']));
  });

  it('make-up skips days that are themselves holidays: Hùng Kings on Saturday 29/4/2023 → 2/5 (1/5 is a holiday)', () => {
    const comp = statutoryDays(2023).filter((d) => d.kind === 'compensatory_day_off');
    expect(comp.find((d) => d.name.includes('Hùng Vương'))?.date).toBe('2023-05-02');
    expect(comp.find((d) => d.name.includes('Chiến thắng'))?.date).toBe('2023-05-03');
  });

  it('National Day on Saturday 2/9/2023 is made up on Monday 4/9', () => {
    expect(dates(2023, 'compensatory_day_off')).toContain('2023-09-04');
  });

  it('Hùng Kings on Sunday 26/4/2026 → Monday 27/4', () => {
    expect(dates(2026, 'compensatory_day_off')).toContain('2026-04-27');
  });

  it('is relative to the agency’s rest days: with only Sunday off, Saturday 30/4/2022 gives no make-up', () => {
    const comp = dates(2022, 'compensatory_day_off', { restDays: [7] });
    expect(comp).toContain('2022-05-02'); // for Sunday 1/5
    expect(comp).not.toContain('2022-05-03');
  });

  it('every compensatory day is a working weekday that is not a holiday', () => {
    for (let y = 2021; y <= 2040; y++) {
      const days = statutoryDays(y);
      const holidays = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
      for (const d of days.filter((x) => x.kind === 'compensatory_day_off')) {
        expect(weekday(d.date)).toBeLessThanOrEqual(5);
        expect(holidays.has(d.date)).toBe(false);
      }
      // As many make-ups as holidays on a weekend.
      expect(days.filter((d) => d.kind === 'compensatory_day_off').length).toBe([...holidays].filter((d) => weekday(d) >= 6).length);
    }
  });
});

describe('the computed rules reproduce every official year 2022–2026', () => {
  // Compare what matters for deadlines: the weekdays that are not worked and the weekend days that are.
  const offWeekdays = (year: number, isWorking: (date: string) => boolean) =>
    range(`${year}-01-01`, `${year}-12-31`).filter((d) => weekday(d) <= 5 && !isWorking(d));

  it.each(OFFICIAL_YEARS.map((y) => [y.year, y] as const))('%i', (year, official) => {
    const computed = new Map(statutoryDays(year).map((d) => [d.date, d.kind]));
    const listed = new Map(official.days.map((d) => [d.date, d.kind]));
    const officialOff = offWeekdays(year, (d) => (listed.has(d) ? kindIsWorking(listed.get(d)!) : true));
    const computedOff = offWeekdays(year, (d) => (computed.has(d) ? kindIsWorking(computed.get(d)!) : true));
    // The only differences are the Government's swaps, which no rule can predict.
    const swappedOff = official.days.filter((d) => d.kind === 'day_off').map((d) => d.date);
    expect(officialOff.filter((d) => !swappedOff.includes(d))).toEqual(computedOff);
  });
});
