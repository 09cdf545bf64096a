/**
 * Verdicts: early / on time / late (trước hạn / đúng hạn / quá hạn).
 *
 * Legal basis. Decree 61/2018/NĐ-CP and Circular 01/2018/TT-VPCP require the result of every
 * dossier to be classified as *trước hạn*, *đúng hạn* or *quá hạn*: the control slip of the
 * dossier's hand-overs (Phiếu kiểm soát quá trình giải quyết hồ sơ, Mẫu 05 of Circular 01/2018;
 * Mẫu 06 of Circular 03/2025) records it per step and the register (Mẫu 06 / 07) per dossier; the
 * reports count processed dossiers "trước hạn, đúng hạn, quá hạn" and dossiers in process "trong
 * hạn / quá hạn". The texts use the three words without defining them down to the minute, so this
 * module fixes the definitions below — the product exists because systems showed dossiers that
 * were finished early or on time as late, so the rules are monotonic and one-sided on purpose.
 *
 * Definitions (all instants; "day" = the local civil day in Asia/Ho_Chi_Minh):
 * - `finish` is when the result was ready: the `completed` event (national status 9, "đã xử lý
 *   xong"), or `returned` (status 10) when no completion was recorded. The citizen collecting the
 *   result later never makes the agency late.
 * - `due` is the legal deadline derived from the events (`timeline.ts`): the appointment on the
 *   receipt, moved by waits for the citizen and restarted by a completed supplement. An apology
 *   does **not** move it: the apology form (Mẫu 04, "Phiếu xin lỗi và hẹn lại ngày trả kết quả")
 *   is itself the admission that the limit is overrun, so a dossier finished after `due` is late
 *   even when it meets the new appointment (`verdictAgainstCurrent` says whether it did).
 * - **early** (trước hạn): `finish` falls on a day **before** the day of `due` — the result was
 *   ready before the appointment day (Decree 61/2018 requires the citizen to be told of results
 *   ready early).
 * - **on_time** (đúng hạn): `finish` is on the day of `due`, at or before the `due` instant. The
 *   appointment carries hour and minute (Mẫu 01: "… giờ … phút, ngày …"), so the instant decides.
 * - **late** (quá hạn): `finish` is after `due`.
 * - Not finished: **overdue_in_process** when the evaluation instant is after `due`, else
 *   **in_process** (also while the clock is stopped before the deadline was reached).
 * - **withdrawn** / **stopped**: the dossier was closed without a result; no timeliness verdict.
 *
 * Consequences the tests check as properties: a dossier finished at or before `due` is never
 * late; the verdict only gets worse as `finish` moves later; a wait for the citizen (under the
 * pause rule) never makes a verdict worse.
 *
 * Steps use the same definitions against the step's own deadline (entry + step duration, waits
 * excluded); `finish` of a step is its `step_left` event.
 */
import type { WorkingCalendar } from '../calendar/index.js';
import type { Verdict } from './types.js';
import { startOfDay } from './format.js';

/** Verdict of something finished at `finish` with deadline `due`. */
export function finishedVerdict(cal: WorkingCalendar, finish: number, due: number): 'early' | 'on_time' | 'late' {
  if (finish > due) return 'late';
  return finish < startOfDay(cal, due) ? 'early' : 'on_time';
}

/** Verdict of something still open at `end`. */
export function openVerdict(end: number, due: number | null): 'in_process' | 'overdue_in_process' {
  return due !== null && end > due ? 'overdue_in_process' : 'in_process';
}

/** Vietnamese labels, as printed on the control slip and in reports. */
export const VERDICT_LABELS_VI: Readonly<Record<Verdict, string>> = Object.freeze({
  early: 'trước hạn',
  on_time: 'đúng hạn',
  late: 'quá hạn',
  in_process: 'đang giải quyết (trong hạn)',
  overdue_in_process: 'đang giải quyết (quá hạn)',
  withdrawn: 'công dân rút hồ sơ',
  stopped: 'dừng xử lý',
});
