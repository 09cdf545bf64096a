import type { CompleteRequest } from '../contract/tasks.js';
import type { Services } from '../services.js';
import type { Officer } from '../auth/officer.js';
import { HttpError, conflict, forbidden, notFound } from '../http/errors.js';
import { DOSSIER_COLUMNS, type DossierRow } from '../dossiers/dossier-row.js';
import { ProcessRunError, TaskNotWaitingError } from '../../engine/index.js';
import { isCandidate } from './candidacy.js';
import { TASK_COLUMNS, type TaskRow } from './task-row.js';
import { applyRun, saveState } from './apply-run.js';

/**
 * Completes a user task: locks the process instance row (so two officers, or two nodes, completing
 * at once are serialised and the second gets 409), signals the engine, and writes everything the
 * run produced in the same transaction. Returns the dossier code.
 */
export function completeTask(services: Services, user: Officer, taskId: number, req: CompleteRequest): Promise<string> {
  return services.db.transaction(async (tx) => {
    const instance = await tx.one<{ id: number; version: number; definition: number; state: unknown }>(
      `select id, version, definition_id as definition, state from process_instance
        where id = (select instance_id from task where id = $1) for update`, [taskId]);
    if (!instance) throw notFound('Không tìm thấy công việc', `No task ${taskId}`, 'taskId');
    // Read after the lock: a completion that committed meanwhile is visible to this statement.
    const row = (await tx.one<TaskRow & { dossierRow: DossierRow }>(
      `select ${TASK_COLUMNS}, (select row_to_json(x) from (select ${DOSSIER_COLUMNS} from dossier d where d.id = t.dossier_id) x) as "dossierRow"
         from task t where t.id = $1`, [taskId]))!;
    const { dossierRow, ...task } = row;
    if (task.state !== 'open') throw conflict('TASK_CLOSED', 'Công việc này đã được xử lý xong', `Task ${taskId} is ${task.state}`);
    if (task.assignee !== null && task.assignee !== user.id) {
      throw conflict('TASK_TAKEN', 'Công việc đang do cán bộ khác xử lý', `Task ${taskId} is held by user ${task.assignee}`);
    }
    if (!isCandidate(user, task)) throw forbidden('Bạn không có quyền xử lý công việc này', `User ${user.username} may not complete task ${taskId}`);

    const def = await services.definitions.get(tx, instance.definition);
    const step = def.steps.find((s) => s.elementId === task.elementId);
    const decisions = step?.decisions ?? [];
    if (decisions.length && !(req.decision && decisions.includes(req.decision))) {
      throw new HttpError(400, 'DECISION_REQUIRED', 'Cần chọn kết quả xử lý: đồng ý hoặc từ chối',
        `Task ${task.elementId} needs a decision among ${decisions.join(', ')}`, 'decision');
    }
    if (!decisions.length && req.decision) {
      throw new HttpError(400, 'NO_DECISION_HERE', 'Bước này không có quyết định đồng ý/từ chối; chỉ cần bấm Hoàn thành',
        `Task ${task.elementId} takes no decision`, 'decision');
    }
    const dossier = reviveDates(dossierRow);
    const data = { ...req.data, ...(req.decision ? { decision: req.decision } : {}), ...(req.note ? { note: req.note } : {}) };
    const run = await runEngine(() => services.runtime.completeTask(def, instance.state, task.executionId, data), task.elementId);

    const now = services.clock();
    // Conditional: a claim by someone else that slipped in since the read above (claims don't take
    // the instance lock) makes this match nothing, and the whole completion rolls back.
    const completed = await tx.one(
      `update task set state = 'completed', assignee_id = coalesce(assignee_id, $2), completed_at = $3, completed_by_id = $2,
              decision = $4, note = $5, data = $6
        where id = $1 and state = 'open' and (assignee_id is null or assignee_id = $2) returning id`,
      [task.id, user.id, now, req.decision ?? null, req.note ?? null, req.data ? JSON.stringify(req.data) : null]);
    if (!completed) throw conflict('TASK_TAKEN', 'Công việc vừa được cán bộ khác nhận xử lý', `Task ${taskId} was claimed by someone else meanwhile`);
    await saveState(tx, instance, run, now);
    await applyRun(tx, services, { dossier, instanceId: instance.id, actorId: user.id, now }, run, [{
      dossier: dossier.id, at: now, action: 'step_completed', actor: user.id, agency: task.agency, task: task.id,
      stepName: task.name, note: req.note ?? null, data: req.decision ? { decision: req.decision } : null,
    }]);
    return dossier.code;
  });
}

/** row_to_json gives timestamps as strings. */
function reviveDates(d: DossierRow): DossierRow {
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { ...d, receivedAt: date(d.receivedAt)!, appointmentAt: date(d.appointmentAt)!, finishedAt: date(d.finishedAt), returnedAt: date(d.returnedAt) };
}

async function runEngine<T>(work: () => Promise<T>, elementId: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof TaskNotWaitingError) throw conflict('TASK_CLOSED', 'Công việc này đã được xử lý xong', err.message);
    if (err instanceof ProcessRunError) {
      const at = err.elementId ?? elementId;
      throw new HttpError(422, 'PROCESS_STUCK', `Quy trình không thể đi tiếp tại phần tử "${at}" với dữ liệu đã nhập; hãy kiểm tra kết quả xử lý`,
        `Engine stopped at ${at}: ${err.message}`, at);
    }
    throw err;
  }
}
