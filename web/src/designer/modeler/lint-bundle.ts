/// <reference path="../shims.d.ts" />
/**
 * bpmnlint for the browser: the same rules as the server (api/designer/lint), bundled with static
 * imports because the browser cannot resolve rule names at run time. Only the recommended rules
 * that are on and MotCua's rules are in the bundle (test/web/designer-lint.test.ts checks that the
 * list matches bpmnlint's recommended configuration).
 */
import recommended from 'bpmnlint/config/recommended';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import globalRule from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';

import { RECOMMENDED_OVERRIDES, inVietnamese, lintConfig, motcuaRule, type LintConfig, type LintContext } from '../../../../api/designer/lint/config';
import type { RuleFactory } from '../../../../api/designer/lint/rules';

const RULES: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess as RuleFactory,
  'conditional-flows': conditionalFlows as RuleFactory,
  'end-event-required': endEventRequired as RuleFactory,
  'event-based-gateway': eventBasedGateway as RuleFactory,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent as RuleFactory,
  'fake-join': fakeJoin as RuleFactory,
  'global': globalRule as RuleFactory,
  'label-required': labelRequired as RuleFactory,
  'link-event': linkEvent as RuleFactory,
  'no-bpmndi': noBpmndi as RuleFactory,
  'no-complex-gateway': noComplexGateway as RuleFactory,
  'no-disconnected': noDisconnected as RuleFactory,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows as RuleFactory,
  'no-gateway-join-fork': noGatewayJoinFork as RuleFactory,
  'no-implicit-split': noImplicitSplit as RuleFactory,
  'no-implicit-end': noImplicitEnd as RuleFactory,
  'no-implicit-start': noImplicitStart as RuleFactory,
  'no-overlapping-elements': noOverlappingElements as RuleFactory,
  'single-blank-start-event': singleBlankStartEvent as RuleFactory,
  'single-event-definition': singleEventDefinition as RuleFactory,
  'start-event-required': startEventRequired as RuleFactory,
  'sub-process-blank-start-event': subProcessBlankStartEvent as RuleFactory,
  'superfluous-gateway': superfluousGateway as RuleFactory,
  'superfluous-label': superfluousLabel as RuleFactory,
  'superfluous-termination': superfluousTermination as RuleFactory,
};


/** Rule names of the bundle, for the test that keeps it in step with bpmnlint's recommended config. */
export const BUNDLED_RULES = Object.keys(RULES);
export { RECOMMENDED_OVERRIDES };

export const resolver = {
  resolveRule(pkg: string, name: string): RuleFactory {
    const own = motcuaRule(pkg, name);
    if (own) return own;
    const rule = pkg === 'bpmnlint' ? RULES[name] : undefined;
    if (!rule) throw new Error(`lint rule ${pkg}/${name} is not bundled`);
    return inVietnamese(name, rule);
  },
  resolveConfig(pkg: string, name: string) {
    if (pkg === 'bpmnlint' && name === 'recommended') return recommended;
    throw new Error(`lint config ${pkg}:${name} is not bundled`);
  },
};

/** What bpmn-js-bpmnlint takes as `linting.bpmnlint`: the config and a resolver. */
export function linterConfig(context: LintContext): { config: LintConfig; resolver: typeof resolver } {
  return { config: lintConfig(context), resolver };
}
