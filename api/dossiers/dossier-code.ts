import { DateTime } from 'luxon';
import type { Sql } from '../db/database.js';
import { ZONE } from '../time.js';

/**
 * Next dossier code for an agency on the day of receipt (DESIGN §4):
 * `<agency electronic code>-<YYMMDD>-<4-digit daily sequence>`, e.g. 000.00.53.H48-220921-0099.
 * The sequence is an atomic upsert in the caller's transaction, so concurrent receipts on any
 * node never collide, and a receipt that rolls back leaves no dossier behind.
 */
export async function nextDossierCode(tx: Sql, agency: { id: number; code: string }, receivedAt: Date): Promise<string> {
  const local = DateTime.fromJSDate(receivedAt, { zone: ZONE });
  const row = await tx.one<{ last: number }>(
    `insert into dossier_sequence (agency_id, day, last) values ($1, $2, 1)
     on conflict (agency_id, day) do update set last = dossier_sequence.last + 1
     returning last`, [agency.id, local.toISODate()]);
  const seq = row!.last;
  return `${agency.code}-${local.toFormat('yyMMdd')}-${String(seq).padStart(4, '0')}`;
}
