/**
 * The bpmnlint configuration of the designer, shared by the server and the web modeler (no Node
 * APIs here): bpmnlint's recommended rules with Vietnamese messages, plus MotCua's rules (rules.ts)
 * as the plugin "motcua". Each side supplies how rules are loaded (a resolver); this file supplies
 * what is checked and how reports read.
 */
import { motcuaRules, type ModdleElement, type Reporter, type RuleDefinition, type RuleFactory } from './rules.js';

/** bpmnlint reads the rule name "motcua/x" as rule x of the package "bpmnlint-plugin-motcua". */
export const MOTCUA_PLUGIN = 'bpmnlint-plugin-motcua';

export type RuleValue = 'off' | 'warn' | 'error' | ['off' | 'warn' | 'error', unknown];

export interface LintConfig {
  extends?: string | string[];
  rules: Record<string, RuleValue>;
}

export interface LintContext {
  /** The process id the procedure points to. */
  processId?: string;
  /** mc:agency keys that resolve to some agency (tags and codes). */
  agencyKeys?: string[];
  /** The procedure's time limit, for the path-duration warning. */
  timeLimit?: { value: number; unit: string };
  /** The engine's condition syntax check (server). */
  checkSyntax?: (body: string) => void;
  /** The engine's timer parser (server); a looser one is used without it. */
  parseTimer?: (type: 'timeDuration' | 'timeDate' | 'timeCycle', value: string) => void;
}

/** Recommended rules that are turned off, and why. */
export const RECOMMENDED_OVERRIDES: Record<string, RuleValue> = {
  // Diverging inclusive gateways run fine; the converging ones the engine cannot run are errors of
  // motcua/no-inclusive-join. A warning on every inclusive gateway would only be noise.
  'no-inclusive-gateway': 'off',
};

export function lintConfig(context: LintContext = {}): LintConfig {
  const withConfig = (category: 'warn' | 'error', value: unknown): RuleValue => [category, value];
  return {
    extends: 'bpmnlint:recommended',
    rules: {
      ...RECOMMENDED_OVERRIDES,
      'motcua/executable-process': 'error',
      'motcua/supported-elements': 'error',
      'motcua/candidate-groups': 'error',
      'motcua/step-attributes': 'error',
      'motcua/end-attributes': 'error',
      'motcua/exclusive-conditions': 'error',
      'motcua/conditions': withConfig('error', { checkSyntax: context.checkSyntax }),
      'motcua/no-inclusive-join': 'error',
      'motcua/timers': withConfig('error', { parse: context.parseTimer }),
      ...(context.processId && { 'motcua/process-id': withConfig('error', { processId: context.processId }) }),
      ...(context.agencyKeys && { 'motcua/agency-keys': withConfig('error', { keys: context.agencyKeys }) }),
      ...(context.timeLimit && { 'motcua/time-limit': withConfig('warn', { limit: context.timeLimit }) }),
    },
  };
}

/** Finds a rule of the motcua plugin, or undefined. */
export function motcuaRule(pkg: string, name: string): RuleFactory | undefined {
  return pkg === MOTCUA_PLUGIN ? motcuaRules[name] : undefined;
}

// -- Vietnamese messages for bpmnlint's rules ---------------------------------------------------

const TYPES: Record<string, string> = { Process: 'Quy trình', SubProcess: 'Quy trình con', Collaboration: 'Sơ đồ cộng tác' };
const typeVi = (type: string) => TYPES[type.replace(/^bpmn:/, '')] ?? type;

