import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { CALENDAR_REFRESH_MS } from '../../api/calendar/calendar-provider.js';
import { Client, startTestServer } from '../support/server.js';
import { applicant } from '../support/officers.js';

let app: Running;
let admin: Client;
let desk: Client;
let now = new Date('2026-06-01T08:00:00+07:00');
/** Dates this file adds; removed afterwards so other test files see the seeded calendar only. */
const added = new Set<string>();

beforeAll(async () => {
  app = await startTestServer(() => now);
  admin = await Client.login(app.url, 'mc.admin');
  desk = await Client.login(app.url, 'motcua.xa1');
});
afterAll(async () => {
  if (app) {
    for (const date of added) await app.services.db.query('delete from calendar_day where date = $1', [date]);
    await app.services.db.query('update calendar_revision set revision = revision + 1');
    await app.stop();
  }
});

async function addDay(body: Record<string, unknown>, as = admin) {
  const res = await as.post('/api/calendar/days', body);
  if (res.status === 201) added.add(res.body.date);
  return res;
}

async function days(from: string, to: string, base = app.url) {
  const client = base === app.url ? desk : await Client.login(base, 'motcua.xa1');
  const res = await client.get(`/api/calendar/days?from=${from}&to=${to}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Array<{ date: string; working: boolean; kind: string; name: string | null; source: string | null; provisional: boolean }>;
}

async function state() {
  const row = await app.services.db.one<{ n: number; revision: number }>(
    'select (select count(*) from calendar_day) as n, coalesce((select revision from calendar_revision where id = 1), 0) as revision',
  );
  return row!;
}

async function receiveAt(instant: string) {
  now = new Date(instant);
  const procedure = (await desk.get('/api/procedures/1.001612')).body;
  const res = await desk.post('/api/dossiers', {
    procedureCode: procedure.code, applicant: applicant(), documents: procedure.documents.map((d: { key: string }) => ({ key: d.key, received: true })),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('reading the working calendar', () => {
  it('Tết Bính Ngọ 2026: 16–20/02 are holidays under Thông báo 9441/TB-BNV, between two weekends', async () => {
    const list = await days('2026-02-14', '2026-02-23');
    expect(list.map((d) => d.date)).toEqual(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    const tet = list.filter((d) => d.date >= '2026-02-16' && d.date <= '2026-02-20');
    for (const d of tet) {
      expect(d).toMatchObject({ working: false, kind: 'holiday', provisional: false });
      expect(d.name).toMatch(/Tết Nguyên đán/);
      expect(d.source).toMatch(/9441\/TB-BNV/);
    }
    expect(list.find((d) => d.date === '2026-02-17')!.name).toMatch(/mùng 1/);
    expect(list.filter((d) => d.kind === 'weekend').map((d) => d.date)).toEqual(['2026-02-14', '2026-02-15', '2026-02-21', '2026-02-22']);
    expect(list.at(-1)).toEqual({ date: '2026-02-23', working: true, kind: 'weekday', name: null, source: null, provisional: false });
  });

  it('Saturday 10/01/2026 is worked in exchange for Friday 02/01 (Công văn 12729/VPCP-KGVX)', async () => {
    const list = await days('2026-01-01', '2026-01-11');
    const byDate = new Map(list.map((d) => [d.date, d]));
    expect(byDate.get('2026-01-10')).toMatchObject({ working: true, kind: 'saturday_worked' });
    expect(byDate.get('2026-01-10')!.source).toMatch(/12729\/VPCP-KGVX/);
    expect(byDate.get('2026-01-02')).toMatchObject({ working: false, kind: 'day_off' });
    expect(byDate.get('2026-01-11')).toMatchObject({ working: false, kind: 'weekend' });
  });

  it('years without an official notice are flagged provisional', async () => {
    const [d] = await days('2027-02-08', '2027-02-08');
    expect(d.provisional).toBe(true);
  });

  it('lunar 17/02/2026 is mùng 1 tháng Giêng năm Bính Ngọ (1/1/2026)', async () => {
    const res = await desk.get('/api/calendar/lunar?date=2026-02-17');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ day: 1, month: 1, year: 2026, leap: false });
  });

  it('needs a login', async () => {
    expect((await new Client(app.url).get('/api/calendar/days?from=2026-01-01&to=2026-01-02')).status).toBe(401);
    expect((await new Client(app.url).get('/api/calendar/lunar?date=2026-02-17')).status).toBe(401);
  });
});

describe('administrators enter a year\'s arrangements', () => {
  it('a day off added by an admin moves the appointment of a NEW dossier, not of one already received', async () => {
    // Hộ kinh doanh (1.001612), 3 working days: received Tuesday 09/6 09:00 → Friday 12/6 09:00.
    const before = await receiveAt('2026-06-09T09:00:00+07:00');
    expect(before.appointmentAt).toBe('2026-06-12T09:00:00+07:00');

    const res = await addDay({ date: '2026-06-11', kind: 'day_off', name: 'Nghỉ theo quyết định của UBND tỉnh', source: 'Quyết định 123/QĐ-UBND ngày 01/6/2026' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ date: '2026-06-11', kind: 'day_off', source: 'Quyết định 123/QĐ-UBND ngày 01/6/2026', createdBy: { username: 'mc.admin' } });
    expect(res.body.createdAt).toMatch(/\+07:00$/);

    const [day] = await days('2026-06-11', '2026-06-11');
    expect(day).toEqual({ date: '2026-06-11', working: false, kind: 'day_off', name: 'Nghỉ theo quyết định của UBND tỉnh', source: 'Quyết định 123/QĐ-UBND ngày 01/6/2026', provisional: false });

    // Thursday 11/6 is off now: Tuesday 09:00 + 3 working days → Monday 15/6 09:00.
    const after = await receiveAt('2026-06-09T09:00:00+07:00');
    expect(after.appointmentAt).toBe('2026-06-15T09:00:00+07:00');
    expect((await admin.get(`/api/dossiers/${before.code}`)).body.appointmentAt).toBe('2026-06-12T09:00:00+07:00');

    const overrides = await admin.get('/api/calendar/overrides?year=2026');
    expect(overrides.status).toBe(200);
    expect(overrides.body.map((r: { date: string }) => r.date)).toContain('2026-06-11');
    expect((await admin.get('/api/calendar/overrides?year=2025')).body.map((r: { date: string }) => r.date)).not.toContain('2026-06-11');

    // Deleting it restores the working day and the appointment.
    const del = await admin.request('DELETE', '/api/calendar/days/2026-06-11');
    expect(del.status).toBe(204);
    added.delete('2026-06-11');
    expect((await days('2026-06-11', '2026-06-11'))[0]).toMatchObject({ working: true, kind: 'weekday' });
    expect((await receiveAt('2026-06-09T09:00:00+07:00')).appointmentAt).toBe('2026-06-12T09:00:00+07:00');
  });

  it('a Saturday worked and a restored working day', async () => {
    const sat = await addDay({ date: '2026-06-20', kind: 'saturday_worked', name: 'Làm bù', source: 'Công văn 45/UBND-VX ngày 01/6/2026' });
    expect(sat.status, JSON.stringify(sat.body)).toBe(201);
    expect((await days('2026-06-20', '2026-06-20'))[0]).toMatchObject({ working: true, kind: 'saturday_worked' });
    // Culture Day 24/11/2026 (a Tuesday) kept as a working day, e.g. if a province decides so.
    const weekday = await addDay({ date: '2026-11-24', kind: 'weekday', name: 'Làm việc bình thường', source: 'Thông báo 9/TB-UBND ngày 01/11/2026' });
    expect(weekday.status, JSON.stringify(weekday.body)).toBe(201);
    expect((await days('2026-11-24', '2026-11-24'))[0]).toMatchObject({ working: true, kind: 'weekday' });
  });
});

describe('bad calendar input gets a 4xx in Vietnamese naming the problem, and nothing changes', () => {
  const valid = { date: '2026-07-08', kind: 'day_off', name: 'Nghỉ', source: 'Quyết định 1/QĐ-UBND' };
  const cases: Array<[string, Record<string, unknown>, number, string, RegExp]> = [
    ['a date that does not exist', { ...valid, date: '2026-02-30' }, 400, 'date', /2026-02-30 không tồn tại/],
    ['a date that is not YYYY-MM-DD', { ...valid, date: '08/07/2026' }, 400, 'date', /YYYY-MM-DD/],
    ['a Saturday worked that is a Wednesday', { ...valid, kind: 'saturday_worked', date: '2026-06-10' }, 400, 'date', /thứ Tư, không phải thứ Bảy/],
    ['a Saturday worked that is already worked (10/01/2026)', { ...valid, kind: 'saturday_worked', date: '2026-01-10' }, 409, 'date', /đã là ngày làm việc.*12729/],
    ['a weekday row on a Sunday', { ...valid, kind: 'weekday', date: '2026-06-14' }, 400, 'kind', /Chủ nhật/],
    ['a day off on a Tết holiday', { ...valid, date: '2026-02-17' }, 409, 'date', /đã là ngày nghỉ \(Tết Nguyên đán/],
    ['a day off on a Sunday', { ...valid, date: '2026-06-14' }, 409, 'date', /đã là ngày nghỉ \(ngày nghỉ hằng tuần, Chủ nhật\)/],
    ['a working day restored on a working day', { ...valid, kind: 'weekday' }, 409, 'date', /đã là ngày làm việc/],
    ['missing source', { ...valid, source: undefined }, 400, 'source', /Thiếu căn cứ/],
    ['blank source', { ...valid, source: '   ' }, 400, 'source', /Thiếu căn cứ/],
    ['missing name', { ...valid, name: undefined }, 400, 'name', /Thiếu tên ngày/],
    ['an unknown kind', { ...valid, kind: 'vacation' }, 400, 'kind', /Loại ngày/],
    ['a year outside 2000–2100', { ...valid, date: '2999-07-08' }, 400, 'date', /2000–2100/],
  ];
  for (const [name, body, status, field, message] of cases) {
    it(name, async () => {
      const before = await state();
      const res = await addDay(body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toMatch(message);
      expect(await state()).toEqual(before);
    });
  }

  it('a second row for the same date → 409 naming the first, even when it would contradict it', async () => {
    expect((await addDay({ ...valid, date: '2026-07-15' })).status).toBe(201);
    const before = await state();
    for (const body of [{ ...valid, date: '2026-07-15' }, { ...valid, date: '2026-07-15', kind: 'weekday', name: 'Làm việc' }]) {
      const res = await addDay(body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CALENDAR_DAY_EXISTS');
      expect(res.body.error.field).toBe('date');
      expect(res.body.error.message).toMatch(/15\/07\/2026 đã có điều chỉnh: "Nghỉ"/);
    }
    expect(await state()).toEqual(before);
  });

  it('two admins adding the same date at once: one 201, one 409', async () => {
    const body = { ...valid, date: '2026-07-22' };
    const other = await Client.login(app.url, 'mc.admin');
    const results = await Promise.all([addDay(body), addDay(body, other)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('non-admins get 403, anonymous 401, and nothing is written', async () => {
    const before = await state();
    const res = await addDay(valid, desk);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/quản trị/);
    expect((await desk.request('DELETE', '/api/calendar/days/2026-07-15')).status).toBe(403);
    expect((await desk.get('/api/calendar/overrides')).status).toBe(403);
    expect((await new Client(app.url).post('/api/calendar/days', valid)).status).toBe(401);
    expect(await state()).toEqual(before);
  });

  it('deleting a date without a row → 404; a malformed date → 400', async () => {
    const before = await state();
    const missing = await admin.request('DELETE', '/api/calendar/days/2026-07-29');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/29\/07\/2026 không có điều chỉnh/);
    const bad = await admin.request('DELETE', '/api/calendar/days/2026-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('date');
    expect(await state()).toEqual(before);
  });

  it('days: bad dates name from/to, a reversed or too long range names to', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['from=2026-02-30&to=2026-03-01', 'from', /không tồn tại/],
      ['to=2026-03-01', 'from', /Thiếu ngày bắt đầu/],
      ['from=2026-03-01&to=tomorrow', 'to', /YYYY-MM-DD/],
      ['from=2026-03-10&to=2026-03-01', 'to', /không trước ngày bắt đầu/],
      ['from=2026-01-01&to=2027-02-05', 'to', /tối đa 400 ngày/],
    ];
    for (const [query, field, message] of cases) {
      const res = await desk.get(`/api/calendar/days?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field, query).toBe(field);
      expect(res.body.error.message, query).toMatch(message);
    }
    expect((await desk.get('/api/calendar/days?from=2026-01-01&to=2027-02-04')).body).toHaveLength(400);
  });

  it('lunar and overrides: bad query parameters → 400 naming them', async () => {
    const lunar = await desk.get('/api/calendar/lunar?date=2026-02-29');
    expect(lunar.status).toBe(400);
    expect(lunar.body.error.field).toBe('date');
    const year = await admin.get('/api/calendar/overrides?year=abc');
    expect(year.status).toBe(400);
    expect(year.body.error.field).toBe('year');
  });
});

