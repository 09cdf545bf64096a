/**
 * MotCua's own bpmnlint rules: what the engine can run, and what a one-stop procedure needs.
 *
 * Shared by the server (POST /api/designer/…/validate, publish) and the web modeler (bpmn-js-bpmnlint
 * overlays), so this file and everything it imports must stay free of Node APIs. Messages are
 * Vietnamese: they are shown to the province's designers as they are.
 *
 * The checks mirror engine/runtime/validate.ts and specs.ts, but report every problem at once and
 * on the element at fault; the server still compiles the model with the engine afterwards, so a
 * check missing here cannot let an unrunnable model through.
 */

/** A moddle element as bpmnlint hands it to a rule. */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  $instanceOf?(type: string): boolean;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

export interface Reporter {
  report(id: string | undefined, message: string, path?: string[]): void;
}

export interface RuleDefinition {
  check: ((node: ModdleElement, reporter: Reporter) => void) | {
    enter?: (node: ModdleElement, reporter: Reporter) => void;
    leave?: (node: ModdleElement, reporter: Reporter) => void;
  };
  meta?: { documentation?: { url?: string } };
}

export type RuleFactory = (config?: unknown) => RuleDefinition;

/** Roles whose officers work tasks (the others, admin and designer, never do). */
export const TASK_GROUPS = ['desk', 'specialist', 'leader'] as const;
export const DURATION_UNITS = ['working_days', 'working_hours', 'days', 'same_day'] as const;
export const CLOCK_BEHAVIOURS = ['run', 'pause', 'restart'] as const;
/** mc:agency keys every process may use; other keys are agency tags or codes (see resolve-step-agency.ts). */
export const BUILT_IN_AGENCY_KEYS = ['handling', 'receiving'] as const;

export const GROUP_LABELS: Record<string, string> = { desk: 'một cửa', specialist: 'chuyên viên', leader: 'lãnh đạo' };
const UNIT_LABELS: Record<string, string> = {
  working_days: 'ngày làm việc', working_hours: 'giờ làm việc', days: 'ngày', same_day: 'trong ngày',
};

/** As in engine/runtime/validate.ts: event types the runtime drives, with the event definitions allowed on each. */
const EVENTS: Record<string, readonly string[]> = {
  'bpmn:StartEvent': [],
  'bpmn:EndEvent': ['bpmn:TerminateEventDefinition'],
  'bpmn:IntermediateThrowEvent': [],
  'bpmn:IntermediateCatchEvent': ['bpmn:TimerEventDefinition'],
  'bpmn:BoundaryEvent': ['bpmn:TimerEventDefinition'],
};
const CATCH_EVENTS = new Set(['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent']);
const OTHER_ELEMENTS = new Set([
  'bpmn:UserTask', 'bpmn:Task', 'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway',
  'bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference',
]);
const CONDITION_LANGUAGE = /^(javascript|js)$/i;

const TYPE_LABELS: Record<string, string> = {
  'bpmn:ServiceTask': 'tác vụ dịch vụ (service task)',
  'bpmn:ScriptTask': 'tác vụ kịch bản (script task)',
  'bpmn:SendTask': 'tác vụ gửi (send task)',
  'bpmn:ReceiveTask': 'tác vụ nhận (receive task)',
  'bpmn:ManualTask': 'tác vụ thủ công (manual task)',
  'bpmn:BusinessRuleTask': 'tác vụ quy tắc nghiệp vụ (business rule task)',
  'bpmn:CallActivity': 'gọi quy trình khác (call activity)',
  'bpmn:SubProcess': 'quy trình con (sub-process)',
  'bpmn:Transaction': 'giao dịch (transaction)',
  'bpmn:AdHocSubProcess': 'quy trình con ad-hoc',
  'bpmn:EventBasedGateway': 'cổng dựa trên sự kiện (event-based gateway)',
  'bpmn:ComplexGateway': 'cổng phức hợp (complex gateway)',
  'bpmn:MessageEventDefinition': 'thông điệp (message)',
  'bpmn:SignalEventDefinition': 'tín hiệu (signal)',
  'bpmn:ErrorEventDefinition': 'lỗi (error)',
  'bpmn:EscalationEventDefinition': 'leo thang (escalation)',
  'bpmn:ConditionalEventDefinition': 'điều kiện (conditional)',
  'bpmn:CompensateEventDefinition': 'bù trừ (compensation)',
  'bpmn:LinkEventDefinition': 'liên kết (link)',
  'bpmn:CancelEventDefinition': 'huỷ (cancel)',
  'bpmn:TerminateEventDefinition': 'kết thúc toàn bộ (terminate)',
  'bpmn:TimerEventDefinition': 'hẹn giờ (timer)',
};
const typeLabel = (type: string) => TYPE_LABELS[type] ?? type.replace(/^bpmn:/, '');

