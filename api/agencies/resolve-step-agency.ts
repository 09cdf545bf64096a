import type { Sql } from '../db/database.js';
import { HttpError } from '../http/errors.js';

/**
 * Resolves a step's `mc:agency` to the agency whose officers get the task:
 * "handling" and "receiving" name the dossier's agencies; any other word is a role tag
 * (e.g. "tax"), resolved to the tagged agency nearest the handling agency in the tree
 * (longest shared ancestry); failing that, a literal agency code.
 */
export async function resolveStepAgency(
  db: Sql,
  key: string,
  dossier: { handlingAgency: number; receivingAgency: number },
  elementId: string,
): Promise<number> {
  if (key === 'handling') return dossier.handlingAgency;
  if (key === 'receiving') return dossier.receivingAgency;
  const found = await db.one<{ id: number }>(
    `select a.id from agency a, agency h
      where h.id = $2 and ($1 = any(a.tags) or a.code = $1)
      order by ($1 = any(a.tags)) desc,
               (select count(*) from unnest(string_to_array(a.path, '/')) with ordinality x(p, i)
                 join unnest(string_to_array(h.path, '/')) with ordinality y(p, i) using (p, i)) desc,
               a.id
      limit 1`, [key, dossier.handlingAgency]);
  if (found) return found.id;
  throw new HttpError(422, 'UNRESOLVED_AGENCY',
    `Không xác định được cơ quan xử lý cho bước "${elementId}" (mc:agency="${key}")`,
    `No agency for mc:agency="${key}" on element ${elementId}`, elementId);
}
