/**
 * A supplement request is due within 3 working days of receipt (warning, not an error).
 *
 * Rule. Under `nd61_2018`, a `supplement_requested` made more than 3 working days (of office
 * time) after the limit in force started leaves a warning for the support officer. The verdict is
 * unaffected: the clock still stops — the citizen must not pay for the agency's delay with a
 * refused dossier, and the late request is the agency's fault, visible in the explanation.
 *
 * Legal basis. Decree 61/2018/NĐ-CP — the supplement request must be issued within 3 working days
 * (as summarised in DESIGN §3; article text not re-read for this module).
 *
 * Regimes differ: the corresponding provision of Decree 118/2025/NĐ-CP was not verified, so the
 * rule is registered for `nd61_2018` only.
 */
import type { ClockRun } from '../run.js';
import { defineRule } from './rule.js';

const DAYS = 3;

export default defineRule({
  id: 'supplement-request-within-three-days',
  ruleSets: ['nd61_2018'],
  register(clock) {
    clock.check('supplement_requested', warnWhenLate);
  },
});

// helpers //////////

function warnWhenLate(run: ClockRun): void {
  const elapsed = run.cal.workingMsBetween(run.countingFrom, run.at);
  if (elapsed <= DAYS * run.cal.officeHours.dayMs) return;
  run.warn(
    'supplement_request_late',
    `Supplement requested after more than ${DAYS} working days of processing`,
    `Yêu cầu bổ sung hồ sơ sau hơn ${DAYS} ngày làm việc kể từ khi bắt đầu tính thời hạn`,
  );
}
