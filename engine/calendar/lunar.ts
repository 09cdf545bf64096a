/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7.
 *
 * Method: Hồ Ngọc Đức, "Thuật toán tính âm lịch" (informatik.uni-leipzig.de/~duc/amlich), itself
 * after J. Meeus, *Astronomical Algorithms*. The rules of the Vietnamese calendar are:
 *
 *  1. A lunar month starts on the civil day (in the calendar's time zone) containing the new moon
 *     (điểm Sóc).
 *  2. The winter solstice always falls in month 11.
 *  3. A year with 13 lunations between two months 11 is a leap year; its leap month is the first
 *     month after month 11 that contains no major solar term (trung khí); it repeats the number of
 *     the month before it.
 *  4. Việt Nam computes on the meridian 105° E, i.e. UTC+7 (Quyết định 121-CP, 1967). China
 *     computes on 120° E (UTC+8); that one-hour difference moves a new moon across midnight in
 *     some years, so Tết differs: 1968, 1969, 1985 (a whole month), 2007, 2030 … A Chinese
 *     calendar library is therefore **wrong** for Việt Nam in those years.
 *
 * The implementation is organised around *cycles*: cycle `y` is the run of 12 or 13 lunations from
 * month 11 of solar year `y − 1` (inclusive) to month 11 of solar year `y` (exclusive). Every
 * lunar month belongs to exactly one cycle, so both conversions are a lookup in a small cached
 * table. The astronomical series are accurate to minutes, which is enough except for a new moon
 * that falls within minutes of midnight; the algorithm is the de-facto reference used by
 * Vietnamese calendar software for 1800–2199.
 */
import { type CivilDate, civilFromJdn, jdnFromCivil } from './civil.js';
import { type DayInput, jdnOfDay } from './zone.js';

/** Vietnam's calendar time zone, hours east of UTC. */
export const VIETNAM_TIME_ZONE = 7;

/** A lunar date. `leap` is true in a leap month (tháng nhuận). `year` is the lunar year number. */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

const PI = Math.PI;
const DR = PI / 180;
/** Mean synodic month, days. */
const SYNODIC_MONTH = 29.530588853;
/** JD of the new moon of 1900-01-01 13:52 UT, origin of the lunation count k. */
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian day (with fraction, TT≈UT) of the k-th new moon after the epoch (Meeus, ch. 49, abridged). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT = T < -11
    ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
    : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent ecliptic longitude of the sun at Julian day `jdn` (fractional), radians in [0, 2π). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L -= PI * 2 * Math.floor(L / (PI * 2));
  return L;
}

/** Civil-day JDN (in zone `tz`) that contains the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/** Which of the 12 major-term sectors (0–11, 30° each) the sun is in at the start of civil day `jdn`. */
function sunSector(jdn: number, tz: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / PI) * 6);
}

