import type { EntityManager } from '@mikro-orm/postgresql';
import type { PublicDossierView } from '../contract/dossiers.js';
import { Agency } from '../agencies/agency.entity.js';
import { Procedure } from '../procedures/procedure.entity.js';
import { Dossier } from '../dossiers/dossier.entity.js';
import { Task } from '../tasks/task.entity.js';
import { statusView } from '../dossiers/status.js';
import { toIso, toIsoOrNull } from '../time.js';

/** What anyone holding a dossier code may see: no applicant data, no officers' names. */
export async function publicView(em: EntityManager, dossier: Dossier): Promise<PublicDossierView> {
  const [procedure, agencies, tasks] = await Promise.all([
    em.findOneOrFail(Procedure, dossier.procedure),
    em.find(Agency, { id: { $in: [dossier.receivingAgency, dossier.handlingAgency] } }),
    em.find(Task, { dossier: dossier.id, state: { $ne: 'cancelled' } }, { orderBy: { id: 'asc' } }),
  ]);
  const name = (id: number) => agencies.find((a) => a.id === id)!.name;
  return {
    code: dossier.code,
    procedureName: procedure.name,
    receivingAgency: name(dossier.receivingAgency),
    handlingAgency: name(dossier.handlingAgency),
    receivedAt: toIso(dossier.receivedAt),
    appointmentAt: toIso(dossier.appointmentAt),
    finishedAt: toIsoOrNull(dossier.finishedAt),
    status: statusView(dossier.status),
    steps: tasks.map((t) => ({ name: t.name, startedAt: toIso(t.createdAt), finishedAt: toIsoOrNull(t.completedAt) })),
  };
}
