import type { BaseElement } from 'bpmn-moddle';
import { DefinitionError } from './errors.js';
import type { CamundaTaskAttributes, SequenceFlow } from './moddle.js';
import type { ClockBehaviour, Duration, DurationUnit, EndSpec, StepSpec } from './types.js';

const DURATION_UNITS: readonly DurationUnit[] = ['working_days', 'working_hours', 'days', 'same_day'];
const CLOCK_BEHAVIOURS: readonly ClockBehaviour[] = ['run', 'pause', 'restart'];

/** mc: attributes as moddle types them (see engine/moddle/mc.json). */
interface McUserTask extends BaseElement {
  id: string;
  candidateGroups?: string;
  agency?: string;
  stepDuration?: number;
  stepDurationUnit?: string;
  formKey?: string;
  nationalStatus?: number;
  clock?: string;
}

interface McEndEvent extends BaseElement {
  id: string;
  outcome?: string;
  nationalStatus?: number;
}

/** Reads and checks the mc: attributes of a user task; Camunda's attributes fill what mc: leaves out. */
export function stepSpec(element: BaseElement, flows: SequenceFlow[], camunda: CamundaTaskAttributes = {}): StepSpec {
  const task = element as McUserTask;
  const candidateGroups = splitGroups(task.candidateGroups ?? camunda.candidateGroups);
  if (candidateGroups.length === 0) {
    throw new DefinitionError(
      `User task ${task.id} has no candidate groups (mc:candidateGroups)`,
      `Bước "${task.name ?? task.id}" (${task.id}) chưa khai báo nhóm xử lý (mc:candidateGroups)`,
      { elementId: task.id },
    );
  }
  const clock = task.clock ?? 'run';
  if (!isOneOf(clock, CLOCK_BEHAVIOURS)) {
    throw new DefinitionError(
      `mc:clock "${clock}" on ${task.id} must be one of ${CLOCK_BEHAVIOURS.join(', ')}`,
      `Giá trị mc:clock "${clock}" của bước ${task.id} phải là một trong: ${CLOCK_BEHAVIOURS.join(', ')}`,
      { elementId: task.id },
    );
  }
  const duration = stepDuration(task) ?? camundaDueDate(camunda.dueDate);
  const formKey = task.formKey ?? camunda.formKey;
  const nationalStatus = checkedStatus(task.nationalStatus, task.id);
  const decisions = decisionsAfter(task, flows);
  return {
    elementId: task.id,
    name: task.name ?? task.id,
    candidateGroups,
    agency: task.agency?.trim() || 'handling',
    clock,
    ...(duration && { duration }),
    ...(formKey && { formKey }),
    ...(nationalStatus !== undefined && { nationalStatus }),
    ...(decisions.length > 0 && { decisions }),
  };
}

const COMPARED_WITH_DECISION = [/\bdecision\s*[!=]==?\s*(['"])(.*?)\1/g, /(['"])(.*?)\1\s*[!=]==?\s*[\w$.]*\bdecision\b/g];

/** The values a gateway right after the task compares `decision` with, e.g. ["approve", "reject"]. */
function decisionsAfter(task: BaseElement, flows: SequenceFlow[]): string[] {
  const gateways = flows.filter((f) => f.sourceRef === task && f.targetRef?.$type.endsWith('Gateway')).map((f) => f.targetRef);
  const conditions = flows.filter((f) => gateways.includes(f.sourceRef)).map((f) => f.conditionExpression?.body ?? '');
  const values = conditions.flatMap((body) => COMPARED_WITH_DECISION.flatMap((pattern) => [...body.matchAll(pattern)].map((m) => m[2])));
  return [...new Set(values)];
}

export function endSpec(element: BaseElement): EndSpec {
  const end = element as McEndEvent;
  const nationalStatus = checkedStatus(end.nationalStatus, end.id);
  return {
    elementId: end.id,
    name: end.name ?? end.id,
    ...(end.outcome && { outcome: end.outcome }),
    ...(nationalStatus !== undefined && { nationalStatus }),
  };
}

function splitGroups(groups: string | undefined): string[] {
  return (groups ?? '')
    .split(',')
    .map((group) => group.trim())
    .filter(Boolean);
}

function stepDuration(task: McUserTask): Duration | undefined {
  const unit = task.stepDurationUnit ?? 'working_days';
  if (!isOneOf(unit, DURATION_UNITS)) {
    throw new DefinitionError(
      `mc:stepDurationUnit "${unit}" on ${task.id} must be one of ${DURATION_UNITS.join(', ')}`,
      `Đơn vị thời hạn mc:stepDurationUnit "${unit}" của bước ${task.id} phải là một trong: ${DURATION_UNITS.join(', ')}`,
      { elementId: task.id },
    );
  }
  const value = task.stepDuration;
  if (value === undefined) {
    if (unit === 'same_day') return { value: 0, unit };
    if (task.stepDurationUnit === undefined) return undefined;
    throw new DefinitionError(
      `${task.id} has mc:stepDurationUnit but no mc:stepDuration`,
      `Bước ${task.id} có đơn vị thời hạn (mc:stepDurationUnit) nhưng thiếu thời hạn (mc:stepDuration)`,
      { elementId: task.id },
    );
  }
  if (!Number.isFinite(value) || value < 0) {
    throw new DefinitionError(
      `mc:stepDuration on ${task.id} must be a number ≥ 0`,
      `Thời hạn mc:stepDuration của bước ${task.id} phải là số không âm`,
      { elementId: task.id },
    );
  }
  return { value, unit };
}

/** Camunda's dueDate is usually an expression or a date; only a plain "P<n>D" maps to a duration. */
function camundaDueDate(dueDate: string | undefined): Duration | undefined {
  const days = dueDate && /^P(\d+)D$/.exec(dueDate.trim());
  return days ? { value: Number(days[1]), unit: 'days' } : undefined;
}

function checkedStatus(status: number | undefined, elementId: string): number | undefined {
  if (status === undefined || Number.isInteger(status)) return status;
  throw new DefinitionError(
    `mc:nationalStatus on ${elementId} must be an integer`,
    `Mã trạng thái mc:nationalStatus của ${elementId} phải là số nguyên`,
    { elementId },
  );
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
