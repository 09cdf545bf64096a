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
 * Evaluation is sandboxed: a vm context that receives only a JSON copy of `output` and `variables`
 * (no host objects, so no route back to `process`), with a time limit (TIME_LIMIT_MS). One context serves
 * every evaluation of a ProcessRuntime (creating one costs ~1 ms of CPU plus its garbage, and ~10 ms
 * with the freezing below), so nothing an evaluation does may outlive it:
 *   - the body runs as a direct eval inside a function, so its `var` and function declarations are
 *     local to that evaluation (they are not globals, not even for the next condition of the run);
 *   - every built-in object of the context (constructors, prototypes, JSON, Math, …) is frozen when the
 *     context is made, so a body cannot change them (such assignments are ignored, or throw in strict
 *     code);
 *   - the RegExp legacy statics (`RegExp.$1`, `RegExp.input`, …) are reset after each evaluation;
 *   - the globals the evaluator sets (environment, next, __input, __source) are non-configurable data
 *     properties, so a body cannot turn them into accessors whose code would run when they are set;
 *   - the global object is checked before and after each evaluation: a body that added, removed or
 *     replaced a global (`x = 1`, `globalThis.x = …`, `JSON = null`, `delete globalThis.JSON`) or
 *     changed its prototype gets its context thrown away after its own evaluation, and an evaluation
 *     that finds the context changed (by something an earlier one left pending) runs in a fresh one;
 *   - a context whose evaluation timed out, or threw out of the evaluator itself, is thrown away.
 * A body that cannot loop or call anything but `next` (isBoundedBody: the usual comparisons of
 * `environment.output.decision`) runs without the time limit's watchdog thread, which costs ~0.1 ms of
 * CPU and more in wall time per evaluation; its wall-clock limit can also fire on a busy machine for
 * the most trivial body (it did at 50 ms).
 */
import { Script, createContext, type Context } from 'node:vm';
import type { SerializableContext } from 'moddle-context-serializer';

// A guard against loops, not a performance budget: on a busy node a tight limit failed ordinary conditions.
const TIME_LIMIT_MS = 1_000;

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

/** Words that declare, loop, branch, construct or mutate: a body using one is not "bounded". */
const UNBOUNDED_WORDS = new Set([
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'export', 'extends', 'finally', 'for', 'function', 'if', 'import', 'let', 'new', 'return', 'static', 'super', 'switch',
  'throw', 'try', 'var', 'while', 'with', 'yield',
]);

/** JavaScript's punctuators, longest first, so that a body is split the way the parser splits it. */
const PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**',
  '{', '}', '(', ')', '[', ']', '.', ';', ',', '<', '>', '+', '-', '*', '/', '%', '&', '|', '^', '!', '~', '?', ':', '=', '@', '#',
];

