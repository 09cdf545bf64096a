import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { Client, startTestServer } from '../support/server.js';
import { receive } from '../support/receive.js';
import { officerFor } from '../support/officers.js';

let app: Running;
let now = new Date();
const clients = new Map<string, Client>();

beforeAll(async () => {
  app = await startTestServer(() => now);
});
afterAll(() => app?.stop());

const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await Client.login(app.url, username));
  return clients.get(username)!;
};

/** Receives a dossier at a pinned instant. */
async function receiveAt(instant: string, procedureCode: string) {
  now = new Date(instant);
  return receive(await as('motcua.xa1'), procedureCode);
}

/** Completes the open task of a dossier at a pinned instant (approving decisions), as its officer. */
async function completeAt(code: string, instant: string) {
  now = new Date(instant);
  const view = (await (await as('mc.admin')).get(`/api/dossiers/${code}`)).body;
  const open = view.tasks.find((t: { state: string }) => t.state === 'open');
  const officer = await as(officerFor(open.agencyCode, open.candidateGroups[0]));
  expect((await officer.post(`/api/tasks/${open.id}/claim`)).status).toBe(200);
  const res = await officer.post(`/api/tasks/${open.id}/complete`, open.decisions.length ? { decision: 'approve' } : {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const clockOf = async (code: string) => {
  const res = await (await as('mc.admin')).get(`/api/dossiers/${code}/clock`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('the verdict of a real dossier, from its history', () => {
  // Hộ kinh doanh (1.001612), 3 working days: received Tuesday 10/03/2026 09:00 → due Friday 13/03 09:00.
  // Steps: thẩm định (2 days), ký (0.5 day), then "Trả Giấy chứng nhận" (national status 9: the result is ready).
  async function finishAt(signedAt: string) {
    const d = await receiveAt('2026-03-10T09:00:00+07:00', '1.001612');
    await completeAt(d.code, '2026-03-11T10:00:00+07:00');
    const view = await completeAt(d.code, signedAt);
    return { code: d.code, view };
  }

  it('finished the day before the appointment day is early', async () => {
    const { code, view } = await finishAt('2026-03-12T10:00:00+07:00');
    expect(view.appointmentAt).toBe('2026-03-13T09:00:00+07:00');
    expect(view.clock).toMatchObject({ verdict: 'early', verdictLabel: 'trước hạn', state: 'finished', dueAt: '2026-03-13T09:00:00+07:00', finishedAt: '2026-03-12T10:00:00+07:00' });
    const clock = await clockOf(code);
    expect(clock).toMatchObject({ verdict: 'early', finishedBy: 'completed', finishedAt: '2026-03-12T10:00:00+07:00' });
    expect(clock.stored).toMatchObject({ verdict: 'early', dueAt: '2026-03-13T09:00:00+07:00', finishedAt: '2026-03-12T10:00:00+07:00', error: null });
  });

  it('finished on the appointment day before the appointment hour is on time', async () => {
    const { code, view } = await finishAt('2026-03-13T08:30:00+07:00');
    expect(view.clock.verdict).toBe('on_time');
    expect((await clockOf(code)).stored.verdict).toBe('on_time');
  });

  it('finished after the appointment (even the same day) is late, and so is the step that ran over', async () => {
    const { code, view } = await finishAt('2026-03-13T10:00:00+07:00');
    expect(view.clock.verdict).toBe('late');
    const clock = await clockOf(code);
    expect(clock.verdict).toBe('late');
    expect(clock.workingTime).toMatchObject({ allowedMinutes: 3 * 480, usedMinutes: 3 * 480 + 60, overMinutes: 60 });
    // Signing (0.5 working day) entered Wednesday 10:00 → due Wednesday 16:00, signed Friday: late, at the commune.
    expect(clock.steps.map((s: { verdict: string }) => s.verdict)).toEqual(['early', 'late']);
    expect(clock.lateAgencies).toEqual(['000.31.01.H99']);
    expect(clock.stored).toMatchObject({ verdict: 'late', lateAgencies: ['000.31.01.H99'] });
  });

  it('returning the result at the desk afterwards changes nothing: the result was ready in time', async () => {
    const { code } = await finishAt('2026-03-12T10:00:00+07:00');
    const view = await completeAt(code, '2026-03-20T15:00:00+07:00'); // the citizen came a week later
    expect(view.status.code).toBe(10);
    const clock = await clockOf(code);
    expect(clock).toMatchObject({ verdict: 'early', finishedAt: '2026-03-12T10:00:00+07:00', returnedAt: '2026-03-20T15:00:00+07:00' });
    expect(clock.stored).toMatchObject({ verdict: 'early', returnedAt: '2026-03-20T15:00:00+07:00' });
  });

  it('an open dossier is in process until its deadline passes, then overdue; the stored verdict stays in_process', async () => {
    const d = await receiveAt('2026-03-10T09:00:00+07:00', '1.001612');
    now = new Date('2026-03-13T08:59:00+07:00');
    expect((await clockOf(d.code)).verdict).toBe('in_process');
    now = new Date('2026-03-13T09:01:00+07:00');
    const clock = await clockOf(d.code);
    expect(clock.verdict).toBe('overdue_in_process');
    expect(clock.stored).toMatchObject({ verdict: 'in_process', dueAt: '2026-03-13T09:00:00+07:00', finishedAt: null, light: true });
  });
});

describe('received on Friday 13/02/2026 after 15:00, just before Tết Bính Ngọ', () => {
  let code: string;
  let clock: any;

  beforeAll(async () => {
    code = (await receiveAt('2026-02-13T15:30:00+07:00', '1.001612')).code;
    await completeAt(code, '2026-02-24T10:00:00+07:00'); // thẩm định: due Tuesday 24/02 15:30
    await completeAt(code, '2026-02-25T09:00:00+07:00'); // ký: entered 24/02 10:00, 0.5 day → due 24/02 16:00
    clock = await clockOf(code);
  });

  it('counts from Monday 23/02 07:00 and is due Wednesday 25/02 17:00; ready at 09:00 that day is on time', () => {
    expect(clock.ruleSet).toBe('nd118_2025');
    expect(clock.appointment.original).toMatchObject({ countingFrom: '2026-02-23T07:00:00+07:00', due: '2026-02-25T17:00:00+07:00', adjustments: ['received_after_cutoff'] });
    expect(clock).toMatchObject({ verdict: 'on_time', finishedAt: '2026-02-25T09:00:00+07:00' });
    expect(clock.workingTime).toMatchObject({ allowedMinutes: 1440, usedMinutes: 480 + 480 + 120 });
  });

  it('each step has its own deadline and verdict (control slip), and the late agency is named', () => {
    expect(clock.steps.map((s: any) => ({ name: s.stepName, agency: s.agencyCode, due: s.due, verdict: s.verdict }))).toEqual([
      { name: 'Công chức thẩm định hồ sơ đăng ký hộ kinh doanh', agency: '000.31.01.H99', due: '2026-02-24T15:30:00+07:00', verdict: 'on_time' },
      { name: 'Lãnh đạo ký Giấy chứng nhận đăng ký hộ kinh doanh', agency: '000.31.01.H99', due: '2026-02-24T16:00:00+07:00', verdict: 'late' },
    ]);
    expect(clock.lateAgencies).toEqual(['000.31.01.H99']);
  });

  it('the explanation lists the Tết days as not counted, with their names and legal source', () => {
    const day = (date: string) => clock.explanation.find((e: { date: string }) => e.date === date);
    expect(day('2026-02-13')).toMatchObject({ counted: false, reason: 'before_counting' });
    for (const [date, name] of [['2026-02-16', '29 tháng Chạp'], ['2026-02-17', 'mùng 1'], ['2026-02-18', 'mùng 2'], ['2026-02-19', 'mùng 3'], ['2026-02-20', 'mùng 4']]) {
      expect(day(date)).toMatchObject({ counted: false, minutes: 0, reason: 'holiday', name: `Tết Nguyên đán (${name})` });
      expect(day(date).source).toContain('9441/TB-BNV');
    }
    expect(day('2026-02-21')).toMatchObject({ counted: false, reason: 'weekend' });
    expect(day('2026-02-23')).toMatchObject({ counted: true, minutes: 480 });
    expect(clock.explanation.reduce((sum: number, e: { minutes: number }) => sum + e.minutes, 0)).toBe(clock.workingTime.usedMinutes);
    expect(clock.summary).toContain('ĐÚNG HẠN');
    expect(clock.summary).toContain('Tết Nguyên đán');
  });

  it('the dossier view carries the same clock in brief', async () => {
    const view = (await (await as('tuphap.xa1')).get(`/api/dossiers/${code}`)).body;
    expect(view.clock).toMatchObject({
      verdict: 'on_time', dueAt: '2026-02-25T17:00:00+07:00', appointmentAt: '2026-02-25T17:00:00+07:00',
      workingTime: { allowedMinutes: 1440, usedMinutes: 1080 }, lateAgencies: ['000.31.01.H99'],
    });
    expect(view.clock.steps.map((s: { verdict: string }) => s.verdict)).toEqual(['on_time', 'late']);
  });

  it('the preview of the same events gives the same clock', async () => {
    const preview = await (await as('tuphap.xa1')).post('/api/clock/preview', { ...clock.input, now: now.toISOString() });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const { code: _code, input: _input, stored: _stored, calendarRevision: _rev, ...real } = clock;
    expect(preview.body).toEqual(real);
  });
});

describe('who may see a dossier\'s clock', () => {
  it('officers of another agency get 403, an unknown code 404, no login 401', async () => {
    const d = await receiveAt('2026-03-10T09:00:00+07:00', '1.001612');
    expect((await (await as('chuyenvien.xa2')).get(`/api/dossiers/${d.code}/clock`)).status).toBe(403);
    expect((await (await as('tuphap.xa1')).get(`/api/dossiers/${d.code}/clock`)).status).toBe(200);
    const missing = await (await as('mc.admin')).get('/api/dossiers/000.31.01.H99-260310-9999/clock');
    expect(missing.status).toBe(404);
    expect(missing.body.error.field).toBe('code');
    expect((await new Client(app.url).get(`/api/dossiers/${d.code}/clock`)).status).toBe(401);
  });
});

describe('POST /api/clock/preview', () => {
  const events = [
    { type: 'received', at: '2026-02-13T15:30' },
    { type: 'step_entered', at: '2026-02-13T15:30', stepId: 'tham_dinh', stepName: 'Thẩm định', duration: { value: 2, unit: 'working_days' } },
    { type: 'step_left', at: '2026-02-24T10:00', stepId: 'tham_dinh' },
    { type: 'completed', at: '2026-02-25T09:00' },
  ];

  it('computes a what-if clock; wall-clock times without an offset are Việt Nam time; steps default to the agency given', async () => {
    const res = await (await as('motcua.xa1')).post('/api/clock/preview', { limit: { value: 3, unit: 'working_days' }, agencyCode: '000.31.01.H99', events });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ verdict: 'on_time', verdictLabel: 'đúng hạn', receivedAt: '2026-02-13T15:30:00+07:00' });
    expect(res.body.appointment.due).toBe('2026-02-25T17:00:00+07:00');
    expect(res.body.steps[0]).toMatchObject({ agencyCode: '000.31.01.H99', verdict: 'on_time' });
    expect(res.body.explanation.length).toBeGreaterThan(10);
  });

  it('a supplement under the pause rule moves the deadline by the wait', async () => {
    const res = await (await as('motcua.xa1')).post('/api/clock/preview', {
      limit: { value: 3, unit: 'working_days' }, supplementRestarts: false,
      events: [
        { type: 'received', at: '2026-03-10T09:00:00+07:00' },
        { type: 'supplement_requested', at: '2026-03-11T09:00:00+07:00' },
        { type: 'supplement_received', at: '2026-03-16T09:00:00+07:00' },
      ],
      now: '2026-03-17T09:00:00+07:00',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 1 working day used before the request, 2 left from Monday 16/03 09:00 → Wednesday 18/03 09:00.
    expect(res.body.appointment.due).toBe('2026-03-18T09:00:00+07:00');
    expect(res.body.verdict).toBe('in_process');
  });

  const bad: Array<[string, unknown, string, string?]> = [
    ['an unknown unit', { limit: { value: 3, unit: 'weeks' }, events }, 'limit.unit', 'Đơn vị thời hạn không xác định'],
    ['a negative limit', { limit: { value: -1, unit: 'working_days' }, events }, 'limit.value'],
    ['events out of order', { limit: { value: 3, unit: 'working_days' }, events: [events[0], events[2], events[1]] }, 'events.2', 'Sự kiện thứ 3: Các sự kiện không theo thứ tự thời gian'],
    ['an unknown event type', { limit: { value: 3, unit: 'working_days' }, events: [events[0], { type: 'teleported', at: '2026-02-14T09:00' }] }, 'events.1.type'],
    ['a step left that was never entered', { limit: { value: 3, unit: 'working_days' }, events: [events[0], events[2]] }, 'events.1'],
    ['a first event that is not the receipt', { limit: { value: 3, unit: 'working_days' }, events: [events[1]] }, 'events.0'],
    ['an invalid instant', { limit: { value: 3, unit: 'working_days' }, events: [{ type: 'received', at: '13/02/2026' }] }, 'events.0.at'],
    ['an unknown rule set', { limit: { value: 3, unit: 'working_days' }, ruleSet: 'nd43_2011', events }, 'ruleSet'],
    ['no events', { limit: { value: 3, unit: 'working_days' }, events: [] }, 'events'],
    ['no limit', { events }, 'limit'],
    ['events not a list', { limit: { value: 3, unit: 'working_days' }, events: 'received' }, 'events'],
    ['an event without an instant', { limit: { value: 3, unit: 'working_days' }, events: [{ type: 'received' }] }, 'events.0.at'],
    ['a year out of range', { limit: { value: 3, unit: 'working_days' }, events: [{ type: 'received', at: '9999-01-01T00:00:00Z' }] }, 'events.0.at'],
    ['an unknown agency', { limit: { value: 3, unit: 'working_days' }, agencyCode: '999.99.99.H00', events }, 'agencyCode'],
    ['a second supplement request under Decree 118/2025', { limit: { value: 3, unit: 'working_days' }, events: [
      { type: 'received', at: '2026-03-10T09:00' }, { type: 'supplement_requested', at: '2026-03-10T10:00' }, { type: 'supplement_received', at: '2026-03-11T09:00' },
      { type: 'supplement_requested', at: '2026-03-11T10:00' }] }, 'events.3'],
  ];
  it.each(bad)('%s → 400 naming the field', async (_what, body, field, message) => {
    const res = await (await as('motcua.xa1')).post('/api/clock/preview', body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toBeTruthy();
    if (message) expect(res.body.error.message).toContain(message);
  });

  it('malformed JSON → 400, no login → 401', async () => {
    expect((await (await as('motcua.xa1')).post('/api/clock/preview', '{"limit":')).status).toBe(400);
    expect((await new Client(app.url).post('/api/clock/preview', { limit: { value: 1, unit: 'working_days' }, events })).status).toBe(401);
  });
});
