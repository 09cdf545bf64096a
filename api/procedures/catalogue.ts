import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TimeLimit } from '../contract/procedures.js';

/** The shape of `processes/catalogue.json`; sources and notes are kept as published. */
export const CatalogueEntry = z.looseObject({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  field: z.string(),
  bpmn: z.string(),
  processId: z.string(),
  agencyKinds: z.array(z.string()).min(1),
  timeLimit: TimeLimit,
  fee: z.string(),
  documents: z.array(z.object({ key: z.string(), name: z.string(), required: z.boolean() })).min(1),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export async function readCatalogue(dir: string): Promise<CatalogueEntry[]> {
  const raw = JSON.parse(await readFile(join(dir, 'catalogue.json'), 'utf8'));
  return z.array(CatalogueEntry).parse(raw);
}
