import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcessRuntime } from '../../engine/index.js';
import type { CompiledDefinition, RunResult } from '../../engine/index.js';

const read = (file: string) => readFileSync(new URL(`../../processes/${file}`, import.meta.url), 'utf8');
const catalogue = JSON.parse(read('catalogue.json')) as Array<{ code: string; processId: string; bpmn: string }>;
const runtime = new ProcessRuntime();

/** The instance state as the database gives it back between two requests. */
const restart = (result: RunResult): unknown => JSON.parse(JSON.stringify(result.state));

/**
 * Completes the waiting tasks one at a time, from JSON state each time (as after a server restart),
 * with `decide(elementId)` as the task data; returns the element ids of the tasks done, in order.
 */
async function runToEnd(def: CompiledDefinition, decide: (elementId: string) => Record<string, unknown>) {
  let result = await runtime.start(def);
  const done: string[] = [];
  while (!result.ended) {
    expect(result.waiting).toHaveLength(1);
    const [task] = result.waiting;
    result = await runtime.completeTask(def, restart(result), task.executionId, decide(task.elementId));
    done.push(task.elementId);
  }
  return { done, result };
}

const MODELS = [
  { file: 'birth-registration.bpmn', processId: 'birth_registration', code: '1.001193' },
  { file: 'household-business-registration.bpmn', processId: 'household_business_registration', code: '1.001612' },
  { file: 'first-land-use-certificate.bpmn', processId: 'first_land_use_certificate' },
];

