/// <reference path="../shims.d.ts" />
/**
 * The designer's bpmn-js Modeler: our mc: moddle extension (the file the engine reads), the
 * properties panel with the "MotCua" group, bpmnlint overlays with the server's rules, Vietnamese
 * labels. Only the designer's lazy chunk imports this file.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import lintModule from 'bpmn-js-bpmnlint';
import mcDescriptor from '../../../../engine/moddle/mc.json';
import type { LintContext } from '../../../../api/designer/lint/config';
import { linterConfig } from './lint-bundle';
import { mcPropertiesModule, type McPanelOptions } from './mc-properties';
import { translateViModule } from './translate-vi';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

export interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

export interface DesignerModeler {
  importXML(xml: string): Promise<unknown>;
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
  get<T = unknown>(name: string): T;
  on(event: string, callback: (event: Record<string, unknown>) => void): void;
  destroy(): void;
}

export function createModeler(options: {
  container: HTMLElement;
  panel: HTMLElement;
  lint: LintContext;
  panelOptions: McPanelOptions;
  vietnamese: boolean;
}): DesignerModeler {
  const modeler = new BpmnModeler({
    container: options.container,
    propertiesPanel: { parent: options.panel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      mcPropertiesModule,
      lintModule,
      ...(options.vietnamese ? [translateViModule] : []),
    ],
    moddleExtensions: { mc: mcDescriptor },
    linting: { bpmnlint: linterConfig(options.lint), active: true },
    mcPanel: options.panelOptions,
  } as ConstructorParameters<typeof BpmnModeler>[0]) as unknown as DesignerModeler;
  if (import.meta.env.DEV) (window as unknown as { __modeler?: DesignerModeler }).__modeler = modeler;
  return modeler;
}

/** Selects an element and brings it into view (from a problem of the list). */
export function focusElement(modeler: DesignerModeler, elementId: string): boolean {
  const element = modeler.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
  if (!element) return false;
  modeler.get<{ select(e: unknown): void }>('selection').select(element);
  modeler.get<{ scrollToElement(e: unknown): void }>('canvas').scrollToElement(element);
  return true;
}
