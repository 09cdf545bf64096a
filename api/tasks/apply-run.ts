import type { RunResult } from '../../engine/runtime/types.js';
import type { Services } from '../services.js';
import type { Sql } from '../db/database.js';
import type { DossierRow } from '../dossiers/dossier-row.js';
import { recordEvents, type DossierEventInput } from '../dossiers/record-events.js';
import { STATUS } from '../dossiers/status.js';
import { resolveStepAgency } from '../agencies/resolve-step-agency.js';
import { conflict } from '../http/errors.js';
import { CLOCK_UPSERT, clockColumnsInTx, clockParams } from '../clock/materialise.js';

export interface RunTarget {
  dossier: DossierRow;
  instanceId: number;
  actorId: number | null;
  now: Date;
}

/**
 * Stores the engine state after a run of an existing instance. Callers hold the row lock; the
 * version check is the second belt: a path that forgot the lock gets 409, not a lost update.
 */
export async function saveState(tx: Sql, instance: { id: number; version: number }, run: RunResult, now: Date): Promise<void> {
  const saved = await tx.one('update process_instance set state = $3, ended = $4, version = version + 1, updated_at = $5 where id = $1 and version = $2 returning id',
    [instance.id, instance.version, JSON.stringify(run.state), run.ended, now]);
  if (!saved) throw conflict('CONFLICT', 'Hồ sơ vừa được người khác cập nhật, vui lòng tải lại', `Process instance ${instance.id} changed since version ${instance.version}`);
}

/**
 * Writes what one engine run produced — new and withdrawn tasks, timer jobs, dossier status,
 * history — into the caller's transaction (which also saves the state), so the dossier and its
 * process never disagree. `events`
 * already gathered by the caller are written with the run's own, in one statement.
 */
export async function applyRun(tx: Sql, services: Services, target: RunTarget, run: RunResult, events: DossierEventInput[] = []): Promise<void> {
  const { dossier, instanceId, actorId, now } = target;
  const event = (action: string, extra: Partial<DossierEventInput> = {}) => events.push({ dossier: dossier.id, at: now, action, actor: actorId, ...extra });

  const open = await tx.query<{ id: number; executionId: string; name: string; agency: number }>(
    `select id, execution_id as "executionId", name, agency_id as agency from task where instance_id = $1 and state = 'open'`, [instanceId]);
  const waitingIds = new Set(run.waiting.map((w) => w.executionId));
  const withdrawn = open.filter((t) => !waitingIds.has(t.executionId));
  if (withdrawn.length) {
    await tx.query(`update task set state = 'cancelled', completed_at = $2 where id = any($1::bigint[])`, [withdrawn.map((t) => t.id), now]);
    withdrawn.forEach((t) => event('step_cancelled', { task: t.id, stepName: t.name, agency: t.agency }));
  }
  const known = new Set(open.map((t) => t.executionId));
  for (const waiting of run.waiting.filter((w) => !known.has(w.executionId))) {
    const agency = await resolveStepAgency(tx, waiting.step.agency, dossier, waiting.elementId);
    const due = waiting.step.duration ? services.deadlines.stepDue(now, waiting.step.duration, agency) : null;
    const task = (await tx.one<{ id: number }>(
      `insert into task (dossier_id, instance_id, execution_id, element_id, name, candidate_groups, agency_id, state, created_at, due_at)
       values ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9) returning id`,
      [dossier.id, instanceId, waiting.executionId, waiting.elementId, waiting.step.name, waiting.step.candidateGroups, agency, now, due]))!;
    event('step_entered', { task: task.id, stepName: waiting.step.name, agency, elementId: waiting.elementId });
  }

  // run.timers is the complete pending set: a waiting job missing from it was cancelled with its activity.
  await tx.query(`update timer_job set state = 'cancelled' where instance_id = $1 and state = 'waiting' and execution_id <> all($2::text[])`,
    [instanceId, run.timers.map((t) => t.executionId)]);
  if (run.timers.length) {
    await tx.query(
      `insert into timer_job (instance_id, dossier_id, execution_id, element_id, due_at, state)
       select $1, $2, x.execution_id, x.element_id, x.due_at, 'waiting' from unnest($3::text[], $4::text[], $5::timestamptz[]) as x(execution_id, element_id, due_at)
       on conflict (instance_id, execution_id) do nothing`,
      [instanceId, dossier.id, run.timers.map((t) => t.executionId), run.timers.map((t) => t.elementId), run.timers.map((t) => t.expireAt)]);
  }

  const next = nextStatus(dossier, run, now);
  if (run.ended) {
    event('returned', { note: run.end?.name ?? null, data: { endId: run.end?.elementId ?? null, nationalStatus: next.status, outcome: next.outcome } });
  }
  // The stored clock (api/clock) follows the events written here, in the same statement.
  const clock = await clockColumnsInTx(tx, services, dossier, events, now);
  await tx.query(`with d as (update dossier set status = $2, outcome = $3, finished_at = $4, returned_at = $5 where id = $1 returning id) ${CLOCK_UPSERT(6)}`,
    [dossier.id, next.status, next.outcome, next.finishedAt, next.returnedAt, ...clockParams(clock, dossier)]);
  Object.assign(dossier, next);
  await recordEvents(tx, events);
}

/**
 * The national status follows the model: the highest `mc:nationalStatus` among the steps now
 * waiting (e.g. 9 "processed" when the result waits at the desk), the end event's on completion,
 * else 4 "processing".
 */
function nextStatus(dossier: DossierRow, run: RunResult, now: Date) {
  if (run.ended) {
    return {
      status: run.end?.nationalStatus ?? STATUS.RETURNED, outcome: run.end?.outcome ?? dossier.outcome,
      finishedAt: dossier.finishedAt ?? now, returnedAt: now,
    };
  }
  const entered = run.waiting.map((w) => w.step.nationalStatus).filter((s): s is number => s !== undefined);
  const status = entered.length ? Math.max(...entered) : Math.max(dossier.status, STATUS.PROCESSING);
  return {
    status, outcome: dossier.outcome,
    finishedAt: status === STATUS.PROCESSED ? dossier.finishedAt ?? now : dossier.finishedAt, returnedAt: dossier.returnedAt,
  };
}
