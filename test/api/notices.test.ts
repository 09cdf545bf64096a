import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pino } from 'pino';
import { DateTime } from 'luxon';
import { loadConfig } from '../../api/config.js';
import { startServer, type Running } from '../../api/server.js';
import { enqueueNotices } from '../../api/notices/enqueue.js';
import { countSms } from '../../api/notices/channels/sms-text.js';
import { Client } from '../support/server.js';
import { applicant, officerFor } from '../support/officers.js';
import { FakeGateway, FakeSmtp, waitFor } from '../support/fake-gateways.js';

let app: Running;
let smtp: FakeSmtp;
let sms: FakeGateway;
let zalo: FakeGateway;
let desk: Client;
let admin: Client;

/** Time runs, from wherever a test puts it: backoff waits are real, calendar days are chosen. */
let offset = 0;
const clock = () => new Date(Date.now() + offset);
const setNow = (iso: string) => { offset = new Date(iso).getTime() - Date.now(); };

const BASE = 'https://dichvucong.ankhanh.example.gov.vn';

beforeAll(async () => {
  [smtp, sms, zalo] = await Promise.all([FakeSmtp.start(), FakeGateway.start('sms'), FakeGateway.start('zalo')]);
  const env = {
    PUBLIC_BASE_URL: `${BASE}/`,
    MAIL_SMTP_URL: smtp.url, MAIL_FROM: 'UBND xã An Khánh <motcua@ankhanh.example.gov.vn>',
    SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_TOKEN: sms.credential, SMS_BRAND_NAME: 'UBND-ANKHANH',
    ZALO_API_URL: zalo.url, ZALO_ACCESS_TOKEN: zalo.credential, ZALO_TEMPLATE_ID: '301234',
    NOTICE_POLL_MS: '20', NOTICE_BACKOFF_BASE_MS: '100', NOTICE_BACKOFF_MAX_MS: '2000', NOTICE_MAX_ATTEMPTS: '4',
    NOTICE_SEND_TIMEOUT_MS: '2000', NOTICE_LEASE_MS: '5000',
  };
  const config = { ...loadConfig(env), port: 0, host: '127.0.0.1', databaseUrl: inject('databaseUrl') };
  app = await startServer(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), clock);
  [desk, admin] = await Promise.all([Client.login(app.url, 'motcua.xa1'), Client.login(app.url, 'mc.admin')]);
});
afterAll(async () => {
  await app?.stop();
  await Promise.all([smtp?.stop(), sms?.stop(), zalo?.stop()]);
});

let serial = 0;
/** A citizen nobody else in the run uses, so the fakes' traffic can be told apart. */
function citizen(withEmail = true) {
  serial++;
  const phone = `098${String(Date.now() % 100000).padStart(5, '0')}${String(serial).padStart(2, '0')}`;
  return applicant({
    fullName: 'Nguyễn Thị Ánh Dương', phone,
    ...(withEmail ? { email: `anh.duong.${Date.now()}.${serial}@example.vn` } : { email: undefined }),
  });
}
const msisdn = (phone: string) => `84${phone.slice(1)}`;

