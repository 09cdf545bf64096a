import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { fireDueTimers } from '../../api/timers/fire-due-timers.js';
import { Client, startTestServer } from '../support/server.js';
import { officerFor } from '../support/officers.js';
import { receive } from '../support/receive.js';

let app: Running;

beforeAll(async () => {
  app = await startTestServer();
});
afterAll(() => app?.stop());

const jobs = (dossierCode: string) => app.services.db.query<{ state: string; elementId: string; dueAt: Date }>(
  `select j.state, j.element_id as "elementId", j.due_at as "dueAt" from timer_job j join dossier d on d.id = j.dossier_id where d.code = $1`, [dossierCode]);

describe('BPMN timers are durable job rows fired by the worker', () => {
  it('the 24-hour reminder on the tax step is stored, fires when due (not before), once, and the dossier goes on', async () => {
    const dossier = await receive(await Client.login(app.url, 'motcua.xa1'), '1.013978');
    const appraisal = dossier.tasks.find((t: { state: string }) => t.state === 'open');
    const specialist = await Client.login(app.url, officerFor(appraisal.agencyCode, appraisal.candidateGroups[0]));
    expect((await specialist.post(`/api/tasks/${appraisal.id}/complete`, { decision: 'approve' })).status).toBe(200);

    const [job] = await jobs(dossier.code);
    expect(job).toMatchObject({ state: 'waiting', elementId: 'tax_reminder' });
    const due = job.dueAt.getTime();

    // Other test files' dossiers share the database, so this looks at this dossier's job only.
    await fireDueTimers(app.services, 100, new Date(due - 60_000));
    expect((await jobs(dossier.code))[0].state).toBe('waiting');

    await fireDueTimers(app.services, 100, new Date(due + 60_000));
    expect((await jobs(dossier.code))[0].state).toBe('fired');
    await fireDueTimers(app.services, 100, new Date(due + 120_000));

    const admin = await Client.login(app.url, 'mc.admin');
    const view = (await admin.get(`/api/dossiers/${dossier.code}`)).body;
    expect(view.history.filter((h: { action: string }) => h.action === 'timer_fired')).toHaveLength(1);
    const open = view.tasks.filter((t: { state: string }) => t.state === 'open');
    expect(open.map((t: { elementId: string }) => t.elementId)).toEqual(['tax']);
    const tax = await Client.login(app.url, officerFor(open[0].agencyCode, 'specialist'));
    expect((await tax.post(`/api/tasks/${open[0].id}/complete`, { note: 'Đã xác định nghĩa vụ tài chính' })).status).toBe(200);
  });
});

describe('a timer whose activity ended', () => {
  it('is cancelled with it and never fires', async () => {
    const dossier = await receive(await Client.login(app.url, 'motcua.xa1'), '1.013978');
    const admin = await Client.login(app.url, 'mc.admin');
    for (let i = 0; i < 2; i++) {
      const open = (await admin.get(`/api/dossiers/${dossier.code}`)).body.tasks.find((t: { state: string }) => t.state === 'open');
      const officer = await Client.login(app.url, officerFor(open.agencyCode, open.candidateGroups[0]));
      expect((await officer.post(`/api/tasks/${open.id}/complete`, open.decisions.length ? { decision: 'approve' } : {})).status).toBe(200);
    }
    const [job] = await jobs(dossier.code);
    expect(job.state).toBe('cancelled');
    await fireDueTimers(app.services, 100, new Date(job.dueAt.getTime() + 60_000));
    expect((await jobs(dossier.code))[0].state).toBe('cancelled');
  });
});
