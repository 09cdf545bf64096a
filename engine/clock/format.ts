/**
 * Local (Asia/Ho_Chi_Minh) dates and times of instants, read from the calendar's day table — no
 * date-library call, so the clock stays fast — and the Vietnamese wording of instants and working
 * durations used by the explanation and the summary.
 */
import type { WorkingCalendar } from '../calendar/index.js';
import { civilFromJdn, formatIsoDate } from '../calendar/civil.js';

const MINUTE = 60_000;

/** Julian Day Number of the local day of `ms`. */
export function jdnOf(cal: WorkingCalendar, ms: number): number {
  const tb = cal.dayTable;
  return tb.baseJdn + tb.indexOf(ms);
}

/** Epoch ms of local midnight starting the day of `ms`. */
export function startOfDay(cal: WorkingCalendar, ms: number): number {
  const tb = cal.dayTable;
  return tb.midnight[tb.indexOf(ms)]!;
}

/** `YYYY-MM-DD` of the local day of `ms`. */
export function isoDateOf(cal: WorkingCalendar, ms: number): string {
  return formatIsoDate(civilFromJdn(jdnOf(cal, ms)));
}

/** `HH:mm` local time of `ms` (seconds dropped). */
export function clockTimeOf(cal: WorkingCalendar, ms: number): string {
  const m = Math.floor((ms - startOfDay(cal, ms)) / MINUTE);
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** `dd/MM/yyyy` of a JDN. */
export function viDate(jdn: number): string {
  const c = civilFromJdn(jdn);
  return `${pad(c.day)}/${pad(c.month)}/${c.year}`;
}

/** "09:00 ngày 27/02/2026". */
export function viInstant(cal: WorkingCalendar, ms: number): string {
  return `${clockTimeOf(cal, ms)} ngày ${viDate(jdnOf(cal, ms))}`;
}

/** Working time in Vietnamese: "2 ngày 3 giờ 15 phút" (a day = `minutesPerDay`), "0 phút" for none. */
export function viDuration(minutes: number, minutesPerDay: number): string {
  let m = Math.round(minutes);
  const d = Math.floor(m / minutesPerDay);
  m -= d * minutesPerDay;
  const h = Math.floor(m / 60);
  m -= h * 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} ngày`);
  if (h) parts.push(`${h} giờ`);
  if (m || !parts.length) parts.push(`${m} phút`);
  return parts.join(' ');
}

/** Vietnamese weekday name of a JDN (JDN 0 is a Monday). */
export function viWeekday(jdn: number): string {
  const wd = (jdn % 7) + 1;
  return wd === 7 ? 'Chủ nhật' : `Thứ ${['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'][wd - 1]}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