describe('several nodes', () => {
  it('a second server on the same database sees a new day off within the refresh interval', async () => {
    const second = await startTestServer(() => now);
    try {
      expect((await days('2026-08-05', '2026-08-05', second.url))[0]).toMatchObject({ working: true, kind: 'weekday' });
      const res = await addDay({ date: '2026-08-05', kind: 'day_off', name: 'Nghỉ', source: 'Quyết định 2/QĐ-UBND' });
      expect(res.status).toBe(201);
      const written = Date.now();
      const seen = async () => (await days('2026-08-05', '2026-08-05', second.url))[0]!.kind === 'day_off';
      while (!(await seen())) {
        expect(Date.now() - written).toBeLessThan(CALENDAR_REFRESH_MS + 1_000);
        await new Promise((r) => setTimeout(r, 100));
      }
      // …and its deadlines use it: Tuesday 04/8 09:00 + 3 working days skips Wednesday 05/8.
      now = new Date('2026-08-04T09:00:00+07:00');
      expect(second.services.deadlines.appointment(now, { value: 3, unit: 'working_days' }, 1).toISOString()).toBe('2026-08-10T02:00:00.000Z');

      expect((await admin.request('DELETE', '/api/calendar/days/2026-08-05')).status).toBe(204);
      added.delete('2026-08-05');
      const removed = Date.now();
      while (await seen()) {
        expect(Date.now() - removed).toBeLessThan(CALENDAR_REFRESH_MS + 1_000);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await second.stop();
    }
  });
});
