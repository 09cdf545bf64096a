/**
 * Clock scenarios on real dates: each rule under both rule sets (2026 dates are run under
 * `nd61_2018` too, by naming the rule set, as the what-if preview does), across Tết Bính Ngọ
 * (16–20/02/2026) and 30/4–1/5/2026, and with 2025 dates received under Decree 61/2018.
 */
import { describe, expect, it } from 'vitest';
import type { ClockEvent, RuleSetId, TimeLimit } from '../../engine/clock/index.js';
import { E, cal, clock, explanationMinutes, local, vn, wd, wh } from './helpers.js';

const BOTH: RuleSetId[] = ['nd61_2018', 'nd118_2025'];

describe.each(BOTH)('%s — deadline and verdict', (ruleSet) => {
  const run = (limit: TimeLimit, events: ClockEvent[], now?: string) => clock({ ruleSet, limit, events }, now);

  it('3 working days across Tết 2026: received Fri 13/02 10:00 → due Wed 25/02 10:00', () => {
    const r = run(wd(3), [E.received('2026-02-13 10:00'), E.completed('2026-02-25 09:00')]);
    expect(local(r.appointment.due)).toBe('2026-02-25 10:00');
    expect(r.appointment.dueDate).toBe('2026-02-25');
    expect(local(r.appointment.original.due)).toBe('2026-02-25 10:00');
    expect(r.verdict).toBe('on_time');
    expect(r.ruleSet).toBe(ruleSet);
    expect(r.ruleSetSource).toBe('input');
    expect(r.workingTime).toEqual({ allowedMinutes: 1440, usedMinutes: 1380, remainingMinutes: 60, overMinutes: 0, minutesPerDay: 480 });
  });

  it('verdict boundaries: earlier day = early, appointment day up to the instant = on time, after = late', () => {
    const at = (done: string) => run(wd(3), [E.received('2026-02-13 10:00'), E.completed(done)]).verdict;
    expect(at('2026-02-13 10:30')).toBe('early');
    expect(at('2026-02-24 16:59')).toBe('early');
    expect(at('2026-02-21 09:00')).toBe('early'); // a Saturday inside Tết week-end: still an earlier day
    expect(at('2026-02-25 07:00')).toBe('on_time');
    expect(at('2026-02-25 10:00')).toBe('on_time');
    expect(at('2026-02-25 10:01')).toBe('late');
    expect(at('2026-02-25 17:30')).toBe('late');
    expect(at('2026-03-02 08:00')).toBe('late');
  });

  it('explains Tết day by day: holidays by name, week-ends, counted minutes', () => {
    const r = run(wd(3), [E.received('2026-02-13 10:00'), E.completed('2026-02-25 09:00')]);
    expect(r.explanation.map((d) => [d.date, d.counted, d.minutes, d.reason])).toEqual([
      ['2026-02-13', true, 300, 'working_day'],
      ['2026-02-14', false, 0, 'weekend'],
      ['2026-02-15', false, 0, 'weekend'],
      ['2026-02-16', false, 0, 'holiday'],
      ['2026-02-17', false, 0, 'holiday'],
      ['2026-02-18', false, 0, 'holiday'],
      ['2026-02-19', false, 0, 'holiday'],
      ['2026-02-20', false, 0, 'holiday'],
      ['2026-02-21', false, 0, 'weekend'],
      ['2026-02-22', false, 0, 'weekend'],
      ['2026-02-23', true, 480, 'working_day'],
      ['2026-02-24', true, 480, 'working_day'],
      ['2026-02-25', true, 120, 'working_day'],
    ]);
    expect(r.explanation[4]!.name).toBe('Tết Nguyên đán (mùng 1)');
    expect(r.explanation[4]!.note).toBe('Nghỉ lễ, tết: Tết Nguyên đán (mùng 1)');
    expect(r.explanation[4]!.source).toContain('9441/TB-BNV');
    expect(r.explanation[1]!.note).toBe('Thứ Bảy — nghỉ hằng tuần');
    expect(r.explanation[12]!.events).toEqual(['Có kết quả giải quyết lúc 09:00', 'Hạn giải quyết: 10:00']);
    expect(explanationMinutes(r)).toBe(r.workingTime.usedMinutes);
    expect(r.summary).toContain('ĐÚNG HẠN');
    expect(r.summary).toContain('5 ngày nghỉ lễ, tết (Tết Nguyên đán)');
  });

  it('30/4–1/5/2026: received Wed 29/04 14:00, 2 working days → due Tue 05/05 14:00', () => {
    const r = run(wd(2), [E.received('2026-04-29 14:00'), E.completed('2026-05-05 11:00')]);
    expect(local(r.appointment.due)).toBe('2026-05-05 14:00');
    expect(r.verdict).toBe('on_time');
    const byDate = Object.fromEntries(r.explanation.map((d) => [d.date, d]));
    expect(byDate['2026-04-30']).toMatchObject({ counted: false, reason: 'holiday', name: 'Ngày Chiến thắng (30/4)' });
    expect(byDate['2026-05-01']).toMatchObject({ counted: false, reason: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)' });
    expect(byDate['2026-05-04']).toMatchObject({ counted: true, minutes: 480 });
  });

  it('Hùng Kings make-up day 27/04/2026 is a compensatory day off', () => {
    const r = run(wd(1), [E.received('2026-04-24 14:00'), E.completed('2026-04-28 10:00')]);
    expect(local(r.appointment.due)).toBe('2026-04-28 14:00');
    const d = r.explanation.find((x) => x.date === '2026-04-27')!;
    expect(d).toMatchObject({ counted: false, reason: 'compensatory_day_off' });
    expect(d.note).toContain('Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('working hours: 4 h received 10:00 → 16:00 (lunch break excluded)', () => {
    const r = run(wh(4), [E.received('2026-03-02 10:00'), E.completed('2026-03-02 15:30')]);
    expect(local(r.appointment.due)).toBe('2026-03-02 16:00');
    expect(r.verdict).toBe('on_time');
  });

  it('calendar days: 15 days from Mon 02/03/2026 09:00 end at 17:00 on Tue 17/03', () => {
    const r = run({ value: 15, unit: 'days' }, [E.received('2026-03-02 09:00'), E.completed('2026-03-16 10:00')]);
    expect(local(r.appointment.due)).toBe('2026-03-17 17:00');
    expect(r.verdict).toBe('early');
    expect(r.workingTime.allowedMinutes).toBe(360 + 10 * 480 + 480);
  });

  it('same day: received 14:00 → 17:00; received 15:30 → 17:00 next working day', () => {
    expect(local(run({ value: 0, unit: 'same_day' }, [E.received('2026-03-02 14:00')], '2026-03-02 16:00').appointment.due)).toBe('2026-03-02 17:00');
    const late = run({ value: 0, unit: 'same_day' }, [E.received('2026-03-06 15:30'), E.completed('2026-03-09 16:00')]);
    expect(local(late.appointment.due)).toBe('2026-03-09 17:00');
    expect(late.verdict).toBe('on_time');
  });

  it('open dossier: in process until the appointment instant, overdue after it', () => {
    const events = [E.received('2026-03-02 09:00')];
    const mid = run(wd(5), events, '2026-03-06 10:00');
    expect(mid).toMatchObject({ verdict: 'in_process', state: 'running', finishedAt: null });
    expect(mid.workingTime.usedMinutes).toBe(1980);
    expect(mid.workingTime.remainingMinutes).toBe(420);
    expect(mid.summary).toContain('còn 7 giờ làm việc');
    expect(run(wd(5), events, '2026-03-09 09:00').verdict).toBe('in_process');
    const over = run(wd(5), events, '2026-03-09 09:01');
    expect(over.verdict).toBe('overdue_in_process');
    expect(over.summary).toContain('ĐÃ QUÁ HẠN');
  });

  it('now earlier than the last event: evaluated at the last event', () => {
    const r = run(wd(5), [E.received('2026-03-02 09:00'), E.enter('2026-03-03 09:00', 'a', 'STP')], '2026-03-02 10:00');
    expect(local(r.evaluatedAt)).toBe('2026-03-03 09:00');
  });

  it('withdrawn and stopped dossiers get no timeliness verdict, open steps neither', () => {
    const steps = [E.received('2026-03-02 09:00'), E.enter('2026-03-02 09:30', 'a', 'STP', wd(1))];
    const w = run(wd(5), [...steps, E.withdrawn('2026-03-20 09:00')]);
    expect(w).toMatchObject({ verdict: 'withdrawn', state: 'finished', finishedBy: 'withdrawn' });
    expect(w.steps[0]!.verdict).toBe('withdrawn');
    expect(w.summary).toContain('công dân rút hồ sơ');
    const s = run(wd(5), [...steps, E.stopped('2026-03-04 09:00')]);
    expect(s).toMatchObject({ verdict: 'stopped', finishedBy: 'stopped' });
    expect(s.steps[0]!.verdict).toBe('stopped');
  });

  it('the result collected later never makes the agency late; "returned" alone is the finish', () => {
    const r = run(wd(3), [E.received('2026-02-13 10:00'), E.completed('2026-02-24 16:00'), E.returned('2026-03-10 09:00')]);
    expect(r).toMatchObject({ verdict: 'early', finishedBy: 'completed' });
    expect(local(r.returnedAt)).toBe('2026-03-10 09:00');
    const only = run(wd(3), [E.received('2026-02-13 10:00'), E.returned('2026-02-25 10:30')]);
    expect(only).toMatchObject({ verdict: 'late', finishedBy: 'returned' });
  });

  it('per-step deadlines and the agency responsible (control slip)', () => {
    const r = run(wd(10), [
      E.received('2026-03-02 08:00'),
      E.enter('2026-03-02 08:00', 'tiep_nhan', 'MC', wh(4), 'Tiếp nhận'),
      E.leave('2026-03-02 08:30', 'tiep_nhan'),
      E.enter('2026-03-02 08:30', 'tham_dinh', 'STP', wd(3), 'Thẩm định'),
      E.leave('2026-03-06 09:00', 'tham_dinh'),
      E.enter('2026-03-06 09:00', 'phe_duyet', 'UBND', wd(1), 'Phê duyệt'),
      E.leave('2026-03-09 08:00', 'phe_duyet'),
      E.completed('2026-03-09 08:30'),
    ]);
    expect(r.steps.map((s) => [s.stepId, s.agencyCode, local(s.due), s.verdict])).toEqual([
      ['tiep_nhan', 'MC', '2026-03-02 14:00', 'on_time'],
      ['tham_dinh', 'STP', '2026-03-05 08:30', 'late'],
      ['phe_duyet', 'UBND', '2026-03-09 09:00', 'on_time'],
    ]);
    expect(r.lateAgencies).toEqual(['STP']);
    expect(local(r.appointment.due)).toBe('2026-03-16 08:00');
    expect(r.verdict).toBe('early');
    expect(r.steps[1]).toMatchObject({ allowedMinutes: 1440, usedMinutes: 390 + 3 * 480 + 120 });
  });

  it('a step across Tết; an open step goes overdue; a step without duration has no verdict', () => {
    const r = run(wd(10), [E.received('2026-02-13 14:00'), E.enter('2026-02-13 14:00', 'a', 'STP', wd(2)), E.enter('2026-02-13 14:00', 'b', 'VP')], '2026-02-24 14:01');
    expect(local(r.steps[0]!.due)).toBe('2026-02-24 14:00');
    expect(r.steps[0]!.verdict).toBe('overdue_in_process');
    expect(r.steps[1]).toMatchObject({ verdict: null, due: null, allowedMinutes: null });
    expect(r.lateAgencies).toEqual(['STP']);
    expect(run(wd(10), [E.received('2026-02-13 14:00'), E.enter('2026-02-13 14:00', 'a', 'STP', wd(2))], '2026-02-24 14:00').steps[0]!.verdict).toBe('in_process');
  });

  it('a step still open when the dossier is completed is closed by the completion', () => {
    const r = run(wd(5), [E.received('2026-03-02 09:00'), E.enter('2026-03-02 09:00', 'a', 'STP', wd(2)), E.completed('2026-03-03 10:00')]);
    expect(local(r.steps[0]!.leftAt)).toBe('2026-03-03 10:00');
    expect(r.steps[0]!.verdict).toBe('early');
  });

  it('timestamps as ISO strings: without an offset they are Việt Nam wall-clock time', () => {
    const r = clock({ ruleSet, limit: wd(3), events: [{ type: 'received', at: '2026-02-13T10:00' }, { type: 'completed', at: '2026-02-25T03:00:00Z' }] });
    expect(local(r.receivedAt)).toBe('2026-02-13 10:00');
    expect(local(r.finishedAt)).toBe('2026-02-25 10:00');
    expect(r.verdict).toBe('on_time');
  });
});

describe('rule set chosen by the receipt date (Decree 118/2025 from 1/7/2025, UTC+7)', () => {
  const rs = (at: string) => clock({ limit: wd(1), events: [E.received(at)] }, '2026-12-31 00:00', false).ruleSet;
  it('switches at 2025-07-01 00:00 in Việt Nam', () => {
    expect(rs('2025-06-30 23:59')).toBe('nd61_2018');
    expect(rs('2025-07-01 00:00')).toBe('nd118_2025');
    expect(rs('2024-02-08 09:00')).toBe('nd61_2018');
    expect(rs('2026-02-13 09:00')).toBe('nd118_2025');
  });
  it('an explicit rule set wins (what-if)', () => {
    const r = clock({ ruleSet: 'nd61_2018', limit: wd(1), events: [E.received('2026-02-13 09:00')] });
    expect(r).toMatchObject({ ruleSet: 'nd61_2018', ruleSetSource: 'input' });
  });
});

describe('receipt-after-cutoff (both rule sets)', () => {
  it.each(BOTH)('%s: received Fri 13/02/2026 16:00 → counted from Mon 23/02 07:00, due Wed 25/02 17:00', (ruleSet) => {
    const r = clock({ ruleSet, limit: wd(3), events: [E.received('2026-02-13 16:00'), E.completed('2026-02-25 16:00')] });
    expect(local(r.appointment.original.countingFrom)).toBe('2026-02-23 07:00');
    expect(local(r.appointment.due)).toBe('2026-02-25 17:00');
    expect(r.appointment.original.adjustments).toEqual(['received_after_cutoff']);
    expect(r.verdict).toBe('on_time');
    expect(r.explanation[0]).toMatchObject({ date: '2026-02-13', counted: false, reason: 'before_counting' });
    expect(r.explanation[0]!.note).toContain('sau 15:00');
  });

  it('15:00 sharp is not after the cut-off (Decree 61 dossier of 2025)', () => {
    const r = clock({ limit: wd(1), events: [E.received('2025-06-30 15:00')] });
    expect(r.ruleSet).toBe('nd61_2018');
    expect(local(r.appointment.due)).toBe('2025-07-01 15:00');
  });

  it('received on a day off (Tết 2025, 29/01) counts from the next working day', () => {
    const r = clock({ limit: wd(1), events: [E.received('2025-01-29 10:00')] });
    expect(local(r.appointment.due)).toBe('2025-02-03 17:00');
    expect(r.appointment.original.adjustments).toEqual(['received_on_day_off']);
    expect(r.explanation[0]).toMatchObject({ reason: 'holiday', counted: false });
  });
});

describe('supplement-restarts-limit (both rule sets)', () => {
  const events = [
    E.received('2025-03-03 09:00'),
    E.supplementRequested('2025-03-05 10:00', 'tham_dinh'),
    E.supplementReceived('2025-03-10 14:00'),
  ];

  it('nd61_2018, default restart: the full limit counts again from the supplement (Mon 10/03 14:00 → Mon 17/03 14:00)', () => {
    const r = clock({ limit: wd(5), events: [...events, E.completed('2025-03-17 11:00')] });
    expect(r.ruleSet).toBe('nd61_2018');
    expect(local(r.appointment.original.due)).toBe('2025-03-10 09:00');
    expect(local(r.appointment.countingFrom)).toBe('2025-03-10 14:00');
    expect(local(r.appointment.due)).toBe('2025-03-17 14:00');
    expect(r.verdict).toBe('on_time');
    expect(r.workingTime.usedMinutes).toBe(180 + 4 * 480 + 240);
    expect(explanationMinutes(r)).toBe(r.workingTime.usedMinutes);
    expect(r.explanation.slice(0, 5).map((d) => d.reason)).toEqual([
      'superseded_by_restart', 'superseded_by_restart', 'waiting_supplement', 'waiting_supplement', 'waiting_supplement',
    ]);
    expect(r.supplements).toEqual([
      expect.objectContaining({ stepId: 'tham_dinh', effect: 'restart', appointmentBefore: vn('2025-03-10 09:00'), appointmentAfter: vn('2025-03-17 14:00') }),
    ]);
    expect(r.appointment.changes.map((c) => [c.reason, local(c.from), local(c.to)])).toEqual([
      ['supplement_requested', '2025-03-10 09:00', null],
      ['limit_restarted', null, '2025-03-17 14:00'],
    ]);
    expect(r.summary).toContain('tính lại thời hạn từ 14:00 ngày 10/03/2025');
  });

  it('nd61_2018: every supplement restarts the limit, repeated requests are allowed', () => {
    const r = clock({ limit: wd(5), events: [...events, E.supplementRequested('2025-03-12 10:00'), E.supplementReceived('2025-03-14 09:00')] }, '2025-03-14 09:00');
    expect(local(r.appointment.due)).toBe('2025-03-21 09:00');
    expect(r.supplements).toHaveLength(2);
  });

  it.each(BOTH)('%s, pause rule (supplementRestarts: false): resumes with the time left → Thu 13/03 11:00', (ruleSet) => {
    const r = clock({ ruleSet, supplementRestarts: false, limit: wd(5), events: [...events, E.completed('2025-03-13 11:00')] });
    expect(local(r.appointment.due)).toBe('2025-03-13 11:00');
    expect(r.verdict).toBe('on_time');
    expect(r.supplements[0]!.effect).toBe('resume');
    expect(r.workingTime.usedMinutes).toBe(2400);
    expect(explanationMinutes(r)).toBe(2400);
    expect(clock({ ruleSet, supplementRestarts: false, limit: wd(5), events: [...events, E.completed('2025-03-17 11:00')] }).verdict).toBe('late');
  });

  it.each(BOTH)('%s: a supplement received after 15:00 counts from the next working day (restart and pause)', (ruleSet) => {
    const ev = [E.received('2025-10-06 09:00'), E.supplementRequested('2025-10-07 09:00'), E.supplementReceived('2025-10-10 16:00')];
    const restart = clock({ ruleSet, limit: wd(3), events: ev }, '2025-10-13 08:00');
    expect(local(restart.appointment.countingFrom)).toBe('2025-10-13 07:00');
    expect(local(restart.appointment.due)).toBe('2025-10-15 17:00');
    const pause = clock({ ruleSet, supplementRestarts: false, limit: wd(3), events: ev }, '2025-10-13 08:00');
    expect(local(pause.appointment.due)).toBe('2025-10-14 17:00');
    expect(pause.explanation.find((d) => d.date === '2025-10-10')!.reason).toBe('waiting_supplement');
  });

  it('nd118_2025: while waiting the deadline is suspended; after the deadline passed it stays overdue', () => {
    const waiting = clock({ limit: wd(5), events: [E.received('2026-03-02 09:00'), E.supplementRequested('2026-03-04 10:00')] }, '2026-03-20 10:00');
    expect(waiting).toMatchObject({ state: 'waiting_supplement', verdict: 'in_process' });
    expect(waiting.appointment.due).toBeNull();
    expect(waiting.summary).toContain('đang chờ công dân bổ sung hồ sơ');
    const after = clock({ limit: wd(5), events: [E.received('2026-03-02 09:00'), E.supplementRequested('2026-03-10 10:00')] }, '2026-03-20 10:00');
    expect(after.verdict).toBe('overdue_in_process');
    expect(local(after.appointment.due)).toBe('2026-03-09 09:00');
  });

  it('step deadlines exclude the wait for the citizen', () => {
    const r = clock({
      limit: wd(10),
      events: [
        E.received('2026-02-10 09:00'),
        E.enter('2026-02-10 09:30', 'a', 'STP', wd(5)),
        E.supplementRequested('2026-02-12 10:00', 'a'),
        E.supplementReceived('2026-02-24 16:00'),
        E.leave('2026-03-02 10:00', 'a'),
        E.completed('2026-03-09 10:00'),
      ],
    });
    // 990 min used before the request; 1410 left from Wed 25/02 07:00 → Fri 27/02 16:30.
    expect(local(r.steps[0]!.due)).toBe('2026-02-27 16:30');
    expect(r.steps[0]).toMatchObject({ verdict: 'late', usedMinutes: 2610 });
    expect(local(r.appointment.due)).toBe('2026-03-10 17:00');
    expect(r.verdict).toBe('early');
  });
});

describe('single-supplement-request (nd118_2025 only)', () => {
  const twice = [
    E.received('2026-03-02 09:00'),
    E.supplementRequested('2026-03-03 09:00'),
    E.supplementReceived('2026-03-04 09:00'),
    E.supplementRequested('2026-03-05 09:00'),
  ];
  it('nd118_2025 refuses a second request', () => {
    expect(() => clock({ limit: wd(5), events: twice })).toThrowError(expect.objectContaining({ code: 'second_supplement_request', eventIndex: 3 }));
  });
  it('nd61_2018 accepts it', () => {
    expect(clock({ ruleSet: 'nd61_2018', limit: wd(5), events: twice }).state).toBe('waiting_supplement');
  });
});

describe('supplement-request-within-three-days (nd61_2018 only, a warning)', () => {
  const ev = [E.received('2025-03-03 09:00'), E.supplementRequested('2025-03-07 10:00')];
  it('nd61_2018 warns when the request comes after 3 working days', () => {
    const r = clock({ limit: wd(10), events: ev });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'supplement_request_late', eventIndex: 1 })]);
    expect(r.warnings[0]!.messageVi).toContain('3 ngày làm việc');
  });
  it('no warning within 3 days, and none under nd118_2025', () => {
    expect(clock({ limit: wd(10), events: [E.received('2025-03-03 09:00'), E.supplementRequested('2025-03-06 09:00')] }).warnings).toEqual([]);
    expect(clock({ ruleSet: 'nd118_2025', limit: wd(10), events: ev }).warnings).toEqual([]);
  });
});

