/**
 * Invariants of the dossier clock, over random dossiers (fast-check): receipts across 2025–2026
 * (both regimes, Tết, 30/4), every unit, waits for supplements and payments, completions anywhere.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClock } from '../../engine/clock/index.js';
import type { ClockEvent, ClockResult, RuleSetId, TimeLimit, Verdict } from '../../engine/clock/index.js';
import { cal } from './helpers.js';
import { limitArb } from './arbitraries.js';

const DAY = 86_400_000;
const MIN = 60_000;
const from = Date.parse('2025-01-02T00:00:00+07:00');
const to = Date.parse('2026-11-30T00:00:00+07:00');
const RANK: Partial<Record<Verdict, number>> = { early: 0, on_time: 1, late: 2, in_process: 0, overdue_in_process: 2 };
const runs = { numRuns: 1500 };

const receipt = fc.oneof(
  fc.integer({ min: from, max: to }),
  fc.tuple(fc.integer({ min: 0, max: (to - from) / DAY }), fc.constantFrom(7, 9.25, 11.5, 13.5, 15, 16, 17)).map(([d, h]) => from + d * DAY + h * 3_600_000),
);
/** A gap between events: minutes, sometimes whole days. */
const gap = fc.oneof(fc.integer({ min: 0, max: 6 * DAY / MIN }), fc.integer({ min: 0, max: 12 }).map((d) => d * DAY / MIN)).map((m) => m * MIN);
const wait = fc.record({ kind: fc.constantFrom('supplement' as const, 'payment' as const), before: gap, length: gap });

interface Dossier {
  ruleSet: RuleSetId;
  restarts: boolean;
  limit: TimeLimit;
  received: number;
  waits: { kind: 'supplement' | 'payment'; start: number; end: number }[];
  /** Instant after the last wait. */
  last: number;
}

const dossier: fc.Arbitrary<Dossier> = fc
  .record({ ruleSet: fc.constantFrom<RuleSetId>('nd61_2018', 'nd118_2025'), restarts: fc.boolean(), limit: limitArb, received: receipt, waits: fc.array(wait, { maxLength: 3 }) })
  .map(({ ruleSet, restarts, limit, received, waits }) => {
    let t = received;
    let supplements = 0;
    const out: Dossier['waits'] = [];
    for (const w of waits) {
      // Decree 118/2025 allows one supplement request: further waits become payments.
      const kind = w.kind === 'supplement' && ruleSet === 'nd118_2025' && supplements > 0 ? 'payment' : w.kind;
      if (kind === 'supplement') supplements++;
      const start = t + w.before;
      t = start + w.length;
      out.push({ kind, start, end: t });
    }
    return { ruleSet, restarts, limit, received, waits: out, last: t };
  });

function events(d: Dossier, close?: { type: 'completed' | 'withdrawn' | 'stopped'; at: number }): ClockEvent[] {
  const ev: ClockEvent[] = [{ type: 'received', at: d.received }];
  for (const w of d.waits) {
    if (w.kind === 'supplement') ev.push({ type: 'supplement_requested', at: w.start }, { type: 'supplement_received', at: w.end });
    else ev.push({ type: 'financial_obligation_requested', at: w.start }, { type: 'financial_obligation_done', at: w.end });
  }
  if (close) ev.push({ type: close.type, at: close.at });
  return ev;
}

function compute(d: Dossier, ev: ClockEvent[], now: number, explain = false): ClockResult {
  return computeClock(cal, { ruleSet: d.ruleSet, supplementRestarts: d.restarts, limit: d.limit, events: ev }, now, { explain });
}

