/** The part of bpmn-moddle 9 (untyped, CommonJS default export) that the runtime uses. */
declare module 'bpmn-moddle' {
  export interface BaseElement {
    $type: string;
    id?: string;
    name?: string;
    $attrs?: Record<string, string>;
    [property: string]: unknown;
  }

  export interface Definitions extends BaseElement {
    rootElements?: BaseElement[];
  }

  export interface ParseWarning {
    message: string;
    element?: BaseElement;
  }

  export interface ParseResult {
    rootElement: Definitions;
    elementsById: Record<string, BaseElement>;
    references: unknown[];
    warnings: ParseWarning[];
  }

  export default class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}
