import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskView } from '../contract/dossiers.js';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../users/user.entity.js';
import { toIso, toIsoOrNull } from '../time.js';
import type { Task } from './task.entity.js';

export async function taskView(em: EntityManager, t: Task): Promise<TaskView> {
  const agency = await em.findOneOrFail(Agency, t.agency);
  const name = async (id: number | null | undefined) => (id ? (await em.findOneOrFail(User, id)).username : null);
  return {
    id: t.id, elementId: t.elementId, name: t.name, candidateGroups: t.candidateGroups, agencyCode: agency.code,
    assignee: await name(t.assignee), state: t.state as TaskView['state'], createdAt: toIso(t.createdAt),
    dueAt: toIsoOrNull(t.dueAt), completedAt: toIsoOrNull(t.completedAt), completedBy: await name(t.completedBy), decision: t.decision ?? null,
  };
}
