import BpmnModdle, { type BaseElement, type ParseResult, type ParseWarning } from 'bpmn-moddle';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import mcDescriptor from '../moddle/mc.json' with { type: 'json' };
import { DefinitionError } from './errors.js';

const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

/*
 * mc: and camunda: both add `candidateGroups` and `formKey` to bpmn:UserTask, and moddle refuses two
 * packages defining one property name on the same type (it drops the task with a warning). So the model
 * is read with mc: only — that is also what the engine runs — and, when the camunda namespace is
 * declared, read a second time with the camunda descriptor for its assignment attributes.
 */
const mcModdle = new BpmnModdle({ mc: mcDescriptor });
const camundaModdle = new BpmnModdle({ camunda: camundaDescriptor });

/** The typed view of the moddle elements the runtime reads. */
export interface Expression extends BaseElement {
  body?: string;
  language?: string;
}

export interface SequenceFlow extends BaseElement {
  id: string;
  sourceRef?: BaseElement;
  targetRef?: BaseElement;
  conditionExpression?: Expression;
}

export interface CamundaTaskAttributes {
  candidateGroups?: string;
  formKey?: string;
  dueDate?: string;
}

/** Parses BPMN XML with the mc: extension; any parse error or warning becomes a DefinitionError. */
export async function parseModel(xml: string): Promise<ParseResult> {
  let result: ParseResult;
  try {
    result = await mcModdle.fromXML(xml);
  } catch (err) {
    throw parseError((err as Error).message);
  }
  const [warning] = result.warnings;
  if (warning) throw parseError(warning.message, warning);
  return result;
}

/** Camunda Modeler's assignment attributes per user task id; empty when the model does not use them. */
export async function readCamundaAttributes(xml: string): Promise<Map<string, CamundaTaskAttributes>> {
  const byTask = new Map<string, CamundaTaskAttributes>();
  if (!xml.includes(CAMUNDA_NS)) return byTask;
  const { elementsById } = await camundaModdle.fromXML(xml);
  for (const element of Object.values(elementsById)) {
    if (element.$type !== 'bpmn:UserTask' || !element.id) continue;
    byTask.set(element.id, {
      candidateGroups: stringOrUndefined(element.candidateGroups),
      formKey: stringOrUndefined(element.formKey),
      dueDate: stringOrUndefined(element.dueDate),
    });
  }
  return byTask;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** moddle reports "…\n\tline: 4\n\tcolumn: 2\n\tnested error: closing tag mismatch", 0-based. */
function parseError(raw: string, warning?: ParseWarning): DefinitionError {
  const position = /line: (\d+)\s+column: (\d+)/.exec(raw);
  const detail = /nested error: (.*)/.exec(raw)?.[1] ?? raw.split('\n')[0];
  const element: BaseElement | undefined = warning?.element;
  if (!position) {
    return new DefinitionError(`The BPMN XML is not valid: ${detail}`, `Tệp BPMN không hợp lệ: ${detail}`, {
      elementId: element?.id,
    });
  }
  const line = Number(position[1]) + 1;
  const column = Number(position[2]) + 1;
  return new DefinitionError(
    `The BPMN XML is invalid at line ${line}, column ${column}: ${detail}`,
    `Tệp BPMN không hợp lệ tại dòng ${line}, cột ${column}: ${detail}`,
    { elementId: element?.id, line, column },
  );
}
