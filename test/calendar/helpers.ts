/** Test helpers: instants written as Việt Nam wall-clock time, and back. */
import { DateTime } from 'luxon';

const ZONE = 'Asia/Ho_Chi_Minh';

/** `vn('2026-02-13 16:00')` → the instant of that wall-clock time in Việt Nam. */
export function vn(text: string): Date {
  const dt = DateTime.fromFormat(text, text.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad test time ${text}`);
  return dt.toJSDate();
}

/** The Việt Nam wall-clock time of an instant, `yyyy-MM-dd HH:mm` (seconds shown when non-zero). */
export function local(d: Date): string {
  const dt = DateTime.fromJSDate(d, { zone: ZONE });
  return dt.toFormat(dt.second || dt.millisecond ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm');
}

/** Every date from `from` to `to` inclusive, `YYYY-MM-DD`. */
export function range(from: string, to: string): string[] {
  const out: string[] = [];
  let d = DateTime.fromISO(from, { zone: 'UTC' });
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  while (d <= end) {
    out.push(d.toISODate()!);
    d = d.plus({ days: 1 });
  }
  return out;
}
