/**
 * Sequence-flow conditions.
 *
 * Syntax (what a designer writes on a flow leaving an exclusive or diverging inclusive gateway):
 *
 *   <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">
 *     environment.output.decision === 'reject'
 *   </bpmn:conditionExpression>
 *
 * The body is JavaScript (`language="javascript"` or `"js"`). Its value decides: the value passed to
 * `next(null, value)` when the body calls it (bpmn-engine style), otherwise the value of its last
 * expression statement (Camunda style). Both read:
 *   - `environment.output.decision` — the `decision` of the last completed task that gave one;
 *   - `environment.output.<userTaskId>` — everything a task was completed with;
 *   - `environment.variables` — the variables the instance was started with.
 * `next(error)` or a throw stops the instance with a ProcessRunError.
 *
 * Evaluation is sandboxed: a vm context of its own per run that receives only a JSON copy of
 * `output` and `variables` (no host objects, so no route back to `process`), with a time limit.
 */
import { Script, createContext, type Context } from 'node:vm';
import type { SerializableContext } from 'moddle-context-serializer';

const TIME_LIMIT_MS = 50;

const runner = new Script(`(function () {
  var outcome;
  globalThis.environment = JSON.parse(__input);
  globalThis.next = function (err, value) {
    if (outcome === undefined) outcome = err ? 'error:' + String((err && err.message) || err) : value ? 'true' : 'false';
  };
  try {
    var completion = (0, eval)(__source);
    return outcome === undefined ? (completion ? 'true' : 'false') : outcome;
  } catch (err) {
    return 'error:' + String((err && err.message) || err);
  }
})()`);

export const CONDITION_LANGUAGE = /^(javascript|js)$/i;

interface ConditionScope {
  environment: { output: Record<string, unknown>; variables: Record<string, unknown> };
}

type Next = (err: Error | null, value?: boolean) => void;

/** Throws the SyntaxError of a condition body, so compile can report it against the flow. */
export function checkConditionSyntax(source: string): void {
  new Script(source);
}

/** Condition bodies by sequence flow id, read once per definition version. */
export function conditionBodies(source: SerializableContext): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const flow of source.getSequenceFlows()) {
    const expression = flow.behaviour.conditionExpression as { body?: string } | undefined;
    if (flow.id && expression?.body) bodies.set(flow.id, expression.body);
  }
  return bodies;
}

/**
 * The `scripts` option of bpmn-engine for one engine run. The vm context costs ~1 ms to create, so one
 * is made lazily per run (per completion) and shared by that run's evaluations; runs never share one.
 */
export class ConditionScripts {
  private sandbox?: Context;

  constructor(private readonly bodies: Map<string, string>) {}

  /** Nothing to do per element: every condition was read from the definition. */
  register(): undefined {
    return undefined;
  }

  getScript(_language: string, { id }: { id: string }): { execute(scope: ConditionScope, next: Next): void } {
    const body = this.bodies.get(id);
    if (body === undefined) throw new Error(`No condition script for ${id}`);
    return { execute: (scope, next) => this.evaluate(id, body, scope, next) };
  }

  private evaluate(flowId: string, body: string, scope: ConditionScope, next: Next): void {
    this.sandbox ??= createContext(Object.create(null), { microtaskMode: 'afterEvaluate' });
    this.sandbox.__input = JSON.stringify({ output: scope.environment.output, variables: scope.environment.variables });
    this.sandbox.__source = body;
    let result: string;
    try {
      result = runner.runInContext(this.sandbox, { timeout: TIME_LIMIT_MS }) as string;
    } catch (err) {
      return next(new Error(`Condition on ${flowId}: ${(err as Error).message}`));
    }
    if (result.startsWith('error:')) return next(new Error(`Condition on ${flowId}: ${result.slice(6)}`));
    next(null, result === 'true');
  }
}
