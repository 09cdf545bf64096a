/**
 * Benchmark of the dossier clock.
 *
 *   npx tsx engine/clock/bench.ts [clocks] [--explain]
 *
 * Computes `clocks` (default 1,000,000) clocks of a typical 6-event dossier — received, two steps
 * with durations entered and left, completed — with receipts spread over 2026-01-05 … 2026-06-30
 * (so many cross Tết Bính Ngọ and 30/4–1/5), 10 working days, timestamps as `Date`s the way the
 * API reads them from the database. A quarter of the dossiers wait for a supplement instead of
 * going through the second step (still 6 events). Inputs come from a pool of 100,000 dossiers
 * generated before timing; a checksum keeps the work observable.
 *
 * By default the explanation is off (`explain: false`, what statistics over open dossiers use);
 * a second, smaller run measures it on. Pass `--explain` to time the full run with explanations.
 */
import { WorkingCalendar } from '../calendar/index.js';
import { computeClock } from './compute.js';
import type { ClockEvent, ClockInput } from './types.js';

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const EXPLAIN_ALL = process.argv.includes('--explain');
const POOL = Math.min(N, 100_000);
const HOUR = 3_600_000;

const cal = new WorkingCalendar({ preloadYears: [2025, 2027] });
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const from = Date.parse('2026-01-05T07:00:00+07:00');
const span = Date.parse('2026-06-30T07:00:00+07:00') - from;
const pool: ClockInput[] = [];
for (let k = 0; k < POOL; k++) {
  const r = from + Math.floor(random() * span);
  const t = (hours: number) => new Date(r + hours * HOUR);
  const events: ClockEvent[] =
    k % 4 === 3
      ? [
          { type: 'received', at: t(0) },
          { type: 'step_entered', at: t(0.5), stepId: 'tham_dinh', stepName: 'Thẩm định', agencyCode: 'STP', duration: { value: 6, unit: 'working_days' } },
          { type: 'supplement_requested', at: t(30 + random() * 20), stepId: 'tham_dinh' },
          { type: 'supplement_received', at: t(100 + random() * 100) },
          { type: 'step_left', at: t(220 + random() * 100), stepId: 'tham_dinh' },
          { type: 'completed', at: t(330 + random() * 150) },
        ]
      : [
          { type: 'received', at: t(0) },
          { type: 'step_entered', at: t(0.5), stepId: 'tham_dinh', stepName: 'Thẩm định', agencyCode: 'STP', duration: { value: 6, unit: 'working_days' } },
          { type: 'step_left', at: t(50 + random() * 100), stepId: 'tham_dinh' },
          { type: 'step_entered', at: t(160), stepId: 'phe_duyet', stepName: 'Phê duyệt', agencyCode: 'UBND', duration: { value: 2, unit: 'working_days' } },
          { type: 'step_left', at: t(170 + random() * 60), stepId: 'phe_duyet' },
          { type: 'completed', at: t(240 + random() * 160) },
        ];
  pool.push({ limit: { value: 10, unit: 'working_days' }, events });
}
const now = new Date('2026-12-31T00:00:00+07:00');

function time(count: number, explain: boolean): { ms: number; checksum: number; verdicts: Record<string, number> } {
  const verdicts: Record<string, number> = {};
  let checksum = 0;
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < count; k++) {
    const r = computeClock(cal, pool[k % POOL]!, now, { explain });
    checksum += r.workingTime.usedMinutes + r.explanation.length;
    verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, checksum, verdicts };
}

time(Math.min(50_000, N), false); // warm-up (JIT), not reported
time(Math.min(5_000, N), true);

const fmt = (count: number, ms: number) =>
  `${count.toLocaleString('en')} clocks in ${ms.toFixed(0)} ms — ${((ms * 1e6) / count / 1000).toFixed(2)} µs/clock, ${Math.round(count / (ms / 1000)).toLocaleString('en')} clocks/s`;

console.log(`node ${process.version}; typical 6-event dossier, 10 working days, receipts 05/01–30/06/2026`);
const plain = time(N, EXPLAIN_ALL);
console.log(`explain: ${EXPLAIN_ALL}: ${fmt(N, plain.ms)}`);
console.log(`  verdicts ${JSON.stringify(plain.verdicts)}  checksum ${plain.checksum.toFixed(0)}`);
if (!EXPLAIN_ALL) {
  const m = Math.min(N, 200_000);
  const ex = time(m, true);
  console.log(`explain: true:  ${fmt(m, ex.ms)}`);
}
