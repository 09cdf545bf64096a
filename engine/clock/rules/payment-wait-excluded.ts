/**
 * Time waiting for the citizen's financial obligation is excluded.
 *
 * Rule. `financial_obligation_requested` stops the clock (national status 6, "yêu cầu thực hiện
 * nghĩa vụ tài chính"); `financial_obligation_done` resumes it at the next working instant with
 * the office time that was left — a pause, never a restart, and no 15:00 rule (a payment is not a
 * receipt of documents).
 *
 * Legal basis. Specialised laws exclude the citizen's time for financial obligations from the
 * processing time — e.g. land procedures: Decree 43/2014/NĐ-CP Art. 61(4) ("không tính thời gian
 * … thực hiện nghĩa vụ tài chính của người sử dụng đất"), carried on by Decree 101/2024/NĐ-CP
 * (cited from memory, not re-read for this module). Same in both regimes.
 */
import type { ClockRun } from '../run.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'payment-wait-excluded',
  ruleSets: ['nd61_2018', 'nd118_2025'],
  register(clock) {
    clock.apply('financial_obligation_requested', (run) => run.stopClock('payment'));
    clock.apply('financial_obligation_done', resumeAtNextWorkingInstant);
  },
});

// helpers //////////

function resumeAtNextWorkingInstant(run: ClockRun): void {
  run.resumeClock('payment', run.cal.nextWorkingMs(run.at));
}
