/// <reference path="../../web/src/designer/shims.d.ts" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import BpmnModdle from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended';
import mcDescriptor from '../../engine/moddle/mc.json';
import { BUNDLED_RULES, RECOMMENDED_OVERRIDES, linterConfig } from '../../web/src/designer/modeler/lint-bundle';
import { translateVi } from '../../web/src/designer/modeler/translate-vi';

// vitest runs from the repository root (test/vitest.config.ts); happy-dom's import.meta.url is not a file URL.
const BIRTH = readFileSync(join(process.cwd(), 'processes/birth-registration.bpmn'), 'utf8');
const context = { processId: 'birth_registration', agencyKeys: ['tax'], timeLimit: { value: 0, unit: 'same_day' } };

/** What the modeler's bpmn-js-bpmnlint runs: the bundled config and resolver on the moddle tree. */
async function lint(xml: string) {
  const { rootElement } = await new BpmnModdle({ mc: mcDescriptor }).fromXML(xml);
  const reports = await new Linter(linterConfig(context)).lint(rootElement);
  return Object.entries(reports).flatMap(([rule, list]) => list.map((r) => ({ rule, id: r.id, message: r.message, category: r.category })));
}

describe('the browser lint bundle', () => {
  it('bundles every rule bpmnlint recommends, except those turned off', () => {
    const on = Object.keys(recommended.rules).filter((name) => RECOMMENDED_OVERRIDES[name] !== 'off');
    expect([...BUNDLED_RULES].sort()).toEqual(on.sort());
  });

  it('finds nothing in the catalogue model', async () => {
    expect(await lint(BIRTH)).toEqual([]);
  });

  it('reports MotCua rules and bpmnlint rules in Vietnamese, on the element', async () => {
    const xml = BIRTH
      .replace('mc:candidateGroups="leader"', '')
      .replace('name="Trả kết quả" mc:candidateGroups="desk"', 'mc:candidateGroups="desk"')
      .replace('mc:stepDuration="4" mc:stepDurationUnit="working_hours"', 'mc:stepDuration="2" mc:stepDurationUnit="working_days"');
    const problems = await lint(xml);
    expect(problems).toContainEqual({ rule: 'motcua/candidate-groups', id: 'sign', category: 'error', message: expect.stringMatching(/chưa chọn nhóm xử lý/) });
    expect(problems).toContainEqual({ rule: 'label-required', id: 'return_result', category: 'error', message: 'Phần tử chưa có tên (nhãn)' });
    expect(problems).toContainEqual({ rule: 'motcua/time-limit', id: 'end_approved', category: 'warn', message: expect.stringMatching(/vượt thời hạn giải quyết/) });
  });

  it('checks timers loosely in the browser (the server uses the engine parser)', async () => {
    const xml = BIRTH.replace('<bpmn:endEvent id="end_refused"',
      `<bpmn:boundaryEvent id="late" name="Quá hạn" attachedToRef="sign"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">48 giờ</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="end_refused"`);
    const problems = await lint(xml);
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'motcua/timers', id: 'late', message: expect.stringMatching(/"48 giờ".*ISO 8601/) }));
  });
});

describe('Vietnamese for bpmn-js', () => {
  it('translates the palette, the context pad and the lint button, with placeholders', () => {
    expect(translateVi('Create task')).toBe('Thêm bước');
    expect(translateVi('Append gateway')).toBe('Nối cổng rẽ nhánh');
    expect(translateVi('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '1' })).toBe('2 lỗi, 1 cảnh báo');
    expect(translateVi('Something new')).toBe('Something new');
  });
});
