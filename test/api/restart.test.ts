import { describe, expect, it } from 'vitest';
import { Client, startTestServer } from '../support/server.js';
import { applicant, workToEnd } from '../support/officers.js';

describe('a dossier survives a server restart', () => {
  it('is received and advanced on one process, then finished on a new one', async () => {
    const first = await startTestServer();
    const desk = await Client.login(first.url, 'motcua.xa1');
    const procedure = (await desk.get('/api/procedures/1.001612')).body;
    const received = await desk.post('/api/dossiers', {
      procedureCode: procedure.code, applicant: applicant({ idNumber: '001089009999' }),
      documents: procedure.documents.map((d: any) => ({ key: d.key, received: true })),
    });
    expect(received.status).toBe(201);
    const code = received.body.code;
    const taskId = received.body.tasks.find((t: any) => t.state === 'open').id;
    const specialist = await Client.login(first.url, 'tuphap.xa1');
    expect((await specialist.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);
    const advanced = await specialist.post(`/api/tasks/${taskId}/complete`, { decision: 'approve', note: 'Đủ điều kiện' });
    expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);
    await first.stop();

    const second = await startTestServer();
    try {
      const { view } = await workToEnd(second.url, code);
      expect(view.status.code).toBe(10);
      expect(view.outcome).toBe('approved');
      const completed = view.tasks.filter((t: any) => t.state === 'completed');
      expect(completed[0].id).toBe(taskId);
      expect(new Set(completed.map((t: any) => t.id)).size).toBe(completed.length);
    } finally {
      await second.stop();
    }
  });
});