/** The punctuators a bounded body may use: no assignment, arrow, spread, block, regular expression or comment. */
const BOUNDED_PUNCTUATORS = new Set(['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '<', '>', '!', '~', '+', '-', '*', '%', '?', ':', ',', ';', '.', '(', ')', '[', ']']);

/**
 * True when a body can only read data and run built-in code, so it ends in time linear in its own and
 * its input's size and needs no watchdog: ASCII identifiers, member access, string and number literals,
 * comparison, logical and arithmetic operators, `?:`, parentheses for grouping, and calls of `next`
 * itself. Anything else — other calls, `new`, assignment, functions, loops, blocks, object literals,
 * templates, regular expressions, comments, escapes outside strings, non-ASCII outside strings — makes
 * it unbounded, and it runs under the time limit. Conservative: a false "unbounded" only costs time.
 * (Built-ins cannot have been replaced: the context's intrinsics are frozen and its globals checked.)
 */
export function isBoundedBody(body: string): boolean {
  // The previous significant token: what may come before "(" or "." decides what they mean.
  let previous: 'start' | 'operator' | 'value' | 'dot' | 'next' = 'start';
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      if (previous === 'dot') return false;
      let j = i + 1;
      for (; j < body.length && body[j] !== c; j++) {
        if (body[j] === '\n' || body[j] === '\r') return false;
        if (body[j] === '\\') {
          j++;
          if (body[j] === '\n' || body[j] === '\r') return false;
        }
      }
      if (j >= body.length) return false;
      i = j + 1;
      previous = 'value';
      continue;
    }
    if (c >= '0' && c <= '9') {
      if (previous === 'dot') return false;
      const number = /^\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?/.exec(body.slice(i, i + 64))![0];
      i += number.length;
      if (/[\w$.]/.test(body[i] ?? '')) return false;
      previous = 'value';
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(body.slice(i, i + 256));
    if (word) {
      if (word[0].length >= 255) return false;
      if (previous !== 'dot' && UNBOUNDED_WORDS.has(word[0])) return false;
      previous = previous !== 'dot' && word[0] === 'next' ? 'next' : 'value';
      i += word[0].length;
      continue;
    }
    const operator = PUNCTUATORS.find((op) => body.startsWith(op, i));
    if (!operator || !BOUNDED_PUNCTUATORS.has(operator)) return false;
    // A call is "(" after a value; only `next` may be called. Nothing may follow "." or "?." but a name.
    if (operator === '(' && previous === 'value') return false;
    if ((operator === '.' || operator === '?.') && previous !== 'value' && previous !== 'next') return false;
    if (previous === 'dot') return false;
    previous = operator === '.' || operator === '?.' ? 'dot' : operator === ')' || operator === ']' ? 'value' : 'operator';
    i += operator.length;
  }
  return previous !== 'dot';
}

/**
 * The body runs here: a function made at the context's top level, so its direct eval sees only its
 * parameters (and `arguments`) besides the globals, never the evaluator's captured built-ins. Sloppy,
 * called without a receiver: `this` is the global object, as for a body evaluated at top level.
 */
const BODY_RUNNER = `(function (environment, next) { return eval(arguments[2]); })`;

/**
 * Run once in a fresh context (whose sandbox already holds environment, next, __input, __source):
 * captures the built-ins the evaluator needs, defines the evaluator (global __evaluate, read-only),
 * freezes every built-in reachable from the global object and records the global's shape. The
 * evaluator takes its input from the globals __input and __source and returns "<status><result>":
 * status "-" the context is fine, "!" the body changed the context (its result stands, the context
 * must go), "~" the context had changed before (nothing was evaluated); result "true", "false" or
 * "error:<message>".
 */
const SETUP = `(function (runBody) {
  'use strict';
  var g = globalThis;
  var O = Object, R = Reflect, A = Array.prototype;
  var ownKeys = R.ownKeys, apply = R.apply, getProto = O.getPrototypeOf, isExtensible = O.isExtensible;
  var getOwnDesc = O.getOwnPropertyDescriptor, freeze = O.freeze, parse = JSON.parse, Str = String;
  var regexpExec = RegExp.prototype.exec, resetRegExp = new RegExp('(?:)');
  var push = A.push;
  var weakHas = WeakSet.prototype.has, weakAdd = WeakSet.prototype.add;
  var shape, proto;

  function intact() {
    if (getProto(g) !== proto || !isExtensible(g)) return false;
    var keys = ownKeys(g);
    if (keys.length !== shape.length) return false;
    // Keys keep their order; a different order only costs a fresh context.
    for (var k = 0; k < keys.length; k++) if (keys[k] !== shape[k]) return false;
    return true;
  }

  function evaluate() {
    if (!intact()) return '~';
    var input = g.__input, source = g.__source, outcome;
    var next = function (err, value) {
      if (outcome === undefined) outcome = err ? 'error:' + Str((err && err.message) || err) : value ? 'true' : 'false';
    };
    var result;
    try {
      var environment = parse(input);
      g.environment = environment;
      g.next = next;
      var completion = runBody(environment, next, source);
      result = outcome === undefined ? (completion ? 'true' : 'false') : outcome;
    } catch (err) {
      result = 'error:' + Str((err && err.message) || err);
    } finally {
      g.environment = undefined;
      g.next = undefined;
      g.__input = undefined;
      g.__source = undefined;
      apply(regexpExec, resetRegExp, ['']);
    }
    return (intact() ? '-' : '!') + result;
  }

  O.defineProperty(g, '__evaluate', { value: evaluate, writable: false, enumerable: false, configurable: false });

  // Freeze every object reachable from the globals (their values, accessors and prototypes), the
  // intrinsics no global names, and the functions a body can reach (runBody as arguments.callee).
  var pending = [], frozen = new WeakSet();
  function visit(value) {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') apply(push, pending, [value]);
  }
  visit(getProto(g));
  var globalKeys = ownKeys(g);
  for (var i = 0; i < globalKeys.length; i++) {
    var d = getOwnDesc(g, globalKeys[i]);
    if (d) { visit(d.value); visit(d.get); visit(d.set); }
  }
  visit(runBody);
  visit(function* () {}); visit(async function () {}); visit(async function* () {});
  visit((function* () {})()); visit((async function* () {})());
  visit([][Symbol.iterator]()); visit(new Map().entries()); visit(new Set().values()); visit(''[Symbol.iterator]());
  visit(/a/[Symbol.matchAll]('a'));
  if (typeof Intl === 'object' && Intl.Segmenter) visit(new Intl.Segmenter().segment(''));
  while (pending.length) {
    var o = pending.pop();
    if (o === g || apply(weakHas, frozen, [o])) continue;
    apply(weakAdd, frozen, [o]);
    freeze(o);
    visit(getProto(o));
    var keys = ownKeys(o);
    for (var j = 0; j < keys.length; j++) {
      var desc = getOwnDesc(o, keys[j]);
      if (desc) { visit(desc.value); visit(desc.get); visit(desc.set); }
    }
  }

  shape = ownKeys(g);
  proto = getProto(g);
})`;

const CALL = new Script('__evaluate()');
const bodyRunner = new Script(BODY_RUNNER);
const setup = new Script(SETUP);

/** The sandbox's keys: the globals the evaluator sets, defined by ConditionContext, and SETUP's __evaluate. */
const SANDBOX_KEYS = ['environment', 'next', '__input', '__source', '__evaluate'];

class ConditionContext {
  private readonly sandbox: Record<string | symbol, unknown> = Object.create(null) as Record<string, unknown>;
  private readonly context: Context;
  private readonly evaluator: () => string;

  constructor() {
    // Non-configurable, so a body cannot turn them into accessors whose code would run when they are set.
    for (const key of SANDBOX_KEYS) {
      if (key !== '__evaluate') Object.defineProperty(this.sandbox, key, { value: undefined, writable: true, enumerable: true, configurable: false });
    }
    this.context = createContext(this.sandbox, { microtaskMode: 'afterEvaluate' });
    const runBody = bodyRunner.runInContext(this.context) as unknown;
    (setup.runInContext(this.context) as (runBody: unknown) => void)(runBody);
    this.evaluator = this.sandbox.__evaluate as () => string;
  }

  /**
   * "-", "!" or "~" then the result; see SETUP. A bounded body (isBoundedBody) is evaluated by calling
   * the evaluator directly: no watchdog thread, and the context's microtask queue is left alone, so
   * nothing an earlier body left pending can run without the time limit. Any other body runs through
   * runInContext with the time limit, which also runs the pending microtasks within it. Throws when
   * the evaluation timed out.
   */
  evaluate(input: string, source: string, bounded: boolean): string {
    if (!this.hostIntact()) return '~';
    this.sandbox.__input = input;
    this.sandbox.__source = source;
    try {
      const result = bounded ? this.evaluator() : (CALL.runInContext(this.context, { timeout: TIME_LIMIT_MS }) as string);
      return result[0] === '-' && !this.hostIntact() ? '!' + result.slice(1) : result;
    } finally {
      // Plain data properties (made so above), so no code runs here; false if a body made them read-only.
      Reflect.set(this.sandbox, '__input', undefined);
      Reflect.set(this.sandbox, '__source', undefined);
    }
  }

  /**
   * Globals assigned or defined in the context land on the sandbox object: it must hold exactly its own
   * keys, as writable values (setting a read-only one would throw).
   */
  private hostIntact(): boolean {
    const sandbox = this.sandbox;
    const keys = Reflect.ownKeys(sandbox);
    if (keys.length !== SANDBOX_KEYS.length || !Object.isExtensible(sandbox) || sandbox.__evaluate !== this.evaluator) return false;
    for (const key of keys) {
      if (!SANDBOX_KEYS.includes(key as string)) return false;
      const descriptor = Object.getOwnPropertyDescriptor(sandbox, key)!;
      if (key !== '__evaluate' && !(descriptor.writable && 'value' in descriptor)) return false;
    }
    return true;
  }
}

/**
 * The vm context conditions run in, shared by every run of a ProcessRuntime and replaced whenever an
 * evaluation changed it, threw out of it or timed out (see the top of this file).
 */
export class ConditionSandbox {
  private context?: ConditionContext;

  /**
   * Evaluates one body on a JSON input; "true", "false" or "error:<message>". `bounded` must be
   * isBoundedBody(source). Throws on timeout.
   */
  evaluate(input: string, source: string, bounded: boolean): string {
    let result = this.evaluateIn(this.context ?? this.fresh(), input, source, bounded);
    // Changed since its last evaluation (by something left pending): again, in a fresh context.
    if (result === '~') result = this.evaluateIn(this.fresh(), input, source, bounded);
    if (result[0] !== '-') this.context = undefined;
    if (result === '~') throw new Error('the condition sandbox could not be set up');
    return result.slice(1);
  }

  private fresh(): ConditionContext {
    return (this.context = new ConditionContext());
  }

  private evaluateIn(context: ConditionContext, input: string, source: string, bounded: boolean): string {
    try {
      return context.evaluate(input, source, bounded);
    } catch (err) {
      this.context = undefined;
      throw err;
    }
  }
}

/**
 * The `scripts` option of bpmn-engine for the runs of one definition version: hands each conditional
 * flow its body, evaluated in the runtime's shared sandbox.
 */
export class ConditionScripts {
  private readonly scripts = new Map<string, { execute(scope: ConditionScope, next: Next): void }>();

  constructor(
    private readonly bodies: Map<string, string>,
    private readonly sandbox: ConditionSandbox,
  ) {}

  /** Nothing to do per element: every condition was read from the definition. */
  register(): undefined {
    return undefined;
  }

  getScript(_language: string, { id }: { id: string }): { execute(scope: ConditionScope, next: Next): void } {
    let script = this.scripts.get(id);
    if (!script) {
      const body = this.bodies.get(id);
      if (body === undefined) throw new Error(`No condition script for ${id}`);
      const bounded = isBoundedBody(body);
      script = { execute: (scope, next) => this.evaluate(id, body, bounded, scope, next) };
      this.scripts.set(id, script);
    }
    return script;
  }

  private evaluate(flowId: string, body: string, bounded: boolean, scope: ConditionScope, next: Next): void {
    const input = JSON.stringify({ output: scope.environment.output, variables: scope.environment.variables });
    let result: string;
    try {
      result = this.sandbox.evaluate(input, body, bounded);
    } catch (err) {
      return next(new Error(`Condition on ${flowId}: ${(err as Error).message}`));
    }
    if (result.startsWith('error:')) return next(new Error(`Condition on ${flowId}: ${result.slice(6)}`));
    next(null, result === 'true');
  }
}
