/**
 * The clock rules, and which regime each belongs to — the one place to read how
 * Decree 61/2018 (`nd61_2018`) and Decree 118/2025 (`nd118_2025`) differ:
 *
 * | rule                                  | nd61_2018 | nd118_2025 | what                                           |
 * |---------------------------------------|:---------:|:----------:|------------------------------------------------|
 * | receipt-after-cutoff                  |     ✓     |     ✓      | after 15:00 → counted from the next working day |
 * | supplement-restarts-limit             |     ✓     |     ✓      | supplement wait stops; restart (default) / resume |
 * | single-supplement-request             |           |     ✓      | a second supplement request is refused (Art. 11) |
 * | supplement-request-within-three-days  |     ✓     |            | warning when the request comes after 3 working days |
 * | payment-wait-excluded                 |     ✓     |     ✓      | waiting for the citizen's payment is excluded   |
 * | apology-once-before-expiry            |     ✓     |     ✓      | one apology, ≥ 1 working day before expiry      |
 *
 * Order matters where two rules hook the same event: `receipt-after-cutoff` sets the counting
 * start of a supplement before `supplement-restarts-limit` uses it.
 */
import type { RuleSetId } from '../types.js';
import apologyOnceBeforeExpiry from './apology-once-before-expiry.js';
import paymentWaitExcluded from './payment-wait-excluded.js';
import receiptAfterCutoff from './receipt-after-cutoff.js';
import { type ClockRule, type RuleTable, buildRuleTable } from './rule.js';
import singleSupplementRequest from './single-supplement-request.js';
import supplementRequestWithinThreeDays from './supplement-request-within-three-days.js';
import supplementRestartsLimit from './supplement-restarts-limit.js';

export const CLOCK_RULES: readonly ClockRule[] = Object.freeze([
  receiptAfterCutoff,
  supplementRestartsLimit,
  singleSupplementRequest,
  supplementRequestWithinThreeDays,
  paymentWaitExcluded,
  apologyOnceBeforeExpiry,
]);

export const RULE_SETS: readonly RuleSetId[] = Object.freeze(['nd61_2018', 'nd118_2025'] as const);

const TABLES: Readonly<Record<RuleSetId, RuleTable>> = {
  nd61_2018: buildRuleTable(CLOCK_RULES, 'nd61_2018'),
  nd118_2025: buildRuleTable(CLOCK_RULES, 'nd118_2025'),
};

/** The compiled hooks of a rule set. */
export function rulesOf(ruleSet: RuleSetId): RuleTable {
  return TABLES[ruleSet];
}

export { type ClockRule, type EventHooks, type RuleHooks, type RuleTable, defineRule } from './rule.js';
