/**
 * Instants in clock input: a `Date`, epoch milliseconds, or an ISO-8601 string.
 *
 * A string without an offset (`2026-02-10T09:00`, `2026-02-10 09:00`) is read as wall-clock time
 * in Việt Nam (Asia/Ho_Chi_Minh) — never in the server's zone; a date alone is its local midnight.
 * A string with `Z` or an offset is that instant.
 */
import { DateTime } from 'luxon';
import { ZONE } from '../calendar/index.js';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms, or `null` when `value` is not a valid instant. */
export function parseTime(value: unknown): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  if (ISO_WITH_ZONE.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  const dt = DateTime.fromISO(value.includes(' ') ? value.replace(' ', 'T') : value, { zone: ZONE });
  return dt.isValid ? dt.toMillis() : null;
}
