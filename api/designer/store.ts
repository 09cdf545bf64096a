import type { Sql } from '../db/database.js';
import type { DraftView, ProcessSummary, VersionView } from '../contract/designer.js';
import type { TimeLimit } from '../contract/procedures.js';
import { HttpError, conflict, notFound } from '../http/errors.js';

/** SQL of the designer: drafts, published versions, audit rows. */

export interface DraftRow {
  processId: string;
  xml: string;
  version: number;
  basedOnVersion: number | null;
  updatedAt: Date;
  updatedBy: string;
}

export interface LatestRow {
  id: number;
  version: number;
  hash: string;
  xml: string;
}

export interface ProcedureRow {
  code: string;
  name: string;
  timeLimit: TimeLimit;
}

const DRAFT_COLUMNS = `d.process_id as "processId", d.xml, d.version, d.based_on_version as "basedOnVersion",
  d.updated_at as "updatedAt", u.full_name as "updatedBy"`;

/** 404 unless the process is published or a procedure points to it. */
export async function requireProcess(db: Sql, processId: string): Promise<void> {
  const found = await db.one(
    `select 1 from process_definition where process_id = $1 union all select 1 from procedure where process_id = $1 limit 1`, [processId]);
  if (!found) throw notFound(`Không tìm thấy quy trình "${processId}"`, `Unknown process ${processId}`, 'processId');
}

export function procedureOf(db: Sql, processId: string): Promise<ProcedureRow | undefined> {
  return db.one<ProcedureRow>(
    `select code, name, json_build_object('value', time_limit_value, 'unit', time_limit_unit) as "timeLimit"
       from procedure where process_id = $1 order by code limit 1`, [processId]);
}

/** mc:agency keys that resolve to an agency: every tag and every code. */
export async function agencyKeys(db: Sql): Promise<Array<{ key: string; agencies: string[] }>> {
  return db.query<{ key: string; agencies: string[] }>(
    `select key, array_agg(name order by name) as agencies
       from (select unnest(tags) as key, name from agency union all select code, name from agency) k
      group by key order by key`);
}

export function latestVersion(db: Sql, processId: string): Promise<LatestRow | undefined> {
  return db.one<LatestRow>(
    'select id, version, hash, xml from process_definition where process_id = $1 order by version desc limit 1', [processId]);
}

export function findDraft(db: Sql, processId: string): Promise<DraftRow | undefined> {
  return db.one<DraftRow>(`select ${DRAFT_COLUMNS} from process_draft d join app_user u on u.id = d.updated_by_id where d.process_id = $1`, [processId]);
}

/** The draft, or the latest published version when there is none. */
export async function draftView(db: Sql, processId: string): Promise<DraftView> {
  const [draft, latest] = await Promise.all([findDraft(db, processId), latestVersion(db, processId)]);
  if (draft) {
    return {
      processId, xml: draft.xml, version: draft.version, source: 'draft', basedOnVersion: draft.basedOnVersion,
      latestVersion: latest?.version ?? null, updatedAt: draft.updatedAt.toISOString(), updatedBy: draft.updatedBy,
    };
  }
  if (!latest) throw notFound(`Quy trình "${processId}" chưa có phiên bản hay bản nháp nào`, `No version or draft of ${processId}`, 'processId');
  return {
    processId, xml: latest.xml, version: null, source: 'published', basedOnVersion: latest.version,
    latestVersion: latest.version, updatedAt: null, updatedBy: null,
  };
}

/**
 * Saves the draft if `expected` is the version the caller last saw (null: there was no draft);
 * 409 otherwise. A new draft records the published version it starts from.
 */
export async function saveDraft(db: Sql, processId: string, xml: string, expected: number | null, userId: number): Promise<void> {
  const saved = expected === null
    ? await db.one(
      `insert into process_draft (process_id, xml, version, based_on_version, updated_by_id, updated_at)
       values ($1::varchar, $2, 1, (select max(version) from process_definition where process_id = $1::varchar), $3, now())
       on conflict (process_id) do nothing returning version`, [processId, xml, userId])
    : await db.one(
      `update process_draft set xml = $2, version = version + 1, updated_by_id = $3, updated_at = now()
        where process_id = $1 and version = $4 returning version`, [processId, xml, userId, expected]);
  if (!saved) throw staleDraft();
}

export function staleDraft(): HttpError {
  return conflict('STALE_DRAFT',
    'Bản nháp vừa được người khác lưu, ban hành hoặc huỷ; hãy tải lại bản nháp mới nhất trước khi lưu',
    'The draft changed since the caller loaded it');
}

export async function discardDraft(db: Sql, processId: string, expected: number): Promise<void> {
  const gone = await db.one('delete from process_draft where process_id = $1 and version = $2 returning version', [processId, expected]);
  if (!gone) throw staleDraft();
}

