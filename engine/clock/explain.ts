/**
 * The explanation a support officer reads: one line per calendar day from the receipt day to the
 * finish (or now) — did the day count, how many office minutes, and if not, why: weekly rest day,
 * holiday by name, compensatory day off, swapped day off, waiting for the citizen's supplement or
 * payment, before counting started (received after 15:00), or time that a restart of the limit
 * superseded — with what happened that day; and one Vietnamese sentence summing it up.
 *
 * The minutes are those counted against the limit in force, so they add up to
 * `workingTime.usedMinutes` (a property test checks it).
 */
import type { Evaluation } from './compute.js';
import { clockTimeOf, jdnOf, viDuration, viInstant, viWeekday } from './format.js';
import type { ClockEvent, ClockResult, DayReason, ExplanationDay } from './types.js';
import { runningMs } from './timeline.js';
import { VERDICT_LABELS_VI } from './verdict.js';
import { civilFromJdn, formatIsoDate } from '../calendar/civil.js';

const MINUTE = 60_000;

export function explainClock(ev: Evaluation, result: ClockResult): { days: ExplanationDay[]; summary: string } {
  const days = explainDays(ev);
  return { days, summary: summarize(ev, result, days) };
}

function explainDays(ev: Evaluation): ExplanationDay[] {
  const { cal, run, times, end, stops, merged } = ev;
  const tb = cal.dayTable;
  const oh = cal.officeHours;
  const events = run.events;
  const firstCounting = run.original!.countingFrom;
  const afterCutoff = run.original!.adjustments.includes('received_after_cutoff');
  const j0 = jdnOf(cal, run.receivedAt);
  const j1 = jdnOf(cal, end);
  const dueJdn = ev.due === null ? null : jdnOf(cal, ev.due);
  const out: ExplanationDay[] = [];
  let k = 0; // next event to place

  for (let j = j0; j <= j1; j++) {
    const i = tb.indexOfJdn(j);
    const ds = tb.midnight[i]!;
    const de = tb.midnight[i + 1]!;
    const lo = Math.max(ds, run.countingFrom);
    const hi = Math.min(de, end);
    const ms = runningMs(cal, lo, hi, merged);
    const minutes = ms / MINUTE;
    const entry = tb.entry(j);
    const working = tb.working[i] === 1;

    let reason: DayReason;
    let note: string;
    if (!working) {
      reason = entry ? (entry.kind as DayReason) : 'weekend';
      note = entry ? offDayNote(entry.kind, entry.name) : `${viWeekday(j)} — nghỉ hằng tuần`;
    } else if (ms > 0) {
      reason = entry?.kind === 'saturday_worked' ? 'saturday_worked' : 'working_day';
      const what = minutes >= cal.minutesPerDay ? `tính đủ ${viDuration(minutes, cal.minutesPerDay)}` : `tính ${viDuration(minutes, cal.minutesPerDay)}`;
      note = reason === 'saturday_worked' ? `${entry!.name} — ${what}` : `Ngày làm việc — ${what}`;
    } else {
      const wait = waitOn(stops, ds + oh.opening, ds + oh.closing);
      if (wait) {
        reason = wait === 'supplement' ? 'waiting_supplement' : 'waiting_payment';
        note = wait === 'supplement' ? 'Chờ công dân bổ sung hồ sơ — không tính' : 'Chờ công dân thực hiện nghĩa vụ tài chính — không tính';
      } else if (de <= firstCounting) {
        reason = 'before_counting';
        note = afterCutoff
          ? `Tiếp nhận sau ${clockTimeOf(cal, ds + cal.cutoffOffset)} — thời hạn tính từ ngày làm việc tiếp theo`
          : 'Chưa bắt đầu tính thời hạn';
      } else if (de <= run.countingFrom) {
        reason = 'superseded_by_restart';
        note = 'Đã tính trước khi yêu cầu bổ sung — thời hạn được tính lại từ đầu khi nhận đủ hồ sơ';
      } else {
        reason = 'not_reached';
        note = 'Không có giờ làm việc nào trong khoảng được tính của ngày này';
      }
    }

    const day: ExplanationDay = { date: formatIsoDate(civilFromJdn(j)), counted: ms > 0, minutes, reason, note };
    if (entry && entry.kind !== 'saturday_worked') {
      day.name = entry.name;
      day.source = entry.source;
    } else if (entry) {
      day.source = entry.source;
    }
    if (tb.isProvisional(civilFromJdn(j).year)) day.provisional = true;

    const happened: string[] = [];
    while (k < times.length && times[k]! < de) {
      happened.push(describeEvent(ev, events[k]!, k));
      k++;
    }
    if (dueJdn === j) happened.push(`Hạn giải quyết: ${clockTimeOf(cal, ev.due!)}`);
    if (happened.length) day.events = happened;
    out.push(day);
  }
  return out;
}

