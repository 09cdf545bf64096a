import type { TaskView } from '../contract/dossiers.js';
import type { Services } from '../services.js';
import { toIso, toIsoOrNull } from '../time.js';

export async function taskView(services: Services, taskId: number): Promise<TaskView> {
  const t = (await services.db.one<Omit<TaskView, 'decisions'> & { definition: number; createdAt: Date; dueAt: Date | null; completedAt: Date | null }>(
    `select t.id, t.element_id as "elementId", t.name, t.candidate_groups as "candidateGroups", a.code as "agencyCode",
            u.username as assignee, t.state, t.created_at as "createdAt", t.due_at as "dueAt", t.completed_at as "completedAt",
            c.username as "completedBy", t.decision, i.definition_id as definition
       from task t join agency a on a.id = t.agency_id join process_instance i on i.id = t.instance_id
       left join app_user u on u.id = t.assignee_id left join app_user c on c.id = t.completed_by_id
      where t.id = $1`, [taskId]))!;
  const { definition, ...task } = t;
  const def = await services.definitions.get(services.db, definition);
  return {
    ...task, createdAt: toIso(t.createdAt), dueAt: toIsoOrNull(t.dueAt), completedAt: toIsoOrNull(t.completedAt),
    decisions: def.steps.find((s) => s.elementId === t.elementId)?.decisions ?? [],
  };
}
