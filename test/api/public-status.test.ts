import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { Client, startTestServer } from '../support/server.js';
import { applicant, officerFor } from '../support/officers.js';
import { receive as receiveAt } from '../support/receive.js';
import { demoUsers } from '../../api/seed/demo-data.js';
import { PublicApplicantView, PublicDossierView } from '../../api/contract/dossiers.js';
import { maskName } from '../../api/public/mask.js';
import { clientKey, loadPublicLimits, PublicRateLimits } from '../../api/public/limits.js';
import { Database } from '../../api/db/database.js';

// Low limits for this file only (read when a server's limiters are first made).
const LIMITS = {
  PUBLIC_LIMIT_LOOKUP_IP: '5/60',
  PUBLIC_LIMIT_LOOKUP_CODE: '8/60',
  PUBLIC_LIMIT_VERIFY_IP: '4/600',
  PUBLIC_LIMIT_VERIFY_CODE: '3/600',
};
const saved = Object.fromEntries(Object.keys(LIMITS).map((k) => [k, process.env[k]]));

let app: Running;
let desk: Client;
const anon = () => new Client(app.url);

// Every request comes "through the proxy" (TRUST_PROXY=true, one hop) from its own documentation
// address (RFC 5737), so the per-IP counters of one test never touch another's.
let lastIp = 0;
const newIp = () => { lastIp++; return `198.51.${100 + Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`; };
const get = (code: string, ip = newIp(), base = app.url) =>
  new Client(base).request('GET', `/api/public/dossiers/${encodeURIComponent(code)}`, undefined, { 'x-forwarded-for': ip });
const verify = (code: string, last4: unknown, ip = newIp()) =>
  anon().request('POST', `/api/public/dossiers/${encodeURIComponent(code)}/verify`, last4 === undefined ? {} : { last4 }, { 'x-forwarded-for': ip });

beforeAll(async () => {
  Object.assign(process.env, LIMITS);
  app = await startTestServer(undefined, { TRUST_PROXY: 'true' });
  desk = await Client.login(app.url, 'motcua.xa1');
});
afterAll(async () => {
  await app?.stop();
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
});

type Received = { code: string; tasks: Array<{ id: number; state: string; agencyCode: string; candidateGroups: string[] }> };
const receive = (): Promise<Received> => receiveAt(desk, '1.001193');

/** A well-formed code nobody was given: same agency and day as a real one, a sequence far ahead. */
const unknownLike = (code: string, seq = 9000 + Math.floor(Math.random() * 999)) => code.replace(/-\d{4,6}$/, `-${seq}`);

describe('public status: a known and an unknown code look alike', () => {
  it('answers 200 with the same keys, found telling them apart, and nothing else differing in form', async () => {
    const { code } = await receive();
    const known = await get(code);
    const unknown = await get(unknownLike(code));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(known.body).sort());
    expect(known.body.found).toBe(true);
    expect(unknown.body.found).toBe(false);
    expect(PublicDossierView.parse(known.body).found).toBe(true);
    expect(PublicDossierView.parse(unknown.body).found).toBe(false);
    for (const res of [known, unknown]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
    }
    expect(known.body).toMatchObject({ code, status: { code: 4, label: 'Đang xử lý' }, revisedAppointmentAt: null, finishedAt: null });
    expect(unknown.body).toMatchObject({ procedureName: null, status: null, steps: [] });
  });

  it('takes the code in any case and with blanks around it', async () => {
    const { code } = await receive();
    const res = await get(`  ${code.toLowerCase()} `);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ found: true, code });
  });

  it('rejects a malformed code with a clear 400 on the code field', async () => {
    for (const bad of ['abc', '000.31.01.H99-2601-0001', '000.31.01.H99_260115_0001', `${'9'.repeat(50)}-260115-0001`, '000.31.01.H99-260115-0001;--', ' ']) {
      const res = await get(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'code' });
      expect(res.body.error.message).toMatch(/mã hồ sơ/i);
    }
  });
});