/** Which wait covers office time in [a, b], if any (supplement first). */
function waitOn(stops: Evaluation['stops'], a: number, b: number): 'supplement' | 'payment' | null {
  let found: 'supplement' | 'payment' | null = null;
  for (const s of stops) {
    if (s.from < b && s.to > a) {
      if (s.reason === 'supplement') return 'supplement';
      found = 'payment';
    }
  }
  return found;
}

function offDayNote(kind: string, name: string): string {
  switch (kind) {
    case 'holiday':
      return `Nghỉ lễ, tết: ${name}`;
    default:
      return name;
  }
}

function describeEvent(ev: Evaluation, e: ClockEvent, index: number): string {
  const { cal, run } = ev;
  const t = clockTimeOf(cal, ev.times[index]!);
  switch (e.type) {
    case 'received':
      return `Tiếp nhận hồ sơ lúc ${t}`;
    case 'step_entered': {
      const who = e.agencyCode ? ` (${e.agencyCode})` : '';
      const limit = e.duration ? ` — thời hạn bước ${durationVi(e.duration)}` : '';
      return `Chuyển đến bước «${e.stepName ?? e.stepId}»${who} lúc ${t}${limit}`;
    }
    case 'step_left':
      return `Kết thúc bước «${stepName(ev, e.stepId, index)}» lúc ${t}`;
    case 'supplement_requested':
      return `Yêu cầu bổ sung hồ sơ lúc ${t} — dừng tính thời hạn`;
    case 'supplement_received':
      return run.supplementRestarts
        ? `Nhận đủ hồ sơ bổ sung lúc ${t} — thời hạn được tính lại từ đầu`
        : `Nhận đủ hồ sơ bổ sung lúc ${t} — tiếp tục tính thời hạn còn lại`;
    case 'financial_obligation_requested':
      return `Yêu cầu thực hiện nghĩa vụ tài chính lúc ${t} — dừng tính thời hạn`;
    case 'financial_obligation_done':
      return `Hoàn thành nghĩa vụ tài chính lúc ${t} — tiếp tục tính thời hạn`;
    case 'apology':
      return `Xin lỗi và hẹn lại ngày trả kết quả lúc ${t}: hẹn mới ${viInstant(cal, run.apology!.newAppointment)}`;
    case 'completed':
      return `Có kết quả giải quyết lúc ${t}`;
    case 'returned':
      return `Trả kết quả lúc ${t}`;
    case 'withdrawn':
      return `Công dân rút hồ sơ lúc ${t}`;
    case 'stopped':
      return `Dừng xử lý hồ sơ lúc ${t}`;
  }
}

function stepName(ev: Evaluation, stepId: string, leftIndex: number): string {
  for (let k = ev.steps.length - 1; k >= 0; k--) {
    const s = ev.steps[k]!;
    if (s.stepId === stepId && s.eventIndex < leftIndex) return s.stepName ?? stepId;
  }
  return stepId;
}

function durationVi(d: { value: number; unit: string }): string {
  switch (d.unit) {
    case 'working_days':
      return `${d.value} ngày làm việc`;
    case 'working_hours':
      return `${d.value} giờ làm việc`;
    case 'days':
      return `${d.value} ngày`;
    default:
      return 'trong ngày';
  }
}

