import { createHash } from 'node:crypto';
import { DefinitionError } from './errors.js';
import { parseModel, readCamundaAttributes } from './moddle.js';
import { serializeModel } from './source.js';
import { endSpec, stepSpec } from './specs.js';
import type { CompiledDefinition } from './types.js';
import { executableProcess, sequenceFlows, validateProcess } from './validate.js';

const MAX_XML_BYTES = 2 * 1024 * 1024;

/** Parses, validates and prepares one definition version. Throws DefinitionError. */
export async function compileDefinition(xml: string): Promise<CompiledDefinition> {
  checkSource(xml);
  const model = await parseModel(xml);
  const process = executableProcess(model.rootElement);
  const elements = validateProcess(process);
  const flows = sequenceFlows(elements);
  const camunda = await readCamundaAttributes(xml);
  const processId = process.id as string;
  const procedureCode = typeof process.procedureCode === 'string' ? process.procedureCode.trim() : undefined;
  return {
    processId,
    name: process.name ?? processId,
    ...(procedureCode && { procedureCode }),
    hash: sha256(xml),
    xml,
    serialized: serializeModel(model),
    steps: elements.filter((e) => e.$type === 'bpmn:UserTask').map((e) => stepSpec(e, flows, camunda.get(e.id as string))),
    ends: elements.filter((e) => e.$type === 'bpmn:EndEvent').map(endSpec),
  };
}

function sha256(xml: string): string {
  return createHash('sha256').update(xml, 'utf8').digest('hex');
}

function checkSource(xml: string): void {
  if (Buffer.byteLength(xml, 'utf8') > MAX_XML_BYTES) {
    throw new DefinitionError('The BPMN file is larger than 2 MB', 'Tệp BPMN lớn hơn 2 MB');
  }
  // moddle's parser does not expand entities today; refusing any declaration keeps that true whatever it becomes.
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) {
    throw new DefinitionError(
      'DOCTYPE and ENTITY declarations are not allowed in a BPMN file',
      'Tệp BPMN không được chứa khai báo DOCTYPE hoặc ENTITY',
    );
  }
}
