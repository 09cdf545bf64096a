/**
 * Civil (wall-calendar) dates as Julian Day Numbers.
 *
 * Everything in this module works on plain proleptic-Gregorian dates with no time and no zone:
 * a civil date is a day of the calendar hanging on an office wall in Việt Nam. Day arithmetic
 * is integer arithmetic on the Julian Day Number (JDN), which makes weekday, "plus N days" and
 * "days between" exact and fast. Converting an *instant* to a civil date is a zone question and
 * lives in `zone.ts`.
 */

/** A civil date: year, month 1–12, day 1–31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** JDN of a Gregorian civil date (valid for any date after 1582-10-15; Julian before). */
export function jdnFromCivil(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  let jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  if (jd < 2299161) {
    jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  }
  return jd;
}

/** Civil date of a JDN (inverse of {@link jdnFromCivil}). */
export function civilFromJdn(jdn: number): CivilDate {
  let b: number;
  let c: number;
  if (jdn > 2299160) {
    const a = jdn + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jdn + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

/** ISO weekday of a JDN (JDN 0 mod 7 is a Monday). */
export function weekdayOfJdn(jdn: number): IsoWeekday {
  return ((jdn % 7) + 1) as IsoWeekday;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse a strict `YYYY-MM-DD` string; throws on anything else or on an impossible date. */
export function parseIsoDate(text: string): CivilDate {
  const m = ISO_DATE.exec(text);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  assertValidCivil(date);
  return date;
}

/** Throws when `date` is not a real Gregorian date (e.g. 2025-02-29). */
export function assertValidCivil(date: CivilDate): void {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new RangeError(`Invalid civil date ${year}-${month}-${day}`);
  }
  const back = civilFromJdn(jdnFromCivil(year, month, day));
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`Invalid civil date ${year}-${month}-${day}`);
  }
}

/** `YYYY-MM-DD` of a civil date. */
export function formatIsoDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of a JDN. */
export function isoFromJdn(jdn: number): string {
  return formatIsoDate(civilFromJdn(jdn));
}

/** JDN of a `YYYY-MM-DD` string. */
export function jdnFromIso(text: string): number {
  const d = parseIsoDate(text);
  return jdnFromCivil(d.year, d.month, d.day);
}
