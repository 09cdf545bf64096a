/**
 * The clock's own limit arithmetic (kept off luxon for speed) must agree with the calendar's
 * receipt appointment, and the timeline's two operations must be inverses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueAfter, mergeStops, runningMs, type Stop } from '../../engine/clock/timeline.js';
import { computeClock } from '../../engine/clock/index.js';
import { cal } from './helpers.js';
import { limitArb } from './arbitraries.js';

const DAY = 86_400_000;
const from = Date.parse('2024-12-01T00:00:00+07:00');
const to = Date.parse('2026-12-31T00:00:00+07:00');
const instant = fc.oneof(
  fc.integer({ min: from, max: to }),
  fc
    .tuple(fc.integer({ min: 0, max: (to - from) / DAY }), fc.constantFrom(0, 7, 11.5, 13.5, 15, 17, 12, 21).map((h) => h * 3_600_000), fc.constantFrom(0, 1, -1, 1000))
    .map(([d, h, jitter]) => from + d * DAY + h + jitter),
);

describe('original appointment = calendar appointment', () => {
  it('for any receipt and limit, both rule sets', () => {
    fc.assert(
      fc.property(instant, limitArb, (r, limit) => {
        const a = cal.appointment(r, limit);
        const c = computeClock(cal, { limit, events: [{ type: 'received', at: r }] }, r, { explain: false });
        expect(c.appointment.original).toEqual({ receivedAt: a.receivedAt, countingFrom: a.countingFrom, due: a.due, dueDate: a.dueDate, adjustments: a.adjustments });
        expect(c.appointment.due).toEqual(a.due);
      }),
      { numRuns: 3000 },
    );
  });

  it('a restart after a supplement = the calendar appointment of the supplement\'s receipt', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 0, max: 20 * DAY }), limitArb, (r, d1, d2, limit) => {
        const s1 = r + d1;
        const s2 = s1 + d2;
        const c = computeClock(
          cal,
          { limit, events: [{ type: 'received', at: r }, { type: 'supplement_requested', at: s1 }, { type: 'supplement_received', at: s2 }] },
          s2,
          { explain: false },
        );
        const a = cal.appointment(s2, limit);
        expect(c.appointment.countingFrom).toEqual(a.countingFrom);
        expect(c.appointment.due).toEqual(a.due);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('timeline', () => {
  const stopsArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 0, max: 5 * DAY }), fc.boolean()), { maxLength: 4 })
    .map((xs) => xs.map(([f, len, open], k): Stop => ({ from: from + 200 * DAY + f, to: open && k === xs.length - 1 ? Infinity : from + 200 * DAY + f + len, reason: k % 2 ? 'payment' : 'supplement', eventIndex: k })));

  it('runningMs(start, dueAfter(start, b)) = b, and dueAfter is monotonic in b', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * DAY }), fc.integer({ min: 0, max: 15 * 480 }), fc.integer({ min: 0, max: 480 }), stopsArb, (s, minutes, more, stops) => {
        const start = from + 190 * DAY + s;
        const merged = mergeStops(stops);
        const b = minutes * 60_000;
        const due = dueAfter(cal, start, b, merged);
        if (due === null) return;
        expect(runningMs(cal, start, due, merged)).toBe(b);
        expect(due).toBeGreaterThanOrEqual(start);
        const later = dueAfter(cal, start, b + more * 60_000, merged);
        if (later !== null) expect(later).toBeGreaterThanOrEqual(due);
      }),
      { numRuns: 3000 },
    );
  });

  it('merged stops are sorted, disjoint and cover the same instants', () => {
    fc.assert(
      fc.property(stopsArb, fc.integer({ min: 0, max: 40 * DAY }), (stops, probe) => {
        const m = mergeStops(stops);
        for (let k = 2; k < m.length; k += 2) expect(m[k]!).toBeGreaterThan(m[k - 1]!);
        const t = from + 190 * DAY + probe;
        const inAny = stops.some((s) => s.from <= t && t < s.to);
        let inMerged = false;
        for (let k = 0; k < m.length; k += 2) if (m[k]! <= t && t < m[k + 1]!) inMerged = true;
        expect(inMerged).toBe(inAny);
      }),
      { numRuns: 2000 },
    );
  });
});
