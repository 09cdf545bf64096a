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

const dossierCount = async () => Number((await app.orm.em.getConnection().execute('select count(*) as n from dossier'))[0].n);

describe('bad input gets a clear 4xx in Vietnamese, and nothing is written', () => {
  const cases: Array<[string, () => unknown, number, string | (() => string), RegExp]> = [
    ['unknown procedure', () => ({ procedureCode: '9.999999', applicant: applicant(), documents: docs }), 404, 'procedureCode', /thủ tục/],
    ['CCCD of 11 digits', () => ({ procedureCode: '1.001193', applicant: applicant({ idNumber: '00108900123' }), documents: docs }), 400, 'applicant.idNumber', /12 chữ số/],
    ['CCCD with letters', () => ({ procedureCode: '1.001193', applicant: applicant({ idNumber: '00108900123A' }), documents: docs }), 400, 'applicant.idNumber', /12 chữ số/],
    ['missing applicant name', () => ({ procedureCode: '1.001193', applicant: { ...applicant(), fullName: undefined }, documents: docs }), 400, 'applicant.fullName', /họ tên/i],
    ['bad phone', () => ({ procedureCode: '1.001193', applicant: applicant({ phone: '12345' }), documents: docs }), 400, 'applicant.phone', /điện thoại/],
    ['bad e-mail', () => ({ procedureCode: '1.001193', applicant: applicant({ email: 'not-an-email' }), documents: docs }), 400, 'applicant.email', /thư điện tử/],
    ['unknown document', () => ({ procedureCode: '1.001193', applicant: applicant(), documents: [...docs, { key: 'khong_co', received: true }] }), 400, () => `documents.${docs.length}.key`, /không thuộc/],
    ['a required document missing', () => ({ procedureCode: '1.001193', applicant: applicant(), documents: [] }), 400, 'documents', /thiếu giấy tờ bắt buộc/i],
    ['handling agency not competent', () => ({ procedureCode: '1.001193', handlingAgencyCode: '000.02.11.H99', applicant: applicant(), documents: docs }), 400, 'handlingAgencyCode', /thẩm quyền/],
  ];
  for (const [name, body, status, field, message] of cases) {
    it(name, async () => {
      const before = await dossierCount();
      const res = await desk.post('/api/dossiers', body());
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.field).toBe(typeof field === 'function' ? field() : field);
      expect(res.body.error.message).toMatch(message);
      expect(await dossierCount()).toBe(before);
    });
  }

  it('malformed JSON', async () => {
    const res = await desk.post('/api/dossiers', '{"procedureCode": "1.001193",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    expect(res.body.error.message).toMatch(/JSON/);
  });

  it('no login → 401; wrong role → 403', async () => {
    expect((await new Client(app.url).post('/api/dossiers', {})).status).toBe(401);
    const specialist = await Client.login(app.url, 'tuphap.xa1');
    const res = await specialist.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant(), documents: docs });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/một cửa/);
  });

  it('wrong password → 401 naming the password', async () => {
    const res = await new Client(app.url).post('/api/auth/login', { username: 'motcua.xa1', password: 'sai' });
    expect(res.status).toBe(401);
    expect(res.body.error.field).toBe('password');
  });

  it('completing a task you do not hold, a finished task, or another agency\'s task', async () => {
    const dossier = (await desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant(), documents: docs })).body;
    const task = dossier.tasks.find((t: any) => t.state === 'open');
    const holder = await Client.login(app.url, 'tuphap.xa1');
    const other = await Client.login(app.url, 'hotich.xa1');
    const stranger = await Client.login(app.url, 'chuyenvien.xa2');
    expect((await holder.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);

    const notHeld = await other.post(`/api/tasks/${task.id}/complete`, { decision: 'approve' });
    expect(notHeld.status).toBe(409);
    expect(notHeld.body.error.message).toMatch(/cán bộ khác/);
    expect((await stranger.post(`/api/tasks/${task.id}/claim`)).status).toBe(403);

    expect((await holder.post(`/api/tasks/${task.id}/complete`, { decision: 'approve' })).status).toBe(200);
    const again = await holder.post(`/api/tasks/${task.id}/complete`, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/đã được xử lý/);
  });

  it('a decision outside approve/reject, a task id that is not a number, an unknown task', async () => {
    const holder = await Client.login(app.url, 'tuphap.xa1');
    const bad = await holder.post('/api/tasks/1/complete', { decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('decision');
    expect((await holder.post('/api/tasks/abc/complete', {})).status).toBe(400);
    expect((await holder.post('/api/tasks/99999999/complete', {})).status).toBe(404);
  });

  it('inbox paging out of range names the field', async () => {
    const res = await desk.get('/api/tasks?pageSize=1000');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('pageSize');
  });

  it('unknown API route → 404 JSON', async () => {
    const res = await desk.get('/api/khong-co');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/Không tìm thấy/);
  });
});
