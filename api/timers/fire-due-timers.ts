import type { Services } from '../services.js';
import { DOSSIER_COLUMNS, type DossierRow } from '../dossiers/dossier-row.js';
import { applyRun, saveState } from '../tasks/apply-run.js';
import { TimerNotPendingError } from '../../engine/index.js';

interface JobRow { id: number; instance: number; dossier: number; executionId: string; elementId: string }

/**
 * Fires up to `limit` due timers, each in its own transaction. A job is claimed with
 * SKIP LOCKED, so any number of nodes can run this at once; a crash rolls the claim back
 * and the job fires on the next pass. Returns how many jobs were handled.
 */
export async function fireDueTimers(services: Services, limit = 20, now = services.clock()): Promise<number> {
  let handled = 0;
  while (handled < limit && (await fireOne(services, now))) handled++;
  return handled;
}

function fireOne(services: Services, now: Date): Promise<boolean> {
  return services.db.transaction(async (tx) => {
    const job = await tx.one<JobRow>(
      `select id, instance_id as instance, dossier_id as dossier, execution_id as "executionId", element_id as "elementId"
         from timer_job where state = 'waiting' and due_at <= $1 order by due_at limit 1 for update skip locked`, [now]);
    if (!job) return false;
    const instance = (await tx.one<{ id: number; version: number; definition: number; state: unknown; ended: boolean }>(
      'select id, version, definition_id as definition, state, ended from process_instance where id = $1 for update', [job.instance]))!;
    const finish = (state: string) => tx.query('update timer_job set state = $2, attempts = attempts + 1 where id = $1', [job.id, state]);
    if (instance.ended) {
      await finish('obsolete');
      return true;
    }
    const def = await services.definitions.get(tx, instance.definition);
    try {
      const run = await services.runtime.fireTimer(def, instance.state, job.executionId);
      const dossier = (await tx.one<DossierRow>(`select ${DOSSIER_COLUMNS} from dossier d where d.id = $1`, [job.dossier]))!;
      await saveState(tx, instance, run, now);
      await applyRun(tx, services, { dossier, instanceId: job.instance, actorId: null, now }, run,
        [{ dossier: dossier.id, at: now, action: 'timer_fired', stepName: job.elementId }]);
      await finish('fired');
    } catch (err) {
      if (!(err instanceof TimerNotPendingError)) throw err;
      await finish('obsolete');
    }
    return true;
  });
}
