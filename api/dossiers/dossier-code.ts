import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { ZONE } from '../time.js';

/**
 * Next dossier code for an agency on the day of receipt (DESIGN §4):
 * `<agency electronic code>-<YYMMDD>-<4-digit daily sequence>`, e.g. 000.00.53.H48-220921-0099.
 * The sequence is an atomic upsert, so concurrent receipts on any node never collide; it runs in
 * the caller's transaction, so a rolled-back receipt leaves no gap-causing half-written dossier.
 */
export async function nextDossierCode(em: EntityManager, agency: { id: number; code: string }, receivedAt: Date): Promise<string> {
  const local = DateTime.fromJSDate(receivedAt, { zone: ZONE });
  const rows = await em.getConnection().execute<{ last: number }[]>(
    `insert into dossier_sequence (agency_id, day, last) values (?, ?, 1)
     on conflict (agency_id, day) do update set last = dossier_sequence.last + 1
     returning last`,
    [agency.id, local.toISODate()],
    'all',
    em.getTransactionContext(),
  );
  const seq = rows[0].last;
  return `${agency.code}-${local.toFormat('yyMMdd')}-${String(seq).padStart(seq > 9999 ? 5 : 4, '0')}`;
}
