import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { Client, startTestServer } from '../support/server.js';
import { applicant } from '../support/officers.js';

let app: Running;
let desk: Client;
let docs: Array<{ key: string; received: boolean }>;

beforeAll(async () => {
  app = await startTestServer();
  desk = await Client.login(app.url, 'motcua.xa1');
  docs = (await desk.get('/api/procedures/1.001193')).body.documents.map((d: any) => ({ key: d.key, received: true }));
});
afterAll(() => app?.stop());

describe('two officers at once', () => {
  it('completing the same task: exactly one succeeds, the other gets 409, state intact', async () => {
    const dossier = (await desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant(), documents: docs })).body;
    const task = dossier.tasks.find((t: any) => t.state === 'open');
    const [a, b] = await Promise.all([Client.login(app.url, 'tuphap.xa1'), Client.login(app.url, 'hotich.xa1')]);
    const results = await Promise.all([a, b].map((c) => c.post(`/api/tasks/${task.id}/complete`, { note: 'cùng lúc' })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(results.map((r) => r.body))).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.message).toMatch(/đã được|cán bộ khác/);

    const view = (await a.get(`/api/dossiers/${dossier.code}`)).body;
    const done = view.tasks.filter((t: any) => t.elementId === task.elementId);
    expect(done).toHaveLength(1);
    expect(done[0].state).toBe('completed');
    expect(view.tasks.filter((t: any) => t.state === 'open')).toHaveLength(1);
    expect(view.history.filter((h: any) => h.action === 'step_completed')).toHaveLength(1);
  });

  it('claiming the same task: one wins, the other is told who has it', async () => {
    const dossier = (await desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant(), documents: docs })).body;
    const task = dossier.tasks.find((t: any) => t.state === 'open');
    const [a, b] = await Promise.all([Client.login(app.url, 'tuphap.xa1'), Client.login(app.url, 'hotich.xa1')]);
    const results = await Promise.all([a, b].map((c) => c.post(`/api/tasks/${task.id}/claim`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('50 parallel receipts at one desk get 50 distinct consecutive codes', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant({ idNumber: `0010890${String(i).padStart(5, '0')}` }), documents: docs })));
    expect(results.every((r) => r.status === 201), JSON.stringify(results.find((r) => r.status !== 201)?.body)).toBe(true);
    const codes = results.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(50);
    const seqs = codes.map((c) => Number(c.split('-').pop())).sort((x, y) => x - y);
    expect(seqs[49] - seqs[0]).toBe(49);
  });

  it('a retried receipt with the same Idempotency-Key creates one dossier', async () => {
    const body = { procedureCode: '1.001193', applicant: applicant(), documents: docs };
    const headers = { 'idempotency-key': 'retry-test-0001' };
    const [x, y] = [await desk.post('/api/dossiers', body, headers), await desk.post('/api/dossiers', body, headers)];
    expect(x.status).toBe(201);
    expect(y.status).toBe(201);
    expect(y.body.code).toBe(x.body.code);
  });
});

describe('retries racing each other', () => {
  it('two simultaneous receipts with the same Idempotency-Key give one dossier', async () => {
    const body = { procedureCode: '1.001193', applicant: applicant(), documents: docs };
    const headers = { 'idempotency-key': 'race-test-0001' };
    const [x, y] = await Promise.all([desk.post('/api/dossiers', body, headers), desk.post('/api/dossiers', body, headers)]);
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(y.body.code).toBe(x.body.code);
    const n = await app.orm.em.getConnection().execute(`select count(*)::int as n from dossier where idempotency_key = 'race-test-0001'`);
    expect(n[0].n).toBe(1);
  });
});

describe('a claim racing a completion', () => {
  it('never leaves a task completed by someone other than its holder', async () => {
    for (let round = 0; round < 10; round++) {
      const dossier = (await desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant(), documents: docs })).body;
      const task = dossier.tasks.find((t: { state: string }) => t.state === 'open');
      const [a, b] = await Promise.all([Client.login(app.url, 'tuphap.xa1'), Client.login(app.url, 'hotich.xa1')]);
      await Promise.all([a.post(`/api/tasks/${task.id}/complete`, {}), b.post(`/api/tasks/${task.id}/claim`)]);
      const [row] = await app.services.db.query<{ state: string; assignee: number | null; completedBy: number | null }>(
        'select state, assignee_id as assignee, completed_by_id as "completedBy" from task where id = $1', [task.id]);
      if (row.state === 'completed') expect(row.assignee).toBe(row.completedBy);
    }
  });
});
