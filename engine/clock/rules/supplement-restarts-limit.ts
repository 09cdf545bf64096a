/**
 * Waiting for a supplement stops the clock; the complete dossier restarts the limit from zero
 * (default) or resumes it (per procedure).
 *
 * Rule. `supplement_requested` stops the clock at that instant: the citizen's time is not the
 * agency's. `supplement_received`, at the supplement's counting start (after the 15:00 rule):
 * - `supplementRestarts: true` (default): the full limit counts again, as if the dossier had just
 *   been received — office time used before the request no longer counts;
 * - `supplementRestarts: false` (pause rule): counting resumes with the office time that was left.
 *
 * Legal basis. Decree 61/2018/NĐ-CP Art. 19(4) (article as cited in DESIGN §3; text not re-read
 * for this module): a dossier found incomplete after appraisal is returned with a supplement
 * request and "the time limit is counted again from the beginning once the complete dossier is
 * received". Decree 118/2025/NĐ-CP: whether the limit restarts or pauses after a supplement was
 * NOT found in (or verified against) the decree's text — hence a per-procedure setting with the
 * 61/2018 behaviour as default, in both regimes. Procedures whose own law says the time is
 * "not counted" (tạm dừng) should set `supplementRestarts: false`.
 */
import type { ClockRun } from '../run.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'supplement-restarts-limit',
  ruleSets: ['nd61_2018', 'nd118_2025'],
  register(clock) {
    clock.apply('supplement_requested', (run) => run.stopClock('supplement'));
    clock.apply('supplement_received', restartOrResume);
  },
});

// helpers //////////

function restartOrResume(run: ClockRun): void {
  if (run.supplementRestarts) run.restartLimit();
  else run.resumeClock('supplement', run.receiptStart);
}
