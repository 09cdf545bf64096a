import type { EntityManager } from '@mikro-orm/postgresql';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessRuntime } from '../../engine/index.js';
import { Procedure } from './procedure.entity.js';
import { Definition } from './definition.entity.js';
import type { CatalogueEntry } from './catalogue.js';

/**
 * Brings the database in line with `processes/`: upserts each catalogue entry and publishes its
 * BPMN model as a new immutable version when the file differs from the version the catalogue
 * published last (designers' versions, published_by set, are left alone).
 * Runs under an advisory lock so two nodes starting at once publish each version once.
 */
export async function publishCatalogue(em: EntityManager, runtime: ProcessRuntime, dir: string, catalogue: CatalogueEntry[]) {
  await em.transactional(async (tx) => {
    await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', ['motcua:publish-catalogue'], 'all', tx.getTransactionContext());
    for (const entry of catalogue) {
      const xml = await readFile(join(dir, entry.bpmn), 'utf8');
      const def = await runtime.compile(xml);
      // Compared with what the catalogue itself last published: a designer's later version survives restarts.
      const fromFile = await tx.findOne(Definition, { processId: def.processId, publishedBy: null }, { orderBy: { version: 'desc' } });
      if (!fromFile || fromFile.hash !== def.hash) {
        const latest = await tx.findOne(Definition, { processId: def.processId }, { orderBy: { version: 'desc' } });
        tx.create(Definition, {
          processId: def.processId, version: (latest?.version ?? 0) + 1, procedureCode: entry.code,
          name: def.name, hash: def.hash, xml,
        });
      }
      await tx.upsert(Procedure, {
        code: entry.code, name: entry.name, level: entry.level, field: entry.field,
        timeLimitValue: entry.timeLimit.value, timeLimitUnit: entry.timeLimit.unit, fee: entry.fee,
        documents: entry.documents, agencyKinds: entry.agencyKinds, processId: def.processId,
        catalogue: entry as unknown as Record<string, unknown>,
      });
    }
  });
}
