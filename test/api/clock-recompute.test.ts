import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { recomputePass } from '../../api/clock/recompute.js';
import { Client, startTestServer } from '../support/server.js';
import { receive } from '../support/receive.js';
import { officerFor } from '../support/officers.js';

let app: Running;
let now = new Date();
const clients = new Map<string, Client>();
const added = new Set<string>();

beforeAll(async () => {
  app = await startTestServer(() => now);
});
afterAll(async () => {
  for (const date of added) await (await as('mc.admin')).request('DELETE', `/api/calendar/days/${date}`);
  if (added.size) await settle();
  await app?.stop();
});

const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await Client.login(app.url, username));
  return clients.get(username)!;
};

async function receiveAt(instant: string) {
  now = new Date(instant);
  return receive(await as('motcua.xa1'), '1.001612');
}

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

/** Runs recompute passes (this node's background worker may hold the lock meanwhile) until the job of the current calendar is done. */
async function settle() {
  const admin = await as('mc.admin');
  for (let i = 0; i < 200; i++) {
    await recomputePass(app.services);
    const [job] = (await admin.get('/api/admin/recompute-jobs?limit=1')).body;
    if (job && job.calendarRevision === app.services.calendar.currentRevision && job.state === 'done') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('recompute job did not finish');
}

const stored = async (code: string) => (await (await as('mc.admin')).get(`/api/dossiers/${code}/clock`)).body;
const dossier = async (code: string) => (await (await as('mc.admin')).get(`/api/dossiers/${code}`)).body;

async function addDayOff(date: string) {
  const res = await (await as('mc.admin')).post('/api/calendar/days', {
    date, kind: 'day_off', name: 'Nghỉ theo quyết định của UBND tỉnh (thử)', source: 'Quyết định 999/QĐ-UBND (thử nghiệm)',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  added.add(date);
}

describe('a day off added after dossiers were received', () => {
  // Hộ kinh doanh, 3 working days. October 2026: Monday 5 … Friday 9 are ordinary working days.
  let open: string;      // received Mon 05/10 09:00 → due Thu 08/10 09:00 (the day that becomes off)
  let later: string;     // received Tue 06/10 09:00 → due Fri 09/10 09:00; its thẩm định due Thu 08/10 09:00
  let closed: string;    // received Mon 05/10 09:00, result ready Wed 07/10 10:00 → early
  let job: any;

  beforeAll(async () => {
    await settle();
    open = (await receiveAt('2026-10-05T09:00:00+07:00')).code;
    closed = (await receiveAt('2026-10-05T09:00:00+07:00')).code;
    later = (await receiveAt('2026-10-06T09:00:00+07:00')).code;
    await completeAt(closed, '2026-10-06T10:00:00+07:00');
    await completeAt(closed, '2026-10-07T10:00:00+07:00');
    now = new Date('2026-10-07T12:00:00+07:00');
    expect((await stored(closed)).stored).toMatchObject({ verdict: 'early', dueAt: '2026-10-08T09:00:00+07:00' });

    await addDayOff('2026-10-08');
    job = await settle();
  });

  it('moves the legal due date of open dossiers, and the appointment only off the day that is no longer worked', async () => {
    const a = await stored(open);
    expect(a.stored).toMatchObject({ dueAt: '2026-10-09T09:00:00+07:00', verdict: 'in_process', light: true, computedAt: '2026-10-07T12:00:00+07:00' });
    expect(a.appointment.due).toBe('2026-10-09T09:00:00+07:00'); // the live clock agrees with what is stored
    // Its appointment was Thursday 08/10, now a day off: moved to the new legal due date.
    expect((await dossier(open)).appointmentAt).toBe('2026-10-09T09:00:00+07:00');

    // Due Friday 09/10 → Monday 12/10; the appointment printed for Friday stays (Friday is still worked).
    expect((await stored(later)).stored.dueAt).toBe('2026-10-12T09:00:00+07:00');
    const view = await dossier(later);
    expect(view.appointmentAt).toBe('2026-10-09T09:00:00+07:00');
    expect(view.clock.dueAt).toBe('2026-10-12T09:00:00+07:00');
    // Its open task (thẩm định, 2 working days from Tue 06/10 09:00) was due Thursday: now Friday.
    expect(view.tasks.find((t: { state: string }) => t.state === 'open').dueAt).toBe('2026-10-09T09:00:00+07:00');
  });

  it('leaves a closed dossier as it was decided', async () => {
    const c = await stored(closed);
    expect(c.stored).toMatchObject({ verdict: 'early', dueAt: '2026-10-08T09:00:00+07:00', finishedAt: '2026-10-07T10:00:00+07:00' });
    expect((await dossier(closed)).appointmentAt).toBe('2026-10-08T09:00:00+07:00');
  });

  it('records the job: progress, and the audit of what moved (old → new)', async () => {
    const res = await (await as('mc.admin')).get(`/api/admin/recompute-jobs/${job.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: job.id, state: 'done', calendarRevision: app.services.calendar.currentRevision });
    expect(res.body.done).toBeGreaterThanOrEqual(2);
    expect(res.body.done).toBe(res.body.total);
    expect(res.body.tasksMoved).toBeGreaterThanOrEqual(1);
    const moves = new Map(res.body.moves.map((m: { code: string }) => [m.code, m]));
    expect(moves.get(open)).toEqual({
      code: open, oldDueAt: '2026-10-08T09:00:00+07:00', newDueAt: '2026-10-09T09:00:00+07:00',
      oldAppointmentAt: '2026-10-08T09:00:00+07:00', newAppointmentAt: '2026-10-09T09:00:00+07:00',
    });
    expect(moves.get(later)).toEqual({
      code: later, oldDueAt: '2026-10-09T09:00:00+07:00', newDueAt: '2026-10-12T09:00:00+07:00',
      oldAppointmentAt: null, newAppointmentAt: null, // the appointment stayed
    });
    expect(moves.has(closed)).toBe(false);
  });

  it('removing the day again brings the legal due date back, but never the appointment forward', async () => {
    expect((await (await as('mc.admin')).request('DELETE', '/api/calendar/days/2026-10-08')).status).toBe(204);
    added.delete('2026-10-08');
    await settle();
    expect((await stored(open)).stored.dueAt).toBe('2026-10-08T09:00:00+07:00');
    expect((await dossier(open)).appointmentAt).toBe('2026-10-09T09:00:00+07:00');
    expect((await stored(later)).stored.dueAt).toBe('2026-10-09T09:00:00+07:00');
    expect((await dossier(later)).appointmentAt).toBe('2026-10-09T09:00:00+07:00');
  });

  it('a stored clock written on a stale calendar, or never written, is computed again from the events', async () => {
    // A node whose calendar was behind writes a null revision (CLOCK_UPSERT); a row from before the clock has none at all.
    await app.services.db.query(`update dossier_clock set verdict = null, due_at = null, finished_at = null, revision = null
                                   where dossier_id = (select id from dossier where code = $1)`, [closed]);
    await app.services.db.query('delete from dossier_clock where dossier_id = (select id from dossier where code = $1)', [open]);
    expect((await stored(open)).stored).toBeNull();
    for (let i = 0; i < 100; i++) {
      // As another node (or this one after a restart) would: it has not checked any dossier id yet.
      await recomputePass({ ...app.services });
      if ((await stored(closed)).stored.calendarRevision !== null && (await stored(open)).stored) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await stored(closed)).stored).toMatchObject({ verdict: 'early', dueAt: '2026-10-08T09:00:00+07:00', finishedAt: '2026-10-07T10:00:00+07:00' });
    expect((await stored(open)).stored).toMatchObject({ verdict: 'in_process', dueAt: '2026-10-08T09:00:00+07:00', finishedAt: null, light: true });
  });
});

describe('recompute jobs over HTTP', () => {
  it('are for administrators; an unknown id is 404, a malformed one 400', async () => {
    expect((await (await as('tuphap.xa1')).get('/api/admin/recompute-jobs')).status).toBe(403);
    expect((await new Client(app.url).get('/api/admin/recompute-jobs/1')).status).toBe(401);
    const missing = await (await as('mc.admin')).get('/api/admin/recompute-jobs/999999');
    expect(missing.status).toBe(404);
    const bad = await (await as('mc.admin')).get('/api/admin/recompute-jobs/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('id');
  });
});
