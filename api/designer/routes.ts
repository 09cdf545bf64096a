import { z } from 'zod';
import {
  DraftImportRequest, DraftSaveRequest, PublishRequest, RepublishRequest, ValidateRequest,
  type DesignerOptions, type ImportResult, type PublishResult, type ValidationResult,
} from '../contract/designer.js';
import { requireRole } from '../auth/middleware.js';
import { createRouter } from '../http/router.js';
import type { Ctx } from '../http/state.js';
import { parse } from '../http/validate.js';
import { importModel } from './camunda-import.js';
import { BUILT_IN_AGENCY_KEYS, CLOCK_BEHAVIOURS, DURATION_UNITS, TASK_GROUPS } from './lint/rules.js';
import { parseSafely, validateModel, type ModelContext } from './model.js';
import { ModelRejected, publishVersion } from './publish.js';
import {
  agencyKeys, discardDraft, draftView, findDraft, listProcesses, listVersions, procedureOf, recordEvent,
  requireProcess, saveDraft, staleDraft, versionView, versionXml,
} from './store.js';

/**
 * The process designer (role "designer"): drafts, validation, publication, versions and rollback,
 * import and export of .bpmn files. See api/contract/designer.ts for the shapes.
 */
export const designerRoutes = createRouter('/api/designer');

const ProcessId = z.string().regex(/^[A-Za-z_][\w.-]{0,99}$/, 'Mã quy trình không hợp lệ');
const Version = z.coerce.number({ error: 'Phiên bản phải là số' }).int('Phiên bản phải là số nguyên').min(1, 'Phiên bản bắt đầu từ 1');

/** The designer, and the process named in the path (404 when unknown). */
async function designerAndProcess(ctx: Ctx & { params: Record<string, string> }) {
  const user = requireRole(ctx, 'designer');
  const processId = parse(ProcessId, ctx.params.processId, 'processId');
  await requireProcess(ctx.services.db, processId);
  return { user, processId };
}

async function modelContext(ctx: Ctx, processId: string): Promise<ModelContext> {
  const [procedure, keys] = await Promise.all([procedureOf(ctx.services.db, processId), agencyKeys(ctx.services.db)]);
  return { processId, agencyKeys: keys.map((k) => k.key), ...(procedure && { timeLimit: procedure.timeLimit }) };
}

function download(ctx: Ctx, filename: string, xml: string): void {
  ctx.type = 'application/xml';
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.body = xml;
}

/** 422 with the standard error body plus every problem (warnings included) for the designer's list. */
async function answerRejection(ctx: Ctx, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof ModelRejected)) throw err;
    ctx.log.info({ status: 422, code: err.code, path: ctx.path }, err.message);
    ctx.status = 422;
    ctx.body = { error: { code: err.code, message: err.messageVi, field: err.field, details: err.details }, problems: err.problems };
  }
}

designerRoutes.get('/options', async (ctx) => {
  requireRole(ctx, 'designer');
  const keys = await agencyKeys(ctx.services.db);
  ctx.body = {
    groups: [...TASK_GROUPS],
    agencyKeys: [...BUILT_IN_AGENCY_KEYS.map((key) => ({ key, agencies: [] })), ...keys],
    durationUnits: [...DURATION_UNITS],
    clocks: [...CLOCK_BEHAVIOURS],
  } satisfies DesignerOptions;
});

designerRoutes.get('/processes', async (ctx) => {
  requireRole(ctx, 'designer');
  ctx.body = await listProcesses(ctx.services.db);
});

designerRoutes.get('/processes/:processId/draft', async (ctx) => {
  const { processId } = await designerAndProcess(ctx);
  ctx.body = await draftView(ctx.services.db, processId);
});

designerRoutes.get('/processes/:processId/draft/xml', async (ctx) => {
  const { processId } = await designerAndProcess(ctx);
  const view = await draftView(ctx.services.db, processId);
  download(ctx, `${processId}-${view.source === 'draft' ? 'ban-nhap' : `v${view.basedOnVersion}`}.bpmn`, view.xml);
});

designerRoutes.put('/processes/:processId/draft', async (ctx) => {
  const { user, processId } = await designerAndProcess(ctx);
  const { xml, version } = parse(DraftSaveRequest, ctx.request.body);
  await parseSafely(xml);
  await saveDraft(ctx.services.db, processId, xml, version, user.id);
  ctx.body = await draftView(ctx.services.db, processId);
});

