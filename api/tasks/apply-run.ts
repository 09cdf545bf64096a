import type { EntityManager } from '@mikro-orm/postgresql';
import type { RunResult } from '../../engine/runtime/types.js';
import type { Services } from '../services.js';
import type { Dossier } from '../dossiers/dossier.entity.js';
import { DossierEvent } from '../dossiers/dossier-event.entity.js';
import { STATUS } from '../dossiers/status.js';
import { resolveStepAgency } from '../agencies/resolve-step-agency.js';
import { TimerJob } from '../timers/timer-job.entity.js';
import type { ProcessInstance } from './instance.entity.js';
import { Task } from './task.entity.js';

export interface RunTarget {
  dossier: Dossier;
  instance: ProcessInstance;
  actorId: number | null;
  now: Date;
}

/**
 * Writes what one engine run produced — state, new and withdrawn tasks, timer jobs, dossier status,
 * history — into the caller's transaction, so the dossier and its process never disagree.
 */
export async function applyRun(em: EntityManager, services: Services, target: RunTarget, run: RunResult): Promise<void> {
  const { dossier, instance, now } = target;
  instance.state = run.state;
  instance.ended = run.ended;
  instance.updatedAt = now;

  const open = await em.find(Task, { instance: instance.id, state: 'open' });
  const waitingIds = new Set(run.waiting.map((w) => w.executionId));
  for (const task of open) {
    if (!waitingIds.has(task.executionId)) {
      task.state = 'cancelled';
      task.completedAt = now;
      event(em, target, 'step_cancelled', { task: task.id, stepName: task.name, agency: task.agency });
    }
  }
  const known = new Set(open.map((t) => t.executionId));
  for (const waiting of run.waiting) {
    if (known.has(waiting.executionId)) continue;
    const agency = await resolveStepAgency(em, waiting.step.agency, dossier, waiting.elementId);
    const task = em.create(Task, {
      dossier: dossier.id, instance: instance.id, executionId: waiting.executionId, elementId: waiting.elementId,
      name: waiting.step.name, candidateGroups: waiting.step.candidateGroups, agency, state: 'open', createdAt: now,
      dueAt: waiting.step.duration ? services.deadlines.stepDue(now, waiting.step.duration, agency) : null,
    });
    await em.flush();
    event(em, target, 'step_entered', { task: task.id, stepName: task.name, agency });
  }

  for (const timer of run.timers) {
    const exists = await em.count(TimerJob, { instance: instance.id, executionId: timer.executionId });
    if (!exists) {
      em.create(TimerJob, {
        instance: instance.id, dossier: dossier.id, executionId: timer.executionId, elementId: timer.elementId,
        dueAt: timer.expireAt, state: 'waiting',
      });
    }
  }

  const entered = run.waiting.map((w) => w.step.nationalStatus).filter((s): s is number => s !== undefined);
  if (run.ended) {
    dossier.status = run.end?.nationalStatus ?? STATUS.RETURNED;
    dossier.outcome = run.end?.outcome ?? dossier.outcome ?? null;
    dossier.finishedAt ??= now;
    dossier.returnedAt = now;
    event(em, target, 'returned', { note: run.end?.name ?? null });
  } else if (entered.length) {
    dossier.status = Math.max(...entered);
    if (dossier.status === STATUS.PROCESSED) dossier.finishedAt ??= now;
  } else if (dossier.status < STATUS.PROCESSING) {
    dossier.status = STATUS.PROCESSING;
  }
}

function event(em: EntityManager, target: RunTarget, action: string,
  extra: { task?: number; stepName?: string | null; agency?: number; note?: string | null }) {
  em.create(DossierEvent, {
    dossier: target.dossier.id, at: target.now, action, actor: target.actorId,
    agency: extra.agency ?? null, task: extra.task ?? null, stepName: extra.stepName ?? null, note: extra.note ?? null,
  });
}
