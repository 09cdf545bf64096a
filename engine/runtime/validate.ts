import { TimerEventDefinition } from 'bpmn-elements';
import type { BaseElement, Definitions } from 'bpmn-moddle';
import { CONDITION_LANGUAGE, checkConditionSyntax } from './conditions.js';
import { DefinitionError } from './errors.js';
import type { Expression, SequenceFlow } from './moddle.js';

interface FlowNode extends BaseElement {
  id: string;
  default?: BaseElement;
  eventDefinitions?: BaseElement[];
}

type TimerType = 'timeDuration' | 'timeDate' | 'timeCycle';
const TIMER_TYPES: readonly TimerType[] = ['timeDuration', 'timeDate', 'timeCycle'];

/**
 * What the runtime can drive: user tasks (completed through completeTask), timers (fireTimer) and
 * whatever passes through by itself. Anything else would wait for something nobody sends, or fail
 * at run time, so it is refused at publication. Value: event definitions allowed on that event type.
 */
const EVENTS: Record<string, readonly string[]> = {
  'bpmn:StartEvent': [],
  'bpmn:EndEvent': ['bpmn:TerminateEventDefinition'],
  'bpmn:IntermediateThrowEvent': [],
  'bpmn:IntermediateCatchEvent': ['bpmn:TimerEventDefinition'],
  'bpmn:BoundaryEvent': ['bpmn:TimerEventDefinition'],
};
const CATCH_EVENTS = new Set(['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent']);
const OTHER_ELEMENTS = new Set([
  'bpmn:UserTask',
  'bpmn:Task',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

export function executableProcess(definitions: Definitions): BaseElement {
  const executable = (definitions.rootElements ?? []).filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
  if (executable.length !== 1) {
    throw new DefinitionError(
      `The model must contain exactly one executable process (isExecutable="true"); found ${executable.length}`,
      `Mô hình phải có đúng một quy trình thực thi được (isExecutable="true"); hiện có ${executable.length}`,
    );
  }
  return executable[0];
}

/** Checks the flow elements of the process and returns them. */
export function validateProcess(process: BaseElement): BaseElement[] {
  const elements = (process.flowElements ?? []) as BaseElement[];
  const flows = sequenceFlows(elements);
  for (const element of elements) checkSupported(element as FlowNode);
  for (const flow of flows) checkCondition(flow);
  for (const element of elements) {
    const node = element as FlowNode;
    if (node.$type === 'bpmn:ExclusiveGateway') checkExclusiveGateway(node, flows);
    if (node.$type === 'bpmn:InclusiveGateway') checkInclusiveGateway(node, flows);
  }
  return elements;
}

export function sequenceFlows(elements: BaseElement[]): SequenceFlow[] {
  return elements.filter((e): e is SequenceFlow => e.$type === 'bpmn:SequenceFlow');
}

function checkSupported(node: FlowNode): void {
  const allowedDefinitions = EVENTS[node.$type];
  if (!allowedDefinitions && !OTHER_ELEMENTS.has(node.$type)) {
    throw new DefinitionError(
      `${node.$type} (${node.id}) is not supported: the runtime runs user tasks, gateways, timer events and none events`,
      `Phần tử ${node.$type} (${node.id}) không được hỗ trợ: bộ máy chỉ chạy bước xử lý (user task), cổng, sự kiện hẹn giờ và sự kiện thường`,
      { elementId: node.id },
    );
  }
  if (!allowedDefinitions) return;
  const definitions = node.eventDefinitions ?? [];
  if (CATCH_EVENTS.has(node.$type) && definitions.length !== 1) {
    throw new DefinitionError(
      `${node.$type} ${node.id} must have exactly one timer event definition`,
      `Sự kiện ${node.id} phải có đúng một định nghĩa hẹn giờ (timer)`,
      { elementId: node.id },
    );
  }
  const unsupported = definitions.find((d) => !allowedDefinitions.includes(d.$type));
  if (unsupported) {
    throw new DefinitionError(
      `${unsupported.$type} on ${node.$type} ${node.id} is not supported`,
      `Loại sự kiện ${unsupported.$type} của ${node.id} không được hỗ trợ`,
      { elementId: node.id },
    );
  }
  for (const definition of definitions) {
    if (definition.$type === 'bpmn:TimerEventDefinition') checkTimer(definition, node.id);
  }
}

function checkTimer(definition: BaseElement, elementId: string): void {
  const given = TIMER_TYPES.filter((type) => (definition[type] as Expression | undefined)?.body !== undefined);
  if (given.length !== 1) {
    throw new DefinitionError(
      `Timer on ${elementId} must have exactly one of timeDuration, timeDate, timeCycle`,
      `Hẹn giờ của ${elementId} phải có đúng một trong timeDuration, timeDate, timeCycle`,
      { elementId },
    );
  }
  const type = given[0];
  const value = (definition[type] as Expression).body as string;
  if (value.includes('${')) return;
  try {
    parseTimer(type, value);
  } catch (err) {
    throw new DefinitionError(
      `Timer ${type} "${value}" on ${elementId} is not valid ISO 8601 (e.g. PT48H, P2D): ${(err as Error).message}`,
      `Hẹn giờ ${type} "${value}" của ${elementId} không đúng định dạng ISO 8601 (ví dụ PT48H, P2D)`,
      { elementId },
    );
  }
}

/** The engine's own parser, so that a timer accepted here is a timer the engine can run. */
function parseTimer(type: TimerType, value: string): void {
  const { prototype } = TimerEventDefinition as unknown as { prototype: { parse(type: TimerType, value: string): unknown } };
  prototype.parse(type, value);
}

function checkCondition(flow: SequenceFlow): void {
  const expression = flow.conditionExpression;
  if (!expression) return;
  if (!CONDITION_LANGUAGE.test(expression.language ?? '') || !expression.body?.trim()) {
    throw new DefinitionError(
      `The condition on flow ${flow.id} must be a JavaScript expression (language="javascript")`,
      `Điều kiện của luồng ${flow.id} phải là biểu thức JavaScript (language="javascript")`,
      { elementId: flow.id },
    );
  }
  try {
    checkConditionSyntax(expression.body);
  } catch (err) {
    throw new DefinitionError(
      `The condition on flow ${flow.id} is not valid JavaScript: ${(err as Error).message}`,
      `Điều kiện của luồng ${flow.id} không phải JavaScript hợp lệ: ${(err as Error).message}`,
      { elementId: flow.id },
    );
  }
}

function checkExclusiveGateway(gateway: FlowNode, flows: SequenceFlow[]): void {
  const outgoing = flows.filter((f) => f.sourceRef === gateway);
  if (outgoing.length < 2) return;
  const unguarded = outgoing.find((f) => !f.conditionExpression && f !== gateway.default);
  if (!unguarded) return;
  throw new DefinitionError(
    `Flow ${unguarded.id} leaving exclusive gateway ${gateway.id} has no condition and is not the default flow`,
    `Luồng ${unguarded.id} ra từ cổng loại trừ ${gateway.id} không có điều kiện và không phải luồng mặc định`,
    { elementId: unguarded.id },
  );
}

function checkInclusiveGateway(gateway: FlowNode, flows: SequenceFlow[]): void {
  const incoming = flows.filter((f) => f.targetRef === gateway).length;
  if (incoming < 2) return;
  throw new DefinitionError(
    `Inclusive gateway ${gateway.id} merges ${incoming} flows; the engine cannot run a converging inclusive gateway (merge with a parallel or exclusive gateway)`,
    `Cổng bao hàm ${gateway.id} hợp nhất ${incoming} luồng; bộ máy không chạy được cổng bao hàm hội tụ (hãy hợp nhất bằng cổng song song hoặc cổng loại trừ)`,
    { elementId: gateway.id },
  );
}