/** English report → Vietnamese, per rule; the first pattern that matches wins, else the English text stays. */
const MESSAGES: Record<string, Array<[RegExp, string | ((m: RegExpExecArray) => string)]>> = {
  'ad-hoc-sub-process': [
    [/Start Event/, 'Không được đặt sự kiện bắt đầu trong quy trình con ad-hoc'],
    [/End Event/, 'Không được đặt sự kiện kết thúc trong quy trình con ad-hoc'],
  ],
  'conditional-flows': [[/./, 'Luồng ra từ điểm rẽ nhánh chưa có điều kiện (hoặc hãy đặt làm luồng mặc định)']],
  'end-event-required': [[/^(.*) is missing end event/, (m) => `${typeVi(m[1])} thiếu sự kiện kết thúc`]],
  'event-based-gateway': [
    [/at least 2/, 'Cổng dựa trên sự kiện phải có ít nhất 2 luồng ra'],
    [/must not be conditional/, 'Luồng ra từ cổng dựa trên sự kiện không được có điều kiện'],
  ],
  'event-sub-process-typed-start-event': [[/./, 'Sự kiện bắt đầu của quy trình con sự kiện phải có loại sự kiện']],
  'fake-join': [[/./, 'Nhiều luồng đi thẳng vào phần tử mà không qua cổng hợp nhất']],
  'global': [
    [/missing name/, 'Phần tử chưa có tên'],
    [/unused/, 'Phần tử không được dùng'],
    [/not unique/, 'Tên phần tử bị trùng'],
  ],
  'label-required': [[/./, 'Phần tử chưa có tên (nhãn)']],
  'link-event': [
    [/missing link name/, 'Sự kiện liên kết chưa có tên liên kết'],
    [/Duplicate/, 'Trùng sự kiện liên kết bắt (cùng tên liên kết)'],
    [/missing in scope/, 'Không tìm thấy sự kiện liên kết tương ứng'],
  ],
  'no-bpmndi': [[/./, 'Phần tử không có hình vẽ trên sơ đồ (thiếu BPMNDI)']],
  'no-complex-gateway': [[/./, 'Không dùng cổng phức hợp (complex gateway)']],
  'no-disconnected': [[/./, 'Phần tử chưa được nối với luồng nào']],
  'no-duplicate-sequence-flows': [
    [/is a duplicate/, 'Luồng bị trùng với một luồng khác (cùng điểm đầu, điểm cuối và điều kiện)'],
    [/outgoing/, 'Có các luồng ra trùng nhau'],
    [/incoming/, 'Có các luồng vào trùng nhau'],
  ],
  'no-gateway-join-fork': [[/./, 'Cổng vừa hợp nhất vừa rẽ nhánh; hãy tách thành hai cổng']],
  'no-implicit-split': [[/./, 'Rẽ nhánh ngầm (nhiều luồng ra không qua cổng); hãy dùng cổng']],
  'no-implicit-end': [[/./, 'Phần tử là điểm kết thúc ngầm; hãy nối tới một sự kiện kết thúc']],
  'no-implicit-start': [[/./, 'Phần tử là điểm bắt đầu ngầm; hãy nối từ sự kiện bắt đầu']],
  'no-inclusive-gateway': [[/./, 'Không nên dùng cổng bao hàm (inclusive gateway)']],
  'no-overlapping-elements': [
    [/outside/, 'Phần tử nằm ngoài khung chứa'],
    [/./, 'Phần tử chồng lên phần tử khác'],
  ],
  'single-blank-start-event': [[/^(.*) has multiple/, (m) => `${typeVi(m[1])} có nhiều sự kiện bắt đầu thường`]],
  'single-event-definition': [[/./, 'Sự kiện có nhiều hơn một định nghĩa sự kiện']],
  'start-event-required': [[/^(.*) is missing start event/, (m) => `${typeVi(m[1])} thiếu sự kiện bắt đầu`]],
  'sub-process-blank-start-event': [[/./, 'Sự kiện bắt đầu của quy trình con phải là sự kiện thường']],
  'superfluous-gateway': [[/./, 'Cổng thừa: chỉ có một luồng vào và một luồng ra']],
  'superfluous-label': [[/./, 'Luồng có nhãn thừa']],
  'superfluous-termination': [[/./, 'Sự kiện kết thúc toàn bộ (terminate) là thừa']],
};

export function vietnameseMessage(ruleName: string, message: string): string {
  for (const [pattern, vi] of MESSAGES[ruleName] ?? []) {
    const m = pattern.exec(message);
    if (m) return typeof vi === 'string' ? vi : vi(m);
  }
  return message;
}

/** Wraps a bpmnlint rule so its reports read in Vietnamese. */
export function inVietnamese(ruleName: string, factory: RuleFactory): RuleFactory {
  return (cfg) => {
    const original = factory(cfg);
    const translate = (reporter: Reporter): Reporter => ({
      report: (id, message, path) => reporter.report(id, vietnameseMessage(ruleName, message), path),
    });
    const wrap = (fn?: (node: ModdleElement, reporter: Reporter) => void) =>
      fn && ((node: ModdleElement, reporter: Reporter) => fn(node, translate(reporter)));
    const check: RuleDefinition['check'] = typeof original.check === 'function'
      ? wrap(original.check)!
      : { enter: wrap(original.check.enter), leave: wrap(original.check.leave) };
    return { ...original, check };
  };
}
