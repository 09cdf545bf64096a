import { z } from 'zod';
import { Instant } from './common.js';

/**
 * The working calendar over HTTP: days as the deadline rules see them, lunar dates, and the rows
 * administrators enter for a year's official arrangements.
 */

/** Years the calendar endpoints accept (reads and writes): a wide window around the system's life. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;
/** Most days one `GET /api/calendar/days` returns. */
export const CALENDAR_MAX_RANGE_DAYS = 400;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Epoch day of a real Gregorian `YYYY-MM-DD`, or undefined when the text is not one (e.g. 2026-02-30). */
export function epochDay(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

/** `dd/mm/yyyy`, how dates are written in Vietnamese messages. */
export const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A civil date `YYYY-MM-DD` that exists, in [minYear, maxYear]. `label` is the Vietnamese name of the field. */
export function IsoDate(label: string, minYear = CALENDAR_MIN_YEAR, maxYear = CALENDAR_MAX_YEAR) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `Thiếu ${label}` : `${cap(label)} phải là chuỗi dạng YYYY-MM-DD`) })
    .superRefine((text, ctx) => {
      if (!ISO_DATE.test(text)) {
        ctx.addIssue({ code: 'custom', message: `${cap(label)} "${text}" không đúng dạng YYYY-MM-DD` });
      } else if (epochDay(text) === undefined) {
        ctx.addIssue({ code: 'custom', message: `${cap(label)} ${text} không tồn tại trong lịch` });
      } else {
        const year = Number(text.slice(0, 4));
        if (year < minYear || year > maxYear) ctx.addIssue({ code: 'custom', message: `${cap(label)} phải trong các năm ${minYear}–${maxYear}` });
      }
    })
    .meta({ format: 'date', description: `YYYY-MM-DD, years ${minYear}–${maxYear}` });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `GET /api/calendar/days?from&to` — both included, at most {@link CALENDAR_MAX_RANGE_DAYS} days. */
export const CalendarDaysQuery = z
  .object({ from: IsoDate('ngày bắt đầu (from)'), to: IsoDate('ngày kết thúc (to)') })
  .superRefine(({ from, to }, ctx) => {
    const span = epochDay(to)! - epochDay(from)! + 1;
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: `Ngày kết thúc (${to}) phải không trước ngày bắt đầu (${from})` });
    else if (span > CALENDAR_MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Mỗi lần chỉ xem được tối đa ${CALENDAR_MAX_RANGE_DAYS} ngày (đang yêu cầu ${span} ngày)` });
  });
export type CalendarDaysQuery = z.infer<typeof CalendarDaysQuery>;

export const DayKind = z.enum(['weekday', 'weekend', 'holiday', 'compensatory_day_off', 'day_off', 'saturday_worked']);
export type DayKind = z.infer<typeof DayKind>;

/** One day as the deadline rules see it. `provisional`: computed from the Labour Code, no official notice for that year yet. */
export const CalendarDayView = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: DayKind,
  name: z.string().nullable(),
  source: z.string().nullable(),
  provisional: z.boolean(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

/** `GET /api/calendar/lunar?date` — the lunar calendar of Việt Nam (UTC+7), years 1800–2199. */
export const LunarQuery = z.object({ date: IsoDate('ngày (date)', 1800, 2199) });
export const LunarDateView = z.object({
  day: z.number(),
  month: z.number(),
  year: z.number(),
  /** True in a leap month (tháng nhuận). */
  leap: z.boolean(),
});
export type LunarDateView = z.infer<typeof LunarDateView>;

/** Kinds an administrator may enter; `weekday` restores a working day (e.g. cancels a computed holiday). */
export const CalendarOverrideKind = z.enum(['holiday', 'compensatory_day_off', 'day_off', 'saturday_worked', 'weekday'], {
  error: 'Loại ngày phải là một trong: holiday, compensatory_day_off, day_off, saturday_worked, weekday',
});

const requiredText = (label: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? `Thiếu ${label}` : `${cap(label)} phải là chuỗi`) })
    .trim()
    .min(1, `Thiếu ${label}`)
    .max(max, `${cap(label)} tối đa ${max} ký tự`);

/** `POST /api/calendar/days` (admin). */
export const CalendarOverrideRequest = z.object({
  date: IsoDate('ngày (date)'),
  kind: CalendarOverrideKind,
  name: requiredText('tên ngày (name)', 200),
  source: requiredText('căn cứ (source: số, ngày của quyết định/thông báo)', 500),
});
export type CalendarOverrideRequest = z.infer<typeof CalendarOverrideRequest>;

/** A row entered by an administrator, with who entered it and when. */
export const CalendarOverrideView = z.object({
  date: z.string(),
  kind: CalendarOverrideKind,
  name: z.string(),
  source: z.string(),
  createdBy: z.object({ id: z.number(), username: z.string(), fullName: z.string() }),
  createdAt: Instant,
});
export type CalendarOverrideView = z.infer<typeof CalendarOverrideView>;

/** `GET /api/calendar/overrides?year` (admin); without `year`, every row. */
export const CalendarOverridesQuery = z.object({
  year: z.coerce
    .number({ error: 'Năm (year) phải là số' })
    .int('Năm (year) phải là số nguyên')
    .min(CALENDAR_MIN_YEAR, `Năm (year) phải trong các năm ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`)
    .max(CALENDAR_MAX_YEAR, `Năm (year) phải trong các năm ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`)
    .optional(),
});