/** JDN of the first day of lunar month 11 (the month containing the winter solstice) of solar year `y`. */
function month11Start(y: number, tz: number): number {
  const off = jdnFromCivil(y, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  // Sector ≥ 9 means the sun is already past 270° (solstice) at the new moon: month 11 began a lunation earlier.
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** One lunar month inside a cycle. */
interface CycleMonth {
  start: number; // JDN of day 1
  length: number; // 29 or 30
  month: number; // 1–12
  leap: boolean;
  year: number; // lunar year number
}

const cycleCache = new Map<string, CycleMonth[]>();

/**
 * The lunations of cycle `y`: from month 11 of solar year `y − 1` up to (not including) month 11 of
 * solar year `y`. 12 months, or 13 with one leap month.
 */
function cycle(y: number, tz: number): CycleMonth[] {
  const key = `${y}|${tz}`;
  const cached = cycleCache.get(key);
  if (cached) return cached;
  const a11 = month11Start(y - 1, tz);
  const b11 = month11Start(y, tz);
  const k0 = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const isLeapCycle = b11 - a11 > 365;
  const count = isLeapCycle ? 13 : 12;
  // Leap month: first lunation after month 11 in which the sun does not change sector (no major term).
  let leapIndex = -1;
  if (isLeapCycle) {
    let i = 1;
    let arc = sunSector(newMoonDay(k0 + i, tz), tz);
    let last: number;
    do {
      last = arc;
      i++;
      arc = sunSector(newMoonDay(k0 + i, tz), tz);
    } while (arc !== last && i < 14);
    leapIndex = i - 1;
  }
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(i === 0 ? a11 : i === count ? b11 : newMoonDay(k0 + i, tz));
  const months: CycleMonth[] = [];
  for (let i = 0; i < count; i++) {
    let month: number;
    let leap = false;
    if (leapIndex >= 0 && i >= leapIndex) {
      month = i + 10;
      leap = i === leapIndex;
    } else {
      month = i + 11;
    }
    if (month > 12) month -= 12;
    // Months 11 and 12 at the head of the cycle still belong to the previous lunar year.
    const year = month >= 11 && i < 4 ? y - 1 : y;
    months.push({ start: starts[i]!, length: starts[i + 1]! - starts[i]!, month, leap, year });
  }
  if (cycleCache.size > 4096) cycleCache.clear();
  cycleCache.set(key, months);
  return months;
}

function checkRange(year: number): void {
  if (!Number.isInteger(year) || year < 1800 || year > 2199) {
    throw new RangeError(`Lunar conversion supports years 1800–2199, got ${year}`);
  }
}

/**
 * Solar (Gregorian) → Vietnamese lunar date.
 *
 * @param date a civil date, a `YYYY-MM-DD` string, or an instant (its civil date in Asia/Ho_Chi_Minh)
 * @param tz   calendar time zone in hours; 7 for Việt Nam (default). 8 gives the Chinese reckoning.
 */
export function solarToLunar(date: DayInput, tz: number = VIETNAM_TIME_ZONE): LunarDate {
  const jdn = jdnOfDay(date);
  const { year } = civilFromJdn(jdn);
  checkRange(year);
  const c = jdn < month11Start(year, tz) ? year : year + 1;
  const months = cycle(c, tz);
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i]!;
    if (jdn >= m.start) return { day: jdn - m.start + 1, month: m.month, year: m.year, leap: m.leap };
  }
  /* c8 ignore next */
  throw new Error(`Internal error: ${jdn} not in lunar cycle ${c}`);
}

/**
 * Vietnamese lunar date → solar (Gregorian) civil date.
 *
 * Throws a RangeError when the lunar date does not exist: a leap month that the year does not
 * have, or day 30 of a 29-day month.
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false, tz: number = VIETNAM_TIME_ZONE): CivilDate {
  checkRange(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid lunar month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Invalid lunar day ${day}`);
  // Months 11–12 of lunar year Y (and a leap 11/12) head cycle Y+1; all others sit in cycle Y.
  const c = month >= 11 ? year + 1 : year;
  const m = cycle(c, tz).find((x) => x.month === month && x.leap === leap && x.year === year);
  if (!m) throw new RangeError(`Lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  if (day > m.length) throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''}/${year} has only ${m.length} days`);
  return civilFromJdn(m.start + day - 1);
}

/** The leap month of lunar year `year` (1–12), or 0 when the year has none. */
export function leapMonthOf(year: number, tz: number = VIETNAM_TIME_ZONE): number {
  checkRange(year);
  const inYear = [...cycle(year, tz), ...cycle(year + 1, tz)].filter((m) => m.year === year && m.leap);
  return inYear.length ? inYear[0]!.month : 0;
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(month: number, year: number, leap = false, tz: number = VIETNAM_TIME_ZONE): number {
  checkRange(year);
  const c = month >= 11 ? year + 1 : year;
  const m = cycle(c, tz).find((x) => x.month === month && x.leap === leap && x.year === year);
  if (!m) throw new RangeError(`Lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  return m.length;
}

/** Solar date of Tết Nguyên đán (1 tháng Giêng) of lunar year `year`. */
export function tetDate(year: number, tz: number = VIETNAM_TIME_ZONE): CivilDate {
  return lunarToSolar(1, 1, year, false, tz);
}
