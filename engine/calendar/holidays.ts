/**
 * Public holidays computed from the law — the fallback for years whose official arrangement is
 * not (yet) in the data. Every day produced here is *provisional*: the Government fixes the
 * exact Tết days and the second National Day each year, and may swap working days.
 *
 * Legal basis — Bộ luật Lao động 2019 (45/2019/QH14, in force 1/1/2021):
 * - Art. 112(1): paid public holidays
 *   a) Tết Dương lịch: 1 day (1/1);
 *   b) Tết Âm lịch: 5 days;
 *   c) Ngày Chiến thắng: 1 day (30/4);
 *   d) Ngày Quốc tế lao động: 1 day (1/5);
 *   đ) Quốc khánh: 2 days (2/9 and one adjacent day before or after);
 *   e) Giỗ Tổ Hùng Vương: 1 day (10/3 lunar).
 * - Art. 112(3): the Prime Minister decides the exact days of b) and đ) each year.
 * - Art. 111(3): a holiday that falls on a weekly rest day is made up on the next working day
 *   (nghỉ bù).
 * - Ngày Văn hóa Việt Nam, 24/11, from 2026: chosen by Politburo Resolution 80-NQ/TW (7/1/2026) as
 *   a paid day off; Government Resolution 30/NQ-CP (2/2026) tasks amending Art. 112(1). Secondary
 *   sources cite Nghị quyết 28/2026/QH16 Art. 2 (in force 1/7/2026) as the enacting text — not
 *   read directly here, so the rule can be switched off (`cultureDay: false`). We assume it is made
 *   up like the Art. 112 days once written into the Code; this only matters from 2029 (a Saturday).
 * - Before 2021 (Labour Code 2012) National Day was one day; modelled as such.
 *
 * How the open choices are filled in (each reproduces the Government's decisions of 2020–2026,
 * see test/calendar/holidays.test.ts):
 * - Tết: the last two days of the lunar year and the first three days of the new one
 *   (“2 ngày trước Tết, 3 ngày sau Tết”). The notices of 2020, 2021, 2023, 2024 and 2025 chose
 *   exactly this; in 2022 and 2026 they chose 1 day before and 4 after, which — Tết falling on a
 *   Tuesday — gives the same days off once the make-up rule is applied. `tetPattern: '1+4'`
 *   selects the other customary option.
 * - National Day: the adjacent day is 3/9 when 2/9 is a Monday or Thursday (to join the weekend),
 *   otherwise 1/9 — the choice of every notice 2021–2026.
 */
import { type IsoWeekday, formatIsoDate, civilFromJdn, jdnFromCivil, weekdayOfJdn } from './civil.js';
import { lunarToSolar, solarToLunar } from './lunar.js';
import type { CalendarDay } from './types.js';

export interface StatutoryOptions {
  /** ISO weekdays that are weekly rest days; default Saturday and Sunday. */
  restDays?: readonly IsoWeekday[];
  /** Which five Tết days: `'2+3'` (default) or `'1+4'` days before/after mùng 1. */
  tetPattern?: '2+3' | '1+4';
  /** Include Ngày Văn hóa Việt Nam (24/11) from 2026; default true. */
  cultureDay?: boolean;
}

const CODE = 'BLLĐ 2019 (45/2019/QH14)';
export const SOURCES = {
  newYear: `${CODE} Điều 112(1)(a)`,
  tet: `${CODE} Điều 112(1)(b); ngày cụ thể do Thủ tướng quyết định (Điều 112(3)) — mặc định tính toán: 2 ngày cuối năm âm lịch và mùng 1–3`,
  tet14: `${CODE} Điều 112(1)(b); ngày cụ thể do Thủ tướng quyết định (Điều 112(3)) — mặc định tính toán: ngày cuối năm âm lịch và mùng 1–4`,
  victory: `${CODE} Điều 112(1)(c)`,
  labour: `${CODE} Điều 112(1)(d)`,
  national: `${CODE} Điều 112(1)(đ)`,
  nationalAdjacent: `${CODE} Điều 112(1)(đ), (3); mặc định tính toán: 3/9 nếu 2/9 là thứ Hai hoặc thứ Năm, ngược lại 1/9`,
  nationalBefore2021: 'BLLĐ 2012 (10/2012/QH13) Điều 115',
  hungKings: `${CODE} Điều 112(1)(e)`,
  cultureDay: 'Nghị quyết 28/2026/QH16 Điều 2 (hiệu lực 01/7/2026); chủ trương tại Nghị quyết 80-NQ/TW ngày 07/01/2026',
  makeUp: `${CODE} Điều 111(3)`,
} as const;

