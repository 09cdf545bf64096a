import { z } from 'zod';
import { Instant } from './common.js';
import { TimeLimit } from './procedures.js';

/**
 * The process designer over HTTP: one draft per process (optimistic `version`), validation
 * (bpmnlint's recommended rules + MotCua's rules + the engine's own checks), publication as an
 * immutable `process_definition` version, version history, republication of an old version.
 */

/** Largest BPMN model accepted, in bytes of UTF-8 (the engine refuses more, too). */
export const MAX_MODEL_BYTES = 2 * 1024 * 1024;

const Xml = z
  .string({ error: (iss) => (iss.input === undefined ? 'Thiếu nội dung BPMN (xml)' : 'Nội dung BPMN (xml) phải là chuỗi') })
  // The size limit (MAX_MODEL_BYTES, in bytes) is checked with the XML itself: 413.
  .min(1, 'Nội dung BPMN (xml) trống');

/** The draft version the client last saw; null when it started from a published version (no draft yet). */
const DraftVersion = z
  .number({ error: 'Phiên bản bản nháp (version) phải là số hoặc null' })
  .int('Phiên bản bản nháp (version) phải là số nguyên')
  .min(1, 'Phiên bản bản nháp (version) bắt đầu từ 1')
  .nullable();

export const DraftSaveRequest = z.object({ xml: Xml, version: DraftVersion });
export type DraftSaveRequest = z.infer<typeof DraftSaveRequest>;

/** A .bpmn file (e.g. from Camunda Modeler) to put into the draft; camunda: assignments become mc:. */
export const DraftImportRequest = DraftSaveRequest;
export type DraftImportRequest = z.infer<typeof DraftImportRequest>;

export const DraftView = z.object({
  processId: z.string(),
  xml: z.string(),
  /** Draft version for the next save; null when there is no draft and `xml` is the latest published version. */
  version: z.number().nullable(),
  source: z.enum(['draft', 'published']),
  /** The published version the draft started from. */
  basedOnVersion: z.number().nullable(),
  /** The latest published version now (a draft based on an older one would overwrite a newer publication). */
  latestVersion: z.number().nullable(),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable(),
});
export type DraftView = z.infer<typeof DraftView>;

export const ImportResult = z.object({
  draft: DraftView,
  /** What the conversion did or could not do, in Vietnamese (e.g. "camunda:assignee bị bỏ qua"). */
  notes: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

export const Problem = z.object({
  /** The BPMN element at fault; null for the whole model (e.g. an XML syntax error). */
  elementId: z.string().nullable(),
  message: z.string(),
  severity: Severity,
  /** bpmnlint rule name (e.g. "label-required", "motcua/candidate-groups") or "engine" / "xml". */
  rule: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const ValidateRequest = z.object({ xml: Xml.optional() });
export type ValidateRequest = z.infer<typeof ValidateRequest>;

export const ValidationResult = z.object({
  /** Which model was checked: the request's xml, the saved draft, or the latest published version. */
  source: z.enum(['request', 'draft', 'published']),
  problems: z.array(Problem),
  errors: z.number(),
  warnings: z.number(),
});
export type ValidationResult = z.infer<typeof ValidationResult>;

export const PublishRequest = z.object({
  /** The draft version the designer looked at: 409 when someone saved since. */
  draftVersion: z.number({ error: 'Thiếu phiên bản bản nháp (draftVersion)' }).int().min(1),
  /** Publish even though a newer version was published after this draft was started (it is replaced). */
  replaceNewer: z.boolean().default(false),
});
export type PublishRequest = z.infer<typeof PublishRequest>;

export const RepublishRequest = z.object({
  /** The latest version the designer looked at: 409 when another one was published since. */
  latestVersion: z.number().int().min(1).optional(),
});
export type RepublishRequest = z.infer<typeof RepublishRequest>;

export const VersionView = z.object({
  version: z.number(),
  definitionId: z.number(),
  hash: z.string(),
  name: z.string(),
  publishedAt: Instant,
  /** Full name of the designer; null for versions published from the catalogue files at start-up. */
  publishedBy: z.string().nullable(),
  /** The version whose XML this one republished (a rollback). */
  republishedFrom: z.number().nullable(),
  /** Dossiers started on this version, and those of them still being handled. */
  dossiers: z.number(),
  openDossiers: z.number(),
});
export type VersionView = z.infer<typeof VersionView>;

export const PublishResult = z.object({
  processId: z.string(),
  version: VersionView,
  /** Warnings that did not block publication. */
  problems: z.array(Problem),
});
export type PublishResult = z.infer<typeof PublishResult>;

export const ProcessSummary = z.object({
  processId: z.string(),
  name: z.string(),
  procedure: z.object({ code: z.string(), name: z.string(), timeLimit: TimeLimit }).nullable(),
  latest: z.object({ version: z.number(), definitionId: z.number(), publishedAt: Instant, publishedBy: z.string().nullable() }).nullable(),
  draft: z.object({ version: z.number(), updatedAt: Instant, updatedBy: z.string(), basedOnVersion: z.number().nullable() }).nullable(),
});
export type ProcessSummary = z.infer<typeof ProcessSummary>;

/** What the properties panel offers: candidate groups, agency keys, units, clock behaviours. */
export const DesignerOptions = z.object({
  groups: z.array(z.string()),
  agencyKeys: z.array(z.object({ key: z.string(), agencies: z.array(z.string()) })),
  durationUnits: z.array(z.string()),
  clocks: z.array(z.string()),
});
export type DesignerOptions = z.infer<typeof DesignerOptions>;