// -- helpers ----------------------------------------------------------------------------------

export function is(node: ModdleElement | undefined, type: string): boolean {
  if (!node) return false;
  return typeof node.$instanceOf === 'function' ? node.$instanceOf(type) : node.$type === type;
}

const isExecutableProcess = (node: ModdleElement | undefined) => node?.$type === 'bpmn:Process' && node.isExecutable === true;

/** A flow element directly inside the executable process: what the engine runs. */
const inExecutableProcess = (node: ModdleElement) => isExecutableProcess(node.$parent);

/** `Bước "Thẩm định" (appraise)`-style naming of an element in messages. */
export function describe(node: ModdleElement, noun = 'Phần tử'): string {
  const name = typeof node.name === 'string' && node.name.trim() ? `"${node.name.trim()}" ` : '';
  return `${noun} ${name}(${node.id ?? '?'})`;
}

const flowElements = (container: ModdleElement | undefined) => (container?.flowElements as ModdleElement[] | undefined) ?? [];
const sequenceFlows = (container: ModdleElement | undefined) => flowElements(container).filter((e) => e.$type === 'bpmn:SequenceFlow');
const outgoingOf = (node: ModdleElement) => sequenceFlows(node.$parent).filter((f) => f.sourceRef === node);
const incomingOf = (node: ModdleElement) => sequenceFlows(node.$parent).filter((f) => f.targetRef === node);

/** A camunda:* (or any other prefix's) attribute moddle kept untyped, e.g. after importing a Camunda model. */
function foreignAttr(node: ModdleElement, local: string): string | undefined {
  const key = Object.keys(node.$attrs ?? {}).find((k) => k.endsWith(`:${local}`) && !k.startsWith('mc:'));
  return key ? node.$attrs![key] : undefined;
}

export function splitGroups(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((g) => g.trim()).filter(Boolean) : [];
}

const isOneOf = (value: unknown, allowed: readonly string[]) => typeof value === 'string' && allowed.includes(value);

const rule = (check: (node: ModdleElement, reporter: Reporter) => void): RuleDefinition => ({ check });

function config<T extends object>(raw: unknown): Partial<T> {
  return raw && typeof raw === 'object' ? (raw as Partial<T>) : {};
}

// -- rules ------------------------------------------------------------------------------------

