import type { EntityManager } from '@mikro-orm/postgresql';
import type { CompiledDefinition } from '../../engine/runtime/types.js';
import type { ProcessRuntime } from '../../engine/index.js';
import { Definition } from './definition.entity.js';

/**
 * Compiled definition versions by id. A published version is immutable, so each is parsed once
 * per process and kept; every node can rebuild it from the stored XML.
 */
export class DefinitionRegistry {
  private readonly compiled = new Map<number, Promise<CompiledDefinition>>();

  constructor(private readonly runtime: ProcessRuntime) {}

  get(em: EntityManager, id: number): Promise<CompiledDefinition> {
    let entry = this.compiled.get(id);
    if (!entry) {
      entry = em.findOneOrFail(Definition, id).then((row) => this.runtime.compile(row.xml));
      entry.catch(() => this.compiled.delete(id));
      this.compiled.set(id, entry);
    }
    return entry;
  }

  async latest(em: EntityManager, processId: string): Promise<Definition | null> {
    return em.findOne(Definition, { processId }, { orderBy: { version: 'desc' } });
  }
}
