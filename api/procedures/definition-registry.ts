import type { CompiledDefinition } from '../../engine/runtime/types.js';
import type { ProcessRuntime } from '../../engine/index.js';
import type { Sql } from '../db/database.js';

/**
 * Compiled definition versions by id. A published version is immutable, so each is parsed once
 * per process and kept; every node can rebuild it from the stored XML.
 */
export class DefinitionRegistry {
  private readonly compiled = new Map<number, Promise<CompiledDefinition>>();

  constructor(private readonly runtime: ProcessRuntime) {}

  get(db: Sql, id: number): Promise<CompiledDefinition> {
    let entry = this.compiled.get(id);
    if (!entry) {
      entry = db.one<{ xml: string }>('select xml from process_definition where id = $1', [id]).then((row) => {
        if (!row) throw new Error(`No process definition ${id}`);
        return this.runtime.compile(row.xml);
      });
      entry.catch(() => this.compiled.delete(id));
      this.compiled.set(id, entry);
    }
    return entry;
  }

  latestId(db: Sql, processId: string): Promise<number | undefined> {
    return db.one<{ id: number }>('select id from process_definition where process_id = $1 order by version desc limit 1', [processId])
      .then((r) => r?.id);
  }
}
