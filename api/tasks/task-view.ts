import type { TaskView } from '../contract/dossiers.js';
import type { Sql } from '../db/database.js';
import { toIso, toIsoOrNull } from '../time.js';

export async function taskView(db: Sql, taskId: number): Promise<TaskView> {
  const t = (await db.one<TaskView & { createdAt: Date; dueAt: Date | null; completedAt: Date | null }>(
    `select t.id, t.element_id as "elementId", t.name, t.candidate_groups as "candidateGroups", a.code as "agencyCode",
            u.username as assignee, t.state, t.created_at as "createdAt", t.due_at as "dueAt", t.completed_at as "completedAt",
            c.username as "completedBy", t.decision
       from task t join agency a on a.id = t.agency_id
       left join app_user u on u.id = t.assignee_id left join app_user c on c.id = t.completed_by_id
      where t.id = $1`, [taskId]))!;
  return { ...t, createdAt: toIso(t.createdAt), dueAt: toIsoOrNull(t.dueAt), completedAt: toIsoOrNull(t.completedAt) };
}
