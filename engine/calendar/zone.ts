/**
 * The single time zone of the working calendar, and conversions between instants and civil dates.
 *
 * All local reasoning (which day is it, what time is it at the office) happens in
 * `Asia/Ho_Chi_Minh` through luxon. We never compare zone *names*: ICU may report the zone as
 * `Asia/Saigon`, which is the same zone. Việt Nam has kept UTC+7 without daylight saving since
 * 1975, but nothing here assumes it — local midnights are asked from luxon.
 */
import { DateTime } from 'luxon';
import { type CivilDate, jdnFromCivil, parseIsoDate } from './civil.js';

export const ZONE = 'Asia/Ho_Chi_Minh';

/** An instant: a JS Date, a luxon DateTime (any zone), or epoch milliseconds. */
export type Instant = Date | DateTime | number;

/** A day: an instant (its local date in Việt Nam), a `YYYY-MM-DD` string, or a civil date. */
export type DayInput = Instant | string | CivilDate;

/** Epoch milliseconds of an instant; throws on an invalid Date/DateTime. */
export function toMillis(t: Instant): number {
  const ms = typeof t === 'number' ? t : t instanceof Date ? t.getTime() : t.toMillis();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant');
  return ms;
}

/** Civil date, in Việt Nam, of an instant. */
export function civilOfInstant(ms: number): CivilDate {
  const dt = DateTime.fromMillis(ms, { zone: ZONE });
  return { year: dt.year, month: dt.month, day: dt.day };
}

/** Epoch milliseconds of local midnight (start of day) of a civil date in Việt Nam. */
export function localMidnight(year: number, month: number, day: number): number {
  const dt = DateTime.fromObject({ year, month, day }, { zone: ZONE });
  if (!dt.isValid) throw new RangeError(`Invalid date ${year}-${month}-${day} in ${ZONE}: ${dt.invalidExplanation}`);
  return dt.toMillis();
}

/** JDN of a day input (an instant is read in Việt Nam's zone). */
export function jdnOfDay(d: DayInput): number {
  if (typeof d === 'string') {
    const c = parseIsoDate(d);
    return jdnFromCivil(c.year, c.month, c.day);
  }
  if (typeof d === 'number' || d instanceof Date || DateTime.isDateTime(d)) {
    const c = civilOfInstant(toMillis(d));
    return jdnFromCivil(c.year, c.month, c.day);
  }
  return jdnFromCivil(d.year, d.month, d.day);
}

/** True when luxon/ICU knows the zone here (full ICU). */
export function zoneIsUsable(): boolean {
  return DateTime.now().setZone(ZONE).isValid;
}
