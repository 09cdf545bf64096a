import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DefinitionError, ProcessRuntime } from '../../engine/index.js';

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mc="http://motcua.gov.vn/schema/bpmn/mc"';

/** A definitions document around one executable process with the given body. */
function model(body: string, processAttrs = 'isExecutable="true"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NS} id="defs">\n<bpmn:process id="p" name="Thử" ${processAttrs}>\n${body}\n</bpmn:process>\n</bpmn:definitions>`;
}

const LINEAR = `
  <bpmn:startEvent id="start" name="Bắt đầu" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
  <bpmn:userTask id="task" name="Thẩm định" mc:candidateGroups=" specialist , leader ,," mc:stepDuration="2" mc:formKey="appraise" mc:nationalStatus="4" />
  <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
  <bpmn:endEvent id="end" name="Kết thúc" mc:outcome="approved" mc:nationalStatus="10" />`;

async function compileError(xml: string): Promise<DefinitionError> {
  const error = await new ProcessRuntime().compile(xml).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DefinitionError);
  const definitionError = error as DefinitionError;
  expect(definitionError.message).toBeTruthy();
  expect(definitionError.messageVi).toBeTruthy();
  return definitionError;
}

describe('compile', () => {
  it('reads steps, ends and the procedure code, and serializes the definition once', async () => {
    const xml = model(LINEAR, 'isExecutable="true" mc:procedureCode=" 1.001193 "');
    const def = await new ProcessRuntime().compile(xml);

    expect(def).toMatchObject({ processId: 'p', name: 'Thử', procedureCode: '1.001193', xml });
    expect(def.hash).toBe(createHash('sha256').update(xml).digest('hex'));
    expect(JSON.parse(def.serialized)).toBeTypeOf('object');
    expect(def.steps).toEqual([
      {
        elementId: 'task',
        name: 'Thẩm định',
        candidateGroups: ['specialist', 'leader'],
        agency: 'handling',
        clock: 'run',
        duration: { value: 2, unit: 'working_days' },
        formKey: 'appraise',
        nationalStatus: 4,
      },
    ]);
    expect(def.ends).toEqual([{ elementId: 'end', name: 'Kết thúc', outcome: 'approved', nationalStatus: 10 }]);
  });

  it('runs a compiled definition read back from storage by another runtime', async () => {
    const def = JSON.parse(JSON.stringify(await new ProcessRuntime().compile(model(LINEAR))));
    const started = await new ProcessRuntime().start(def);
    expect(started.waiting.map((w) => w.step)).toEqual(def.steps);
  });

  it('maps agency, clock and the duration units', async () => {
    const def = await new ProcessRuntime().compile(
      model(`
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a" />
        <bpmn:userTask id="a" mc:candidateGroups="specialist" mc:agency="tax" mc:clock="pause" mc:stepDuration="0.5" mc:stepDurationUnit="working_hours" />
        <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b" />
        <bpmn:userTask id="b" mc:candidateGroups="desk" mc:stepDurationUnit="same_day" mc:clock="restart" />
        <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="c" />
        <bpmn:userTask id="c" mc:candidateGroups="desk" />
        <bpmn:sequenceFlow id="f4" sourceRef="c" targetRef="end" />
        <bpmn:endEvent id="end" />`),
    );
    const [a, b, c] = def.steps;
    expect(a).toMatchObject({ agency: 'tax', clock: 'pause', duration: { value: 0.5, unit: 'working_hours' } });
    expect(b).toMatchObject({ agency: 'handling', clock: 'restart', duration: { value: 0, unit: 'same_day' } });
    expect(c).toMatchObject({ name: 'c', clock: 'run' });
    expect(c.duration).toBeUndefined();
    expect(def.ends).toEqual([{ elementId: 'end', name: 'end' }]);
  });

  it('maps camunda:candidateGroups, camunda:formKey and a plain camunda:dueDate from Camunda Modeler', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:mc="http://motcua.gov.vn/schema/bpmn/mc" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform">
  <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Activity_1" name="Thẩm định" camunda:candidateGroups="specialist, leader" camunda:formKey="camunda-forms:deployment:appraise.form" camunda:dueDate="P3D">
      <bpmn:extensionElements>
        <camunda:properties><camunda:property name="a" value="b" /></camunda:properties>
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:userTask id="Activity_2" name="Ký" camunda:candidateGroups="ignored" mc:candidateGroups="leader" camunda:dueDate="\${dueDate}">
      <bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_1" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_1" targetRef="Activity_2" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Activity_2" targetRef="EndEvent_1" />
  </bpmn:process>
</bpmn:definitions>`;
    const runtime = new ProcessRuntime();
    const def = await runtime.compile(xml);

    expect(def.steps[0]).toMatchObject({
      candidateGroups: ['specialist', 'leader'],
      formKey: 'camunda-forms:deployment:appraise.form',
      duration: { value: 3, unit: 'days' },
    });
    expect(def.steps[1]).toMatchObject({ candidateGroups: ['leader'] });
    expect(def.steps[1].duration).toBeUndefined();

    const started = await runtime.start(def);
    expect(started.waiting.map((w) => w.step.candidateGroups)).toEqual([['specialist', 'leader']]);
  });

  it('reports malformed XML with a 1-based line and column', async () => {
    const error = await compileError(model(LINEAR.replace('<bpmn:endEvent id="end" name="Kết thúc" mc:outcome="approved" mc:nationalStatus="10" />', '<bpmn:endEvent id="end">')));
    expect(error.line).toBe(10);
    expect(error.column).toBe(1);
    expect(error.message).toMatch(/line 10, column 1/);
    expect(error.messageVi).toMatch(/dòng 10, cột 1/);
  });

  it('rejects content moddle can only drop with a warning', async () => {
    const error = await compileError(model(LINEAR.replace('<bpmn:sequenceFlow id="f2" sourceRef="task"', '<bpmn:sequenceFlow id="f2" sourceRef="nowhere"')));
    expect(error.message).toMatch(/unresolved reference <nowhere>/);
    expect(error.elementId).toBe('f2');
  });

  it('rejects an unknown mc: attribute, e.g. a misspelt one', async () => {
    const error = await compileError(model(LINEAR.replace('mc:formKey=', 'mc:formkey=')));
    expect(error.message).toMatch(/unknown attribute <mc:formkey>/);
    expect(error.elementId).toBe('task');
  });

  it('rejects DOCTYPE and ENTITY declarations before parsing', async () => {
    const doctype = model(LINEAR).replace('<bpmn:definitions', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<bpmn:definitions');
    expect((await compileError(doctype)).message).toMatch(/DOCTYPE/);
    expect((await compileError(model(LINEAR).replace('?>', '?><!ENTITY x "y">'))).message).toMatch(/ENTITY/);
  });

  it('rejects a file larger than 2 MB', async () => {
    const padding = `<!-- ${'x'.repeat(2 * 1024 * 1024)} -->`;
    expect((await compileError(model(LINEAR + padding))).message).toMatch(/2 MB/);
  });

  it('requires exactly one executable process', async () => {
    expect((await compileError(model(LINEAR, 'isExecutable="false"'))).message).toMatch(/found 0/);
    const two = model(LINEAR).replace('</bpmn:definitions>', '<bpmn:process id="q" isExecutable="true" /></bpmn:definitions>');
    expect((await compileError(two)).message).toMatch(/found 2/);
  });

  it('names the user task that has no candidate groups', async () => {
    const error = await compileError(model(LINEAR.replace(' mc:candidateGroups=" specialist , leader ,,"', ' mc:candidateGroups=" , "')));
    expect(error.elementId).toBe('task');
    expect(error.messageVi).toContain('Thẩm định');
  });

  it('rejects a converging inclusive gateway but runs a diverging one', async () => {
    const diverging = `
      <bpmn:startEvent id="start" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="split" />
      <bpmn:inclusiveGateway id="split" />
      <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="a" />
      <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="b" />
      <bpmn:userTask id="a" mc:candidateGroups="desk" />
      <bpmn:userTask id="b" mc:candidateGroups="desk" />`;
    await expect(new ProcessRuntime().compile(model(diverging))).resolves.toBeTruthy();

    const converging = `${diverging}
      <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="join" />
      <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="join" />
      <bpmn:inclusiveGateway id="join" />`;
    const error = await compileError(model(converging));
    expect(error.elementId).toBe('join');
  });

  it('requires a condition or the default on every flow out of an exclusive gateway', async () => {
    const body = (defaultAttr: string) => `
      <bpmn:startEvent id="start" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="g" />
      <bpmn:exclusiveGateway id="g" ${defaultAttr} />
      <bpmn:sequenceFlow id="yes" sourceRef="g" targetRef="e1">
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">environment.output.decision === 'approve'</bpmn:conditionExpression>
      </bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="other" sourceRef="g" targetRef="e2" />
      <bpmn:endEvent id="e1" />
      <bpmn:endEvent id="e2" />`;
    expect((await compileError(model(body('')))).elementId).toBe('other');
    await expect(new ProcessRuntime().compile(model(body('default="other"')))).resolves.toBeTruthy();
  });

  it('lists the decisions the gateway right after a task compares `decision` with', async () => {
    const def = await new ProcessRuntime().compile(
      model(`
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:userTask id="review" mc:candidateGroups="specialist" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="g" />
        <bpmn:exclusiveGateway id="g" default="other" />
        <bpmn:sequenceFlow id="yes" sourceRef="g" targetRef="sign">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">environment.output.decision === 'approve' &amp;&amp; environment.output.review.kind === 'urgent'</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="no" sourceRef="g" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, "reject" == environment.output.decision)</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="other" sourceRef="g" targetRef="end" />
        <bpmn:userTask id="sign" mc:candidateGroups="leader" />
        <bpmn:sequenceFlow id="f3" sourceRef="sign" targetRef="end" />
        <bpmn:endEvent id="end" />`),
    );
    expect(def.steps.map((s) => s.decisions)).toEqual([['approve', 'reject'], undefined]);
  });

  it('accepts only JavaScript conditions that parse', async () => {
    const flow = (expression: string) => `
      <bpmn:startEvent id="start" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end">${expression}</bpmn:sequenceFlow>
      <bpmn:endEvent id="end" />`;
    const juel = await compileError(model(flow('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression>')));
    expect(juel.elementId).toBe('f1');
    expect(juel.message).toMatch(/JavaScript/);
    const broken = await compileError(
      model(flow('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">environment.output.(</bpmn:conditionExpression>')),
    );
    expect(broken.elementId).toBe('f1');
    expect(broken.message).toMatch(/not valid JavaScript/);
  });

  it('validates mc:stepDurationUnit, mc:stepDuration and mc:clock', async () => {
    const withAttrs = (attrs: string) => model(LINEAR.replace('mc:stepDuration="2"', attrs));
    expect((await compileError(withAttrs('mc:stepDuration="2" mc:stepDurationUnit="weeks"'))).message).toMatch(/working_days, working_hours, days, same_day/);
    expect((await compileError(withAttrs('mc:stepDuration="-1"'))).elementId).toBe('task');
    expect((await compileError(withAttrs('mc:stepDurationUnit="days"'))).message).toMatch(/no mc:stepDuration/);
    expect((await compileError(withAttrs('mc:clock="stop"'))).message).toMatch(/run, pause, restart/);
  });

  it('rejects elements the runtime cannot drive', async () => {
    const service = await compileError(model(LINEAR.replace('<bpmn:userTask id="task" name="Thẩm định"', '<bpmn:serviceTask id="task" name="Gọi dịch vụ"')));
    expect(service.elementId).toBe('task');
    const message = await compileError(
      model(LINEAR.replace('<bpmn:endEvent id="end"', '<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent><bpmn:endEvent id="end"')),
    );
    expect(message.elementId).toBe('wait');
  });

  it('rejects a timer the engine cannot parse', async () => {
    const error = await compileError(
      model(`
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">48h</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`),
    );
    expect(error.elementId).toBe('wait');
    expect(error.message).toMatch(/ISO 8601/);
  });
});
