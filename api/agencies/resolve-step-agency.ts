import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from './agency.entity.js';
import { HttpError } from '../http/errors.js';

/**
 * Resolves a step's `mc:agency` to the agency whose officers get the task:
 * "handling" and "receiving" name the dossier's agencies; any other word is a role tag
 * (e.g. "tax"), resolved to the tagged agency nearest the handling agency in the tree;
 * failing that, a literal agency code.
 */
export async function resolveStepAgency(
  em: EntityManager,
  key: string,
  dossier: { handlingAgency: number; receivingAgency: number },
  elementId: string,
): Promise<number> {
  if (key === 'handling') return dossier.handlingAgency;
  if (key === 'receiving') return dossier.receivingAgency;
  const tagged = await em.find(Agency, { tags: { $contains: [key] } });
  if (tagged.length) {
    const handling = await em.findOneOrFail(Agency, dossier.handlingAgency);
    return tagged.sort((a, b) => sharedPrefix(b.path, handling.path) - sharedPrefix(a.path, handling.path))[0].id;
  }
  const byCode = await em.findOne(Agency, { code: key });
  if (byCode) return byCode.id;
  throw new HttpError(422, 'UNRESOLVED_AGENCY',
    `Không xác định được cơ quan xử lý cho bước "${elementId}" (mc:agency="${key}")`,
    `No agency for mc:agency="${key}" on element ${elementId}`, elementId);
}

function sharedPrefix(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}
