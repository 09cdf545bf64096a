import { Engine } from 'bpmn-engine';
import type { Api, ElementBase, Environment } from 'bpmn-elements';
import type { SerializableContext } from 'moddle-context-serializer';
import { ConditionScripts } from './conditions.js';
import { ProcessRunError } from './errors.js';
import { deferredTimers, firePendingTimer, pendingTimers } from './timers.js';
import type { CompiledDefinition, EndSpec, RunResult, StepSpec, VisitedElement } from './types.js';

/** A definition version made ready to run, cached per hash. */
export interface LoadedDefinition {
  def: CompiledDefinition;
  source: SerializableContext;
  /** `source` as given to the engines: its `serialize()` gives nothing, the state never carries the source. */
  engineSource: SerializableContext;
  /** The engines' `scripts`: this version's conditions, evaluated in the runtime's shared sandbox. */
  scripts: ConditionScripts;
  steps: Map<string, StepSpec>;
  ends: Map<string, EndSpec>;
}

type LoggerFactory = Environment['Logger'];
type Logger = ReturnType<LoggerFactory>;

/** bpmn-engine's own logger factory (`debug`, namespaces bpmn-engine:*); the package does not export it. */
const debugLogger: LoggerFactory = new Engine().environment.Logger;
const loggers = new Map<string, Logger>();

/**
 * bpmn-engine's loggers, made once per scope (an element type) instead of three per element per engine:
 * `debug` probes the TTY for colours each time it makes one. A `debug` logger reads DEBUG when it logs,
 * so sharing them across engines logs exactly the same.
 */
const sharedLogger: LoggerFactory = (scope) => {
  let logger = loggers.get(scope);
  if (!logger) loggers.set(scope, (logger = debugLogger(scope)));
  return logger;
};

/** The loaded source for the engines: the same context, except that it does not serialize itself. */
export function engineSource(source: SerializableContext): SerializableContext {
  return Object.create(source, { serialize: { value: () => undefined } }) as SerializableContext;
}

interface EventContent {
  id: string;
  type: string;
  name?: string;
  executionId: string;
}

/** An engine.error message carries the error itself; bpmn-elements errors point at the failing element. */
interface RunFailure {
  message: string;
  source?: { content?: { id?: string } };
}

/**
 * One engine, used for one step of one instance and then dropped: start, or recover+resume and then
 * complete a task or fire a timer. Everything runs synchronously inside the engine's broker, so when
 * the calls below return, the instance is at its next wait state.
 */
export class EngineRun {
  private readonly engine: Engine;
  private readonly timers = deferredTimers();
  private readonly visited: VisitedElement[] = [];
  private readonly timedOut = new Set<string>();
  private failure?: ProcessRunError;

  constructor(private readonly loaded: LoadedDefinition) {
    this.engine = new Engine({
      name: loaded.def.processId,
      sourceContext: loaded.engineSource,
      Logger: sharedLogger,
      scripts: loaded.scripts,
      timers: this.timers,
    });
    // An event that ends through its event definition reports the definition's type (bpmn:TimerEventDefinition).
    this.on('activity.end', ({ id, type, name }) => {
      const elementType = loaded.source.getActivityById(id)?.type ?? type;
      this.visited.push({ elementId: id, type: elementType, ...(name && { name }) });
    });
    this.on('activity.timeout', ({ executionId }) => this.timedOut.add(executionId));
    this.on('engine.error', (error) => {
      const { message, source } = error as unknown as RunFailure;
      this.failure = new ProcessRunError(message, source?.content?.id);
    });
  }

  private on(pattern: string, handler: (content: EventContent) => void): void {
    this.engine.broker.subscribeTmp('event', pattern, (_, message) => handler(message.content as EventContent), { noAck: true });
  }

  async start(variables: Record<string, unknown>): Promise<void> {
    await this.engine.execute({ variables });
  }

  /** Takes `state` over: the engine keeps parts of it and may change them (see ProcessRuntime). */
  async resume(state: unknown): Promise<void> {
    this.engine.recover(state);
    await this.engine.resume();
  }

  /** Records the task's data where gateway conditions read it, then signals the task; false if not waiting. */
  completeTask(executionId: string, data: Record<string, unknown>): boolean {
    const task = this.postponed().find((api) => api.executionId === executionId && api.type === 'bpmn:UserTask');
    if (!task) return false;
    const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    const output = this.processEnvironment().output;
    output[task.id] = copy;
    if (copy.decision !== undefined) output.decision = copy.decision;
    task.signal(copy);
    return true;
  }

  /** True when the timer fired now, or already fired by itself while resuming because it was overdue. */
  fireTimer(executionId: string): boolean {
    return firePendingTimer(this.timers, executionId) || this.timedOut.has(executionId);
  }

  async result(): Promise<RunResult> {
    if (this.failure) throw this.failure;
    const ended = this.engine.state === 'idle';
    const lastEnd = this.visited.findLast((v) => v.type === 'bpmn:EndEvent');
    const end = ended && lastEnd ? this.loaded.ends.get(lastEnd.elementId) : undefined;
    return {
      state: await this.persistableState(),
      waiting: this.postponed()
        .filter((api) => api.type === 'bpmn:UserTask')
        .map((api) => ({ executionId: api.executionId, elementId: api.id, step: this.loaded.steps.get(api.id) as StepSpec })),
      timers: pendingTimers(this.timers),
      ended,
      ...(end && { end }),
      visited: this.visited,
      output: structuredClone(this.processEnvironment().output),
    };
  }

  private postponed(): Api<ElementBase>[] {
    return this.engine.execution.getPostponed();
  }

  private processEnvironment(): Environment {
    const [definition] = this.engine.execution.definitions;
    return definition.getExecutableProcesses()[0].environment;
  }

  /**
   * Engine state as plain JSON, without the definition source: instances share the cached one. The engine
   * does not even serialize it (engineSource), its `source` is undefined.
   */
  private async persistableState(): Promise<unknown> {
    const state = await this.engine.getState();
    for (const definition of state.definitions) delete definition.source;
    return JSON.parse(JSON.stringify(state));
  }
}
