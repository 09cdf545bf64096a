import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../api/config.js';
import { startServer, type Running } from '../../api/server.js';
import { deliverDueNotices } from '../../api/notices/notice-worker.js';
import { createSenders } from '../../api/notices/channels/index.js';
import { Client } from '../support/server.js';
import { applicant } from '../support/officers.js';
import { FakeGateway, FakeSmtp, waitFor } from '../support/fake-gateways.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

let app: Running;
let smtp: FakeSmtp;
let sms: FakeGateway;
let desk: Client;
let env: Record<string, string>;
let config: Config;

beforeAll(async () => {
  [smtp, sms] = await Promise.all([FakeSmtp.start(), FakeGateway.start('sms')]);
  env = {
    DATABASE_URL: inject('databaseUrl'),
    MAIL_SMTP_URL: smtp.url, MAIL_FROM: 'Một cửa <motcua@ankhanh.example.gov.vn>',
    SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_TOKEN: sms.credential,
    NOTICE_POLL_MS: '30', NOTICE_SEND_TIMEOUT_MS: '10000', NOTICE_LEASE_MS: '20000', NOTICE_MAX_ATTEMPTS: '3',
  };
  // This server enqueues but sends nothing itself (NOTICE_POLL_MS=0): the sending is done by the
  // standalone worker process the test kills, then by the recovery pass below.
  config = { ...loadConfig({ ...env, NOTICE_POLL_MS: '0' }), port: 0, host: '127.0.0.1' };
  app = await startServer(config, log);
  desk = await Client.login(app.url, 'motcua.xa1');
});
afterAll(async () => {
  await app?.stop();
  await Promise.all([smtp?.stop(), sms?.stop()]);
});

function startWorkerProcess(): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/notices/main.ts'], {
    cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  return { child, output: () => output };
}

const rowsOf = (code: string) => app.services.db.query<{ channel: string; state: string; attempts: number; providerMessageId: string | null; key: string }>(
  `select n.channel, n.state, n.attempts, n.provider_message_id as "providerMessageId", n.idempotency_key as key
     from notice n join dossier d on d.id = n.dossier_id where d.code = $1 order by n.channel`, [code]);

/** A later pass of a healthy worker, once the dead worker's lease has run out (until nothing is due: other files leave notices pending). */
const recover = (afterMs: number) => deliverDueNotices({
  db: app.services.db, config: config.notices, senders: createSenders(config.notices),
  clock: () => new Date(Date.now() + afterMs), log,
}, 1_000);

describe('a worker killed after the provider accepted, before it recorded "sent"', () => {
  it('leaves the notices claimed; the next worker re-sends with the same keys and the citizen gets one e-mail and one SMS', async () => {
    const person = applicant({ phone: `097${String(Date.now() % 10_000_000).padStart(7, '0')}`, email: `crash.${Date.now()}@example.vn` });
    const phone = `84${person.phone.slice(1)}`;
    const procedure = (await desk.get('/api/procedures/1.001193')).body;
    const res = await desk.post('/api/dossiers', {
      procedureCode: '1.001193', applicant: person, documents: procedure.documents.map((d: { key: string }) => ({ key: d.key, received: true })),
    });
    expect(res.status).toBe(201);
    const code: string = res.body.code;
    expect((await rowsOf(code)).map((r) => r.state)).toEqual(['pending', 'pending']);

    // The gateway and the mail server take the message, then never answer: the worker dies first.
    const smsAccepted = sms.holdNext((r) => r.to === phone);
    const mailAccepted = smtp.holdNext((m) => m.envelopeTo.includes(person.email));
    const worker = startWorkerProcess();
    try {
      await Promise.race([
        Promise.all([smsAccepted, mailAccepted]),
        new Promise((_, reject) => worker.child.once('exit', () => reject(new Error(`worker exited: ${worker.output()}`)))),
      ]);
    } finally {
      worker.child.kill('SIGKILL');
    }
    await new Promise((resolve) => (worker.child.exitCode !== null || worker.child.signalCode ? resolve(null) : worker.child.once('exit', resolve)));
    expect(sms.deliveredTo(phone)).toHaveLength(1);
    expect(smtp.inboxOf(person.email)).toHaveLength(1);

    // The claim survived the crash: both notices are `sending` (lease running), nothing says "sent".
    let rows = await rowsOf(code);
    expect(rows.map((r) => [r.channel, r.state, r.attempts])).toEqual([['email', 'sending', 1], ['sms', 'sending', 1]]);
    // A worker running before the lease ends leaves them alone.
    await recover(0);
    expect(sms.to(phone)).toHaveLength(1);

    // After the lease: re-sent, with the same keys.
    await recover(25_000);
    rows = await rowsOf(code);
    expect(rows.map((r) => [r.channel, r.state, r.attempts])).toEqual([['email', 'sent', 2], ['sms', 'sent', 2]]);

    const calls = sms.to(phone);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual([`${code}:received:sms`, `${code}:received:sms`]);
    expect(calls.map((c) => c.body.requestId)).toEqual([`${code}:received:sms`, `${code}:received:sms`]);
    expect(sms.deliveredTo(phone)).toHaveLength(1); // the gateway dropped the repeat
    expect(rows.find((r) => r.channel === 'sms')!.providerMessageId).toBe(sms.deliveredTo(phone)[0].messageId);

    const copies = smtp.to(person.email);
    expect(copies).toHaveLength(2);
    expect(copies.map((m) => m.mail.messageId)).toEqual([`<${code}.received.email@ankhanh.example.gov.vn>`, `<${code}.received.email@ankhanh.example.gov.vn>`]);
    expect(copies[0].mail.date?.getTime()).toBe(copies[1].mail.date?.getTime());
    expect(copies[1].mail.text).toBe(copies[0].mail.text);
    expect(smtp.inboxOf(person.email)).toHaveLength(1); // one message in the citizen's mailbox
  });

  it('a claim lost on the last attempt ends dead (visible to admins), never silently dropped nor retried forever', async () => {
    const person = applicant({ phone: `096${String(Date.now() % 10_000_000).padStart(7, '0')}` });
    delete (person as { email?: string }).email;
    const procedure = (await desk.get('/api/procedures/1.001193')).body;
    const { body } = await desk.post('/api/dossiers', {
      procedureCode: '1.001193', applicant: person, documents: procedure.documents.map((d: { key: string }) => ({ key: d.key, received: true })),
    });
    // What a worker that crashed mid-send on its third (last) attempt leaves behind.
    await app.services.db.query(
      `update notice set state = 'sending', attempts = 3, claim_token = gen_random_uuid(), next_attempt_at = now() + interval '20 seconds'
        where dossier_id = (select id from dossier where code = $1)`, [body.code]);
    await recover(25_000);
    const [row] = await app.services.db.query<{ state: string; lastError: string }>(
      `select state, last_error as "lastError" from notice where dossier_id = (select id from dossier where code = $1)`, [body.code]);
    expect(row.state).toBe('dead');
    expect(row.lastError).toContain('lease expired on the last attempt');
    expect(sms.to(`84${person.phone.slice(1)}`)).toHaveLength(0);

    const admin = await Client.login(app.url, 'mc.admin');
    const listed = await waitFor(async () => (await admin.get(`/api/admin/notices?state=dead&dossier=${body.code}`)).body.items[0], 'dead notice listed');
    expect(listed.lastError).toContain('lease expired');
  });
});
