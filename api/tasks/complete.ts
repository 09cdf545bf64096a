import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CompleteRequest } from '../contract/tasks.js';
import type { Services } from '../services.js';
import type { User } from '../users/user.entity.js';
import { HttpError, conflict, forbidden, notFound } from '../http/errors.js';
import { Dossier } from '../dossiers/dossier.entity.js';
import { DossierEvent } from '../dossiers/dossier-event.entity.js';
import { ProcessRunError, TaskNotWaitingError } from '../../engine/index.js';
import { ProcessInstance } from './instance.entity.js';
import { Task } from './task.entity.js';
import { isCandidate } from './candidacy.js';
import { applyRun } from './apply-run.js';

/**
 * Completes a user task: locks the process instance row (so two officers, or two nodes, completing
 * at once are serialised and the second gets 409), signals the engine, and writes everything the
 * run produced in the same transaction.
 */
export async function completeTask(em: EntityManager, services: Services, user: User, taskId: number, req: CompleteRequest): Promise<Dossier> {
  return em.transactional(async (tx) => {
    const peek = await tx.findOne(Task, taskId);
    if (!peek) throw notFound('Không tìm thấy công việc', `No task ${taskId}`, 'taskId');
    const instance = await tx.findOneOrFail(ProcessInstance, peek.instance, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const task = await tx.refreshOrFail(peek);
    if (task.state !== 'open') throw conflict('TASK_CLOSED', 'Công việc này đã được xử lý xong', `Task ${taskId} is ${task.state}`);
    if (task.assignee !== null && task.assignee !== user.id) {
      throw conflict('TASK_TAKEN', 'Công việc đang do cán bộ khác xử lý', `Task ${taskId} is held by user ${task.assignee}`);
    }
    if (!isCandidate(user, task)) throw forbidden('Bạn không có quyền xử lý công việc này', `User ${user.username} may not complete task ${taskId}`);

    const def = await services.definitions.get(tx, instance.definition);
    const step = def.steps.find((s) => s.elementId === task.elementId);
    if (step?.decisions?.length && !req.decision) {
      throw new HttpError(400, 'DECISION_REQUIRED', 'Cần chọn kết quả xử lý: đồng ý hoặc từ chối', `Task ${task.elementId} needs a decision`, 'decision');
    }
    const dossier = await tx.findOneOrFail(Dossier, task.dossier);
    const now = new Date();
    const data = { ...req.data, ...(req.decision ? { decision: req.decision } : {}), ...(req.note ? { note: req.note } : {}) };
    let run;
    try {
      run = await services.runtime.completeTask(def, instance.state, task.executionId, data);
    } catch (err) {
      if (err instanceof TaskNotWaitingError) throw conflict('TASK_CLOSED', 'Công việc này đã được xử lý xong', err.message);
      if (err instanceof ProcessRunError) {
        throw new HttpError(422, 'PROCESS_STUCK', `Quy trình không thể đi tiếp tại phần tử "${err.elementId ?? task.elementId}" với dữ liệu đã nhập; hãy kiểm tra kết quả xử lý`,
          `Engine stopped at ${err.elementId ?? task.elementId}: ${err.message}`, err.elementId ?? task.elementId);
      }
      throw err;
    }
    Object.assign(task, {
      state: 'completed', assignee: task.assignee ?? user.id, completedAt: now, completedBy: user.id,
      decision: req.decision ?? null, note: req.note ?? null, data: req.data ?? null,
    });
    tx.create(DossierEvent, {
      dossier: dossier.id, at: now, action: 'step_completed', actor: user.id, agency: task.agency, task: task.id,
      stepName: task.name, note: req.note ?? null, data: req.decision ? { decision: req.decision } : null,
    });
    await applyRun(tx, services, { dossier, instance, actorId: user.id, now }, run);
    return dossier;
  });
}