function summarize(ev: Evaluation, r: ClockResult, days: readonly ExplanationDay[]): string {
  const { cal, run } = ev;
  const mpd = cal.minutesPerDay;
  const parts: string[] = [`Hồ sơ tiếp nhận lúc ${viInstant(cal, run.receivedAt)}`];
  if (run.limitStartedBy > 0) parts.push(`nhận đủ hồ sơ bổ sung, tính lại thời hạn từ ${viInstant(cal, run.countingFrom)}`);
  const limit = `thời hạn ${durationVi(r.limit)}`;
  const used = `đã tính ${viDuration(r.workingTime.usedMinutes, mpd)} làm việc trên ${viDuration(r.workingTime.allowedMinutes, mpd)}`;
  const due = ev.due === null ? null : viInstant(cal, ev.due);

  if (r.finishedBy === 'withdrawn' || r.finishedBy === 'stopped') {
    parts.push(`${limit}${due ? `, hạn ${due}` : ''}; ${r.finishedBy === 'withdrawn' ? 'công dân rút hồ sơ' : 'dừng xử lý'} lúc ${viInstant(cal, ev.finishAt!)} (${used})`);
  } else if (ev.finishAt !== null) {
    parts.push(`${limit}, hạn ${due}; có kết quả lúc ${viInstant(cal, ev.finishAt)}: ${VERDICT_LABELS_VI[r.verdict].toUpperCase()} (${used})`);
  } else if (ev.due === null) {
    const waitingFor = r.state === 'waiting_payment' ? 'công dân thực hiện nghĩa vụ tài chính' : 'công dân bổ sung hồ sơ';
    const then = r.state === 'waiting_supplement' && run.supplementRestarts ? ', sẽ tính lại từ đầu khi nhận đủ hồ sơ' : '';
    parts.push(`${limit}; đang chờ ${waitingFor} — tạm dừng tính thời hạn${then} (${used})`);
  } else if (r.verdict === 'overdue_in_process') {
    parts.push(`${limit}, hạn ${due}; đang giải quyết, ĐÃ QUÁ HẠN (${used})`);
  } else {
    parts.push(`${limit}, hạn ${due}; đang giải quyết, còn ${viDuration(r.workingTime.remainingMinutes, mpd)} làm việc`);
  }
  let sentence = parts.join(', ');
  const excluded = excludedSummary(days);
  if (excluded) sentence += `; không tính ${excluded}`;
  sentence += '.';
  if (r.apology) {
    const kept = r.apology.kept === null ? '' : r.apology.kept ? ' (đã trả đúng hẹn mới)' : ' (không trả đúng hẹn mới)';
    sentence += ` Đã xin lỗi và hẹn lại ${viInstant(cal, r.apology.newAppointment.getTime())}${kept}.`;
  }
  return sentence;
}

/** "2 ngày nghỉ hằng tuần, 5 ngày nghỉ lễ, tết (Tết Nguyên đán), 3 ngày chờ bổ sung hồ sơ". */
function excludedSummary(days: readonly ExplanationDay[]): string {
  let weekend = 0;
  let holiday = 0;
  let supplement = 0;
  let payment = 0;
  const names = new Set<string>();
  for (const d of days) {
    if (d.counted) continue;
    switch (d.reason) {
      case 'weekend':
        weekend++;
        break;
      case 'holiday':
      case 'compensatory_day_off':
      case 'day_off':
        holiday++;
        if (d.name) names.add(shortName(d.name));
        break;
      case 'waiting_supplement':
        supplement++;
        break;
      case 'waiting_payment':
        payment++;
        break;
    }
  }
  const out: string[] = [];
  if (weekend) out.push(`${weekend} ngày nghỉ hằng tuần`);
  if (holiday) out.push(`${holiday} ngày nghỉ lễ, tết${names.size ? ` (${[...names].join(', ')})` : ''}`);
  if (supplement) out.push(`${supplement} ngày làm việc chờ bổ sung hồ sơ`);
  if (payment) out.push(`${payment} ngày làm việc chờ thực hiện nghĩa vụ tài chính`);
  return out.join(', ');
}

/** "Tết Nguyên đán (mùng 1)" → "Tết Nguyên đán". */
function shortName(name: string): string {
  const p = name.indexOf(' (');
  return p > 0 ? name.slice(0, p) : name;
}