describe.each(MODELS)('$file', ({ file, processId, code }) => {
  const xml = read(file);

  it('compiles, with the procedure code of the catalogue', async () => {
    const def = await runtime.compile(xml);
    expect(def.processId).toBe(processId);
    const entry = catalogue.find((p) => p.processId === processId);
    expect(entry?.bpmn).toBe(file);
    expect(def.procedureCode).toBe(code ?? entry?.code);
    expect(def.procedureCode).toBe(entry?.code);
    expect(def.ends.map((e) => e.outcome)).toEqual(expect.arrayContaining(['approved', 'refused']));
  });

  it('has a Vietnamese name and a diagram shape for every flow node, an edge for every flow', () => {
    expect(xml).toContain('xmlns:mc="http://motcua.gov.vn/schema/bpmn/mc"');
    expect(xml).toContain('isExecutable="true"');
    const nodes = [...xml.matchAll(/<bpmn:(\w+) id="([^"]+)"( name="([^"]*)")?/g)].filter(([, type]) => type !== 'definitions' && type !== 'timerEventDefinition');
    expect(nodes.length).toBeGreaterThan(8);
    for (const [, type, id, , name] of nodes) {
      if (type === 'sequenceFlow') {
        expect(xml, id).toContain(`<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">`);
      } else {
        expect(name, id).toMatch(/\S/);
        if (type !== 'process') expect(xml, id).toMatch(new RegExp(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"`));
      }
    }
    expect(nodes.filter(([, type]) => type !== 'sequenceFlow').some(([, , , , name]) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(name ?? ''))).toBe(true);
  });

  it('runs the approve path to an approved end, restarting from JSON between steps', async () => {
    const def = await runtime.compile(xml);
    const { done, result } = await runToEnd(def, () => ({ decision: 'approve', note: 'Đủ điều kiện' }));
    expect(done.at(-1)).toBe('return_result');
    expect(result.end?.outcome).toBe('approved');
    expect(JSON.stringify(result.state).length).toBeLessThan(15_000);
  });

  it('runs the reject path through the desk to a refused end', async () => {
    const def = await runtime.compile(xml);
    const { done, result } = await runToEnd(def, () => ({ decision: 'reject', reason: 'Thiếu giấy tờ' }));
    expect(done.at(-1)).toBe('return_refusal');
    expect(def.steps.find((s) => s.elementId === 'return_refusal')).toMatchObject({ candidateGroups: ['desk'], nationalStatus: 9 });
    expect(result.end?.outcome).toBe('refused');
  });
});

describe('birth registration', () => {
  it('is appraised and signed in working hours, with the leader deciding', async () => {
    const def = await runtime.compile(read('birth-registration.bpmn'));
    expect(def.steps.map((s) => [s.elementId, s.candidateGroups, s.duration, s.nationalStatus, s.clock])).toEqual([
      ['appraise', ['specialist'], { value: 4, unit: 'working_hours' }, 4, 'run'],
      ['sign', ['leader'], { value: 2, unit: 'working_hours' }, 4, 'run'],
      ['return_result', ['desk'], { value: 0, unit: 'same_day' }, 9, 'run'],
      ['return_refusal', ['desk'], { value: 0, unit: 'same_day' }, 9, 'run'],
    ]);
    expect(def.steps.find((s) => s.elementId === 'sign')?.decisions).toEqual(['approve', 'reject']);
    const { done } = await runToEnd(def, (id) => (id === 'sign' ? { decision: 'reject' } : {}));
    expect(done).toEqual(['appraise', 'sign', 'return_refusal']);
  });
});

describe('household business registration', () => {
  it('takes 2 + 0.5 + 0.5 working days; a rejected appraisal skips the leader', async () => {
    const def = await runtime.compile(read('household-business-registration.bpmn'));
    const days = def.steps.filter((s) => s.elementId !== 'return_refusal').map((s) => s.duration?.value);
    expect(days).toEqual([2, 0.5, 0.5]);
    expect(def.steps.every((s) => s.duration?.unit === 'working_days')).toBe(true);
    expect(def.steps.filter((s) => s.decisions).map((s) => [s.elementId, s.decisions])).toEqual([['appraise', ['approve', 'reject']]]);
    const { done } = await runToEnd(def, () => ({ decision: 'reject' }));
    expect(done).toEqual(['appraise', 'return_refusal']);
  });
});

describe('first land use certificate', () => {
  it('crosses agencies: handling, tax, land registry, land authority, receiving desk', async () => {
    const def = await runtime.compile(read('first-land-use-certificate.bpmn'));
    expect(def.steps.map((s) => [s.elementId, s.agency, s.candidateGroups[0]])).toEqual([
      ['appraise', 'handling', 'specialist'],
      ['return_refusal', 'receiving', 'desk'],
      ['tax', 'tax', 'specialist'],
      ['prepare_certificate', 'land_registry', 'specialist'],
      ['sign', 'land_authority', 'leader'],
      ['return_result', 'receiving', 'desk'],
    ]);
    expect(def.steps.find((s) => s.elementId === 'tax')?.duration).toEqual({ value: 5, unit: 'working_days' });
    expect(def.steps.filter((s) => s.decisions).map((s) => [s.elementId, s.decisions])).toEqual([['appraise', ['approve', 'reject']]]);
  });

  it('asks for a 24-hour reminder on the tax step; firing it after a restart keeps the tax task waiting', async () => {
    const def = await runtime.compile(read('first-land-use-certificate.bpmn'));
    const started = await runtime.start(def);
    const atTax = await runtime.completeTask(def, restart(started), started.waiting[0].executionId, { decision: 'approve' });
    expect(atTax.waiting.map((w) => w.elementId)).toEqual(['tax']);
    expect(atTax.timers).toHaveLength(1);
    const [reminder] = atTax.timers;
    expect(reminder.elementId).toBe('tax_reminder');
    expect(reminder.expireAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

    const reminded = await runtime.fireTimer(def, restart(atTax), reminder.executionId);
    expect(reminded.visited.map((v) => v.elementId)).toEqual(['tax_reminder', 'tax_reminded']);
    expect(reminded.waiting).toEqual(atTax.waiting);
    expect(reminded.timers).toEqual([]);

    const afterTax = await runtime.completeTask(def, restart(reminded), atTax.waiting[0].executionId, { obligation: 12_500_000 });
    expect(afterTax.waiting.map((w) => w.elementId)).toEqual(['prepare_certificate']);
    expect(afterTax.output.tax).toEqual({ obligation: 12_500_000 });
  });
});
