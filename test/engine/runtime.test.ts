import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProcessRunError, ProcessRuntime, TaskNotWaitingError, TimerNotPendingError } from '../../engine/index.js';
import type { CompiledDefinition, RunResult } from '../../engine/index.js';

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mc="http://motcua.gov.vn/schema/bpmn/mc"';

function model(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NS} id="defs">\n<bpmn:process id="p" isExecutable="true">\n${body}\n</bpmn:process>\n</bpmn:definitions>`;
}

const condition = (body: string) =>
  `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">${body}</bpmn:conditionExpression>`;

const timer = (duration: string) =>
  `<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition>`;

/** The instance state as the database gives it back: a JSON copy, no shared objects. */
const restart = (result: RunResult): unknown => JSON.parse(JSON.stringify(result.state));

/** review → gateway on the decision → approved / refused, with conditions in both supported styles. */
const DECISION = model(`
  <bpmn:startEvent id="start" name="Bắt đầu" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
  <bpmn:userTask id="review" name="Xem xét" mc:candidateGroups="specialist" />
  <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="g" />
  <bpmn:exclusiveGateway id="g" name="Đồng ý?" />
  <bpmn:sequenceFlow id="yes" sourceRef="g" targetRef="approved">${condition("environment.output.decision === 'approve' &amp;&amp; environment.output.review.fee &gt;= environment.variables.minFee")}</bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="no" sourceRef="g" targetRef="refused">${condition("next(null, environment.output.decision === 'reject')")}</bpmn:sequenceFlow>
  <bpmn:endEvent id="approved" name="Đã duyệt" mc:outcome="approved" />
  <bpmn:endEvent id="refused" name="Từ chối" mc:outcome="refused" />`);

