/** Shared types of the working calendar. */

/**
 * What kind of day a date is, for an agency:
 * - `weekday`   an ordinary working day of the weekly pattern;
 * - `weekend`   an ordinary weekly rest day (ngày nghỉ hằng tuần);
 * - `holiday`   a public holiday of Labour Code 2019 Art. 112 (ngày nghỉ lễ, tết), on its own day,
 *               whether or not it falls on a weekend;
 * - `compensatory_day_off`  a day off in lieu of a holiday that fell on a weekly rest day
 *               (ngày nghỉ bù, Art. 111(3));
 * - `day_off`   a working day given off by a Government swap (hoán đổi ngày làm việc) or by an
 *               administrator;
 * - `saturday_worked` a weekly rest day worked instead (ngày làm bù) — working.
 */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'compensatory_day_off' | 'saturday_worked' | 'day_off';

/** The kinds a listed (non-default) day can have. */
export type ListedDayKind = 'holiday' | 'compensatory_day_off' | 'saturday_worked' | 'day_off';

/** Working days are the weekdays and the Saturdays worked; every other kind is a day off. */
export function kindIsWorking(kind: DayKind): boolean {
  return kind === 'weekday' || kind === 'saturday_worked';
}

/** One listed day: a holiday, a compensatory day, a swapped day off, or a Saturday worked. */
export interface CalendarDay {
  /** `YYYY-MM-DD`, civil date in Việt Nam. */
  date: string;
  kind: ListedDayKind;
  /** Vietnamese name, e.g. "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương". */
  name: string;
  /** Legal basis: the article, decision or notice (number and date). */
  source: string;
}

/**
 * A row entered by an administrator at construction. Besides the listed kinds it may be
 * `weekday`, which restores an ordinary working day (e.g. to cancel a computed holiday that the
 * Government did not grant). Admin rows win over everything else.
 */
export interface AdminDay {
  date: string;
  kind: ListedDayKind | 'weekday';
  name?: string;
  source?: string;
}

/** A Government or Ministry document that fixed days off for a year. */
export interface OfficialNotice {
  /** Number as printed, e.g. "9441/TB-BNV". */
  ref: string;
  /** Date of issue `YYYY-MM-DD`; `YYYY` or `YYYY-MM` when only that much was verified. */
  date: string;
  issuer: string;
  /** What it decided, one line in Vietnamese. */
  subject: string;
}

/**
 * A year whose arrangement for civil servants is settled by law and notices. `days` lists
 * **every** day that differs from the Monday–Friday week: all holidays (also those on a weekend),
 * compensatory days, swapped days off and Saturdays worked. A year given this way is not
 * provisional; any day not listed is an ordinary weekday or weekend day.
 */
export interface OfficialYear {
  year: number;
  notices: OfficialNotice[];
  days: CalendarDay[];
}

/** What {@link WorkingCalendar.dayInfo} says about a date. */
export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind;
  name?: string;
  source?: string;
  /**
   * True when the year has no official data: the day's status comes from the computed statutory
   * rules and may change when the Government publishes that year's arrangement.
   */
  provisional?: boolean;
}
