import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import { Task } from './task.entity.js';
import { isCandidate } from './candidacy.js';

/** Takes an unclaimed task; a concurrent claim of the same task loses with 409. */
export async function claimTask(em: EntityManager, user: User, taskId: number): Promise<Task> {
  const task = await em.findOne(Task, taskId);
  if (!task) throw notFound('Không tìm thấy công việc', `No task ${taskId}`, 'taskId');
  if (!isCandidate(user, task)) throw forbidden('Công việc này không thuộc nhóm của bạn', `User ${user.username} is not a candidate for task ${taskId}`);
  const claimed = await em.nativeUpdate(Task, { id: taskId, state: 'open', assignee: null }, { assignee: user.id });
  if (!claimed) {
    await em.refresh(task);
    if (task.assignee === user.id && task.state === 'open') return task;
    throw task.state !== 'open'
      ? conflict('TASK_CLOSED', 'Công việc này đã được xử lý xong', `Task ${taskId} is ${task.state}`)
      : conflict('TASK_TAKEN', 'Công việc đã được cán bộ khác nhận xử lý', `Task ${taskId} already claimed`);
  }
  await em.refresh(task);
  return task;
}

export async function unclaimTask(em: EntityManager, user: User, taskId: number): Promise<Task> {
  const task = await em.findOne(Task, taskId);
  if (!task) throw notFound('Không tìm thấy công việc', `No task ${taskId}`, 'taskId');
  const released = await em.nativeUpdate(Task, { id: taskId, state: 'open', assignee: user.id }, { assignee: null });
  if (!released) throw conflict('NOT_YOURS', 'Bạn không giữ công việc này', `Task ${taskId} is not held by ${user.username}`);
  await em.refresh(task);
  return task;
}
