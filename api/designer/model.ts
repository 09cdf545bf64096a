import { TimerEventDefinition } from 'bpmn-elements';
import type { ParseResult } from 'bpmn-moddle';
import { compileDefinition } from '../../engine/runtime/compile.js';
import { checkConditionSyntax } from '../../engine/runtime/conditions.js';
import { DefinitionError } from '../../engine/runtime/errors.js';
import { parseModel } from '../../engine/runtime/moddle.js';
import type { CompiledDefinition } from '../../engine/runtime/types.js';
import { MAX_MODEL_BYTES, type Problem } from '../contract/designer.js';
import { HttpError } from '../http/errors.js';
import type { LintContext } from './lint/config.js';
import { lintModel } from './lint/node-lint.js';
import type { ModdleElement } from './lint/rules.js';

/** Refuses what must never reach a parser: oversized input, DTDs and entity declarations. */
export function checkSafeXml(xml: string): void {
  if (Buffer.byteLength(xml, 'utf8') > MAX_MODEL_BYTES) {
    throw new HttpError(413, 'TOO_LARGE', 'Tệp BPMN lớn hơn 2 MB', `BPMN model larger than ${MAX_MODEL_BYTES} bytes`, 'xml');
  }
  // moddle's parser expands no entities today; refusing any declaration keeps that true whatever it becomes.
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(xml)) {
    throw new HttpError(400, 'XML_DOCTYPE', 'Tệp BPMN không được chứa khai báo DOCTYPE hoặc ENTITY', 'DOCTYPE/ENTITY declarations are not allowed', 'xml');
  }
}

/** A model error as the 400 a save answers: Vietnamese text with line and column, both also as details. */
export function modelHttpError(err: DefinitionError): HttpError {
  const details = err.line !== undefined ? [{ field: 'xml.line', message: String(err.line) }, { field: 'xml.column', message: String(err.column) }] : undefined;
  return new HttpError(400, 'INVALID_BPMN', err.messageVi, err.message, 'xml', details);
}

/** Parses a designer's model safely (size, no DTD, well-formed, known BPMN); 400/413 otherwise. */
export async function parseSafely(xml: string): Promise<ParseResult> {
  checkSafeXml(xml);
  try {
    return await parseModel(xml);
  } catch (err) {
    if (err instanceof DefinitionError) throw modelHttpError(err);
    throw err;
  }
}

/** The engine's own timer parser, so that a timer the linter accepts is one the engine can run. */
function parseTimer(type: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): void {
  const { prototype } = TimerEventDefinition as unknown as { prototype: { parse(type: string, value: string): unknown } };
  prototype.parse(type, value);
}

export type ModelContext = Omit<LintContext, 'checkSyntax' | 'parseTimer'>;

const SEVERITY = { error: 'error', warn: 'warning', info: 'warning', 'rule-error': 'warning' } as const;

export interface Validation {
  problems: Problem[];
  /** Set when the engine compiled the model (no errors). */
  compiled?: CompiledDefinition;
}

/**
 * Every problem of a model at once: XML safety and syntax, bpmnlint's recommended rules and
 * MotCua's rules, then the engine's own compilation (its first error, unless a rule already
 * reported an error on that element). Errors block publication, warnings do not.
 */
export async function validateModel(xml: string, context: ModelContext): Promise<Validation> {
  let model: ParseResult;
  try {
    model = await parseSafely(xml);
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    const [line, column] = [err.details?.[0]?.message, err.details?.[1]?.message].map((v) => (v === undefined ? undefined : Number(v)));
    return { problems: [{ elementId: null, message: err.messageVi, severity: 'error', rule: 'xml', ...(line !== undefined && { line, column }) }] };
  }

  const problems: Problem[] = [];
  const reports = await lintModel(model.rootElement as unknown as ModdleElement, { ...context, checkSyntax: checkConditionSyntax, parseTimer });
  for (const [rule, list] of Object.entries(reports)) {
    for (const report of list) {
      const message = report.category === 'rule-error' ? `Không chạy được quy tắc kiểm tra ${rule}: ${report.message}` : report.message;
      problems.push({ elementId: report.id ?? null, message, severity: SEVERITY[report.category] ?? 'warning', rule });
    }
  }

  let compiled: CompiledDefinition | undefined;
  try {
    compiled = await compileDefinition(xml);
  } catch (err) {
    if (!(err instanceof DefinitionError)) throw err;
    const elementId = err.elementId ?? null;
    const covered = problems.some((p) => p.severity === 'error' && (elementId === null || p.elementId === elementId));
    if (!covered) problems.push({ elementId, message: err.messageVi, severity: 'error', rule: 'engine' });
  }

  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { problems, ...(compiled && !problems.some((p) => p.severity === 'error') && { compiled }) };
}