designerRoutes.delete('/processes/:processId/draft', async (ctx) => {
  const { user, processId } = await designerAndProcess(ctx);
  const version = parse(Version, ctx.query.version, 'version');
  await discardDraft(ctx.services.db, processId, version);
  await recordEvent(ctx.services.db, { processId, action: 'draft_discarded', actorId: user.id, detail: { draftVersion: version } });
  ctx.log.info({ audit: 'process.draft_discarded', by: user.username, processId }, `draft of ${processId} discarded`);
  ctx.status = 204;
});

designerRoutes.post('/processes/:processId/import', async (ctx) => {
  const { user, processId } = await designerAndProcess(ctx);
  const { xml, version } = parse(DraftImportRequest, ctx.request.body);
  const model = await parseSafely(xml);
  const procedure = await procedureOf(ctx.services.db, processId);
  const imported = await importModel(model.rootElement, processId, procedure?.code);
  await parseSafely(imported.xml);
  await saveDraft(ctx.services.db, processId, imported.xml, version, user.id);
  await recordEvent(ctx.services.db, { processId, action: 'imported', actorId: user.id, detail: { notes: imported.notes } });
  ctx.log.info({ audit: 'process.imported', by: user.username, processId }, `model imported into the draft of ${processId}`);
  ctx.body = { draft: await draftView(ctx.services.db, processId), notes: imported.notes } satisfies ImportResult;
});

designerRoutes.post('/processes/:processId/validate', async (ctx) => {
  const { processId } = await designerAndProcess(ctx);
  const { xml: given } = parse(ValidateRequest, ctx.request.body ?? {});
  let source: ValidationResult['source'] = 'request';
  let xml = given;
  if (xml === undefined) {
    const view = await draftView(ctx.services.db, processId);
    [xml, source] = [view.xml, view.source];
  }
  const { problems } = await validateModel(xml, await modelContext(ctx, processId));
  ctx.body = {
    source, problems,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  } satisfies ValidationResult;
});

designerRoutes.post('/processes/:processId/publish', async (ctx) => {
  const { user, processId } = await designerAndProcess(ctx);
  const { draftVersion, replaceNewer } = parse(PublishRequest, ctx.request.body);
  await answerRejection(ctx, async () => {
    const draft = await findDraft(ctx.services.db, processId);
    if (!draft || draft.version !== draftVersion) {
      // Checked again under lock; this early answer avoids validating a model that cannot be published.
      throw staleDraft();
    }
    const { problems, compiled } = await validateModel(draft.xml, await modelContext(ctx, processId));
    if (!compiled) throw new ModelRejected(problems);
    const id = await publishVersion(ctx.services.db, { processId, compiled, by: user, source: { kind: 'draft', draftVersion, replaceNewer } });
    const version = await versionView(ctx.services.db, id);
    ctx.log.info({ audit: 'process.published', by: user.username, processId, version: version.version, hash: version.hash },
      `${processId} v${version.version} published`);
    ctx.status = 201;
    ctx.body = { processId, version, problems } satisfies PublishResult;
  });
});

designerRoutes.get('/processes/:processId/versions', async (ctx) => {
  const { processId } = await designerAndProcess(ctx);
  ctx.body = await listVersions(ctx.services.db, processId);
});

designerRoutes.get('/processes/:processId/versions/:version/xml', async (ctx) => {
  const { processId } = await designerAndProcess(ctx);
  const version = parse(Version, ctx.params.version, 'version');
  const { xml } = await versionXml(ctx.services.db, processId, version);
  download(ctx, `${processId}-v${version}.bpmn`, xml);
});

designerRoutes.post('/processes/:processId/versions/:version/republish', async (ctx) => {
  const { user, processId } = await designerAndProcess(ctx);
  const fromVersion = parse(Version, ctx.params.version, 'version');
  const { latestVersion: expectedLatest } = parse(RepublishRequest, ctx.request.body ?? {});
  await answerRejection(ctx, async () => {
    const old = await versionXml(ctx.services.db, processId, fromVersion);
    const { problems, compiled } = await validateModel(old.xml, await modelContext(ctx, processId));
    if (!compiled) throw new ModelRejected(problems);
    const id = await publishVersion(ctx.services.db, { processId, compiled, by: user, source: { kind: 'republish', fromVersion, expectedLatest } });
    const version = await versionView(ctx.services.db, id);
    ctx.log.info({ audit: 'process.republished', by: user.username, processId, fromVersion, version: version.version },
      `${processId} v${fromVersion} republished as v${version.version}`);
    ctx.status = 201;
    ctx.body = { processId, version, problems } satisfies PublishResult;
  });
});