describe('verdicts', () => {
  it('a dossier completed at or before its appointment is never late; after it, always late', () => {
    fc.assert(
      fc.property(dossier, gap, (d, after) => {
        const done = d.last + after;
        const open = compute(d, events(d), done);
        const r = compute(d, events(d, { type: 'completed', at: done }), done + DAY);
        // Completing does not move the deadline the open dossier had at that instant.
        expect(r.appointment.due).toEqual(open.appointment.due ?? r.appointment.due);
        const due = r.appointment.due!.getTime();
        if (done <= due) expect(['early', 'on_time']).toContain(r.verdict);
        else expect(r.verdict).toBe('late');
        // …and the open dossier at that instant agrees: not overdue exactly when not late.
        if (open.appointment.due) expect(open.verdict === 'overdue_in_process').toBe(r.verdict === 'late');
      }),
      runs,
    );
  });

  it('early means an earlier day than the appointment\'s; on time means the appointment day', () => {
    fc.assert(
      fc.property(dossier, gap, (d, after) => {
        const done = d.last + after;
        const r = compute(d, events(d, { type: 'completed', at: done }), done);
        const doneDay = cal.dayInfo(new Date(done)).date;
        if (r.verdict === 'early') expect(doneDay < r.appointment.dueDate!).toBe(true);
        if (r.verdict === 'on_time') expect(doneDay).toBe(r.appointment.dueDate);
      }),
      runs,
    );
  });

  it('the verdict only gets worse as the completion moves later', () => {
    fc.assert(
      fc.property(dossier, gap, gap, (d, a, b) => {
        const t1 = d.last + Math.min(a, b);
        const t2 = d.last + Math.max(a, b);
        const v1 = compute(d, events(d, { type: 'completed', at: t1 }), t1).verdict;
        const v2 = compute(d, events(d, { type: 'completed', at: t2 }), t2).verdict;
        expect(RANK[v1]!).toBeLessThanOrEqual(RANK[v2]!);
      }),
      runs,
    );
  });

  it('adding a wait for the citizen never makes a verdict worse (pause rule; restart rule; payment)', () => {
    fc.assert(
      fc.property(dossier, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom('supplement' as const, 'payment' as const), gap, (d0, p, q, kind, after) => {
        // The base dossier has no waits; the other one waits somewhere between receipt and completion.
        const d: Dossier = { ...d0, waits: [], last: d0.received };
        const done = d.received + after + 1;
        const s = d.received + Math.floor(((done - d.received) * Math.min(p, q)) / 1000);
        const e = d.received + Math.floor(((done - d.received) * Math.max(p, q)) / 1000);
        const base = compute(d, events(d, { type: 'completed', at: done }), done);
        const waited: Dossier = { ...d, waits: [{ kind, start: s, end: e }], last: e };
        const w = compute(waited, events(waited, { type: 'completed', at: done }), done);
        expect(RANK[w.verdict]!).toBeLessThanOrEqual(RANK[base.verdict]!);
        expect(w.appointment.due!.getTime()).toBeGreaterThanOrEqual(base.appointment.due!.getTime());
      }),
      runs,
    );
  });

  it('working time and verdict agree: within the limit → not late; late → the limit was used up', () => {
    fc.assert(
      fc.property(dossier, gap, (d, after) => {
        const done = d.last + after;
        const r = compute(d, events(d, { type: 'completed', at: done }), done);
        const { usedMinutes, allowedMinutes } = r.workingTime;
        if (usedMinutes < allowedMinutes) expect(r.verdict).not.toBe('late');
        if (r.verdict === 'late') expect(usedMinutes).toBeGreaterThanOrEqual(allowedMinutes);
      }),
      runs,
    );
  });

  it('withdrawn and stopped dossiers keep that verdict whenever they close', () => {
    fc.assert(
      fc.property(dossier, gap, fc.constantFrom('withdrawn' as const, 'stopped' as const), (d, after, type) => {
        const at = d.last + after;
        expect(compute(d, events(d, { type, at }), at).verdict).toBe(type);
      }),
      { numRuns: 300 },
    );
  });
});

describe('explanation', () => {
  it('counted minutes add up to the working time used; one line per day from receipt to the end; days off never count', () => {
    fc.assert(
      fc.property(dossier, gap, fc.boolean(), (d, after, finish) => {
        const end = d.last + after;
        const r = compute(d, events(d, finish ? { type: 'completed', at: end } : undefined), end, true);
        const sum = r.explanation.reduce((s, x) => s + x.minutes, 0);
        expect(sum).toBeCloseTo(r.workingTime.usedMinutes, 6);
        const days = cal.days(new Date(d.received), new Date(end));
        expect(r.explanation.map((x) => x.date)).toEqual(days.map((x) => x.date));
        r.explanation.forEach((x, k) => {
          expect(x.counted).toBe(x.minutes > 0);
          expect(x.minutes).toBeGreaterThanOrEqual(0);
          expect(x.minutes).toBeLessThanOrEqual(cal.minutesPerDay);
          if (!days[k]!.working) expect(x.counted).toBe(false);
          expect(x.note.length).toBeGreaterThan(0);
        });
        expect(r.summary).toMatch(/^Hồ sơ tiếp nhận lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);
      }),
      { numRuns: 800 },
    );
  });

  it('explain: false changes nothing but the explanation', () => {
    fc.assert(
      fc.property(dossier, gap, (d, after) => {
        const at = d.last + after;
        const ev = events(d, { type: 'completed', at });
        const a = compute(d, ev, at, true);
        const b = compute(d, ev, at, false);
        expect({ ...a, explanation: [], summary: '' }).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rule sets', () => {
  it('two supplement requests: refused under nd118_2025, accepted under nd61_2018', () => {
    fc.assert(
      fc.property(receipt, gap, gap, gap, limitArb, (r, a, b, c, limit) => {
        const ev: ClockEvent[] = [
          { type: 'received', at: r },
          { type: 'supplement_requested', at: r + a },
          { type: 'supplement_received', at: r + a + b },
          { type: 'supplement_requested', at: r + a + b + c },
        ];
        expect(() => computeClock(cal, { ruleSet: 'nd118_2025', limit, events: ev }, r)).toThrowError(expect.objectContaining({ code: 'second_supplement_request', eventIndex: 3 }));
        expect(computeClock(cal, { ruleSet: 'nd61_2018', limit, events: ev }, r).state).toBe('waiting_supplement');
      }),
      { numRuns: 300 },
    );
  });

  it('without waits or apology, the rule sets agree', () => {
    fc.assert(
      fc.property(receipt, limitArb, gap, (r, limit, after) => {
        const ev: ClockEvent[] = [{ type: 'received', at: r }, { type: 'completed', at: r + after }];
        const a = computeClock(cal, { ruleSet: 'nd61_2018', limit, events: ev }, r, { explain: false });
        const b = computeClock(cal, { ruleSet: 'nd118_2025', limit, events: ev }, r, { explain: false });
        expect({ ...a, ruleSet: b.ruleSet }).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });
});
