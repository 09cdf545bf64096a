import { describe, expect, it } from 'vitest';
import { ProcessRuntime } from '../../engine/index.js';
import type { CompiledDefinition, RunResult } from '../../engine/index.js';
import { ConditionSandbox, isBoundedBody } from '../../engine/runtime/conditions.js';

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mc="http://motcua.gov.vn/schema/bpmn/mc"';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** review → gateway: flow "yes" when `condition` is true (to end "yes"), otherwise the default flow (to end "no"). */
function gatewayModel(condition: string, id = 'p'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="defs_${id}">
<bpmn:process id="${id}" isExecutable="true">
  <bpmn:startEvent id="start" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
  <bpmn:userTask id="review" mc:candidateGroups="specialist" />
  <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="g" />
  <bpmn:exclusiveGateway id="g" default="otherwise" />
  <bpmn:sequenceFlow id="yes" sourceRef="g" targetRef="end_yes"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">${escapeXml(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="otherwise" sourceRef="g" targetRef="end_no" />
  <bpmn:endEvent id="end_yes" />
  <bpmn:endEvent id="end_no" />
</bpmn:process>
</bpmn:definitions>`;
}

const restart = (result: RunResult): unknown => JSON.parse(JSON.stringify(result.state));

async function decide(runtime: ProcessRuntime, def: CompiledDefinition, data: Record<string, unknown>): Promise<string | undefined> {
  const started = await runtime.start(def);
  const done = await runtime.completeTask(def, restart(started), started.waiting[0].executionId, data);
  return done.end?.elementId;
}

/** Bodies that try to leave something behind for a later evaluation, in every way we know of. */
const ATTACKS = [
  'leaked = environment.output.review.secret; true',
  'globalThis.leaked = environment.output.review.secret; true',
  'this.leaked = environment.output.review.secret; true',
  'var leaked = environment.output.review.secret; true',
  'function leaked() {} true',
  'Object.defineProperty(globalThis, "leaked", { value: environment.output.review.secret }); true',
  'Object.prototype.leaked = environment.output.review.secret; true',
  'Array.prototype.includes = function () { return true }; true',
  'JSON.parse = function () { return { output: { decision: "approve" } } }; true',
  'JSON = null; true',
  'delete globalThis.Math; true',
  'Object.setPrototypeOf(globalThis, { leaked: environment.output.review.secret }); true',
  '/(.+)/.test(environment.output.review.secret); true',
  'RegExp.input = environment.output.review.secret; true',
  'arguments.callee.leaked = environment.output.review.secret; true',
  '__evaluate.leaked = environment.output.review.secret; true',
  'Promise.resolve().then(function () { globalThis.leaked = environment.output.review.secret }); true',
  'Object.getPrototypeOf(function* () {}).leaked = environment.output.review.secret; true',
  'Error.prepareStackTrace = function () { return environment.output.review.secret }; true',
];

/** True when anything an attack could have left behind is visible. */
const PROBE = [
  "typeof leaked !== 'undefined'",
  "({}).leaked !== undefined",
  "[].includes(1)",
  "JSON === null || typeof Math === 'undefined'",
  "JSON.parse('{\"a\":1}').a !== 1",
  "RegExp.$1 !== '' || RegExp.input !== ''",
  'arguments.callee.leaked !== undefined',
  '__evaluate.leaked !== undefined',
  'Object.getPrototypeOf(function* () {}).leaked !== undefined',
  "typeof Error.prepareStackTrace === 'function'",
].join(' || ');

describe('conditions', () => {
  it('cannot leave state behind for later evaluations, of this or another definition', async () => {
    const runtime = new ProcessRuntime();
    const probe = await runtime.compile(gatewayModel(PROBE, 'probe'));
    expect(await decide(runtime, probe, {})).toBe('end_no');

    for (const attack of ATTACKS) {
      const def = await runtime.compile(gatewayModel(attack, 'attack'));
      expect(await decide(runtime, def, { secret: 'S3CRET' }), attack).toBe('end_yes');
      expect(await decide(runtime, probe, {}), `after: ${attack}`).toBe('end_no');
      // The attacked definition itself, on its next instance, starts clean too.
      expect(await decide(runtime, def, {}), `again: ${attack}`).toBe('end_yes');
      expect(await decide(runtime, probe, {}), `after again: ${attack}`).toBe('end_no');
    }
  });

  it('keeps working after a body that timed out or threw', async () => {
    const runtime = new ProcessRuntime();
    const ok = await runtime.compile(gatewayModel("environment.output.decision === 'approve'", 'ok'));
    const looping = await runtime.compile(gatewayModel('for (;;) {}', 'looping'));
    const throwing = await runtime.compile(gatewayModel("null.x", 'throwing'));

    await expect(decide(runtime, looping, {})).rejects.toThrow(/Condition on yes: Script execution timed out/);
    expect(await decide(runtime, ok, { decision: 'approve' })).toBe('end_yes');
    await expect(decide(runtime, throwing, {})).rejects.toThrow(/Condition on yes: Cannot read properties of null/);
    expect(await decide(runtime, ok, { decision: 'approve' })).toBe('end_yes');
    expect(await decide(runtime, ok, { decision: 'reject' })).toBe('end_no');

    // A global we set for each evaluation, made an accessor or read-only: its code must never run on
    // our side of the sandbox (no time limit there), and the next evaluations must not trip on it.
    for (const attack of [
      "Object.defineProperty(globalThis, '__input', { set: function () { for (;;) {} } }); true",
      "Object.defineProperty(globalThis, 'environment', { set: function () { for (;;) {} } }); true",
      "Object.defineProperty(globalThis, '__source', { value: '', writable: false }); true",
      "Object.defineProperty(globalThis, 'next', { value: null, writable: false }); true",
    ]) {
      const def = await runtime.compile(gatewayModel(attack, 'accessor'));
      await decide(runtime, def, {}).catch(() => undefined);
      expect(await decide(runtime, ok, { decision: 'approve' }), attack).toBe('end_yes');
    }
  });

  it('reuses one vm context while bodies leave it as they found it, and replaces it when they do not', () => {
    const sandbox = new ConditionSandbox();
    const context = () => (sandbox as unknown as { context?: object }).context;
    const input = JSON.stringify({ output: { decision: 'approve' }, variables: {} });
    const run = (body: string) => sandbox.evaluate(input, body, isBoundedBody(body));

    expect(run("environment.output.decision === 'approve'")).toBe('true');
    const first = context();
    expect(run("next(null, environment.output.decision === 'reject')")).toBe('false');
    expect(run("['approve', 'x'].includes(environment.output.decision)")).toBe('true');
    expect(run('var d = environment.output.decision; d.length > 3')).toBe('true');
    expect(context()).toBe(first);

    expect(run('x = 1; true')).toBe('true');
    expect(context()).toBeUndefined();
    expect(run("typeof x !== 'undefined'")).toBe('false');
  });

  it('classifies as bounded only bodies that cannot loop or call code other than next', () => {
    for (const body of [
      "environment.output.decision === 'approve'",
      "next(null, environment.output.decision === 'reject')",
      "environment.output.decision === 'approve' && environment.output.review.fee >= environment.variables.minFee",
      'environment.output?.review?.fee == null',
      "environment.output['từ chối'] !== 1.5e3 ? !(a || b) : typeof c === 'undefined'",
    ]) {
      expect(isBoundedBody(body), body).toBe(true);
    }
    for (const body of [
      'while (true) {}',
      'for (;;) {}',
      "['a'].includes(environment.output.decision)",
      'environment.output.decision.startsWith("a")',
      '(0, next)(null, true)',
      'next(null, true)(1)',
      'x.next(null, true)',
      'new Date() > 0',
      'x = 1',
      'x += 1',
      'x >>= 1',
      'x++',
      '(() => true)',
      'async function f() {}',
      '`${1}`',
      '/a+$/.test(environment.output.decision)',
      'a // comment',
      'a <!-- comment',
      'a --> b',
      '[...environment.output.list]',
      'environment.output?.()',
      '\\u0065val("1")',
      "'unterminated",
      'ờ',
    ]) {
      expect(isBoundedBody(body), body).toBe(false);
    }
  });
});
