import BpmnModdle, { type BaseElement, type Definitions } from 'bpmn-moddle';
import mcDescriptor from '../../engine/moddle/mc.json' with { type: 'json' };
import { GROUP_LABELS, TASK_GROUPS, splitGroups } from './lint/rules.js';

const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';
const ZEEBE_NS = 'http://camunda.org/schema/zeebe/1.0';

/** bpmn-moddle 9 with MotCua's extension: what the engine reads, and what the designer writes. */
const moddle = new BpmnModdle({ mc: mcDescriptor }) as BpmnModdle & {
  toXML(element: BaseElement, options?: { format?: boolean }): Promise<{ xml: string }>;
};

interface Task extends BaseElement {
  candidateGroups?: string;
  formKey?: string;
  stepDuration?: number;
  stepDurationUnit?: string;
  extensionElements?: { values?: BaseElement[] };
}

export interface ImportOutcome {
  xml: string;
  notes: string[];
}

/**
 * Brings a model from another modeler into MotCua's dialect: Camunda 7 attributes
 * (camunda:candidateGroups, formKey, dueDate) and Camunda 8 extension elements
 * (zeebe:assignmentDefinition, zeebe:formDefinition) become mc: attributes, and the executable
 * process takes the id the procedure points to. Everything it changes or leaves out is noted.
 * `definitions` comes from parseSafely (already checked: size, no DTD, well-formed).
 */
export async function importModel(definitions: Definitions, processId: string, procedureCode?: string): Promise<ImportOutcome> {
  const notes: string[] = [];
  const prefixes = namespacePrefixes(definitions);
  const processes = (definitions.rootElements ?? []).filter((e) => e.$type === 'bpmn:Process');
  let executable = processes.filter((p) => p.isExecutable === true);
  if (executable.length === 0 && processes.length === 1) {
    processes[0].isExecutable = true;
    executable = processes;
    notes.push(`Đã đánh dấu quy trình "${processes[0].id}" là quy trình thực thi được (isExecutable)`);
  }
  if (executable.length === 1) {
    const process = executable[0];
    if (process.id !== processId) {
      notes.push(`Đã đổi mã quy trình "${process.id}" thành "${processId}" (mã mà thủ tục trỏ tới)`);
      process.id = processId;
    }
    if (procedureCode && !process.procedureCode) process.procedureCode = procedureCode;
  }

  for (const process of processes) {
    for (const element of (process.flowElements as BaseElement[] | undefined) ?? []) {
      if (element.$type === 'bpmn:UserTask') convertTask(element as Task, prefixes, notes);
    }
  }
  const { xml } = await moddle.toXML(definitions, { format: true });
  return { xml, notes };
}

/** Prefixes the file binds to the Camunda 7 and 8 namespaces (usually "camunda" and "zeebe"). */
function namespacePrefixes(definitions: Definitions): { camunda: string[]; zeebe: string[] } {
  const bound = Object.entries(definitions.$attrs ?? {}).filter(([k]) => k.startsWith('xmlns:'));
  const prefixesOf = (ns: string) => bound.filter(([, v]) => v === ns).map(([k]) => k.slice('xmlns:'.length));
  return { camunda: prefixesOf(CAMUNDA_NS), zeebe: prefixesOf(ZEEBE_NS) };
}

function convertTask(task: Task, prefixes: { camunda: string[]; zeebe: string[] }, notes: string[]): void {
  const step = `Bước "${task.name ?? task.id}" (${task.id})`;
  const attrs = task.$attrs ?? {};
  const take = (local: string): string | undefined => {
    for (const prefix of prefixes.camunda) {
      const key = `${prefix}:${local}`;
      if (key in attrs) {
        const value = attrs[key];
        delete attrs[key];
        return value;
      }
    }
    return undefined;
  };
  // Camunda 8 keeps assignments in extension elements, which moddle reads as generic elements.
  const zeebe = (task.extensionElements?.values ?? []).filter((v) => prefixes.zeebe.some((p) => v.$type === `${p}:assignmentDefinition` || v.$type === `${p}:formDefinition`));
  const zeebeAttr = (local: string, name: string): string | undefined => {
    const element = zeebe.find((v) => v.$type.endsWith(`:${local}`));
    const value = element?.[name] ?? element?.$attrs?.[name];
    return typeof value === 'string' ? value : undefined;
  };

  const groups = take('candidateGroups') ?? zeebeAttr('assignmentDefinition', 'candidateGroups');
  if (groups !== undefined) {
    if (task.candidateGroups) {
      notes.push(`${step}: giữ nhóm xử lý mc:candidateGroups="${task.candidateGroups}", bỏ nhóm của Camunda "${groups}"`);
    } else {
      const list = splitGroups(groups.replace(/^=\s*"?|"$/g, ''));
      task.candidateGroups = list.join(',');
      const unknown = list.filter((g) => !(TASK_GROUPS as readonly string[]).includes(g));
      notes.push(`${step}: nhóm xử lý "${list.join(', ')}" chuyển sang mc:candidateGroups`);
      if (unknown.length) {
        notes.push(`${step}: nhóm "${unknown.join(', ')}" không phải vai trò của hệ thống; hãy chọn ${TASK_GROUPS.map((g) => GROUP_LABELS[g]).join(', ')}`);
      }
    }
  }
  const formKey = take('formKey') ?? zeebeAttr('formDefinition', 'formKey');
  if (formKey !== undefined && !task.formKey) {
    task.formKey = formKey;
    notes.push(`${step}: biểu mẫu "${formKey}" chuyển sang mc:formKey`);
  }
  const dueDate = take('dueDate');
  if (dueDate !== undefined && task.stepDuration === undefined) {
    const days = /^P(\d+(?:\.\d+)?)D$/.exec(dueDate.trim());
    const hours = /^PT(\d+(?:\.\d+)?)H$/.exec(dueDate.trim());
    if (days || hours) {
      task.stepDuration = Number((days ?? hours)![1]);
      task.stepDurationUnit = days ? 'days' : 'working_hours';
      notes.push(`${step}: hạn "${dueDate}" chuyển thành thời hạn bước ${task.stepDuration} ${days ? 'ngày' : 'giờ làm việc'}; hãy kiểm tra lại đơn vị`);
    } else {
      notes.push(`${step}: hạn "${dueDate}" của Camunda không chuyển được; hãy nhập thời hạn bước`);
    }
  }
  for (const local of ['assignee', 'candidateUsers']) {
    const value = take(local);
    if (value !== undefined) notes.push(`${step}: bỏ ${local}="${value}" — hệ thống giao việc theo nhóm xử lý, không theo người`);
  }
  if (task.extensionElements?.values && zeebe.length) {
    task.extensionElements.values = task.extensionElements.values.filter((v) => !zeebe.includes(v));
  }
}
