/**
 * Apology with a new appointment: once, at least one working day before the appointment expires.
 *
 * Rule. An `apology` (Phiếu xin lỗi và hẹn lại ngày trả kết quả) is refused with a
 * `ClockRuleError` when
 * - the dossier already had one (`second_apology`);
 * - it is made later than the last working day before the day of the appointment in force — made
 *   on that working day at any hour is in time; on the appointment day, a day off just before it,
 *   or after it, too late (`apology_too_late`);
 * - its new appointment is not after the appointment in force (`apology_not_later`).
 * "The appointment in force" is the legal deadline at the apology's instant (if the clock is
 * stopped then, the earliest it could be). The new appointment becomes what the citizen is told
 * (`appointment.current`); it does not move the legal deadline the verdict is measured against
 * (see `verdict.ts`).
 *
 * Legal basis. Decree 61/2018/NĐ-CP Art. 19(9) (as cited in DESIGN §3): the late agency
 * apologises in writing at least one day before the deadline and sets a new appointment, once;
 * form Mẫu 04 of Circular 01/2018/TT-VPCP. Under Decree 118/2025/NĐ-CP the provincial regulations
 * keep the same rule (DESIGN §3; Circular 03/2025 Mẫu 04 "apology and extension request") — the
 * 118/2025 text itself was not re-read. Same in both regimes.
 */
import type { ClockRun } from '../run.js';
import { viInstant } from '../format.js';
import { defineRule } from './rule.js';
import type { EventOf } from './rule.js';

export default defineRule({
  id: 'apology-once-before-expiry',
  ruleSets: ['nd61_2018', 'nd118_2025'],
  register(clock) {
    clock.check('apology', checkApology);
    clock.apply('apology', (run, event) => run.setApology(run.dueIfResumedNow(), run.time(event.newAppointment, 'newAppointment')));
  },
});

// helpers //////////

function checkApology(run: ClockRun, event: EventOf<'apology'>): void {
  if (run.apology) {
    run.fail('second_apology', 'An apology with a new appointment may be made only once', 'Chỉ được xin lỗi và hẹn lại ngày trả kết quả một lần');
  }
  const due = run.dueIfResumedNow();
  if (run.at >= latestApologyEnd(run, due)) {
    run.fail(
      'apology_too_late',
      'The apology must be made at least one working day before the appointment expires',
      `Phải xin lỗi và hẹn lại chậm nhất vào ngày làm việc trước ngày hết hạn (hạn hiện tại: ${viInstant(run.cal, due)})`,
    );
  }
  const next = run.time(event.newAppointment, 'newAppointment');
  if (next <= due) {
    run.fail(
      'apology_not_later',
      'The new appointment must be after the appointment in force',
      `Ngày hẹn mới phải sau ngày hẹn hiện tại (${viInstant(run.cal, due)})`,
    );
  }
}

/** Midnight ending the last working day strictly before the day of `due` (−∞ when there is none). */
function latestApologyEnd(run: ClockRun, due: number): number {
  const tb = run.cal.dayTable;
  const ordinal = tb.cum[tb.indexOf(due)]!; // working days before the due day
  if (ordinal === 0) return -Infinity;
  return tb.midnight[tb.nthWorking(ordinal - 1) + 1]!;
}
