/**
 * The rule registry (one index, one file per rule, the regime written once) and the corners where
 * rules meet: overlapping waits, an apology while waiting, an agency with its own office hours.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../engine/calendar/index.js';
import { CLOCK_RULES, RULE_SETS, computeClock, rulesOf } from '../../engine/clock/index.js';
import { E, clock, explanationMinutes, local, vn, wd } from './helpers.js';

const rulesDir = fileURLToPath(new URL('../../engine/clock/rules/', import.meta.url));

describe('rule registry', () => {
  it('one file per rule, named by its id, each with a docblock stating the rule and its legal basis', () => {
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(CLOCK_RULES.map((r) => r.id).sort());
    for (const f of files) {
      const text = readFileSync(rulesDir + f, 'utf8');
      expect(text.startsWith('/**'), f).toBe(true);
      expect(text, f).toMatch(/Legal basis\./);
      expect(text, f).toMatch(/\/\/ helpers \/+/);
      expect(text.split('\n').length, f).toBeLessThan(90);
    }
  });

  it('the regimes differ exactly where the index says', () => {
    const ids = (rs: (typeof RULE_SETS)[number]) => rulesOf(rs).rules.map((r) => r.id);
    expect(ids('nd61_2018')).toEqual(['receipt-after-cutoff', 'supplement-restarts-limit', 'supplement-request-within-three-days', 'payment-wait-excluded', 'apology-once-before-expiry']);
    expect(ids('nd118_2025')).toEqual(['receipt-after-cutoff', 'supplement-restarts-limit', 'single-supplement-request', 'payment-wait-excluded', 'apology-once-before-expiry']);
    const index = readFileSync(rulesDir + 'index.ts', 'utf8');
    for (const r of CLOCK_RULES) expect(index).toContain(`| ${r.id}`);
  });

  it('receipt-after-cutoff runs before supplement-restarts-limit on a supplement', () => {
    const ids = CLOCK_RULES.map((r) => r.id);
    expect(ids.indexOf('receipt-after-cutoff')).toBeLessThan(ids.indexOf('supplement-restarts-limit'));
  });
});

describe('where rules meet', () => {
  it('a payment requested while a supplement is awaited: the clock runs again only when both are over', () => {
    const r = clock(
      {
        supplementRestarts: false,
        limit: wd(3),
        events: [
          E.received('2026-03-02 09:00'), // 360 min that day
          E.supplementRequested('2026-03-03 07:00'),
          E.paymentRequested('2026-03-04 09:00'),
          E.supplementReceived('2026-03-05 09:00'),
          E.paymentDone('2026-03-09 09:00'),
        ],
      },
      '2026-03-09 10:00',
    );
    // 1080 min left from Mon 09/03 09:00: 360 + 480 + 240 → Wed 11/03 11:00.
    expect(local(r.appointment.due)).toBe('2026-03-11 11:00');
    expect(r.explanation.filter((d) => d.reason === 'waiting_supplement').map((d) => d.date)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
    expect(r.explanation.filter((d) => d.reason === 'waiting_payment').map((d) => d.date)).toEqual(['2026-03-06']);
    expect(explanationMinutes(r)).toBe(r.workingTime.usedMinutes);
  });

  it('an apology while waiting is checked against the earliest the deadline could be', () => {
    const ev = [E.received('2026-03-02 09:00'), E.paymentRequested('2026-03-03 09:00')];
    // 480 min used; resumed at once on Thu 05/03 10:00 (300 + 480 + 480 + 180) the deadline would be Tue 10/03 10:00 at the earliest.
    const r = clock({ limit: wd(4), events: [...ev, E.apology('2026-03-05 10:00', '2026-03-20 17:00')] }, '2026-03-06 10:00');
    expect(local(r.apology!.previousAppointment)).toBe('2026-03-10 10:00');
    expect(r.appointment.due).toBeNull();
    expect(r.appointment.current).toBeNull();
  });

  it('a completion while the clock is stopped, before the deadline, is never late', () => {
    const r = clock({ limit: wd(2), events: [E.received('2026-03-02 09:00'), E.supplementRequested('2026-03-02 10:00'), E.completed('2026-03-20 10:00')] });
    expect(['early', 'on_time']).toContain(r.verdict);
  });

  it('an agency with its own office hours and cut-off', () => {
    const cal = new WorkingCalendar({ officeHours: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }], sameDayCutoff: '16:00' });
    const r = computeClock(cal, { limit: wd(1), events: [{ type: 'received', at: vn('2026-03-02 15:30') }] }, vn('2026-03-03 08:00'));
    expect(r.workingTime.minutesPerDay).toBe(480);
    expect(local(r.appointment.due)).toBe('2026-03-03 15:30');
    const late = computeClock(cal, { limit: wd(1), events: [{ type: 'received', at: vn('2026-03-02 16:30') }] }, vn('2026-03-03 08:00'));
    expect(local(late.appointment.due)).toBe('2026-03-03 17:00');
    expect(late.explanation[0]!.note).toContain('sau 16:00');
  });
});