export async function listProcesses(db: Sql): Promise<ProcessSummary[]> {
  const rows = await db.query<{
    processId: string; latestName: string | null; version: number | null; definitionId: number | null; publishedAt: Date | null;
    publishedBy: string | null; procedureCode: string | null; procedureName: string | null; timeLimitValue: number | null;
    timeLimitUnit: string | null; draftVersion: number | null; draftUpdatedAt: Date | null; draftUpdatedBy: string | null;
    basedOnVersion: number | null;
  }>(
    `with ids as (select process_id from procedure union select process_id from process_definition),
          latest as (select distinct on (process_id) id, process_id, version, name, published_at, published_by_id
                       from process_definition order by process_id, version desc)
     select i.process_id as "processId", l.name as "latestName", l.version, l.id as "definitionId", l.published_at as "publishedAt",
            pu.full_name as "publishedBy", p.code as "procedureCode", p.name as "procedureName",
            p.time_limit_value as "timeLimitValue", p.time_limit_unit as "timeLimitUnit",
            d.version as "draftVersion", d.updated_at as "draftUpdatedAt", du.full_name as "draftUpdatedBy", d.based_on_version as "basedOnVersion"
       from ids i
       left join latest l on l.process_id = i.process_id
       left join app_user pu on pu.id = l.published_by_id
       left join lateral (select * from procedure x where x.process_id = i.process_id order by x.code limit 1) p on true
       left join process_draft d on d.process_id = i.process_id
       left join app_user du on du.id = d.updated_by_id
      order by coalesce(p.name, l.name, i.process_id)`);
  return rows.map((r) => ({
    processId: r.processId,
    name: r.procedureName ?? r.latestName ?? r.processId,
    procedure: r.procedureCode
      ? { code: r.procedureCode, name: r.procedureName!, timeLimit: { value: r.timeLimitValue!, unit: r.timeLimitUnit as TimeLimit['unit'] } }
      : null,
    latest: r.version !== null
      ? { version: r.version, definitionId: r.definitionId!, publishedAt: r.publishedAt!.toISOString(), publishedBy: r.publishedBy }
      : null,
    draft: r.draftVersion !== null
      ? { version: r.draftVersion, updatedAt: r.draftUpdatedAt!.toISOString(), updatedBy: r.draftUpdatedBy!, basedOnVersion: r.basedOnVersion }
      : null,
  }));
}

interface VersionRow {
  definitionId: number; version: number; hash: string; name: string; publishedAt: Date; publishedBy: string | null;
  republishedFrom: number | null; dossiers: number; openDossiers: number;
}

const VERSION_SELECT = `select v.id as "definitionId", v.version, v.hash, v.name, v.published_at as "publishedAt", u.full_name as "publishedBy",
       (select e.from_version from process_design_event e where e.definition_id = v.id and e.action = 'republished' limit 1) as "republishedFrom",
       coalesce(c.dossiers, 0) as dossiers, coalesce(c.open, 0) as "openDossiers"
  from process_definition v
  left join app_user u on u.id = v.published_by_id
  left join (select definition_id, count(*) as dossiers, count(*) filter (where finished_at is null) as open
               from dossier group by definition_id) c on c.definition_id = v.id`;

const toVersionView = (r: VersionRow): VersionView => ({ ...r, publishedAt: r.publishedAt.toISOString() });

export async function listVersions(db: Sql, processId: string): Promise<VersionView[]> {
  return (await db.query<VersionRow>(`${VERSION_SELECT} where v.process_id = $1 order by v.version desc`, [processId])).map(toVersionView);
}

export async function versionView(db: Sql, definitionId: number): Promise<VersionView> {
  return toVersionView((await db.one<VersionRow>(`${VERSION_SELECT} where v.id = $1`, [definitionId]))!);
}

export async function versionXml(db: Sql, processId: string, version: number): Promise<{ id: number; xml: string; hash: string }> {
  const row = await db.one<{ id: number; xml: string; hash: string }>(
    'select id, xml, hash from process_definition where process_id = $1 and version = $2', [processId, version]);
  if (!row) throw notFound(`Quy trình "${processId}" không có phiên bản ${version}`, `No version ${version} of ${processId}`, 'version');
  return row;
}

export async function recordEvent(db: Sql, event: {
  processId: string; action: 'imported' | 'published' | 'republished' | 'draft_discarded'; actorId: number;
  definitionId?: number; fromVersion?: number; detail?: Record<string, unknown>;
}): Promise<void> {
  await db.query(
    `insert into process_design_event (process_id, action, definition_id, from_version, actor_id, at, detail)
     values ($1, $2, $3, $4, $5, now(), $6)`,
    [event.processId, event.action, event.definitionId ?? null, event.fromVersion ?? null, event.actorId,
      event.detail ? JSON.stringify(event.detail) : null]);
}
