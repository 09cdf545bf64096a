import type { EntityManager } from '@mikro-orm/postgresql';
import type { DossierView, TaskView } from '../contract/dossiers.js';
import { Agency } from '../agencies/agency.entity.js';
import { Procedure } from '../procedures/procedure.entity.js';
import { Definition } from '../procedures/definition.entity.js';
import { User } from '../users/user.entity.js';
import { Task } from '../tasks/task.entity.js';
import { toIso, toIsoOrNull } from '../time.js';
import { Dossier } from './dossier.entity.js';
import { DossierEvent } from './dossier-event.entity.js';
import { statusView } from './status.js';
import { actionLabel } from './actions.js';

/** The officer's view of a dossier: applicant, checklist, tasks and history. */
export async function dossierView(em: EntityManager, dossier: Dossier): Promise<DossierView> {
  const [procedure, definition, tasks, events] = await Promise.all([
    em.findOneOrFail(Procedure, dossier.procedure),
    em.findOneOrFail(Definition, dossier.definition),
    em.find(Task, { dossier: dossier.id }, { orderBy: { id: 'asc' } }),
    em.find(DossierEvent, { dossier: dossier.id }, { orderBy: { id: 'asc' } }),
  ]);
  const agencyIds = new Set<number>([dossier.receivingAgency, dossier.handlingAgency, ...tasks.map((t) => t.agency)]);
  events.forEach((e) => e.agency && agencyIds.add(e.agency));
  const userIds = new Set<number>();
  tasks.forEach((t) => { if (t.assignee) userIds.add(t.assignee); if (t.completedBy) userIds.add(t.completedBy); });
  events.forEach((e) => e.actor && userIds.add(e.actor));
  const [agencies, users] = await Promise.all([
    em.find(Agency, { id: { $in: [...agencyIds] } }),
    userIds.size ? em.find(User, { id: { $in: [...userIds] } }) : Promise.resolve([]),
  ]);
  const agency = new Map(agencies.map((a) => [a.id, a]));
  const user = new Map(users.map((u) => [u.id, u]));
  const ref = (id: number) => ({ code: agency.get(id)!.code, name: agency.get(id)!.name });

  return {
    code: dossier.code,
    procedure: { code: procedure.code, name: procedure.name, version: definition.version },
    receivingAgency: ref(dossier.receivingAgency),
    handlingAgency: ref(dossier.handlingAgency),
    channel: dossier.channel as DossierView['channel'],
    applicant: dossier.applicant,
    documents: dossier.documents,
    status: statusView(dossier.status),
    outcome: dossier.outcome ?? null,
    receivedAt: toIso(dossier.receivedAt),
    appointmentAt: toIso(dossier.appointmentAt),
    finishedAt: toIsoOrNull(dossier.finishedAt),
    definitionId: dossier.definition,
    tasks: tasks.map((t): TaskView => ({
      id: t.id, elementId: t.elementId, name: t.name, candidateGroups: t.candidateGroups, agencyCode: agency.get(t.agency)!.code,
      assignee: t.assignee ? user.get(t.assignee)!.username : null, state: t.state as TaskView['state'],
      createdAt: toIso(t.createdAt), dueAt: toIsoOrNull(t.dueAt), completedAt: toIsoOrNull(t.completedAt),
      completedBy: t.completedBy ? user.get(t.completedBy)!.username : null, decision: t.decision ?? null,
    })),
    history: events.map((e) => ({
      at: toIso(e.at), action: e.action, label: actionLabel(e.action, e.data),
      actor: e.actor ? user.get(e.actor)!.fullName : null, agencyCode: e.agency ? agency.get(e.agency)!.code : null,
      stepName: e.stepName ?? null, note: e.note ?? null,
    })),
  };
}
