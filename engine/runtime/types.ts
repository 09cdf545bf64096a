/** Boundary types of the process runtime. The runtime is pure: it never touches the database. */

export type DurationUnit = 'working_days' | 'working_hours' | 'days' | 'same_day';

export interface Duration {
  value: number;
  unit: DurationUnit;
}

/** What the dossier clock does when a step is entered (DESIGN §3). */
export type ClockBehaviour = 'run' | 'pause' | 'restart';

/** A user task as the model declares it through `mc:` (or imported `camunda:`) attributes. */
export interface StepSpec {
  elementId: string;
  name: string;
  /** Role names, e.g. ["desk"], ["specialist"], ["leader"]. */
  candidateGroups: string[];
  /** "handling" (the dossier's handling agency, default), "receiving", or a literal agency code. */
  agency: string;
  duration?: Duration;
  formKey?: string;
  nationalStatus?: number;
  clock: ClockBehaviour;
  /** Decisions a following gateway tests (e.g. ["approve", "reject"]); completing needs one of them. */
  decisions?: string[];
}

export interface EndSpec {
  elementId: string;
  name: string;
  /** "approved" | "refused" (or other words a model uses); undefined when the model says nothing. */
  outcome?: string;
  nationalStatus?: number;
}

/** A parsed, validated, immutable definition version, ready to run. */
export interface CompiledDefinition {
  processId: string;
  name: string;
  procedureCode?: string;
  /** sha256 of the XML source. */
  hash: string;
  xml: string;
  /** moddle-context-serializer output, reused for every instance of this version. */
  serialized: string;
  steps: StepSpec[];
  ends: EndSpec[];
}

export interface WaitingTask {
  /** Unique within the instance; what `completeTask` takes. */
  executionId: string;
  elementId: string;
  step: StepSpec;
}

/** A timer the engine wants; the caller stores it as a job row and calls `fireTimer` when due. */
export interface TimerRequest {
  executionId: string;
  elementId: string;
  expireAt: Date;
}

export interface VisitedElement {
  elementId: string;
  type: string;
  name?: string;
}

export interface RunResult {
  /** Engine state without the definition source; store as JSONB. */
  state: unknown;
  waiting: WaitingTask[];
  timers: TimerRequest[];
  ended: boolean;
  end?: EndSpec;
  /** Elements that ended during this run, in order (for history). */
  visited: VisitedElement[];
  /** Process output so far (task data collected under `environment.output`). */
  output: Record<string, unknown>;
}
