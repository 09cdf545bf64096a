/// <reference path="../shims.d.ts" />
/**
 * The "MotCua" group of the properties panel: the `mc:` attributes of engine/moddle/mc.json that the
 * engine reads (api/designer/lint/rules.ts checks them). User tasks: candidate groups (the roles that
 * work tasks), agency, step duration and unit, national status code, clock behaviour, form key.
 * End events: outcome and national status code. Preact components, as the panel is built with Preact.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import {
  CheckboxEntry, NumberFieldEntry, SelectEntry, TextFieldEntry,
  isCheckboxEntryEdited, isNumberFieldEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { TASK_GROUPS, splitGroups } from '../../../../api/designer/lint/rules';

/** What the panel offers, from GET /api/designer/options, with Vietnamese labels. */
export interface McPanelOptions {
  groups: Array<{ value: string; label: string }>;
  agencies: Array<{ value: string; label: string }>;
  units: Array<{ value: string; label: string }>;
  clocks: Array<{ value: string; label: string }>;
  outcomes: Array<{ value: string; label: string }>;
  labels: Record<'group' | 'candidateGroups' | 'agency' | 'stepDuration' | 'stepDurationUnit' | 'nationalStatus' | 'clock' | 'formKey' | 'outcome' | 'none', string>;
}

interface BusinessObject {
  $instanceOf(type: string): boolean;
  [property: string]: unknown;
}
interface Shape {
  businessObject: BusinessObject;
}
interface Modeling {
  updateProperties(element: Shape, properties: Record<string, unknown>): void;
}
interface PropertiesPanel {
  registerProvider(priority: number, provider: unknown): void;
}
interface Group {
  id: string;
  label: string;
  entries: Array<Record<string, unknown>>;
}

const bo = (element: Shape) => element.businessObject;
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** Entry component factories: each reads and writes one mc: attribute through `modeling` (undoable). */
function useUpdate(element: Shape) {
  const modeling = useService<Modeling>('modeling');
  return (properties: Record<string, unknown>) => modeling.updateProperties(element, properties);
}

function GroupCheckbox(props: { element: Shape; id: string; group: string; label: string }) {
  const update = useUpdate(props.element);
  return h(CheckboxEntry, {
    element: props.element,
    id: props.id,
    label: props.label,
    getValue: () => splitGroups(bo(props.element).candidateGroups).includes(props.group),
    setValue: (checked: boolean) => {
      const current = splitGroups(bo(props.element).candidateGroups).filter((g) => g !== props.group);
      const known: readonly string[] = TASK_GROUPS;
      // Roles in their usual order, then anything else the model had.
      const next = checked ? [...known.filter((g) => g === props.group || current.includes(g)), ...current.filter((g) => !known.includes(g))] : current;
      update({ candidateGroups: next.length ? next.join(',') : undefined });
    },
  });
}

function Select(props: { element: Shape; id: string; property: string; label: string; options: McPanelOptions['units']; none?: string }) {
  const update = useUpdate(props.element);
  return h(SelectEntry, {
    element: props.element,
    id: props.id,
    label: props.label,
    getValue: () => (bo(props.element)[props.property] as string | undefined) ?? '',
    setValue: (value: string) => update({ [props.property]: blankToUndefined(value) }),
    getOptions: () => {
      // A value the list does not offer (e.g. a literal agency code typed in another modeler) stays visible.
      const value = bo(props.element)[props.property];
      const extra = typeof value === 'string' && value && !props.options.some((o) => o.value === value) ? [{ value, label: value }] : [];
      return [...(props.none !== undefined ? [{ value: '', label: props.none }] : []), ...props.options, ...extra];
    },
  });
}

function NumberField(props: { element: Shape; id: string; property: string; label: string; step: string; integer?: boolean }) {
  const update = useUpdate(props.element);
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  return h(NumberFieldEntry, {
    element: props.element,
    id: props.id,
    label: props.label,
    min: 0,
    step: props.step,
    debounce,
    getValue: () => bo(props.element)[props.property],
    setValue: (value: number | undefined) => update({ [props.property]: value === undefined || Number.isNaN(value) ? undefined : props.integer ? Math.trunc(value) : value }),
  });
}

function TextField(props: { element: Shape; id: string; property: string; label: string }) {
  const update = useUpdate(props.element);
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  return h(TextFieldEntry, {
    element: props.element,
    id: props.id,
    label: props.label,
    debounce,
    getValue: () => (bo(props.element)[props.property] as string | undefined) ?? '',
    setValue: (value: string) => update({ [props.property]: blankToUndefined(value?.trim()) }),
  });
}

/** Entries hand their extra fields to the component as props; components stay the same between renders. */
function stepEntries(element: Shape, o: McPanelOptions) {
  const l = o.labels;
  return [
    ...o.groups.map((g) => ({
      id: `mc-group-${g.value}`, element, isEdited: isCheckboxEntryEdited, component: GroupCheckbox,
      group: g.value, label: `${l.candidateGroups}: ${g.label}`,
    })),
    { id: 'mc-agency', element, isEdited: isSelectEntryEdited, component: Select, property: 'agency', label: l.agency, options: o.agencies, none: l.none },
    { id: 'mc-stepDuration', element, isEdited: isNumberFieldEntryEdited, component: NumberField, property: 'stepDuration', label: l.stepDuration, step: '0.5' },
    { id: 'mc-stepDurationUnit', element, isEdited: isSelectEntryEdited, component: Select, property: 'stepDurationUnit', label: l.stepDurationUnit, options: o.units, none: l.none },
    { id: 'mc-clock', element, isEdited: isSelectEntryEdited, component: Select, property: 'clock', label: l.clock, options: o.clocks, none: l.none },
    { id: 'mc-nationalStatus', element, isEdited: isNumberFieldEntryEdited, component: NumberField, property: 'nationalStatus', label: l.nationalStatus, step: '1', integer: true },
    { id: 'mc-formKey', element, isEdited: isTextFieldEntryEdited, component: TextField, property: 'formKey', label: l.formKey },
  ];
}

function endEntries(element: Shape, o: McPanelOptions) {
  const l = o.labels;
  return [
    { id: 'mc-outcome', element, isEdited: isSelectEntryEdited, component: Select, property: 'outcome', label: l.outcome, options: o.outcomes, none: l.none },
    { id: 'mc-end-nationalStatus', element, isEdited: isNumberFieldEntryEdited, component: NumberField, property: 'nationalStatus', label: l.nationalStatus, step: '1', integer: true },
  ];
}

/** Registered after the BPMN provider; puts the "MotCua" group right after "General". */
class McPropertiesProvider {
  static $inject = ['propertiesPanel', 'config.mcPanel'];

  constructor(propertiesPanel: PropertiesPanel, private readonly options: McPanelOptions) {
    propertiesPanel.registerProvider(500, this);
  }

  getGroups(element: Shape) {
    return (groups: Group[]) => {
      const b = bo(element);
      const entries = b.$instanceOf('bpmn:UserTask') ? stepEntries(element, this.options)
        : b.$instanceOf('bpmn:EndEvent') ? endEntries(element, this.options) : null;
      if (entries) {
        const at = groups.findIndex((g) => g.id === 'general') + 1;
        groups.splice(at, 0, { id: 'motcua', label: this.options.labels.group, entries });
      }
      return groups;
    };
  }
}

export const mcPropertiesModule = {
  __init__: ['mcPropertiesProvider'],
  mcPropertiesProvider: ['type', McPropertiesProvider],
};