/** Exactly one executable process: the one the engine runs. */
const executableProcess: RuleFactory = () => rule((node, reporter) => {
  if (node.$type !== 'bpmn:Definitions') return;
  const processes = ((node.rootElements as ModdleElement[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:Process');
  const executable = processes.filter(isExecutableProcess);
  if (executable.length === 1) return;
  if (executable.length === 0) {
    const targets = processes.length ? processes : [node];
    for (const p of targets) reporter.report(p.id, `${describe(p, 'Quy trình')} chưa được đánh dấu là quy trình thực thi được (isExecutable)`);
    return;
  }
  for (const p of executable) reporter.report(p.id, `Mô hình có ${executable.length} quy trình thực thi được; chỉ được có một`);
});

/** The process id must stay the one the procedure points to. Config: { processId }. */
const processId: RuleFactory = (raw) => {
  const { processId: expected } = config<{ processId: string }>(raw);
  return rule((node, reporter) => {
    if (!expected || !isExecutableProcess(node) || node.id === expected) return;
    reporter.report(node.id, `Mã quy trình phải là "${expected}" (đang là "${node.id}"): thủ tục trỏ tới quy trình theo mã này`);
  });
};

/** Only what the runtime can drive: user tasks, gateways, timer events, none events. */
const supportedElements: RuleFactory = () => rule((node, reporter) => {
  if (!inExecutableProcess(node) || !is(node, 'bpmn:FlowElement')) return;
  const allowed = EVENTS[node.$type];
  if (!allowed && !OTHER_ELEMENTS.has(node.$type)) {
    reporter.report(node.id, `${describe(node)}: loại "${typeLabel(node.$type)}" không được hỗ trợ; chỉ dùng bước xử lý (user task), cổng, sự kiện hẹn giờ và sự kiện thường`);
    return;
  }
  if (!allowed) return;
  const definitions = (node.eventDefinitions as ModdleElement[] | undefined) ?? [];
  if (CATCH_EVENTS.has(node.$type) && definitions.length !== 1) {
    reporter.report(node.id, `${describe(node, 'Sự kiện')} phải là sự kiện hẹn giờ (có đúng một định nghĩa hẹn giờ)`);
  }
  for (const definition of definitions) {
    if (!allowed.includes(definition.$type)) {
      reporter.report(node.id, `${describe(node, 'Sự kiện')}: loại sự kiện "${typeLabel(definition.$type)}" không được hỗ trợ`);
    }
  }
});

/** Every user task names who works it, from the roles that work tasks. */
const candidateGroups: RuleFactory = () => rule((node, reporter) => {
  if (node.$type !== 'bpmn:UserTask' || !inExecutableProcess(node)) return;
  const groups = splitGroups(node.candidateGroups ?? foreignAttr(node, 'candidateGroups'));
  if (groups.length === 0) {
    reporter.report(node.id, `${describe(node, 'Bước')} chưa chọn nhóm xử lý (mc:candidateGroups)`, ['candidateGroups']);
    return;
  }
  for (const group of groups.filter((g) => !isOneOf(g, TASK_GROUPS))) {
    reporter.report(node.id,
      `${describe(node, 'Bước')}: nhóm xử lý "${group}" không tồn tại; chọn trong ${TASK_GROUPS.map((g) => `${GROUP_LABELS[g]} (${g})`).join(', ')}`,
      ['candidateGroups']);
  }
});

/** mc: step attributes the engine reads: duration and unit, clock behaviour, national status code. */
const stepAttributes: RuleFactory = () => rule((node, reporter) => {
  if (node.$type !== 'bpmn:UserTask' || !inExecutableProcess(node)) return;
  const step = describe(node, 'Bước');
  const unit = node.stepDurationUnit;
  if (unit !== undefined && !isOneOf(unit, DURATION_UNITS)) {
    reporter.report(node.id, `${step}: đơn vị thời hạn "${String(unit)}" không hợp lệ; chọn ${DURATION_UNITS.map((u) => UNIT_LABELS[u]).join(', ')}`, ['stepDurationUnit']);
  }
  const duration = node.stepDuration;
  if (duration !== undefined && (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0)) {
    reporter.report(node.id, `${step}: thời hạn bước (mc:stepDuration) phải là số không âm`, ['stepDuration']);
  }
  if (duration === undefined && unit !== undefined && unit !== 'same_day' && isOneOf(unit, DURATION_UNITS)) {
    reporter.report(node.id, `${step} có đơn vị thời hạn nhưng chưa nhập thời hạn (mc:stepDuration)`, ['stepDuration']);
  }
  if (node.clock !== undefined && !isOneOf(node.clock, CLOCK_BEHAVIOURS)) {
    reporter.report(node.id, `${step}: cách tính giờ "${String(node.clock)}" không hợp lệ; chọn run (tiếp tục), pause (tạm dừng) hoặc restart (tính lại)`, ['clock']);
  }
  if (node.nationalStatus !== undefined && !Number.isInteger(node.nationalStatus)) {
    reporter.report(node.id, `${step}: mã trạng thái quốc gia (mc:nationalStatus) phải là số nguyên`, ['nationalStatus']);
  }
  if (typeof node.agency === 'string' && !node.agency.trim()) {
    reporter.report(node.id, `${step}: cơ quan xử lý (mc:agency) để trống`, ['agency']);
  }
});

/** End events: the national status code must be an integer, like on steps. */
const endAttributes: RuleFactory = () => rule((node, reporter) => {
  if (node.$type !== 'bpmn:EndEvent' || !inExecutableProcess(node)) return;
  if (node.nationalStatus !== undefined && !Number.isInteger(node.nationalStatus)) {
    reporter.report(node.id, `${describe(node, 'Sự kiện kết thúc')}: mã trạng thái quốc gia (mc:nationalStatus) phải là số nguyên`);
  }
});

/** A step's mc:agency must resolve: handling, receiving, or a tag/code of some agency. Config: { keys }. */
const agencyKeys: RuleFactory = (raw) => {
  const { keys } = config<{ keys: string[] }>(raw);
  return rule((node, reporter) => {
    if (!keys || node.$type !== 'bpmn:UserTask' || !inExecutableProcess(node)) return;
    const key = typeof node.agency === 'string' ? node.agency.trim() : '';
    if (!key || isOneOf(key, BUILT_IN_AGENCY_KEYS) || keys.includes(key)) return;
    reporter.report(node.id, `${describe(node, 'Bước')}: không có cơ quan nào mang vai trò hoặc mã "${key}" (mc:agency)`, ['agency']);
  });
};

/**
 * Every flow leaving an exclusive gateway has a condition, except its default flow: otherwise the
 * engine has a branch it can never choose, or stops when no condition holds.
 */
const exclusiveConditions: RuleFactory = () => rule((node, reporter) => {
  if (node.$type !== 'bpmn:ExclusiveGateway' || !inExecutableProcess(node)) return;
  const outgoing = outgoingOf(node);
  if (outgoing.length < 2) return;
  for (const flow of outgoing) {
    if (flow === node.default) {
      if (flow.conditionExpression) reporter.report(flow.id, `${describe(flow, 'Luồng')} là luồng mặc định nên không được có điều kiện`);
      continue;
    }
    if (!flow.conditionExpression) {
      reporter.report(flow.id, `${describe(flow, 'Luồng')} ra từ ${describe(node, 'cổng loại trừ')} chưa có điều kiện và không phải luồng mặc định`);
    }
  }
});

/** Conditions are JavaScript expressions. Config: { checkSyntax(body) } throws on a syntax error (server). */
const conditions: RuleFactory = (raw) => {
  const { checkSyntax } = config<{ checkSyntax: (body: string) => void }>(raw);
  return rule((node, reporter) => {
    if (node.$type !== 'bpmn:SequenceFlow' || !inExecutableProcess(node)) return;
    const expression = node.conditionExpression as ModdleElement | undefined;
    if (!expression) return;
    const body = typeof expression.body === 'string' ? expression.body.trim() : '';
    const language = typeof expression.language === 'string' ? expression.language : '';
    if (!CONDITION_LANGUAGE.test(language) || !body) {
      reporter.report(node.id, `Điều kiện của ${describe(node, 'luồng')} phải là biểu thức JavaScript (language="javascript") và không được trống`, ['conditionExpression']);
      return;
    }
    if (!checkSyntax) return;
    try {
      checkSyntax(body);
    } catch (err) {
      reporter.report(node.id, `Điều kiện của ${describe(node, 'luồng')} không phải JavaScript hợp lệ: ${(err as Error).message}`, ['conditionExpression']);
    }
  });
};

/** The engine cannot run a converging inclusive gateway (bpmn-engine does not implement the join). */
const noInclusiveJoin: RuleFactory = () => rule((node, reporter) => {
  if (node.$type !== 'bpmn:InclusiveGateway' || !inExecutableProcess(node)) return;
  const incoming = incomingOf(node).length;
  if (incoming < 2) return;
  reporter.report(node.id,
    `${describe(node, 'Cổng bao hàm')} hợp nhất ${incoming} luồng; bộ máy không chạy được cổng bao hàm hội tụ, hãy hợp nhất bằng cổng song song hoặc cổng loại trừ`);
});

type TimerType = 'timeDuration' | 'timeDate' | 'timeCycle';
const TIMER_TYPES: readonly TimerType[] = ['timeDuration', 'timeDate', 'timeCycle'];
const ISO_DURATION = /^P(?!$)(\d+(?:[.,]\d+)?Y)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?W)?(\d+(?:[.,]\d+)?D)?(T(?=\d)(\d+(?:[.,]\d+)?H)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?S)?)?$/;

/** A browser-side approximation of the engine's timer parser; the server passes the engine's own. */
export function parseTimerLoosely(type: TimerType, value: string): void {
  const text = value.trim();
  if (type === 'timeDuration' && ISO_DURATION.test(text)) return;
  if (type === 'timeDate' && !Number.isNaN(Date.parse(text))) return;
  if (type === 'timeCycle' && /^R\d*\/(.+)$/.test(text)) {
    const parts = text.split('/').slice(1);
    if (parts.every((p) => ISO_DURATION.test(p) || !Number.isNaN(Date.parse(p)))) return;
  }
  throw new Error(`"${value}"`);
}

/** Timers: exactly one of duration/date/cycle, in ISO 8601. Config: { parse(type, value) } throws (server). */
const timers: RuleFactory = (raw) => {
  const { parse = parseTimerLoosely } = config<{ parse: (type: TimerType, value: string) => void }>(raw);
  return rule((node, reporter) => {
    if (node.$type !== 'bpmn:TimerEventDefinition') return;
    const event = node.$parent;
    if (!event || !inExecutableProcess(event)) return;
    const given = TIMER_TYPES.filter((t) => typeof (node[t] as ModdleElement | undefined)?.body === 'string');
    if (given.length !== 1) {
      reporter.report(event.id, `Hẹn giờ của ${describe(event, 'sự kiện')} phải có đúng một trong: thời lượng (timeDuration), thời điểm (timeDate), chu kỳ (timeCycle)`);
      return;
    }
    const type = given[0];
    const value = ((node[type] as ModdleElement).body as string).trim();
    if (value.includes('${')) return;
    try {
      parse(type, value);
    } catch {
      reporter.report(event.id, `Hẹn giờ "${value}" của ${describe(event, 'sự kiện')} không đúng định dạng ISO 8601 (ví dụ PT48H, P2D)`);
    }
  });
};

export interface TimeLimitConfig {
  limit: { value: number; unit: string };
}

/** Hours of work a duration stands for, to add step durations up and compare with the procedure's limit. */
export function workingHours(value: number, unit: string): number {
  switch (unit) {
    case 'working_hours': return value;
    case 'same_day': return 0;
    // A calendar day is counted as a working day: a lenient approximation, this rule only warns.
    default: return value * 8;
  }
}

const limitHours = (limit: { value: number; unit: string }) => (limit.unit === 'same_day' ? 8 : workingHours(limit.value, limit.unit));

function formatHours(hours: number, unit: string): string {
  const round = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
  return unit === 'working_hours' || unit === 'same_day' ? `${round(hours)} giờ làm việc` : `${round(hours / 8)} ngày làm việc`;
}

function formatLimit(limit: { value: number; unit: string }): string {
  return limit.unit === 'same_day' ? 'trong ngày' : `${String(limit.value).replace('.', ',')} ${UNIT_LABELS[limit.unit] ?? limit.unit}`;
}

const MAX_PATH_STEPS = 20_000;

/**
 * The step durations along any path from the start to an end must fit the procedure's time limit
 * (a warning: conditions may rule a path out). A step that pauses the clock adds nothing; one that
 * restarts it starts the count again. Config: { limit: { value, unit } }.
 */
const timeLimit: RuleFactory = (raw) => {
  const { limit } = config<TimeLimitConfig>(raw);
  return rule((node, reporter) => {
    if (!limit || !isExecutableProcess(node)) return;
    const max = limitHours(limit);
    const elements = flowElements(node);
    const flows = sequenceFlows(node);
    const boundaries = elements.filter((e) => e.$type === 'bpmn:BoundaryEvent');
    const next = (n: ModdleElement) => [
      ...flows.filter((f) => f.sourceRef === n).map((f) => f.targetRef as ModdleElement),
      ...boundaries.filter((b) => b.attachedToRef === n),
    ].filter(Boolean);
    const worst = new Map<ModdleElement, { hours: number; path: ModdleElement[] }>();
    let budget = MAX_PATH_STEPS;
    const walk = (n: ModdleElement, hours: number, path: ModdleElement[]) => {
      if (--budget < 0 || path.includes(n)) return;
      let total = hours;
      if (n.$type === 'bpmn:UserTask') {
        const unit = isOneOf(n.stepDurationUnit, DURATION_UNITS) ? (n.stepDurationUnit as string) : 'working_days';
        const own = typeof n.stepDuration === 'number' && Number.isFinite(n.stepDuration) ? workingHours(n.stepDuration, unit) : 0;
        total = n.clock === 'pause' ? hours : n.clock === 'restart' ? own : hours + own;
      }
      const here = [...path, n];
      const targets = next(n);
      if (targets.length === 0) {
        if (total > (worst.get(n)?.hours ?? -1)) worst.set(n, { hours: total, path: here });
        return;
      }
      for (const t of targets) walk(t, total, here);
    };
    for (const start of elements.filter((e) => e.$type === 'bpmn:StartEvent')) walk(start, 0, []);
    for (const [end, { hours, path }] of worst) {
      if (hours <= max + 1e-9) continue;
      const steps = path.filter((e) => e.$type === 'bpmn:UserTask').map((e) => (typeof e.name === 'string' && e.name.trim()) || e.id).join(' → ');
      reporter.report(end.id,
        `Tổng thời hạn các bước trên đường tới ${describe(end, 'kết thúc')} là ${formatHours(hours, limit.unit)} (${steps}), vượt thời hạn giải quyết của thủ tục (${formatLimit(limit)})`);
    }
  });
};

/** Rule factories by name, as the "motcua/…" rules of the bpmnlint config (package bpmnlint-plugin-motcua). */
export const motcuaRules: Record<string, RuleFactory> = {
  'executable-process': executableProcess,
  'process-id': processId,
  'supported-elements': supportedElements,
  'candidate-groups': candidateGroups,
  'step-attributes': stepAttributes,
  'end-attributes': endAttributes,
  'agency-keys': agencyKeys,
  'exclusive-conditions': exclusiveConditions,
  'conditions': conditions,
  'no-inclusive-join': noInclusiveJoin,
  'timers': timers,
  'time-limit': timeLimit,
};
