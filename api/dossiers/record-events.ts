import type { Sql } from '../db/database.js';
import { enqueueNotices } from '../notices/enqueue.js';

export interface DossierEventInput {
  dossier: number;
  at: Date;
  action: string;
  actor?: number | null;
  agency?: number | null;
  task?: number | null;
  stepName?: string | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  /** Not stored (the task row has it): the BPMN element of a `step_entered`, for the clock (api/clock/source.ts). */
  elementId?: string | null;
}

/** Appends history lines (also the clock's events) in one statement. */
export async function recordEvents(tx: Sql, events: DossierEventInput[]): Promise<void> {
  if (!events.length) return;
  await tx.query(
    `insert into dossier_event (dossier_id, at, action, actor_id, agency_id, task_id, step_name, note, data)
     select * from unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::int[], $5::int[], $6::bigint[], $7::text[], $8::text[], $9::jsonb[])`,
    [
      events.map((e) => e.dossier), events.map((e) => e.at), events.map((e) => e.action), events.map((e) => e.actor ?? null),
      events.map((e) => e.agency ?? null), events.map((e) => e.task ?? null), events.map((e) => e.stepName ?? null),
      events.map((e) => e.note ?? null), events.map((e) => (e.data ? JSON.stringify(e.data) : null)),
    ]);
  // The citizen notices these events call for, in the same transaction (outbox).
  await enqueueNotices(tx, events);
}