describe('payment-wait-excluded (both rule sets)', () => {
  it('nd118_2025, May 2026: 3 working days, payment waited Tue 05/05 08:00 → Mon 11/05 08:00 → due Wed 13/05 08:00', () => {
    const r = clock({
      limit: wd(3),
      events: [E.received('2026-05-04 08:00'), E.paymentRequested('2026-05-05 08:00'), E.paymentDone('2026-05-11 08:00'), E.completed('2026-05-13 08:00')],
    });
    expect(r.ruleSet).toBe('nd118_2025');
    expect(local(r.appointment.original.due)).toBe('2026-05-07 08:00');
    expect(local(r.appointment.due)).toBe('2026-05-13 08:00');
    expect(r.verdict).toBe('on_time');
    expect(r.explanation.map((d) => [d.date, d.minutes, d.reason])).toEqual([
      ['2026-05-04', 420, 'working_day'],
      ['2026-05-05', 60, 'working_day'],
      ['2026-05-06', 0, 'waiting_payment'],
      ['2026-05-07', 0, 'waiting_payment'],
      ['2026-05-08', 0, 'waiting_payment'],
      ['2026-05-09', 0, 'weekend'],
      ['2026-05-10', 0, 'weekend'],
      ['2026-05-11', 420, 'working_day'],
      ['2026-05-12', 480, 'working_day'],
      ['2026-05-13', 60, 'working_day'],
    ]);
    expect(r.payments).toEqual([{ requestedAt: vn('2026-05-05 08:00'), doneAt: vn('2026-05-11 08:00') }]);
    expect(r.summary).toContain('3 ngày làm việc chờ thực hiện nghĩa vụ tài chính');
  });

  it('nd61_2018, May 2025: same shape → due Wed 14/05 08:00', () => {
    const r = clock({ limit: wd(3), events: [E.received('2025-05-05 08:00'), E.paymentRequested('2025-05-06 08:00'), E.paymentDone('2025-05-12 08:00')] }, '2025-05-12 09:00');
    expect(r.ruleSet).toBe('nd61_2018');
    expect(local(r.appointment.due)).toBe('2025-05-14 08:00');
    expect(r.state).toBe('running');
  });

  it.each(BOTH)('%s: payment is a pause, never a restart, and has no 15:00 rule', (ruleSet) => {
    const r = clock({ ruleSet, limit: wd(3), events: [E.received('2026-05-04 08:00'), E.paymentRequested('2026-05-05 08:00'), E.paymentDone('2026-05-11 16:00')] }, '2026-05-11 16:30');
    expect(local(r.appointment.due)).toBe('2026-05-13 16:00');
    const waiting = clock({ ruleSet, limit: wd(3), events: [E.received('2026-05-04 08:00'), E.paymentRequested('2026-05-05 08:00')] }, '2026-05-20 08:00');
    expect(waiting).toMatchObject({ state: 'waiting_payment', verdict: 'in_process' });
    expect(waiting.summary).toContain('nghĩa vụ tài chính');
  });
});

