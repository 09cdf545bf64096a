// Type declarations for the designer's CommonJS / untyped bpmn.io packages (only what we use).

declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(root: unknown): Promise<Record<string, Array<{ id?: string; message: string; category: string }>>>;
  }
}

declare module 'bpmnlint/rules/*' {
  const factory: (config?: unknown) => { check: unknown };
  export default factory;
}

declare module 'bpmnlint/config/recommended' {
  const config: { rules: Record<string, string> };
  export default config;
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: Record<string, unknown>;
  export default lintModule;
}

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  // Preact function components; their props are checked where we call them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Entry = (props: any) => any;
  export const TextFieldEntry: Entry;
  export const NumberFieldEntry: Entry;
  export const SelectEntry: Entry;
  export const CheckboxEntry: Entry;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isNumberFieldEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
}
