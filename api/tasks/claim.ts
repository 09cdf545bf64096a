import type { Sql } from '../db/database.js';
import type { Officer } from '../auth/officer.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import { TASK_COLUMNS, type TaskRow } from './task-row.js';
import { isCandidate } from './candidacy.js';

/** Takes an unclaimed task with one conditional update; a concurrent claim of the same task loses with 409. */
export async function claimTask(db: Sql, user: Officer, taskId: number): Promise<void> {
  const task = await findTask(db, taskId);
  if (!isCandidate(user, task)) throw forbidden('Công việc này không thuộc nhóm của bạn', `User ${user.username} is not a candidate for task ${taskId}`);
  const claimed = await db.one(`update task set assignee_id = $2 where id = $1 and state = 'open' and assignee_id is null returning id`, [taskId, user.id]);
  if (claimed) return;
  const now = await findTask(db, taskId);
  if (now.state === 'open' && now.assignee === user.id) return;
  throw now.state !== 'open'
    ? conflict('TASK_CLOSED', 'Công việc này đã được xử lý xong', `Task ${taskId} is ${now.state}`)
    : conflict('TASK_TAKEN', 'Công việc đã được cán bộ khác nhận xử lý', `Task ${taskId} already claimed`);
}

export async function unclaimTask(db: Sql, user: Officer, taskId: number): Promise<void> {
  await findTask(db, taskId);
  const released = await db.one(`update task set assignee_id = null where id = $1 and state = 'open' and assignee_id = $2 returning id`, [taskId, user.id]);
  if (!released) throw conflict('NOT_YOURS', 'Bạn không giữ công việc này', `Task ${taskId} is not held by ${user.username}`);
}

export async function findTask(db: Sql, taskId: number, lock = ''): Promise<TaskRow> {
  const task = await db.one<TaskRow>(`select ${TASK_COLUMNS} from task t where t.id = $1 ${lock}`, [taskId]);
  if (!task) throw notFound('Không tìm thấy công việc', `No task ${taskId}`, 'taskId');
  return task;
}