describe.each(BOTH)('apology-once-before-expiry (%s)', (ruleSet) => {
  // Received Mon 02/03/2026 09:00, 5 working days → due Mon 09/03/2026 09:00.
  const base = [E.received('2026-03-02 09:00')];
  const run = (events: ClockEvent[], now?: string) => clock({ ruleSet, limit: wd(5), events: [...base, ...events] }, now);

  it('on the last working day before the appointment day (Fri 06/03, any hour) it is accepted; the legal deadline does not move', () => {
    const r = run([E.apology('2026-03-06 16:00', '2026-03-12 17:00'), E.completed('2026-03-11 10:00')]);
    expect(local(r.appointment.due)).toBe('2026-03-09 09:00');
    expect(local(r.appointment.current)).toBe('2026-03-12 17:00');
    expect(r.verdict).toBe('late');
    expect(r.verdictAgainstCurrent).toBe('early');
    expect(r.apology).toMatchObject({ eventIndex: 1, kept: true, previousAppointment: vn('2026-03-09 09:00'), newAppointment: vn('2026-03-12 17:00') });
    expect(r.appointment.changes).toEqual([expect.objectContaining({ reason: 'apology', from: vn('2026-03-09 09:00'), to: vn('2026-03-12 17:00') })]);
    expect(r.summary).toContain('Đã xin lỗi và hẹn lại 17:00 ngày 12/03/2026 (đã trả đúng hẹn mới)');
    expect(run([E.apology('2026-03-06 20:30', '2026-03-12 17:00')], '2026-03-07 08:00').apology).not.toBeNull();
  });

  it('finished by the legal deadline after an apology is still on time; missing the new appointment is noted', () => {
    expect(run([E.apology('2026-03-05 10:00', '2026-03-12 17:00'), E.completed('2026-03-09 08:00')]).verdict).toBe('on_time');
    const missed = run([E.apology('2026-03-05 10:00', '2026-03-12 17:00'), E.completed('2026-03-13 08:00')]);
    expect(missed).toMatchObject({ verdict: 'late', verdictAgainstCurrent: 'late' });
    expect(missed.apology!.kept).toBe(false);
  });

  it('too late on the week-end before, on the appointment day, or after it', () => {
    for (const at of ['2026-03-07 10:00', '2026-03-09 08:00', '2026-03-10 08:00']) {
      expect(() => run([E.apology(at, '2026-03-20 17:00')])).toThrowError(expect.objectContaining({ code: 'apology_too_late', eventIndex: 1 }));
    }
  });

  it('only once', () => {
    expect(() => run([E.apology('2026-03-04 10:00', '2026-03-12 17:00'), E.apology('2026-03-05 10:00', '2026-03-13 17:00')])).toThrowError(
      expect.objectContaining({ code: 'second_apology', eventIndex: 2 }),
    );
  });

  it('the new appointment must be after the current one', () => {
    expect(() => run([E.apology('2026-03-04 10:00', '2026-03-09 09:00')])).toThrowError(expect.objectContaining({ code: 'apology_not_later' }));
  });

  it('across Tết: due Mon 23/02/2026 09:00 → the last day to apologise is Fri 13/02', () => {
    const tet = [E.received('2026-02-12 09:00')];
    const ok = clock({ ruleSet, limit: wd(2), events: [...tet, E.apology('2026-02-13 15:00', '2026-02-25 17:00')] }, '2026-02-14 00:00');
    expect(local(ok.appointment.due)).toBe('2026-02-23 09:00');
    expect(ok.apology).not.toBeNull();
    expect(() => clock({ ruleSet, limit: wd(2), events: [...tet, E.apology('2026-02-20 09:00', '2026-02-25 17:00')] })).toThrowError(
      expect.objectContaining({ code: 'apology_too_late' }),
    );
  });
});

describe('apology under Decree 61/2018 with 2025 dates', () => {
  it('received Mon 03/03/2025 09:00, 5 working days: apology on Fri 07/03 accepted', () => {
    const r = clock({ limit: wd(5), events: [E.received('2025-03-03 09:00'), E.apology('2025-03-07 11:00', '2025-03-14 17:00'), E.completed('2025-03-14 16:00')] });
    expect(r.ruleSet).toBe('nd61_2018');
    expect(r).toMatchObject({ verdict: 'late', verdictAgainstCurrent: 'on_time' });
    expect(r.apology!.kept).toBe(true);
  });
});

describe('calendar consistency', () => {
  it('the original appointment is the calendar\'s receipt appointment', () => {
    const received = vn('2026-02-13 16:00');
    const a = cal.appointment(received, wd(3));
    const r = clock({ limit: wd(3), events: [{ type: 'received', at: received }] });
    expect(r.appointment.original).toEqual({ receivedAt: a.receivedAt, countingFrom: a.countingFrom, due: a.due, dueDate: a.dueDate, adjustments: a.adjustments });
  });
});
