import { compileDefinition } from './compile.js';
import { ConditionSandbox, ConditionScripts, conditionBodies } from './conditions.js';
import { TaskNotWaitingError, TimerNotPendingError } from './errors.js';
import { EngineRun, engineSource, type LoadedDefinition } from './run.js';
import { deserializeSource } from './source.js';
import type { CompiledDefinition, RunResult } from './types.js';

/** Definition versions kept deserialized; a server runs far fewer at once. */
const MAX_LOADED = 100;

/**
 * The process runtime: pure functions of (definition, state) over bpmn-engine, no database, no timers.
 * Each call builds a fresh engine, brings the instance to its next wait state and returns the new
 * state with what the caller must persist (waiting tasks, timer requests, history, output).
 * `RunResult.timers` is the complete set of pending timers: a timer missing from it has fired or was
 * cancelled with its activity. Gateway condition syntax: see conditions.ts.
 *
 * The `state` given to completeTask and fireTimer is handed over to the runtime, which recovers the
 * engine from it without copying it (the engine may keep and change parts of it): pass each call its
 * own parsed copy, as a database read gives, and do not use that object afterwards.
 */
export class ProcessRuntime {
  private readonly loaded = new Map<string, LoadedDefinition>();
  /** One vm context for every condition this runtime evaluates; see conditions.ts for why that is safe. */
  private readonly sandbox = new ConditionSandbox();

  /** Parses and validates a definition version; throws DefinitionError. */
  compile(xml: string): Promise<CompiledDefinition> {
    return compileDefinition(xml);
  }

  /** Starts an instance and runs it to its first wait state. */
  async start(def: CompiledDefinition, variables: Record<string, unknown> = {}): Promise<RunResult> {
    const run = new EngineRun(this.load(def));
    await run.start(variables);
    return run.result();
  }

  /**
   * Completes a waiting user task with `data` (kept as `output[<task id>]`; `data.decision` also as
   * `output.decision`) and runs to the next wait state. Throws TaskNotWaitingError.
   */
  async completeTask(def: CompiledDefinition, state: unknown, executionId: string, data: Record<string, unknown> = {}): Promise<RunResult> {
    const run = new EngineRun(this.load(def));
    await run.resume(state);
    if (!run.completeTask(executionId, data)) throw new TaskNotWaitingError(executionId);
    return run.result();
  }

  /**
   * Fires a pending timer (a `TimerRequest.executionId`) and runs to the next wait state. A timer that
   * is overdue fires by itself as the instance resumes, which counts as fired. Throws TimerNotPendingError.
   */
  async fireTimer(def: CompiledDefinition, state: unknown, executionId: string): Promise<RunResult> {
    const run = new EngineRun(this.load(def));
    await run.resume(state);
    if (!run.fireTimer(executionId)) throw new TimerNotPendingError(executionId);
    return run.result();
  }

  /** Deserializes each version once (least recently used dropped first); needs only `def.serialized`. */
  private load(def: CompiledDefinition): LoadedDefinition {
    let loaded = this.loaded.get(def.hash);
    if (loaded) {
      this.loaded.delete(def.hash);
    } else {
      const source = deserializeSource(def.serialized);
      loaded = {
        def,
        source,
        engineSource: engineSource(source),
        scripts: new ConditionScripts(conditionBodies(source), this.sandbox),
        steps: new Map(def.steps.map((s) => [s.elementId, s])),
        ends: new Map(def.ends.map((e) => [e.elementId, e])),
      };
    }
    this.loaded.set(def.hash, loaded);
    if (this.loaded.size > MAX_LOADED) this.loaded.delete(this.loaded.keys().next().value as string);
    return loaded;
  }
}
