/**
 * Receipt after the cut-off counts from the next working day.
 *
 * Rule. Documents received on a working day strictly after the cut-off (15:00 by default — the
 * calendar's `sameDayCutoff`, configurable per agency) are counted from the opening of the next
 * working day. (Received on a day off → the opening of the next working day; before opening or in
 * the lunch break → the next working instant: the core does those, they are not a regime choice.)
 * Applies to the dossier (`received`) and to the documents completing it (`supplement_received`):
 * a supplement is received at the desk like the dossier; whether the limit then restarts or
 * resumes is `supplement-restarts-limit`.
 *
 * Legal basis. Decree 61/2018/NĐ-CP: a dossier received after 15:00 is handed over and counted
 * from the next working day (as summarised in DESIGN §3; the same rule is in
 * `engine/calendar/appointment.ts`, which prints the receipt). Both regimes: provincial one-stop
 * regulations under Decree 118/2025/NĐ-CP keep the 15:00 practice — the 118/2025 article itself
 * was not re-read (README, open questions).
 */
import type { ClockRun } from '../run.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'receipt-after-cutoff',
  ruleSets: ['nd61_2018', 'nd118_2025'],
  register(clock) {
    clock.apply('received', countFromNextWorkingDayAfterCutoff);
    clock.apply('supplement_received', countFromNextWorkingDayAfterCutoff);
  },
});

// helpers //////////

function countFromNextWorkingDayAfterCutoff(run: ClockRun): void {
  const tb = run.cal.dayTable;
  const i = tb.indexOf(run.at);
  if (tb.working[i] === 1 && run.at - tb.midnight[i]! > run.cal.cutoffOffset) {
    run.receiptStart = tb.midnight[tb.nextWorkingAfter(i)]! + run.cal.officeHours.opening;
    run.receiptAdjustments = ['received_after_cutoff'];
  }
}
