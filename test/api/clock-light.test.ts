import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkingCalendar } from '../../engine/calendar/index.js';
import { computeClock } from '../../engine/clock/index.js';
import { lightDue, promisedAppointment } from '../../api/clock/light.js';
import { clockInputOf, type SourceEvent } from '../../api/clock/source.js';
import { limitArb } from '../clock/arbitraries.js';

/**
 * The recompute job's light path (api/clock/light.ts) must give exactly the full clock's deadline
 * for dossiers without waits, on any calendar — including one an administrator just changed.
 */
const FROM = Date.parse('2024-12-01T00:00:00+07:00');
const TO = Date.parse('2027-03-01T00:00:00+07:00');
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => ms - (ms % 60_000));
const calendars = [
  new WorkingCalendar(),
  // Administrators' days: an extra day off inside Tết week's neighbour, a Saturday worked, a weekday restored.
  new WorkingCalendar({ adminDays: [
    { date: '2026-02-23', kind: 'day_off', name: 'Nghỉ thêm', source: 'thử' },
    { date: '2026-02-28', kind: 'saturday_worked', name: 'Làm bù', source: 'thử' },
    { date: '2025-09-01', kind: 'weekday', name: 'Làm việc', source: 'thử' },
  ] }),
];

describe('light recompute = full clock for dossiers without waits', () => {
  it('lightDue equals computeClock(…).appointment.due for random receipts, limits and calendars', () => {
    fc.assert(fc.property(instant, limitArb, fc.integer({ min: 0, max: calendars.length - 1 }), (at, limit, k) => {
      const cal = calendars[k]!;
      const full = computeClock(cal, { limit, events: [{ type: 'received', at }] }, at, { explain: false });
      expect(lightDue(cal, at, limit)).toBe(full.appointment.due!.getTime());
    }), { numRuns: 3000 });
  });

  it('with steps entered and left (no waits) the deadline is still the receipt\'s, and the mapping says light', () => {
    fc.assert(fc.property(instant, limitArb, fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }), (at, limit, gaps) => {
      const cal = calendars[0]!;
      const events: SourceEvent[] = [{ at: new Date(at), action: 'received', taskId: null, agency: '1', stepName: null, data: null }];
      let t = at;
      gaps.forEach((g, i) => {
        events.push({ at: new Date(t), action: 'step_entered', taskId: i, elementId: 'appraise', agency: '1', stepName: 'Thẩm định', data: null });
        t += g * 3_600_000;
        events.push({ at: new Date(t), action: 'step_completed', taskId: i, agency: '1', stepName: 'Thẩm định', data: null });
      });
      const { input, light } = clockInputOf({ receivedAt: new Date(at), limit, supplementRestarts: true, finishedAt: null, returnedAt: null }, events,
        { steps: [{ elementId: 'appraise', name: 'Thẩm định', candidateGroups: ['specialist'], agency: 'handling', clock: 'run', duration: { value: 2, unit: 'working_days' } }] });
      expect(light).toBe(true);
      const full = computeClock(cal, input, t, { explain: false });
      expect(lightDue(cal, at, limit)).toBe(full.appointment.due!.getTime());
    }), { numRuns: 500 });
  });

  it('steps that pause or restart the clock make the dossier heavy', () => {
    const at = new Date('2026-03-10T09:00:00+07:00');
    const { input, light } = clockInputOf({ receivedAt: at, limit: { value: 3, unit: 'working_days' }, supplementRestarts: true, finishedAt: null, returnedAt: null }, [
      { at, action: 'received', taskId: null, agency: '1', stepName: null, data: null },
      { at, action: 'step_entered', taskId: 7, elementId: 'pay', agency: '1', stepName: 'Nộp tiền', data: null },
    ], { steps: [{ elementId: 'pay', name: 'Nộp tiền', candidateGroups: ['desk'], agency: 'handling', clock: 'pause' }] });
    expect(light).toBe(false);
    expect(input.events.map((e) => e.type)).toEqual(['received', 'step_entered', 'financial_obligation_requested']);
  });
});

describe('the citizen\'s appointment after a calendar change', () => {
  const cal = new WorkingCalendar({ adminDays: [{ date: '2026-10-08', kind: 'day_off', name: 'Nghỉ', source: 'thử' }] });
  const at = (s: string) => Date.parse(s);
  it('stays on a day still worked, never moves earlier, moves off a day no longer worked', () => {
    expect(promisedAppointment(cal, at('2026-10-09T09:00:00+07:00'), at('2026-10-12T09:00:00+07:00'))).toBe(at('2026-10-09T09:00:00+07:00'));
    expect(promisedAppointment(cal, at('2026-10-09T09:00:00+07:00'), at('2026-10-07T09:00:00+07:00'))).toBe(at('2026-10-09T09:00:00+07:00'));
    expect(promisedAppointment(cal, at('2026-10-08T09:00:00+07:00'), at('2026-10-09T09:00:00+07:00'))).toBe(at('2026-10-09T09:00:00+07:00'));
    // Off, and the legal due date is not later (e.g. still suspended): same time, next working day.
    expect(promisedAppointment(cal, at('2026-10-08T15:00:00+07:00'), null)).toBe(at('2026-10-09T15:00:00+07:00'));
  });
});
