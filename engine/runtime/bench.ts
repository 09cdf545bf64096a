/**
 * Per-call cost of the process runtime, without database or HTTP:
 *
 *   npx tsx engine/runtime/bench.ts [--n 500] [--warmup 200] [--model household] [--json]
 *
 * For each processes/*.bpmn: warm up, then time N `start` calls and N `completeTask` calls of the first
 * user task (decision "approve", so the gateway conditions run). Every completeTask gets its own state
 * that went through JSON.stringify/JSON.parse as the database gives it back; that parse is not timed.
 * Prints median and p90 of wall time and of process CPU time (`process.cpuUsage`, all threads, so GC
 * helper threads count) per call, the mean CPU time (where GC shows), and the stored state size. Calls
 * run one after another, awaited. A call that throws (e.g. a condition over its time limit on a busy
 * machine) is counted and reported, not timed.
 *
 * V8's young generation decides much of the tail: compare with
 *   node --max-semi-space-size=64 --import tsx engine/runtime/bench.ts
 *   node --no-allocation-site-pretenuring --import tsx engine/runtime/bench.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { ProcessRuntime } from './runtime.js';
import type { CompiledDefinition, RunResult } from './types.js';

interface Sample {
  wall: number[];
  cpu: number[];
  /** Calls that threw (e.g. a condition over its time limit on a loaded machine): reported, not timed. */
  failures: string[];
}

interface ModelReport {
  model: string;
  start: Stats;
  complete: Stats;
  startStateBytes: number;
  completeStateBytes: number;
}

interface Stats {
  wallMedian: number;
  wallP90: number;
  cpuMedian: number;
  cpuP90: number;
  /** Mean CPU ms per call: the tail (GC) weighs in. */
  cpuMean: number;
  failures: string[];
}

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '200' },
    model: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(values.n);
const WARMUP = Number(values.warmup);
const processesDir = fileURLToPath(new URL('../../processes/', import.meta.url));

/** What the database does to a state: store it as JSON, hand back a fresh parsed copy. */
const roundTrip = (result: RunResult): unknown => JSON.parse(JSON.stringify(result.state));

async function timed(sample: Sample, call: () => Promise<RunResult>): Promise<RunResult | undefined> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let result: RunResult;
  try {
    result = await call();
  } catch (err) {
    sample.failures.push((err as Error).message);
    return undefined;
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  sample.wall.push(wall);
  sample.cpu.push((cpu.user + cpu.system) / 1000);
  return result;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function stats(sample: Sample): Stats {
  const wall = [...sample.wall].sort((a, b) => a - b);
  const cpu = [...sample.cpu].sort((a, b) => a - b);
  return {
    wallMedian: quantile(wall, 0.5),
    wallP90: quantile(wall, 0.9),
    cpuMedian: quantile(cpu, 0.5),
    cpuP90: quantile(cpu, 0.9),
    cpuMean: cpu.reduce((a, b) => a + b, 0) / cpu.length,
    failures: sample.failures,
  };
}

function firstTask(result: RunResult): string {
  const task = result.waiting.find((w) => w.step.decisions?.includes('approve')) ?? result.waiting[0];
  if (!task) throw new Error('the model does not wait on a user task after start');
  return task.executionId;
}

async function benchModel(runtime: ProcessRuntime, def: CompiledDefinition, model: string): Promise<ModelReport> {
  const data = { decision: 'approve', note: 'Hồ sơ đầy đủ, hợp lệ' };
  const variables = { dossierCode: 'H01.01-250101-0001', applicant: { name: 'Nguyễn Văn A' } };

  const warmup: Sample = { wall: [], cpu: [], failures: [] };
  for (let i = 0; i < WARMUP; i++) {
    const started = await runtime.start(def, variables);
    await timed(warmup, () => runtime.completeTask(def, roundTrip(started), firstTask(started), data));
  }

  const starts: Sample = { wall: [], cpu: [], failures: [] };
  const states: { json: string; executionId: string }[] = [];
  while (states.length < N && starts.failures.length < N) {
    const started = await timed(starts, () => runtime.start(def, variables));
    if (started) states.push({ json: JSON.stringify(started.state), executionId: firstTask(started) });
  }

  const completes: Sample = { wall: [], cpu: [], failures: [] };
  let completed: RunResult | undefined;
  for (let i = 0; i < states.length; i++) {
    const state = JSON.parse(states[i].json) as unknown;
    completed = (await timed(completes, () => runtime.completeTask(def, state, states[i].executionId, data))) ?? completed;
  }
  return {
    model,
    start: stats(starts),
    complete: stats(completes),
    startStateBytes: states.length ? Buffer.byteLength(states[states.length - 1].json) : 0,
    completeStateBytes: completed ? Buffer.byteLength(JSON.stringify(completed.state)) : 0,
  };
}

async function main(): Promise<void> {
  const runtime = new ProcessRuntime();
  const files = readdirSync(processesDir)
    .filter((f) => f.endsWith('.bpmn'))
    .filter((f) => !values.model || f.includes(values.model))
    .sort();
  const reports: ModelReport[] = [];
  for (const file of files) {
    const def = await runtime.compile(readFileSync(processesDir + file, 'utf8'));
    reports.push(await benchModel(runtime, def, file.replace(/\.bpmn$/, '')));
  }

  if (values.json) {
    console.log(JSON.stringify(reports));
    return;
  }
  const f = (x: number) => x.toFixed(2).padStart(6);
  console.log(`N=${N} warmup=${WARMUP} node ${process.version}; ms per call: wall median / p90, cpu median / p90 / mean`);
  for (const r of reports) {
    console.log(r.model);
    for (const [call, s, bytes] of [
      ['start', r.start, r.startStateBytes],
      ['completeTask', r.complete, r.completeStateBytes],
    ] as const) {
      console.log(
        `  ${call.padEnd(13)} wall ${f(s.wallMedian)} / ${f(s.wallP90)}   cpu ${f(s.cpuMedian)} / ${f(s.cpuP90)} / ${f(s.cpuMean)}   state ${bytes} B` +
          (s.failures.length ? `   ${s.failures.length} failed: ${[...new Set(s.failures)].join('; ')}` : ''),
      );
    }
  }
}

await main();
