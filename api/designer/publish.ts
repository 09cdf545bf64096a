import type { CompiledDefinition } from '../../engine/runtime/types.js';
import type { Database } from '../db/database.js';
import type { Problem } from '../contract/designer.js';
import type { Officer } from '../auth/officer.js';
import { HttpError, conflict } from '../http/errors.js';
import { latestVersion, procedureOf, recordEvent, staleDraft } from './store.js';

/** Publication is refused because of these errors: answered as 422 with the whole list. */
export class ModelRejected extends HttpError {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(422, 'MODEL_INVALID',
      `Chưa ban hành được: quy trình còn ${errors.length} lỗi. ${errors[0]?.message ?? ''}`.trim(),
      `Model has ${errors.length} errors`, 'xml',
      errors.map((p) => ({ field: p.elementId ?? 'xml', message: p.message })));
  }
}

export interface Publication {
  processId: string;
  compiled: CompiledDefinition;
  by: Officer;
  /** What is published: the draft (checked and removed in the same transaction), or an old version again. */
  source: { kind: 'draft'; draftVersion: number; replaceNewer: boolean } | { kind: 'republish'; fromVersion: number; expectedLatest?: number };
}

/**
 * Creates the next immutable version of the process, in one transaction under the same advisory
 * lock as the start-up catalogue publication, so versions are numbered once whoever publishes.
 * Dossiers already running keep their version; new ones take this one (DefinitionRegistry.latestId).
 * Returns the new process_definition id.
 */
export async function publishVersion(db: Database, p: Publication): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['motcua:publish-catalogue']);
    const latest = await latestVersion(tx, p.processId);
    if (p.source.kind === 'draft') {
      const draft = await tx.one<{ version: number; basedOnVersion: number | null }>(
        'select version, based_on_version as "basedOnVersion" from process_draft where process_id = $1 for update', [p.processId]);
      if (!draft || draft.version !== p.source.draftVersion) throw staleDraft();
      if (latest && draft.basedOnVersion !== latest.version && !p.source.replaceNewer) {
        throw conflict('NEWER_VERSION',
          `Phiên bản ${latest.version} đã được ban hành sau khi bản nháp này được tạo (từ phiên bản ${draft.basedOnVersion ?? '—'}); ban hành bản nháp sẽ thay thế phiên bản đó`,
          `Version ${latest.version} was published after the draft was started from ${draft.basedOnVersion}`);
      }
    } else if (p.source.expectedLatest !== undefined && latest?.version !== p.source.expectedLatest) {
      throw conflict('NEWER_VERSION', `Vừa có phiên bản ${latest?.version} được ban hành; hãy tải lại danh sách phiên bản`,
        `Latest is ${latest?.version}, caller expected ${p.source.expectedLatest}`);
    }
    if (latest?.hash === p.compiled.hash) {
      throw conflict('UNCHANGED', `Nội dung giống hệt phiên bản ${latest.version} đang áp dụng; không có gì để ban hành`,
        `Identical to the latest version ${latest.version}`);
    }

    const procedure = await procedureOf(tx, p.processId);
    const version = (latest?.version ?? 0) + 1;
    const { id } = (await tx.one<{ id: number }>(
      `insert into process_definition (process_id, version, procedure_code, name, hash, xml, published_at, published_by_id)
       values ($1, $2, $3, $4, $5, $6, now(), $7) returning id`,
      [p.processId, version, procedure?.code ?? p.compiled.procedureCode ?? null, p.compiled.name, p.compiled.hash, p.compiled.xml, p.by.id]))!;
    if (p.source.kind === 'draft') {
      await tx.query('delete from process_draft where process_id = $1', [p.processId]);
      await recordEvent(tx, { processId: p.processId, action: 'published', actorId: p.by.id, definitionId: id, detail: { version, hash: p.compiled.hash } });
    } else {
      await recordEvent(tx, {
        processId: p.processId, action: 'republished', actorId: p.by.id, definitionId: id, fromVersion: p.source.fromVersion,
        detail: { version, hash: p.compiled.hash },
      });
    }
    return id;
  });
}
