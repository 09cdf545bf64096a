import type { PublicDossierView } from '../contract/dossiers.js';
import type { Sql } from '../db/database.js';
import { statusView } from '../dossiers/status.js';
import type { DossierHead } from '../dossiers/dossier-view.js';
import { toIso, toIsoOrNull } from '../time.js';

/** What anyone holding a dossier code may see: no applicant data, no officers' names. */
export async function publicView(db: Sql, d: DossierHead): Promise<PublicDossierView> {
  const steps = await db.query<{ name: string; createdAt: Date; completedAt: Date | null }>(
    `select name, created_at as "createdAt", completed_at as "completedAt" from task
      where dossier_id = $1 and state <> 'cancelled' order by id`, [d.id]);
  return {
    code: d.code,
    procedureName: d.procedureName,
    receivingAgency: d.receivingName,
    handlingAgency: d.handlingName,
    receivedAt: toIso(d.receivedAt),
    appointmentAt: toIso(d.appointmentAt),
    finishedAt: toIsoOrNull(d.finishedAt),
    status: statusView(d.status),
    steps: steps.map((s) => ({ name: s.name, startedAt: toIso(s.createdAt), finishedAt: toIsoOrNull(s.completedAt) })),
  };
}
