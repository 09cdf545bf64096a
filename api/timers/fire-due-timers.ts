import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../services.js';
import { Dossier } from '../dossiers/dossier.entity.js';
import { DossierEvent } from '../dossiers/dossier-event.entity.js';
import { ProcessInstance } from '../tasks/instance.entity.js';
import { applyRun } from '../tasks/apply-run.js';
import { TimerNotPendingError } from '../../engine/index.js';
import { TimerJob } from './timer-job.entity.js';

/**
 * Fires up to `limit` due timers, each in its own transaction. A job is claimed with
 * SKIP LOCKED, so any number of nodes can run this at once; a crash rolls the claim back
 * and the job fires on the next pass. Returns how many jobs were handled.
 */
export async function fireDueTimers(root: EntityManager, services: Services, limit = 20, now = new Date()): Promise<number> {
  let handled = 0;
  for (; handled < limit; handled++) {
    const done = await root.fork().transactional(async (tx) => {
      const job = await tx.findOne(TimerJob, { state: 'waiting', dueAt: { $lte: now } },
        { orderBy: { dueAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE });
      if (!job) return false;
      const instance = await tx.findOneOrFail(ProcessInstance, job.instance, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (instance.ended) {
        job.state = 'obsolete';
        return true;
      }
      const def = await services.definitions.get(tx, instance.definition);
      try {
        const run = await services.runtime.fireTimer(def, instance.state, job.executionId);
        const dossier = await tx.findOneOrFail(Dossier, job.dossier);
        tx.create(DossierEvent, { dossier: dossier.id, at: now, action: 'timer_fired', stepName: job.elementId });
        await applyRun(tx, services, { dossier, instance, actorId: null, now }, run);
        job.state = 'fired';
      } catch (err) {
        if (!(err instanceof TimerNotPendingError)) throw err;
        job.state = 'obsolete';
      }
      return true;
    });
    if (!done) break;
  }
  return handled;
}
