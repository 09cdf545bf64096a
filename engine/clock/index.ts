/**
 * The dossier clock — public API of `engine/clock`.
 *
 * Pure: no database, no HTTP. Derives a dossier's deadlines and verdicts (early / on time / late,
 * per dossier and per step) from its clock events and the working calendar, with a day-by-day
 * explanation. See README.md.
 */
export { computeClock, ruleSetFor, ND118_EFFECTIVE } from './compute.js';
export { ClockRuleError, type ClockRuleCode } from './errors.js';
export { VERDICT_LABELS_VI } from './verdict.js';
export { CLOCK_RULES, RULE_SETS, rulesOf, type ClockRule, type RuleHooks, type RuleTable } from './rules/index.js';
export type * from './types.js';
export { CLOCK_EVENT_TYPES } from './types.js';