async function receive(person: ReturnType<typeof applicant>, procedureCode = '1.001612') {
  const procedure = (await desk.get(`/api/procedures/${procedureCode}`)).body;
  const res = await desk.post('/api/dossiers', {
    procedureCode, applicant: person,
    documents: procedure.documents.map((d: { key: string }) => ({ key: d.key, received: true })),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Works every open step like officers do, with the decision and note `plan` gives for it. */
async function work(code: string, plan: (step: string) => { decision?: string; note: string }) {
  const officers = new Map<string, Client>();
  for (let guard = 0; guard < 20; guard++) {
    const view = (await admin.get(`/api/dossiers/${code}`)).body;
    const open = view.tasks.find((t: { state: string }) => t.state === 'open');
    if (!open) return view;
    const username = officerFor(open.agencyCode, open.candidateGroups[0]);
    if (!officers.has(username)) officers.set(username, await Client.login(app.url, username));
    const officer = officers.get(username)!;
    expect((await officer.post(`/api/tasks/${open.id}/claim`)).status).toBe(200);
    const { decision, note } = plan(open.name);
    const res = await officer.post(`/api/tasks/${open.id}/complete`, { ...(open.decisions.length ? { decision } : {}), note });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  throw new Error('dossier did not finish');
}

const notices = async (code: string) => {
  const res = await admin.get(`/api/admin/notices?dossier=${encodeURIComponent(code)}`);
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, any>>;
};
const vnTime = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' }).toFormat("HH:mm 'ngày' dd/MM/yyyy");

describe('citizen notices (outbox → worker → SMTP / SMS gateway / Zalo)', () => {
  it('receipt, result ready before the appointment, result returned: Vietnamese e-mail over real SMTP and SMS, once each', async () => {
    setNow('2026-03-10T09:15:00+07:00'); // Tuesday; 3 working days → appointment on a later day
    const person = citizen();
    const dossier = await receive(person);
    const { code } = dossier;

    const [receipt] = await waitFor(() => smtp.inboxOf(person.email!).length ? smtp.inboxOf(person.email!) : null, 'receipt e-mail');
    const mail = receipt.mail;
    expect(mail.subject).toBe(`Tiếp nhận hồ sơ ${code}`);
    expect(mail.from?.text).toContain('motcua@ankhanh.example.gov.vn');
    expect(mail.from?.value[0].name).toBe('UBND xã An Khánh');
    expect(mail.messageId).toBe(`<${code}.received.email@ankhanh.example.gov.vn>`);
    expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Ánh Dương,');
    expect(mail.text).toContain(`- Mã hồ sơ: ${code}`);
    expect(mail.text).toContain('- Thủ tục: Đăng ký thành lập hộ kinh doanh');
    expect(mail.text).toContain('- Thời điểm tiếp nhận: 09:15 ngày 10/03/2026');
    expect(mail.text).toContain(`- Hẹn trả kết quả: ${vnTime(dossier.appointmentAt)}`);
    expect(mail.text).toContain(`tra cứu tình trạng giải quyết hồ sơ tại: ${BASE}/tra-cuu/${code}`);

    const [text] = await waitFor(() => sms.deliveredTo(msisdn(person.phone)).length ? sms.deliveredTo(msisdn(person.phone)) : null, 'receipt SMS');
    expect(text.body).toMatchObject({ requestId: `${code}:received:sms`, brandName: 'UBND-ANKHANH', unicode: true });
    expect(text.headers['idempotency-key']).toBe(`${code}:received:sms`);
    expect(text.text).toBe(`Hồ sơ ${code} đã được tiếp nhận, hẹn trả kết quả ${vnTime(dossier.appointmentAt)}. Tra cứu: ${BASE}/tra-cuu/${code}`);
    expect(text.body.segments).toBe(countSms(text.text).segments);
    expect(text.body.segments).toBeGreaterThan(1); // UCS-2: 67 units per part

    await waitFor(async () => (await notices(code)).every((n) => n.state === 'sent'), 'receipt notices marked sent');
    const rows = await notices(code);
    expect(rows.map((n) => `${n.kind}/${n.channel}`).sort()).toEqual(['received/email', 'received/sms']);
    const smsRow = rows.find((n) => n.channel === 'sms')!;
    expect(smsRow).toMatchObject({ attempts: 1, recipient: person.phone, providerMessageId: text.messageId, segments: text.body.segments, lastError: null });
    expect(rows.find((n) => n.channel === 'email')!.providerMessageId).toMatch(/^Q\d+$/);

    // The officers finish on the same day: the result waits at the desk well before the appointment.
    setNow('2026-03-10T14:00:00+07:00');
    const done = await work(code, (step) => ({ decision: 'approve', note: `Đã xử lý: ${step}` }));
    expect(done.outcome).toBe('approved');

    const subjects = () => smtp.inboxOf(person.email!).map((m) => m.mail.subject).sort();
    await waitFor(() => subjects().length === 3, 'three e-mails');
    expect(subjects()).toEqual([`Hồ sơ ${code} đã có kết quả trước hẹn`, `Hồ sơ ${code} đã được trả kết quả`, `Tiếp nhận hồ sơ ${code}`].sort());
    const early = smtp.inboxOf(person.email!).find((m) => m.mail.subject?.includes('trước hẹn'))!.mail;
    expect(early.text).toContain(`trước thời điểm hẹn trả ${vnTime(dossier.appointmentAt)}`);
    expect(early.text).toContain('Mời Ông/Bà đến UBND phường An Khánh nhận kết quả');

    await waitFor(() => sms.deliveredTo(msisdn(person.phone)).length === 3, 'three SMS');
    expect(sms.deliveredTo(msisdn(person.phone)).map((r) => r.key).sort())
      .toEqual([`${code}:finished_early:sms`, `${code}:received:sms`, `${code}:result_returned:sms`]);
    await waitFor(async () => (await notices(code)).filter((n) => n.state === 'sent').length === 6, 'six notices sent');

    // Every message went exactly once: one DATA per e-mail, one gateway call per SMS, nothing for Zalo (not enabled).
    expect(smtp.to(person.email!)).toHaveLength(3);
    expect(sms.to(msisdn(person.phone))).toHaveLength(3);
    expect(zalo.to(msisdn(person.phone))).toHaveLength(0);

    // Re-enqueueing the very same events adds nothing (idempotency key unique).
    const id = (await app.services.db.one<{ id: number }>('select id from dossier where code = $1', [code]))!.id;
    const at = new Date(dossier.receivedAt);
    await app.services.db.transaction((tx) => enqueueNotices(tx, [{ dossier: id, at, action: 'received' }, { dossier: id, at, action: 'returned' }]));
    expect(await notices(code)).toHaveLength(6);
  });

  it('a refusal tells the reason given at the deciding step, not the desk’s closing note', async () => {
    setNow('2026-03-11T08:30:00+07:00');
    const person = citizen();
    const { code } = await receive(person);
    const reason = 'Tên hộ kinh doanh trùng với hộ kinh doanh đã đăng ký trên địa bàn';
    await work(code, (step) => (step.startsWith('Công chức thẩm định') ? { decision: 'reject', note: reason } : { note: 'Đã trả thông báo cho công dân' }));

    const refusal = await waitFor(() => smtp.inboxOf(person.email!).find((m) => m.mail.subject?.startsWith('Thông báo từ chối')), 'refusal e-mail');
    expect(refusal.mail.subject).toBe(`Thông báo từ chối giải quyết hồ sơ ${code}`);
    expect(refusal.mail.text).toContain(`Lý do: ${reason}`);
    expect(refusal.mail.text).not.toContain('Đã trả thông báo cho công dân');
    const refusalSms = await waitFor(() => sms.deliveredTo(msisdn(person.phone)).find((r) => r.key === `${code}:refused:sms`), 'refusal SMS');
    expect(refusalSms.text).toBe(`Hồ sơ ${code} không được giải quyết. Lý do: ${reason}. Tra cứu: ${BASE}/tra-cuu/${code}`);
    expect((await notices(code)).some((n) => n.kind === 'result_returned')).toBe(false);
  });

  it('a gateway failing the first calls is retried with growing, jittered waits and the same key; one SMS arrives', async () => {
    offset = 0;
    const person = citizen(false);
    sms.failNext(3, (r) => r.to === msisdn(person.phone));
    const { code } = await receive(person, '1.001193');

    await waitFor(() => sms.deliveredTo(msisdn(person.phone)).length, 'SMS after retries');
    const calls = sms.to(msisdn(person.phone));
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set([`${code}:received:sms`]));
    expect(new Set(calls.map((c) => c.headers['idempotency-key']))).toEqual(new Set([`${code}:received:sms`]));
    // Waits after tries 1, 2, 3: at least half of 100, 200, 400 ms (equal jitter), so they grow.
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(50 - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(100 - 5);
    expect(gaps[2]).toBeGreaterThanOrEqual(200 - 5);
    expect(gaps[2]).toBeGreaterThan(gaps[0]);

    const row = await waitFor(async () => (await notices(code)).find((n) => n.channel === 'sms' && n.state === 'sent'), 'sent');
    expect(row.attempts).toBe(4);
    expect(sms.deliveredTo(msisdn(person.phone))).toHaveLength(1);
  });

  it('after the last attempt a notice is dead; admins list it and resend it, and it arrives once (Zalo)', async () => {
    offset = 0;
    await app.services.db.query("update notice_template set enabled = true where channel = 'zalo'");
    try {
      const person = citizen(false);
      zalo.failNext(4, (r) => r.to === msisdn(person.phone));
      const { code } = await receive(person, '1.001193');

      const dead = await waitFor(async () => {
        const res = await admin.get(`/api/admin/notices?state=dead&channel=zalo&dossier=${code}`);
        return res.body.items[0];
      }, 'dead Zalo notice');
      expect(dead).toMatchObject({ kind: 'received', channel: 'zalo', recipient: person.phone, state: 'dead', attempts: 4, nextAttemptAt: null });
      expect(dead.lastError).toContain('Zalo HTTP 503');
      expect(zalo.to(msisdn(person.phone))).toHaveLength(4);
      expect(zalo.deliveredTo(msisdn(person.phone))).toHaveLength(0);

      // Not for officers; nothing to resend while it is alive.
      expect((await desk.get('/api/admin/notices?state=dead')).status).toBe(403);
      expect((await desk.post(`/api/admin/notices/${dead.id}/resend`)).status).toBe(403);
      expect((await admin.get('/api/admin/notices?state=lost')).status).toBe(400);
      expect((await admin.post('/api/admin/notices/999999999/resend')).status).toBe(404);

      const resent = await admin.post(`/api/admin/notices/${dead.id}/resend`);
      expect(resent.status).toBe(200);
      expect(resent.body).toMatchObject({ id: dead.id, state: 'pending', attempts: 0 });
      expect(resent.body.resentAt).not.toBeNull();

      const [message] = await waitFor(() => zalo.deliveredTo(msisdn(person.phone)).length ? zalo.deliveredTo(msisdn(person.phone)) : null, 'Zalo after resend');
      expect(message.headers.access_token).toBe(zalo.credential);
      expect(message.body).toMatchObject({ phone: msisdn(person.phone), template_id: '301234', tracking_id: `${code}:received:zalo` });
      expect(message.body.template_data).toMatchObject({ ma_ho_so: code, ho_ten: 'Nguyễn Thị Ánh Dương', link_tra_cuu: `${BASE}/tra-cuu/${code}` });
      expect(message.text).toContain(`đã tiếp nhận hồ sơ ${code} của Ông/Bà Nguyễn Thị Ánh Dương`);

      const sent = await waitFor(async () => (await notices(code)).find((n) => n.channel === 'zalo' && n.state === 'sent'), 'Zalo sent');
      expect(sent.providerMessageId).toBe(message.messageId);
      expect((await admin.post(`/api/admin/notices/${dead.id}/resend`)).status).toBe(409);
      expect(zalo.to(msisdn(person.phone))).toHaveLength(5);
      expect((await admin.get(`/api/admin/notices?state=dead&dossier=${code}`)).body.items).toHaveLength(0);
    } finally {
      await app.services.db.query("update notice_template set enabled = false where channel = 'zalo'");
    }
  });

  it('the admin list pages newest first and the OpenAPI document describes it', async () => {
    const first = await admin.get('/api/admin/notices?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].id).toBeGreaterThan(first.body.items[1].id);
    const second = await admin.get(`/api/admin/notices?limit=2&before=${first.body.next}`);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[1].id);
    const doc = (await new Client(app.url).get('/api/openapi.json')).body;
    expect(doc.paths['/api/admin/notices'].get).toBeDefined();
    expect(doc.paths['/api/admin/notices/{id}/resend'].post).toBeDefined();
    expect(doc.components.schemas.NoticeView.properties.idempotencyKey).toBeDefined();
  });
});