describe('public status: personal data only with the proof', () => {
  it('shows progress and steps but no applicant data and no officers', async () => {
    const dossier = await receive();
    const open = dossier.tasks.find((t) => t.state === 'open')!;
    const officerName = officerFor(open.agencyCode, open.candidateGroups[0]);
    const officer = await Client.login(app.url, officerName);
    expect((await officer.post(`/api/tasks/${open.id}/claim`)).status).toBe(200);
    const done = await officer.post(`/api/tasks/${open.id}/complete`, { note: 'Ghi chú nội bộ của cán bộ' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    const res = await get(dossier.code);
    expect(res.status).toBe(200);
    expect(res.body.steps.length).toBeGreaterThanOrEqual(2);
    expect(res.body.steps[0]).toEqual({ name: expect.any(String), agency: 'UBND phường An Khánh', startedAt: expect.any(String), finishedAt: expect.any(String) });
    expect(res.body.steps.at(-1).finishedAt).toBeNull();
    const text = JSON.stringify(res.body);
    const a = applicant();
    for (const secret of [a.fullName, 'Văn', 'Ấn', a.idNumber, a.phone, a.address, a.email, 'Nguyễn V.', officerName, ...demoUsers.map((u) => u.fullName), 'Ghi chú nội bộ']) {
      expect(text).not.toContain(secret);
    }
  });

  it('the last 4 digits of the phone or of the CCCD reveal the masked name, and only that', async () => {
    const { code } = await receive();
    for (const last4 of [applicant().phone.slice(-4), applicant().idNumber.slice(-4)]) {
      const res = await verify(code, last4);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ verified: true, applicant: { maskedName: 'Nguyễn V. A.' } });
      expect(PublicApplicantView.parse(res.body).verified).toBe(true);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('wrong digits and an unknown code give the very same answer', async () => {
    const { code } = await receive();
    const wrong = await verify(code, '0000');
    const unknown = await verify(unknownLike(code), applicant().phone.slice(-4));
    const unknownWrong = await verify(unknownLike(code), '0000');
    for (const res of [wrong, unknown, unknownWrong]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ verified: false, applicant: null });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('rejects a missing or malformed proof with a 400 on last4', async () => {
    const { code } = await receive();
    for (const bad of [undefined, '12a4', '123', '12345', 1234]) {
      const res = await verify(code, bad);
      expect(res.status, String(bad)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'last4' });
      expect(res.body.error.message).toMatch(/4|số/);
    }
    const badCode = await verify('not-a-code', '5678');
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.field).toBe('code');
  });

  it('never takes the proof from the query string', async () => {
    const { code } = await receive();
    const res = await anon().request('GET', `/api/public/dossiers/${code}?verify=5678&last4=5678`, undefined, { 'x-forwarded-for': newIp() });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('Nguyễn');
  });
});

describe('public status: rate limits', () => {
  it('trips per client IP with 429, a Vietnamese message and Retry-After', async () => {
    const { code } = await receive();
    const ip = newIp();
    for (let i = 0; i < 5; i++) expect((await get(unknownLike(code, 9100 + i), ip)).status).toBe(200);
    const limited = await get(code, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toMatch(/quá nhiều lần.*thử lại sau \d+ (giây|phút)/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Only the X-Forwarded-For entry our proxy adds counts: a client-written one in front of it does not help.
    expect((await get(code, `10.9.9.9, ${ip}`)).status).toBe(429);
    expect((await get(code)).status).toBe(200);
  });

  it('trips per code whatever the IP, for a known and an unknown code alike', async () => {
    const { code } = await receive();
    for (const c of [code, unknownLike(code)]) {
      for (let i = 0; i < 8; i++) expect((await get(c)).status).toBe(200);
      const limited = await get(c);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('counts wrong proofs per code across IPs, unknown codes alike; right proofs are free', async () => {
    const { code } = await receive();
    for (const c of [code, unknownLike(code)]) {
      for (let i = 0; i < 3; i++) expect((await verify(c, String(1000 + i))).body).toEqual({ verified: false, applicant: null });
      const limited = await verify(c, applicant().phone.slice(-4));
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    }
    const other = await receive();
    for (let i = 0; i < 5; i++) expect((await verify(other.code, applicant().phone.slice(-4))).body.verified).toBe(true);
  });

  it('counts wrong proofs per client IP across codes', async () => {
    const { code } = await receive();
    const ip = newIp();
    for (let i = 0; i < 4; i++) expect((await verify(unknownLike(code, 9200 + i), '0000', ip)).status).toBe(200);
    const limited = await verify(code, applicant().phone.slice(-4), ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('shares the counters between nodes on the same database', async () => {
    const second = await startTestServer(undefined, { TRUST_PROXY: 'true' });
    try {
      const { code } = await receive();
      const ip = newIp();
      for (let i = 0; i < 3; i++) expect((await get(unknownLike(code, 9300 + i), ip, app.url)).status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await get(unknownLike(code, 9400 + i), ip, second.url)).status).toBe(200);
      expect((await get(code, ip, second.url)).status).toBe(429);
      expect((await get(code, ip, app.url)).status).toBe(429);
    } finally {
      await second.stop();
    }
  });

  it('creates its table once when several nodes start together', async () => {
    const url = app.databaseUrl;
    const dbs = [new Database(url, 2), new Database(url, 2), new Database(url, 2)];
    const settings = { ...loadPublicLimits({}), tableName: 'public_rate_limit_race' };
    try {
      const limits = await Promise.all(dbs.map((db) => PublicRateLimits.create(db, settings)));
      await Promise.all(limits.map((l) => l.lookup('192.0.2.1', 'X-000000-0001', () => {})));
      const row = await dbs[0].one<{ points: number }>(`select points from public_rate_limit_race where key = 'lookup-ip:192.0.2.1'`);
      expect(row?.points).toBe(3);
      const columns = await dbs[0].query<{ column_name: string; data_type: string }>(
        `select column_name, data_type from information_schema.columns where table_name = 'public_rate_limit_race' order by ordinal_position`);
      expect(columns).toEqual([
        { column_name: 'key', data_type: 'character varying' },
        { column_name: 'points', data_type: 'integer' },
        { column_name: 'expire', data_type: 'bigint' },
      ]);
    } finally {
      await dbs[0].query('drop table if exists public_rate_limit_race');
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});

describe('public status: helpers', () => {
  it('masks names to the family name and bare initials', () => {
    expect(maskName('Nguyễn Văn Ấn')).toBe('Nguyễn V. A.');
    expect(maskName('  Trần   Thị Thu Hà ')).toBe('Trần T. T. H.');
    expect(maskName('Đặng Đức')).toBe('Đặng D.');
    expect(maskName('Lê Ông Ổn')).toBe('Lê O. O.');
    expect(maskName('Hòa')).toBe('H.');
    expect(maskName('')).toBe('');
  });

  it('counts the address the nearest proxy saw, per /64 for IPv6', () => {
    expect(clientKey('1.2.3.4, 203.0.113.9', '10.0.0.1', 1)).toBe('203.0.113.9');
    expect(clientKey('203.0.113.9, 10.0.0.2', '10.0.0.1', 2)).toBe('203.0.113.9');
    expect(clientKey('1.2.3.4', '10.0.0.1', 0)).toBe('10.0.0.1');
    expect(clientKey(undefined, '::ffff:127.0.0.1', 1)).toBe('127.0.0.1');
    expect(clientKey('2001:db8:1:2:3:4:5:6', undefined, 1)).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2::9', undefined, 1)).toBe('2001:db8:1:2::/64');
    expect(clientKey('203.0.113.9:4711', undefined, 1)).toBe('203.0.113.9');
  });

  it('documents both public endpoints in OpenAPI', async () => {
    const doc = (await anon().get('/api/openapi.json')).body;
    expect(doc.paths['/api/public/dossiers/{code}'].get.responses[429]).toBeDefined();
    expect(doc.paths['/api/public/dossiers/{code}/verify'].post.requestBody).toBeDefined();
    expect(doc.components.schemas.PublicApplicantView).toBeDefined();
  });
});
