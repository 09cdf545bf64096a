/**
 * Office hours of one working day: the intervals during which the one-stop desk and the
 * handling officers work, as local wall-clock times.
 *
 * Default: 07:00–11:30 and 13:30–17:00 (8 working hours), the common schedule of provincial and
 * commune one-stop desks; each agency may configure its own. Intervals are **closed**: 11:30 and
 * 17:00 are still working instants, so a deadline can be "17:00" and a result delivered at 17:00 is
 * on time.
 *
 * Offsets are milliseconds after local midnight. Converting them to instants adds them to the
 * local midnight luxon computed for that day, which is exact in Asia/Ho_Chi_Minh (no daylight
 * saving since 1975, so no wall-clock jump can fall inside office hours).
 */

/** One interval, `HH:mm` local time, `start < end`. */
export interface OfficeInterval {
  start: string;
  end: string;
}

export const DEFAULT_OFFICE_HOURS: readonly OfficeInterval[] = Object.freeze([
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
]);

const MINUTE = 60_000;

/** `HH:mm` → milliseconds after midnight. */
export function parseClock(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`Not an HH:mm time: ${JSON.stringify(text)}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) throw new RangeError(`Invalid time ${text}`);
  return (h * 60 + min) * MINUTE;
}

/** The working intervals of a day, validated, with the arithmetic the calendar needs. */
export class OfficeHours {
  /** Interval starts and ends, ms after local midnight, ascending and disjoint. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Working ms before interval i. */
  private readonly before: readonly number[];
  /** Working ms in one working day. */
  readonly dayMs: number;
  readonly opening: number;
  readonly closing: number;

  constructor(intervals: readonly OfficeInterval[] = DEFAULT_OFFICE_HOURS) {
    if (!intervals.length) throw new RangeError('Office hours need at least one interval');
    const parsed = intervals.map((i) => ({ s: parseClock(i.start), e: parseClock(i.end) })).sort((a, b) => a.s - b.s);
    const starts: number[] = [];
    const ends: number[] = [];
    const before: number[] = [];
    let acc = 0;
    for (const [i, p] of parsed.entries()) {
      if (p.e <= p.s) throw new RangeError(`Office interval must end after it starts: ${intervals[i]!.start}–${intervals[i]!.end}`);
      // Touching intervals (11:30–11:30) would make an instant belong to two intervals: refuse them.
      if (i > 0 && p.s <= ends[i - 1]!) throw new RangeError('Office intervals must be disjoint and not touch');
      starts.push(p.s);
      ends.push(p.e);
      before.push(acc);
      acc += p.e - p.s;
    }
    this.starts = starts;
    this.ends = ends;
    this.before = before;
    this.dayMs = acc;
    this.opening = starts[0]!;
    this.closing = ends[ends.length - 1]!;
  }

  /** Is the offset inside some (closed) interval? */
  contains(offset: number): boolean {
    for (let i = 0; i < this.starts.length; i++) {
      if (offset < this.starts[i]!) return false;
      if (offset <= this.ends[i]!) return true;
    }
    return false;
  }

  /** Working ms of the day elapsed at `offset` (0 before opening, dayMs after closing). */
  elapsedAt(offset: number): number {
    const n = this.starts.length;
    for (let i = 0; i < n; i++) {
      const s = this.starts[i]!;
      if (offset <= s) return this.before[i]!;
      const e = this.ends[i]!;
      if (offset <= e) return this.before[i]! + (offset - s);
    }
    return this.dayMs;
  }

  /** Earliest offset at which `elapsed` working ms of the day have passed (0 ≤ elapsed ≤ dayMs). */
  offsetAt(elapsed: number): number {
    const n = this.starts.length;
    for (let i = 0; i < n; i++) {
      const len = this.ends[i]! - this.starts[i]!;
      if (elapsed <= this.before[i]! + len) return this.starts[i]! + Math.max(0, elapsed - this.before[i]!);
    }
    return this.closing;
  }

  /** Earliest working offset ≥ `offset` in the same day, or -1 when the day's office hours are over. */
  nextOffset(offset: number): number {
    for (let i = 0; i < this.starts.length; i++) {
      if (offset <= this.ends[i]!) return Math.max(offset, this.starts[i]!);
    }
    return -1;
  }
}
