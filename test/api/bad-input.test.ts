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
    ['a required document missing', () => ({ procedureCode: '1.001193', applicant: applicant(), documents: [] }), 400, 'documents', /thiếu \d+ giấy tờ bắt buộc/i],
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

    const notHeld = await other.post(`/api/tasks/${task.id}/complete`, { note: 'x' });
    expect(notHeld.status).toBe(409);
    expect(notHeld.body.error.message).toMatch(/cán bộ khác/);
    expect((await stranger.post(`/api/tasks/${task.id}/claim`)).status).toBe(403);

    expect((await holder.post(`/api/tasks/${task.id}/complete`, { note: 'x' })).status).toBe(200);
    const again = await holder.post(`/api/tasks/${task.id}/complete`, { note: 'x' });
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

describe('input PostgreSQL would refuse, and odd requests', () => {
  it('NUL bytes and lone surrogates anywhere give 400 naming the field, nothing written', async () => {
    const before = await dossierCount();
    for (const fullName of ['Nguyễn\u0000Văn', 'Nguyễn \ud800 Văn']) {
      const res = await desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant({ fullName }), documents: docs });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('applicant.fullName');
      expect(res.body.error.message).toMatch(/ký tự không hợp lệ/);
    }
    expect((await desk.get('/api/tasks?q=a%00')).status).toBe(400);
    expect((await desk.get('/api/dossiers/abc%00')).status).toBe(400);
    expect(await dossierCount()).toBe(before);
  });

  it('deeply nested data → 400; a body that is not JSON → 415, never silently ignored', async () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 50; i++) nested = [nested];
    const deep = await desk.post('/api/tasks/1/complete', { data: { nested } });
    expect(deep.status).toBe(400);
    expect(deep.body.error.code).toBe('TOO_DEEP');
    const res = await fetch(`${app.url}/api/tasks/1/complete`, {
      method: 'POST', headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'text/plain' }, body: '{"note":"x"}',
    });
    expect(res.status).toBe(415);
  });

  it('task ids are plain decimal numbers', async () => {
    for (const id of ['0x1', '1e3', '%2B1', '0', '-1', '1.5']) {
      expect((await desk.post(`/api/tasks/${id}/complete`, {})).status).toBe(400);
    }
  });

  it('paths outside the web root never touch the file system or fail with 500', async () => {
    for (const path of ['/../../../../etc/passwd', '/../../package.json', '/..']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBeLessThan(500);
      expect(await res.text()).not.toMatch(/root:|"name": "motcua"/);
    }
  });

  it('a decision on a step that takes none is refused', async () => {
    const dossier = (await desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant(), documents: docs })).body;
    const task = dossier.tasks.find((t: { state: string }) => t.state === 'open');
    expect(task.decisions).toEqual([]);
    const specialist = await Client.login(app.url, 'tuphap.xa1');
    const res = await specialist.post(`/api/tasks/${task.id}/complete`, { decision: 'reject' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('decision');
  });

  it('an Idempotency-Key reused for another applicant is refused, not answered with the old dossier', async () => {
    const headers = { 'idempotency-key': 'reuse-test-0001' };
    expect((await desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant(), documents: docs }, headers)).status).toBe(201);
    const other = await desk.post('/api/dossiers', { procedureCode: '1.001193', applicant: applicant({ idNumber: '079123456789' }), documents: docs }, headers);
    expect(other.status).toBe(422);
    expect(other.body.error.field).toBe('Idempotency-Key');
  });

  it('unsupported methods on API routes answer in the JSON error shape', async () => {
    const res = await desk.request('DELETE', '/api/tasks');
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
