import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { recomputePass } from '../../api/clock/recompute.js';
import { periodsOf } from '../../api/statistics/query.js';
import { Client, startTestServer } from '../support/server.js';
import { receive } from '../support/receive.js';
import { officerFor } from '../support/officers.js';

let app: Running;
let now = new Date();
const clients = new Map<string, Client>();
const XA2 = '000.31.02.H99';

beforeAll(async () => {
  app = await startTestServer(() => now);
});
afterAll(() => app?.stop());

const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await Client.login(app.url, username));
  return clients.get(username)!;
};

async function receiveAt(instant: string, procedureCode: string, channel: 'desk' | 'online' | 'post' = 'desk') {
  now = new Date(instant);
  return (await receive(await as('motcua.xa2'), procedureCode, { channel })).code as string;
}

async function completeAt(code: string, instant: string) {
  now = new Date(instant);
  const view = (await (await as('mc.admin')).get(`/api/dossiers/${code}`)).body;
  const open = view.tasks.find((t: { state: string }) => t.state === 'open');
  const officer = await as(officerFor(open.agencyCode, open.candidateGroups[0]));
  expect((await officer.post(`/api/tasks/${open.id}/claim`)).status).toBe(200);
  const res = await officer.post(`/api/tasks/${open.id}/complete`, open.decisions.length ? { decision: 'approve' } : {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Result ready at `at` (thẩm định and ký done), for a household business dossier. */
async function readyAt(code: string, at: string) {
  await completeAt(code, at);
  await completeAt(code, at);
}

const NOW = '2027-05-10T12:00:00+07:00';
const codes: Record<string, string> = {};

beforeAll(async () => {
  // Stored fields of every dossier in the database up to date (other files changed the calendar and put it back).
  for (let i = 0; i < 200; i++) {
    await recomputePass(app.services);
    const pending = await app.services.db.one<{ n: number }>(
      `select (select count(*) from clock_recompute_job where state in ('pending', 'running'))
            + (select count(*) from dossier_clock where revision is null)
            + (select count(*) from dossier d where not exists (select 1 from dossier_clock c where c.dossier_id = d.id)) as n`);
    if (pending!.n === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // UBND xã Tân Lập (000.31.02.H99), spring 2027. Hộ kinh doanh (1.001612) = 3 working days.
  codes.h1 = await receiveAt('2027-03-01T09:00:00+07:00', '1.001612', 'desk'); // due Thu 04/03 09:00
  codes.h2 = await receiveAt('2027-03-02T09:00:00+07:00', '1.001612', 'online'); // due Fri 05/03 09:00
  codes.h3 = await receiveAt('2027-03-24T09:00:00+07:00', '1.001612', 'post'); // due Mon 29/03 09:00
  codes.h4 = await receiveAt('2027-03-29T09:00:00+07:00', '1.001612', 'desk'); // due Thu 01/04 09:00, never finished
  codes.land = await receiveAt('2027-03-01T09:00:00+07:00', '1.013978', 'desk'); // 20 working days: due Mon 29/03 09:00; goes to 4 agencies
  await readyAt(codes.h1, '2027-03-03T10:00:00+07:00'); // early
  await completeAt(codes.h1, '2027-03-05T15:00:00+07:00'); // returned to the citizen
  await readyAt(codes.h2, '2027-03-05T08:00:00+07:00'); // on time
  await completeAt(codes.land, '2027-03-10T09:00:00+07:00'); // thẩm định at the commune → tax office
  await readyAt(codes.h3, '2027-04-01T10:00:00+07:00'); // late (and overdue at the end of March)
  codes.birth = await receiveAt('2027-04-12T09:00:00+07:00', '1.001193', 'online'); // same day: due 17:00
  await completeAt(codes.birth, '2027-04-12T11:00:00+07:00');
  await completeAt(codes.birth, '2027-04-12T16:00:00+07:00'); // on time (ready on the due day)
  codes.h5 = await receiveAt('2027-05-06T09:00:00+07:00', '1.001612', 'desk'); // due Tue 11/05 09:00, open
  now = new Date(NOW);
});

const stats = async (query: string, user = 'mc.admin') => {
  const res = await (await as(user)).get(`/api/statistics?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('GET /api/statistics, in the legal reporting shape', () => {
  it('counts one commune\'s household business dossiers month by month', async () => {
    const body = await stats(`groupBy=agency,procedure&period=month&from=2027-03&to=2027-05&agencyCode=${XA2}&procedureCode=1.001612`);
    expect(body.evaluatedAt).toBe(NOW);
    const row = (period: string) => body.rows.find((r: { period: string }) => r.period === period);
    expect(row('2027-03')).toMatchObject({
      periodStart: '2027-03-01T00:00:00+07:00', periodEnd: '2027-04-01T00:00:00+07:00',
      agency: { code: XA2 }, procedure: { code: '1.001612' },
      carriedOver: 0, received: { total: 4, online: 1, desk: 2, post: 1 }, toProcess: 4,
      processed: { total: 2, early: 1, onTime: 1, late: 0 },
      inProcess: { total: 2, notYetDue: 1, overdue: 1 }, // h3 overdue at the end of March; h4 due 01/04 09:00
      returned: 1, withdrawn: 0, stopped: 0, onTimeRate: 75,
    });
    expect(row('2027-04')).toMatchObject({
      carriedOver: 2, received: { total: 0 }, toProcess: 2, processed: { total: 1, late: 1 }, inProcess: { total: 1, overdue: 1, notYetDue: 0 }, onTimeRate: 0,
    });
    // The current period is judged now (10/05 12:00): h5 is due tomorrow.
    expect(row('2027-05')).toMatchObject({
      carriedOver: 1, received: { total: 1, desk: 1 }, toProcess: 2, processed: { total: 0 }, inProcess: { total: 2, overdue: 1, notYetDue: 1 }, onTimeRate: 50,
    });
  });

  it('an inter-agency dossier is counted once, under its handling agency', async () => {
    const body = await stats('groupBy=agency&period=quarter&from=2027-01&to=2027-06');
    const land = (await (await as('mc.admin')).get(`/api/dossiers/${codes.land}`)).body;
    const worked = new Set<string>(land.tasks.map((t: { agencyCode: string }) => t.agencyCode));
    expect(worked.size).toBeGreaterThan(1);
    const q1 = body.rows.filter((r: { period: string }) => r.period === '2027-Q1');
    // Dossiers of other agencies carried over from 2026 have rows too; the agencies the land dossier only passed through have none.
    for (const code of worked) if (code !== XA2) expect(q1.map((r: { agency: { code: string } }) => r.agency.code)).not.toContain(code);
    expect(q1.find((r: { agency: { code: string } }) => r.agency.code === XA2))
      .toMatchObject({ received: { total: 5 }, processed: { total: 2 }, inProcess: { total: 3, overdue: 2 } });
    const total = body.totals.find((r: { period: string }) => r.period === '2027-Q1');
    expect(total).toMatchObject({ agency: null, procedure: null });
    expect(total.received.total).toBe(q1.reduce((n: number, r: { received: { total: number } }) => n + r.received.total, 0));
  });

  it('lists the dossiers of a cell (drill-down)', async () => {
    const list = async (bucket: string, from: string, to = from) => {
      const res = await (await as('mc.admin')).get(`/api/statistics/dossiers?period=month&from=${from}&to=${to}&agencyCode=${XA2}&bucket=${bucket}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    expect((await list('late', '2027-04')).items.map((i: { code: string }) => i.code)).toEqual([codes.h3]);
    expect((await list('early', '2027-03')).items).toMatchObject([{ code: codes.h1, verdict: 'early', agencyCode: XA2, period: '2027-03' }]);
    const overdue = await list('overdue', '2027-03');
    expect(overdue.total).toBe(2);
    expect(overdue.items.map((i: { code: string }) => i.code).sort()).toEqual([codes.h3, codes.land].sort());
    expect((await list('onTime', '2027-04')).items.map((i: { code: string }) => i.code)).toEqual([codes.birth]);
  });

  it('officers see their own agency only; bad parameters name the field', async () => {
    const mine = await stats('groupBy=agency&period=year&from=2027-01&to=2027-12', 'lanhdao.xa2');
    expect(mine.rows.map((r: { agency: { code: string } }) => r.agency.code)).toEqual([XA2]);
    const other = await (await as('chutich.xa1')).get(`/api/statistics?period=year&from=2027-01&to=2027-12&agencyCode=${XA2}`);
    expect(other.status).toBe(403);
    const admin = await as('mc.admin');
    for (const [query, field] of [
      ['period=month&from=2027-13&to=2027-12', 'from'],
      ['period=week&from=2027-01&to=2027-12', 'period'],
      ['period=month&from=2027-05&to=2027-01', 'to'],
      ['period=month&from=2027-01', 'to'],
      ['groupBy=commune&period=month&from=2027-01&to=2027-02', 'groupBy'],
      ['period=month&from=2000-01&to=2027-02', 'to'],
      ['period=month&from=2027-01&to=2027-02&agencyCode=nope', 'agencyCode'],
      ['period=month&from=2027-01&to=2027-02&procedureCode=nope', 'procedureCode'],
    ]) {
      const res = await admin.get(`/api/statistics?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field, query).toBe(field);
    }
    const bucket = await admin.get('/api/statistics/dossiers?period=month&from=2027-01&to=2027-02&bucket=lost');
    expect(bucket.status).toBe(400);
    expect(bucket.body.error.field).toBe('bucket');
    expect((await new Client(app.url).get('/api/statistics?period=month&from=2027-01&to=2027-02')).status).toBe(401);
  });
});

describe('statistics reconcile with the clock of every dossier', () => {
  it('the totals of every agency × procedure × month equal counts made from GET /api/dossiers/:code/clock', async () => {
    const from = '2026-01';
    const to = '2027-06';
    const report = await stats(`groupBy=agency,procedure&period=month&from=${from}&to=${to}`);
    const admin = await as('mc.admin');
    const all = await app.services.db.query<{ code: string }>('select code from dossier order by code');
    expect(all.length).toBeGreaterThanOrEqual(Object.keys(codes).length);

    const expected = new Map<string, Record<string, number>>();
    const periods = periodsOf('month', from, to);
    const nowMs = now.getTime();
    for (const { code } of all) {
      const clock = (await admin.get(`/api/dossiers/${code}/clock?explain=false`)).body;
      expect(clock.code, JSON.stringify(clock)).toBe(code);
      const view = (await admin.get(`/api/dossiers/${code}`)).body;
      const received = Date.parse(clock.receivedAt);
      const finished = clock.finishedAt ? Date.parse(clock.finishedAt) : null;
      const returned = clock.returnedAt ? Date.parse(clock.returnedAt) : null;
      const due = clock.appointment.due ? Date.parse(clock.appointment.due) : null;
      const finalVerdict = finished === null ? null : clock.verdict;
      // Open now: the clock's own verdict says whether it is overdue.
      if (finished === null) expect(clock.verdict === 'overdue_in_process', code).toBe(due !== null && nowMs > due);
      for (const p of periods) {
        const s = p.start.getTime();
        const e = p.end.getTime();
        const t = Math.min(e, nowMs);
        const active = received < e && (finished === null || finished >= s);
        const returnedIn = returned !== null && returned >= s && returned < e;
        if (!active && !returnedIn) continue;
        const key = `${p.label}|${view.handlingAgency.code}|${view.procedure.code}`;
        const c = expected.get(key) ?? {};
        const add = (k: string, yes: boolean) => { if (yes) c[k] = (c[k] ?? 0) + 1; };
        const closedIn = finished !== null && finished >= s && finished < e;
        const openAtEnd = finished === null || finished >= e;
        add('carriedOver', active && received < s);
        add('received', active && received >= s);
        add(`received.${view.channel}`, active && received >= s);
        add('toProcess', active);
        for (const v of ['early', 'on_time', 'late', 'withdrawn', 'stopped']) add(v, closedIn && finalVerdict === v);
        add('inProcess', active && openAtEnd);
        add('overdue', active && openAtEnd && due !== null && t > due);
        add('returned', returnedIn);
        expected.set(key, c);
      }
    }

    const actual = new Map<string, Record<string, number>>();
    for (const r of report.rows) {
      const c: Record<string, number> = {
        carriedOver: r.carriedOver, received: r.received.total, 'received.desk': r.received.desk, 'received.online': r.received.online,
        'received.post': r.received.post, toProcess: r.toProcess, early: r.processed.early, on_time: r.processed.onTime, late: r.processed.late,
        withdrawn: r.withdrawn, stopped: r.stopped, inProcess: r.inProcess.total, overdue: r.inProcess.overdue, returned: r.returned,
      };
      // The report's own identities.
      expect(r.toProcess).toBe(r.carriedOver + r.received.total);
      expect(r.toProcess).toBe(r.processed.total + r.withdrawn + r.stopped + r.inProcess.total);
      expect(r.processed.total).toBe(r.processed.early + r.processed.onTime + r.processed.late);
      expect(r.inProcess.total).toBe(r.inProcess.notYetDue + r.inProcess.overdue);
      expect(r.onTimeRate).toBe(r.toProcess ? Math.round((100 - ((r.processed.late + r.inProcess.overdue) / r.toProcess) * 100) * 100) / 100 : null);
      actual.set(`${r.period}|${r.agency.code}|${r.procedure.code}`, Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0)));
    }
    expect(actual).toEqual(expected);
    expect(actual.size).toBeGreaterThan(5);
  });
});
