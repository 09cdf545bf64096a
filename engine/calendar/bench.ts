/**
 * Micro-benchmark of the working calendar's hot path.
 *
 *   npx tsx engine/calendar/bench.ts [iterations]
 *
 * Adds 20 working days to 1,000,000 receipt instants spread over 2026-01-15 … 2026-02-28 (so
 * most results cross the nine days off of Tết Bính Ngọ), and measures workingMinutesBetween on
 * the same pairs. Inputs are generated before timing; a checksum keeps the work observable.
 */
import { WorkingCalendar } from './calendar.js';

const N = Number(process.argv[2] ?? 1_000_000);
const cal = new WorkingCalendar({ preloadYears: [2025, 2027] });

const from = Date.parse('2026-01-15T00:00:00+07:00');
const span = Date.parse('2026-02-28T00:00:00+07:00') - from;
const starts = new Array<Date>(N);
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let k = 0; k < N; k++) starts[k] = new Date(from + Math.floor(random() * span));

// Warm-up (JIT), not timed.
for (let k = 0; k < 50_000; k++) cal.addWorkingDays(starts[k % N]!, 20);

let checksum = 0;
let t0 = process.hrtime.bigint();
for (let k = 0; k < N; k++) checksum += cal.addWorkingDays(starts[k]!, 20).getTime() % 1000;
const addMs = Number(process.hrtime.bigint() - t0) / 1e6;

const ends = starts.map((s) => cal.addWorkingDays(s, 20)); // not timed
t0 = process.hrtime.bigint();
for (let k = 0; k < N; k++) checksum += cal.workingMinutesBetween(starts[k]!, ends[k]!);
const betweenMs = Number(process.hrtime.bigint() - t0) / 1e6;

const fmt = (ms: number) => `${ms.toFixed(0)} ms (${((ms * 1e6) / N).toFixed(0)} ns/op, ${(N / (ms / 1000) / 1e6).toFixed(2)} M ops/s)`;
console.log(`node ${process.version}, ${N.toLocaleString('en')} iterations`);
console.log(`addWorkingDays(t, 20) across Tết 2026: ${fmt(addMs)}`);
console.log(`workingMinutesBetween(t, result):      ${fmt(betweenMs)}`);
console.log(`checksum ${checksum}`);
