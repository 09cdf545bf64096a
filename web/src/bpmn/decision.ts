const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const TESTS_DECISION = /\bdecision\b/;

const isBpmn = (el: Element, localName: string) => el.namespaceURI === BPMN_NS && el.localName === localName;

/**
 * Ids of the steps that flow straight into a gateway whose conditions test `decision`: the API
 * refuses to complete those without approve/reject (the engine's StepSpec.decisions, read from the XML).
 */
export function decisionStepIds(xml: string): Set<string> {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const flows = Array.from(doc.getElementsByTagName('*'))
    .filter((el) => isBpmn(el, 'sequenceFlow'))
    .map((f) => ({
      source: f.getAttribute('sourceRef') ?? '',
      target: f.getAttribute('targetRef') ?? '',
      condition: Array.from(f.children).find((c) => isBpmn(c, 'conditionExpression'))?.textContent ?? '',
    }));
  const deciding = new Set(flows.filter((f) => TESTS_DECISION.test(f.condition)).map((f) => f.source));
  return new Set(flows.filter((f) => deciding.has(f.target)).map((f) => f.source));
}