describe('ProcessRuntime', () => {
  const runtime = new ProcessRuntime();
  const compile = (xml: string): Promise<CompiledDefinition> => runtime.compile(xml);

  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts to the first user task with a source-free, small, JSON state', async () => {
    const def = await compile(DECISION);
    const result = await runtime.start(def, { minFee: 0 });

    expect(result.ended).toBe(false);
    expect(result.waiting).toEqual([{ executionId: expect.any(String), elementId: 'review', step: def.steps[0] }]);
    expect(result.timers).toEqual([]);
    expect(result.visited).toEqual([{ elementId: 'start', type: 'bpmn:StartEvent', name: 'Bắt đầu' }]);
    const json = JSON.stringify(result.state);
    expect(JSON.parse(json)).toEqual(result.state);
    expect(json).not.toContain('"source"');
    expect(json.length).toBeLessThan(15_000);
  });

  it('routes on the completed task data after a restart: output.decision, output.<task>, variables', async () => {
    const def = await compile(DECISION);
    const started = await runtime.start(def, { minFee: 100 });

    const approved = await runtime.completeTask(def, restart(started), started.waiting[0].executionId, { decision: 'approve', fee: 150 });
    expect(approved.ended).toBe(true);
    expect(approved.end).toEqual({ elementId: 'approved', name: 'Đã duyệt', outcome: 'approved' });
    expect(approved.visited.map((v) => v.elementId)).toEqual(['review', 'g', 'approved']);
    expect(approved.output).toEqual({ review: { decision: 'approve', fee: 150 }, decision: 'approve' });

    const refused = await runtime.completeTask(def, restart(started), started.waiting[0].executionId, { decision: 'reject' });
    expect(refused.end?.outcome).toBe('refused');
  });

  it('throws TaskNotWaitingError for a completed or unknown task', async () => {
    const def = await compile(DECISION);
    const started = await runtime.start(def, { minFee: 0 });
    const { executionId } = started.waiting[0];
    const twoTasks = model(`
      <bpmn:startEvent id="start" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a" />
      <bpmn:userTask id="a" mc:candidateGroups="desk" />
      <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b" />
      <bpmn:userTask id="b" mc:candidateGroups="desk" />`);
    const def2 = await compile(twoTasks);
    const first = await runtime.start(def2);
    const second = await runtime.completeTask(def2, restart(first), first.waiting[0].executionId);

    await expect(runtime.completeTask(def2, restart(second), first.waiting[0].executionId)).rejects.toBeInstanceOf(TaskNotWaitingError);
    await expect(runtime.completeTask(def, restart(started), 'nope')).rejects.toThrow(TaskNotWaitingError);
    await expect(runtime.completeTask(def, restart(started), executionId, { decision: 'reject' })).resolves.toMatchObject({ ended: true });
  });

  it('fails with ProcessRunError when no flow matches, a condition throws or loops', async () => {
    const def = await compile(DECISION);
    const started = await runtime.start(def, { minFee: 0 });
    const { executionId } = started.waiting[0];

    const error = await runtime.completeTask(def, restart(started), executionId, { decision: 'maybe' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessRunError);
    expect((error as ProcessRunError).elementId).toBe('g');

    const looping = await compile(DECISION.replace("next(null, environment.output.decision === 'reject')", 'while (true) {}'));
    const loopStart = await runtime.start(looping, { minFee: 0 });
    await expect(runtime.completeTask(looping, restart(loopStart), loopStart.waiting[0].executionId, { decision: 'reject' })).rejects.toThrow(
      /Condition on no: Script execution timed out/,
    );

    const throwing = await compile(DECISION.replace("next(null, environment.output.decision === 'reject')", "next(new Error('hỏng'))"));
    const throwStart = await runtime.start(throwing, { minFee: 0 });
    await expect(runtime.completeTask(throwing, restart(throwStart), throwStart.waiting[0].executionId, {})).rejects.toThrow(/Condition on no: hỏng/);
  });

  it('evaluates conditions without access to the host', async () => {
    const escape = "(function () { try { return !!this.constructor.constructor('return process')(); } catch (e) { return false; } })() || typeof require !== 'undefined'";
    const def = await compile(DECISION.replace(/<bpmn:sequenceFlow id="yes"([^>]*)>.*?<\/bpmn:sequenceFlow>/, `<bpmn:sequenceFlow id="yes"$1>${condition(escape)}</bpmn:sequenceFlow>`));
    const started = await runtime.start(def, { minFee: 0 });
    const result = await runtime.completeTask(def, restart(started), started.waiting[0].executionId, { decision: 'reject' });
    expect(result.end?.elementId).toBe('refused');
  });

  it('joins parallel branches completed across restarts, in either order', async () => {
    const def = await compile(
      model(`
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a" />
        <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
        <bpmn:userTask id="a" mc:candidateGroups="specialist" />
        <bpmn:userTask id="b" mc:candidateGroups="specialist" mc:agency="tax" />
        <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="join" />
        <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="join" />
        <bpmn:parallelGateway id="join" />
        <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="sign" />
        <bpmn:userTask id="sign" mc:candidateGroups="leader" />
        <bpmn:sequenceFlow id="f7" sourceRef="sign" targetRef="end" />
        <bpmn:endEvent id="end" />`),
    );
    for (const order of [['a', 'b'], ['b', 'a']]) {
      let result = await runtime.start(def);
      expect(result.waiting.map((w) => w.elementId).sort()).toEqual(['a', 'b']);
      for (const elementId of order) {
        const task = result.waiting.find((w) => w.elementId === elementId);
        result = await runtime.completeTask(def, restart(result), task!.executionId, {});
      }
      expect(result.waiting.map((w) => w.elementId)).toEqual(['sign']);
      result = await runtime.completeTask(def, restart(result), result.waiting[0].executionId, {});
      expect(result.ended).toBe(true);
    }
  });

  describe('timers', () => {
    const HOUR = 3_600_000;

    it('reports an intermediate timer and fires it after a restart', async () => {
      const def = await compile(
        model(`
          <bpmn:startEvent id="start" />
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
          <bpmn:intermediateCatchEvent id="wait" name="Chờ 48 giờ">${timer('PT48H')}</bpmn:intermediateCatchEvent>
          <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
          <bpmn:endEvent id="end" />`),
      );
      const before = Date.now();
      const started = await runtime.start(def);
      expect(started.waiting).toEqual([]);
      expect(started.timers).toHaveLength(1);
      const [request] = started.timers;
      expect(request.elementId).toBe('wait');
      expect(request.expireAt.getTime()).toBeGreaterThanOrEqual(before + 48 * HOUR);
      expect(request.expireAt.getTime()).toBeLessThanOrEqual(Date.now() + 48 * HOUR);

      const fired = await runtime.fireTimer(def, restart(started), request.executionId);
      expect(fired.ended).toBe(true);
      expect(fired.visited.map((v) => [v.elementId, v.type])).toEqual([
        ['wait', 'bpmn:IntermediateCatchEvent'],
        ['end', 'bpmn:EndEvent'],
      ]);
      await expect(runtime.fireTimer(def, restart(fired), request.executionId)).rejects.toBeInstanceOf(TimerNotPendingError);
    });

    const BOUNDARY = (interrupting: boolean) =>
      model(`
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
        <bpmn:userTask id="task" mc:candidateGroups="specialist" />
        <bpmn:boundaryEvent id="deadline" attachedToRef="task" cancelActivity="${interrupting}">${timer('PT24H')}</bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="deadline" targetRef="late" />
        <bpmn:endEvent id="late" mc:outcome="${interrupting ? 'expired' : 'reminded'}" />
        <bpmn:sequenceFlow id="f3" sourceRef="task" targetRef="done" />
        <bpmn:endEvent id="done" mc:outcome="approved" />`);

    it('fires a non-interrupting boundary timer on a waiting task after a restart; the task still waits', async () => {
      const def = await compile(BOUNDARY(false));
      const started = await runtime.start(def);
      expect(started.timers.map((t) => t.elementId)).toEqual(['deadline']);

      const reminded = await runtime.fireTimer(def, restart(started), started.timers[0].executionId);
      expect(reminded.ended).toBe(false);
      expect(reminded.timers).toEqual([]);
      expect(reminded.visited.map((v) => [v.elementId, v.type])).toEqual([
        ['deadline', 'bpmn:BoundaryEvent'],
        ['late', 'bpmn:EndEvent'],
      ]);
      expect(reminded.waiting.map((w) => w.executionId)).toEqual(started.waiting.map((w) => w.executionId));

      const done = await runtime.completeTask(def, restart(reminded), started.waiting[0].executionId, {});
      expect(done.end?.outcome).toBe('approved');
    });

    it('fires an interrupting boundary timer: the task is cancelled and cannot be completed', async () => {
      const def = await compile(BOUNDARY(true));
      const started = await runtime.start(def);

      const expired = await runtime.fireTimer(def, restart(started), started.timers[0].executionId);
      expect(expired.ended).toBe(true);
      expect(expired.end?.outcome).toBe('expired');
      await expect(runtime.completeTask(def, restart(expired), started.waiting[0].executionId, {})).rejects.toBeInstanceOf(TaskNotWaitingError);
    });

    it('cancels the timer of a task that is completed first', async () => {
      const def = await compile(BOUNDARY(true));
      const started = await runtime.start(def);
      const done = await runtime.completeTask(def, restart(started), started.waiting[0].executionId, {});
      expect(done.end?.outcome).toBe('approved');
      expect(done.timers).toEqual([]);
      await expect(runtime.fireTimer(def, restart(done), started.timers[0].executionId)).rejects.toBeInstanceOf(TimerNotPendingError);
    });

    it('treats a timer that is overdue at resume as fired, whichever call resumes it', async () => {
      const def = await compile(BOUNDARY(false));
      const started = await runtime.start(def);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(started.timers[0].expireAt.getTime() + HOUR);

      const fired = await runtime.fireTimer(def, restart(started), started.timers[0].executionId);
      expect(fired.visited.map((v) => v.elementId)).toEqual(['deadline', 'late']);

      const completed = await runtime.completeTask(def, restart(started), started.waiting[0].executionId, {});
      expect(completed.visited.map((v) => v.elementId)).toEqual(['deadline', 'late', 'task', 'done']);
      expect(completed.timers).toEqual([]);
    });
  });
});
