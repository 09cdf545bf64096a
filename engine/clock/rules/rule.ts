/**
 * How a clock rule is written (in the style of bpmn-js "behaviors").
 *
 * A rule is one small file: a docblock stating the rule and its legal basis, the rule sets it
 * belongs to, a `register` function that hooks into the events it cares about, and its helpers at
 * the bottom. Two kinds of hook, run in the order the rules are listed in `rules/index.ts`:
 *
 * - `check(type, fn)` — before the event changes anything: refuse it with `run.fail(…)` (a
 *   `ClockRuleError`), or leave a note with `run.warn(…)`;
 * - `apply(type, fn)` — move the clock: `run.stopClock`, `run.resumeClock`, `run.restartLimit`,
 *   `run.setApology`, or adjust the receipt's counting start.
 *
 * The core (`compute.ts`) does what every regime shares — order of events, receipt first, pairing
 * of requests and answers, steps, the end of the dossier — and runs the hooks in between.
 */
import { CLOCK_EVENT_TYPES, type ClockEvent, type ClockEventType, type RuleSetId } from '../types.js';
import type { ClockRun } from '../run.js';

export type EventOf<T extends ClockEventType> = Extract<ClockEvent, { type: T }>;
export type RuleHook<T extends ClockEventType = ClockEventType> = (run: ClockRun, event: EventOf<T>) => void;

export interface RuleHooks {
  check<T extends ClockEventType>(type: T, hook: RuleHook<T>): void;
  apply<T extends ClockEventType>(type: T, hook: RuleHook<T>): void;
}

export interface ClockRule {
  /** The file name, e.g. `single-supplement-request`. */
  readonly id: string;
  /** The rule sets the rule belongs to — where the regimes differ, this line is where. */
  readonly ruleSets: readonly RuleSetId[];
  register(hooks: RuleHooks): void;
}

export function defineRule(rule: ClockRule): ClockRule {
  return Object.freeze(rule);
}

/** The hooks of one event type. */
export interface EventHooks {
  readonly check: readonly RuleHook[];
  readonly apply: readonly RuleHook[];
}

/** The hooks of one rule set, by event type, ready to run. */
export interface RuleTable {
  readonly ruleSet: RuleSetId;
  readonly rules: readonly ClockRule[];
  /** Every known event type has an entry (possibly with no hooks): one lookup per event. */
  readonly hooks: ReadonlyMap<string, EventHooks>;
}

export function buildRuleTable(all: readonly ClockRule[], ruleSet: RuleSetId): RuleTable {
  const rules = all.filter((r) => r.ruleSets.includes(ruleSet));
  const hooks = new Map<string, { check: RuleHook[]; apply: RuleHook[] }>();
  for (const type of CLOCK_EVENT_TYPES) hooks.set(type, { check: [], apply: [] });
  const add = (kind: 'check' | 'apply', type: ClockEventType, hook: RuleHook) => {
    const h = hooks.get(type);
    if (!h) throw new TypeError(`Rule hooks unknown event type ${JSON.stringify(type)}`);
    h[kind].push(hook);
  };
  for (const rule of rules) {
    rule.register({
      check: (type, hook) => add('check', type, hook as unknown as RuleHook),
      apply: (type, hook) => add('apply', type, hook as unknown as RuleHook),
    });
  }
  return Object.freeze({ ruleSet, rules, hooks });
}
