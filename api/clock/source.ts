/**
 * A real dossier → `ClockInput`: the mapping from `dossier_event` rows (and the steps' specs in the
 * dossier's process definition) to the clock events of `engine/clock`. One mapping serves the
 * hot paths (receive / complete / timer: agencies named by id), the officers' views (agencies named
 * by code) and the recompute job. The table is in api/clock/README.md ("From history to clock").
 */
import type { ClockEvent, ClockInput, TimeLimit } from '../../engine/clock/index.js';
import type { CompiledDefinition, StepSpec } from '../../engine/runtime/types.js';
import { STATUS } from '../dossiers/status.js';

/** One `dossier_event` row as the clock reads it. */
export interface SourceEvent {
  at: Date;
  action: string;
  taskId: number | null;
  /** The task's BPMN element (needed on `step_entered`: duration and clock behaviour come from its spec). */
  elementId?: string | null;
  /** The agency as the clock should name it (`agencyCode` of steps, `lateAgencies`): a code or an id. */
  agency: string | null;
  stepName: string | null;
  data: Record<string, unknown> | null;
}

/** What the clock needs from the dossier row itself. */
export interface DossierClockFacts {
  receivedAt: Date;
  /** Frozen at receipt (`clock_limit_*`), or the procedure's for rows from before the clock. */
  limit: TimeLimit;
  supplementRestarts: boolean;
  /** Used only for rows without events (imported / pre-clock rows): the dossier's own columns. */
  finishedAt: Date | null;
  returnedAt: Date | null;
}

/** The clock of a task: `task:<id>` (a loop back to an element is a new task, hence a new step). */
export const stepIdOf = (taskId: number | null) => `task:${taskId ?? '?'}`;

/** Actions of the dossier lifecycle that are clock events under the same name (data carries the rest). */
const PASS_THROUGH = new Set([
  'supplement_requested', 'supplement_received', 'financial_obligation_requested', 'financial_obligation_done',
  'apology', 'completed', 'withdrawn', 'stopped',
]);

export interface MappedInput {
  input: ClockInput;
  /** No wait, restart or apology: the legal due date is the receipt's (calendar arithmetic only). */
  light: boolean;
}

/**
 * Maps a dossier's events (in time order; equal instants in the order they were written) to the
 * clock's input. Never throws on data our own code wrote: events the clock would refuse after the
 * finish (a step entered after the result was ready) are left out, as the README says.
 */
export function clockInputOf(facts: DossierClockFacts, events: readonly SourceEvent[], def: Pick<CompiledDefinition, 'steps'> | undefined): MappedInput {
  const specOf = (elementId: string | null | undefined): StepSpec | undefined =>
    elementId ? def?.steps.find((s) => s.elementId === elementId) : undefined;
  const out: ClockEvent[] = [];
  const open = new Map<string, StepSpec['clock']>();
  let received = false;
  let closed: 'completed' | 'other' | null = null;
  let returned = false;
  let light = true;

  for (const e of inTimeOrder(events)) {
    const at = e.at;
    switch (e.action) {
      case 'received':
        if (received) break;
        received = true;
        out.push({ type: 'received', at });
        break;
      case 'step_entered': {
        if (!received || closed) break; // after the result is ready, steps are outside the clock
        const spec = specOf(e.elementId);
        if (spec?.nationalStatus === STATUS.PROCESSED) {
          // The result is ready: this step (handing it over) is the finish, not a step of the clock.
          out.push({ type: 'completed', at });
          closed = 'completed';
          break;
        }
        const stepId = stepIdOf(e.taskId);
        out.push({
          type: 'step_entered', at, stepId,
          ...(e.stepName ? { stepName: e.stepName } : {}),
          ...(e.agency ? { agencyCode: e.agency } : {}),
          ...(spec?.duration ? { duration: { value: spec.duration.value, unit: spec.duration.unit } } : {}),
        });
        const behaviour = spec?.clock ?? 'run';
        open.set(stepId, behaviour);
        if (behaviour === 'pause') {
          out.push({ type: 'financial_obligation_requested', at });
          light = false;
        } else if (behaviour === 'restart') {
          out.push({ type: 'supplement_requested', at, stepId });
          light = false;
        }
        break;
      }
      case 'step_completed':
      case 'step_cancelled': {
        const stepId = stepIdOf(e.taskId);
        const behaviour = open.get(stepId);
        if (behaviour === undefined) break;
        open.delete(stepId);
        out.push({ type: 'step_left', at, stepId });
        if (closed) break;
        if (behaviour === 'pause') out.push({ type: 'financial_obligation_done', at });
        else if (behaviour === 'restart') out.push({ type: 'supplement_received', at });
        break;
      }
      case 'returned': {
        if (!received || returned || closed === 'other') break;
        returned = true;
        const status = Number(e.data?.nationalStatus);
        if (!closed && status === STATUS.WITHDRAWN) out.push({ type: 'withdrawn', at });
        else if (!closed && status === STATUS.STOPPED) out.push({ type: 'stopped', at });
        else out.push({ type: 'returned', at });
        if (!closed) closed = 'other';
        break;
      }
      default:
        if (!received || closed || !PASS_THROUGH.has(e.action)) break; // timer_fired and history-only lines
        // A recorded completion only ends the clock; the others wait, restart or apologise.
        if (e.action !== 'completed') light = false;
        if (e.action === 'apology') {
          out.push({ type: 'apology', at, newAppointment: e.data?.newAppointment as string });
        } else if (e.action === 'supplement_requested') {
          out.push({ type: 'supplement_requested', at, ...(typeof e.data?.stepId === 'string' ? { stepId: e.data.stepId } : {}) });
        } else {
          out.push({ type: e.action as 'completed', at });
          if (e.action === 'completed') closed = 'completed';
          else if (e.action === 'withdrawn' || e.action === 'stopped') closed = 'other';
        }
    }
  }

  if (!received) {
    // A row from before the clock events (or imported): its own columns are its history.
    out.unshift({ type: 'received', at: facts.receivedAt });
    const finished = facts.finishedAt && facts.finishedAt >= facts.receivedAt ? facts.finishedAt : null;
    if (finished && !closed) out.push({ type: 'completed', at: finished });
    if (facts.returnedAt && !returned) {
      const at = finished && facts.returnedAt < finished ? finished : facts.returnedAt;
      if (at >= facts.receivedAt) out.push({ type: 'returned', at });
    }
  }
  return { input: { limit: facts.limit, supplementRestarts: facts.supplementRestarts, events: out }, light };
}

/** Time order, keeping the order of equal instants (rows are read `order by at, id`; new events come last). */
function inTimeOrder(events: readonly SourceEvent[]): readonly SourceEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.at.getTime() < events[i - 1]!.at.getTime()) {
      return events.map((e, k) => ({ e, k })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.k - b.k).map((x) => x.e);
    }
  }
  return events;
}