/** The five Tết days (JDNs, ascending) of the lunar year that begins in solar year `year`. */
export function tetDays(year: number, pattern: '2+3' | '1+4' = '2+3'): number[] {
  const t = lunarToSolar(1, 1, year);
  const mung1 = jdnFromCivil(t.year, t.month, t.day);
  const before = pattern === '2+3' ? 2 : 1;
  return [0, 1, 2, 3, 4].map((i) => mung1 - before + i);
}

/** JDN of the day adjacent to National Day that the computed rule picks (see module doc). */
export function nationalDayAdjacent(year: number): number {
  const d = jdnFromCivil(year, 9, 2);
  const wd = weekdayOfJdn(d);
  return wd === 1 || wd === 4 ? d + 1 : d - 1;
}

/** JDN of Giỗ Tổ Hùng Vương (10/3 lunar, the non-leap third month). */
export function hungKingsDay(year: number): number {
  const c = lunarToSolar(10, 3, year);
  return jdnFromCivil(c.year, c.month, c.day);
}

const LUNAR_MONTH_NAMES = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];

/** Vietnamese label of a lunar day, e.g. "29 tháng Chạp", "mùng 1 tháng Giêng". */
function lunarLabel(jdn: number): string {
  const l = solarToLunar(civilFromJdn(jdn));
  const day = l.day <= 10 ? `mùng ${l.day}` : String(l.day);
  return `${day} tháng ${LUNAR_MONTH_NAMES[l.month - 1]}${l.leap ? ' nhuận' : ''}`;
}

interface Holiday {
  jdn: number;
  name: string;
  source: string;
}

/**
 * The statutory days of solar year `year`: holidays (kind `holiday`, also those on a rest day)
 * and their make-up days (kind `compensatory_day_off`), sorted by date.
 */
export function statutoryDays(year: number, options: StatutoryOptions = {}): CalendarDay[] {
  const rest = new Set<number>(options.restDays ?? [6, 7]);
  const isRest = (jdn: number) => rest.has(weekdayOfJdn(jdn));
  const holidays: Holiday[] = [];
  const add = (jdn: number, name: string, source: string) => holidays.push({ jdn, name, source });

  add(jdnFromCivil(year, 1, 1), 'Tết Dương lịch', SOURCES.newYear);
  const pattern = options.tetPattern ?? '2+3';
  for (const d of tetDays(year, pattern)) add(d, `Tết Nguyên đán (${lunarLabel(d)})`, pattern === '2+3' ? SOURCES.tet : SOURCES.tet14);
  add(hungKingsDay(year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', SOURCES.hungKings);
  add(jdnFromCivil(year, 4, 30), 'Ngày Chiến thắng (30/4)', SOURCES.victory);
  add(jdnFromCivil(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)', SOURCES.labour);
  const national = jdnFromCivil(year, 9, 2);
  if (year >= 2021) {
    const adjacent = nationalDayAdjacent(year);
    add(adjacent, `Quốc khánh (ngày liền kề ${adjacent < national ? 'trước' : 'sau'})`, SOURCES.nationalAdjacent);
    add(national, 'Quốc khánh (2/9)', SOURCES.national);
  } else {
    add(national, 'Quốc khánh (2/9)', SOURCES.nationalBefore2021);
  }
  if (year >= 2026 && options.cultureDay !== false) add(jdnFromCivil(year, 11, 24), 'Ngày Văn hóa Việt Nam (24/11)', SOURCES.cultureDay);

  holidays.sort((a, b) => a.jdn - b.jdn);
  const taken = new Set(holidays.map((h) => h.jdn));
  const out: CalendarDay[] = holidays.map((h) => ({ date: iso(h.jdn), kind: 'holiday', name: h.name, source: h.source }));
  // Art. 111(3): each holiday on a rest day gives the next day that is neither a rest day, nor a
  // holiday, nor already a make-up day. Processing in date order keeps make-ups in order too.
  for (const h of holidays) {
    if (!isRest(h.jdn)) continue;
    let d = h.jdn + 1;
    while (isRest(d) || taken.has(d)) d++;
    taken.add(d);
    out.push({ date: iso(d), kind: 'compensatory_day_off', name: `Nghỉ bù ${h.name}`, source: SOURCES.makeUp });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function iso(jdn: number): string {
  return formatIsoDate(civilFromJdn(jdn));
}
