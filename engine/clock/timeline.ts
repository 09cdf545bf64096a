/**
 * The clock's timeline: intervals when the clock is stopped (waiting for the citizen), and the two
 * operations everything else is built on.
 *
 * - `runningMs(a, b)`  office time in [a, b) outside the stops — the working time "used";
 * - `dueAfter(start, budget)`  the earliest instant at which `budget` of running office time has
 *   elapsed since `start` — the deadline; `null` when a stop that is still open comes first.
 *
 * They are inverses: `runningMs(start, dueAfter(start, b)) === b`. A stop runs from the event that
 * stopped the clock to the instant counting resumes (which may be later than the event that
 * ended the wait, e.g. a supplement received after 15:00 resumes at the next opening).
 */
import type { WorkingCalendar } from '../calendar/index.js';

export type StopReason = 'supplement' | 'payment';

export interface Stop {
  from: number;
  /** Instant counting resumes; `Infinity` while the wait is open. */
  to: number;
  reason: StopReason;
  /** Event that opened the wait. */
  eventIndex: number;
}

/** Union of stops as sorted, disjoint `[from, to)` pairs (flat array: from0, to0, from1, to1 …). */
export function mergeStops(stops: readonly Stop[]): number[] {
  if (stops.length === 0) return EMPTY;
  const sorted = stops.length === 1 ? stops : [...stops].sort((x, y) => x.from - y.from);
  const out: number[] = [];
  let f = sorted[0]!.from;
  let t = sorted[0]!.to;
  for (let k = 1; k < sorted.length; k++) {
    const s = sorted[k]!;
    if (s.from <= t) {
      if (s.to > t) t = s.to;
    } else {
      if (t > f) out.push(f, t);
      f = s.from;
      t = s.to;
    }
  }
  if (t > f) out.push(f, t);
  return out;
}

const EMPTY: number[] = [];

/** Office ms in [a, b) outside the merged stops (0 when b ≤ a). */
export function runningMs(cal: WorkingCalendar, a: number, b: number, merged: readonly number[]): number {
  if (b <= a) return 0;
  let total = cal.workingMsBetween(a, b);
  for (let k = 0; k < merged.length; k += 2) {
    const lo = merged[k]! > a ? merged[k]! : a;
    const hi = merged[k + 1]! < b ? merged[k + 1]! : b;
    if (hi > lo) total -= cal.workingMsBetween(lo, hi);
  }
  return total;
}

/** Earliest instant with `budget` ms of running office time since `start`; `null` if an open stop comes first. */
export function dueAfter(cal: WorkingCalendar, start: number, budget: number, merged: readonly number[]): number | null {
  let cur = start;
  let rem = budget;
  for (let k = 0; k < merged.length; k += 2) {
    const f = merged[k]!;
    const t = merged[k + 1]!;
    if (t <= cur) continue;
    if (f > cur) {
      const avail = cal.workingMsBetween(cur, f);
      if (avail >= rem) return cal.addWorkingMs(cur, rem);
      rem -= avail;
    }
    if (t === Infinity) return null;
    cur = t;
  }
  return cal.addWorkingMs(cur, rem);
}
