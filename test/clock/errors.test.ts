/** Every way the input can break a clock rule: a ClockRuleError with both languages and the event index. */
import { describe, expect, it } from 'vitest';
import { ClockRuleError, computeClock } from '../../engine/clock/index.js';
import type { ClockEvent, ClockInput, ClockRuleCode } from '../../engine/clock/index.js';
import { E, cal, vn, wd } from './helpers.js';

function fails(input: ClockInput, code: ClockRuleCode, eventIndex: number | null, now: unknown = vn('2026-12-31 00:00')): ClockRuleError {
  let caught: unknown;
  try {
    computeClock(cal, input, now as Date);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ClockRuleError);
  const err = caught as ClockRuleError;
  expect(err).toBeInstanceOf(Error);
  expect(err.name).toBe('ClockRuleError');
  expect({ code: err.code, eventIndex: err.eventIndex }).toEqual({ code, eventIndex });
  expect(err.message.length).toBeGreaterThan(10);
  expect(err.messageVi.length).toBeGreaterThan(10);
  expect(err.messageVi).not.toBe(err.message);
  return err;
}

const R = E.received('2026-03-02 09:00');
const limit = wd(5);

describe('ClockRuleError', () => {
  it('events out of order', () => {
    const err = fails({ limit, events: [R, E.enter('2026-03-03 09:00', 'a', 'X'), E.leave('2026-03-02 10:00', 'a')] }, 'events_out_of_order', 2);
    expect(err.message).toMatch(/^events\[2\]: /);
    expect(err.messageVi).toMatch(/^Sự kiện thứ 3: /);
  });

  it('an event before receipt, a second receipt, no events at all', () => {
    fails({ limit, events: [E.enter('2026-03-02 09:00', 'a', 'X'), R] }, 'event_before_receipt', 0);
    fails({ limit, events: [R, E.received('2026-03-03 09:00')] }, 'duplicate_receipt', 1);
    fails({ limit, events: [] }, 'no_receipt', null);
    fails({ limit } as unknown as ClockInput, 'no_receipt', null);
  });

  it('unknown event type', () => {
    fails({ limit, events: [R, { type: 'teleported', at: vn('2026-03-03 09:00') } as unknown as ClockEvent] }, 'unknown_event_type', 1);
    fails({ limit, events: [R, null as unknown as ClockEvent] }, 'unknown_event_type', 1);
  });

  it('unknown unit of the limit (no event) or of a step duration (that event)', () => {
    fails({ limit: { value: 2, unit: 'weeks' } as never, events: [R] }, 'unknown_unit', null);
    fails({ limit: undefined as never, events: [R] }, 'unknown_unit', null);
    fails({ limit, events: [R, E.enter('2026-03-02 09:00', 'a', 'X', { value: 1, unit: 'months' } as never)] }, 'unknown_unit', 1);
  });

  it('invalid limit values', () => {
    fails({ limit: { value: -1, unit: 'working_days' }, events: [R] }, 'invalid_limit', null);
    fails({ limit: { value: Number.NaN, unit: 'working_hours' }, events: [R] }, 'invalid_limit', null);
    fails({ limit, events: [R, E.enter('2026-03-02 09:00', 'a', 'X', { value: Infinity, unit: 'days' })] }, 'invalid_limit', 1);
  });

  it('invalid instants: an event, now, an apology\'s new appointment', () => {
    fails({ limit, events: [R, { type: 'completed', at: 'yesterday' }] }, 'invalid_time', 1);
    fails({ limit, events: [{ type: 'received', at: new Date(Number.NaN) }] }, 'invalid_time', 0);
    fails({ limit, events: [R] }, 'invalid_time', null, 'soon');
    fails({ limit, events: [R, { type: 'apology', at: vn('2026-03-03 09:00'), newAppointment: 'next week' }] }, 'invalid_time', 1);
  });

  it('unknown rule set', () => {
    fails({ ruleSet: 'nd999_2030' as never, limit, events: [R] }, 'unknown_rule_set', null);
  });

  it('events after the dossier was closed (only the return of the result and leaving steps may follow)', () => {
    fails({ limit, events: [R, E.completed('2026-03-03 09:00'), E.supplementRequested('2026-03-04 09:00')] }, 'event_after_close', 2);
    fails({ limit, events: [R, E.withdrawn('2026-03-03 09:00'), E.returned('2026-03-04 09:00')] }, 'event_after_close', 2);
    fails({ limit, events: [R, E.completed('2026-03-03 09:00'), E.returned('2026-03-04 09:00'), E.returned('2026-03-05 09:00')] }, 'event_after_close', 3);
    fails({ limit, events: [R, E.stopped('2026-03-03 09:00'), E.completed('2026-03-04 09:00')] }, 'event_after_close', 2);
    expect(() => computeClock(cal, { limit, events: [R, E.enter('2026-03-02 09:00', 'a', 'X'), E.completed('2026-03-03 09:00'), E.leave('2026-03-03 09:00', 'a'), E.returned('2026-03-04 09:00')] }, vn('2026-12-31 00:00'))).not.toThrow();
  });

  it('leaving a step that was not entered', () => {
    fails({ limit, events: [R, E.leave('2026-03-02 10:00', 'a')] }, 'step_not_entered', 1);
    fails({ limit, events: [R, E.enter('2026-03-02 10:00', 'a', 'X'), E.leave('2026-03-02 11:00', 'a'), E.leave('2026-03-02 11:00', 'a')] }, 'step_not_entered', 3);
  });

  it('supplement pairing', () => {
    fails({ limit, events: [R, E.supplementReceived('2026-03-03 09:00')] }, 'supplement_not_requested', 1);
    fails({ limit, events: [R, E.supplementRequested('2026-03-03 09:00'), E.supplementRequested('2026-03-04 09:00')] }, 'supplement_already_requested', 2);
  });

  it('a second supplement request under Decree 118/2025 (Art. 11)', () => {
    const err = fails(
      { limit, events: [R, E.supplementRequested('2026-03-03 09:00'), E.supplementReceived('2026-03-04 09:00'), E.supplementRequested('2026-03-05 09:00')] },
      'second_supplement_request',
      3,
    );
    expect(err.messageVi).toContain('Điều 11 Nghị định 118/2025/NĐ-CP');
  });

  it('payment pairing', () => {
    fails({ limit, events: [R, E.paymentDone('2026-03-03 09:00')] }, 'payment_not_requested', 1);
    fails({ limit, events: [R, E.paymentRequested('2026-03-03 09:00'), E.paymentRequested('2026-03-04 09:00')] }, 'payment_already_requested', 2);
  });

  it('apology too late, a second apology, a new appointment not later', () => {
    // due Mon 09/03/2026 09:00
    fails({ limit, events: [R, E.apology('2026-03-09 08:00', '2026-03-12 17:00')] }, 'apology_too_late', 1);
    fails({ limit, events: [R, E.apology('2026-03-04 08:00', '2026-03-12 17:00'), E.apology('2026-03-05 08:00', '2026-03-13 17:00')] }, 'second_apology', 2);
    fails({ limit, events: [R, E.apology('2026-03-04 08:00', '2026-03-06 17:00')] }, 'apology_not_later', 1);
    fails({ ruleSet: 'nd61_2018', limit, events: [R, E.apology('2026-03-10 08:00', '2026-03-12 17:00')] }, 'apology_too_late', 1);
  });
});
