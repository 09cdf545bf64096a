import { createRequire } from 'node:module';
import { inVietnamese, lintConfig, motcuaRule, type LintConfig, type LintContext } from './config.js';
import type { ModdleElement, RuleFactory } from './rules.js';

const require = createRequire(import.meta.url);

export interface LintReport {
  id?: string;
  message: string;
  category: 'warn' | 'error' | 'info' | 'rule-error';
}

interface BpmnLinter {
  lint(root: ModdleElement): Promise<Record<string, LintReport[]>>;
}
type LinterConstructor = new (options: { config: LintConfig; resolver: Resolver }) => BpmnLinter;

interface Resolver {
  resolveRule(pkg: string, ruleName: string): RuleFactory;
  resolveConfig(pkg: string, configName: string): unknown;
}

// bpmnlint ships CommonJS without type declarations.
const { Linter } = require('bpmnlint') as { Linter: LinterConstructor };

/**
 * bpmnlint's rules and configs from node_modules/bpmnlint (reports in Vietnamese), MotCua's rules
 * from rules.ts. Rule names come from our own config only, never from the model.
 */
const resolver: Resolver = {
  resolveRule(pkg, ruleName) {
    const own = motcuaRule(pkg, ruleName);
    if (own) return own;
    if (pkg === 'bpmnlint' && /^[a-z-]+$/.test(ruleName)) {
      return inVietnamese(ruleName, require(`bpmnlint/rules/${ruleName}`) as RuleFactory);
    }
    throw new Error(`unknown lint rule ${pkg}/${ruleName}`);
  },
  resolveConfig(pkg, configName) {
    if (pkg === 'bpmnlint' && /^[a-z-]+$/.test(configName)) return require(`bpmnlint/config/${configName}`);
    throw new Error(`unknown lint config ${pkg}:${configName}`);
  },
};

/**
 * Lints a parsed model (the moddle Definitions) with the designer's rules; reports keyed by rule.
 * A new Linter each time: bpmnlint caches rule instances per linter, and some rules keep state
 * across the elements of one run.
 */
export function lintModel(root: ModdleElement, context: LintContext): Promise<Record<string, LintReport[]>> {
  return new Linter({ config: lintConfig(context), resolver }).lint(root);
}
