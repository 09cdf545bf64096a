/**
 * `computeClock` — a dossier's deadlines and verdicts, derived from its clock events and the
 * working calendar. Pure: same calendar, input and `now` → same result.
 *
 * The walk over the events does what every regime shares (checks of order and pairing, steps, the
 * end of the dossier) and runs the regime's rules (`rules/index.ts`) on each event: `check` hooks
 * first, then `apply` hooks. After the walk the deadline and the working time are read off the
 * timeline (`timeline.ts`), the verdicts follow `verdict.ts`, and — unless `explain: false` — the
 * day-by-day explanation and the summary are written (`explain.ts`).
 *
 * Evaluation end: the finish when the dossier is closed, else `max(now, last event)` (an event
 * stamped a little after `now` by another server must not make the clock run backwards).
 */
import type { AppointmentAdjustment, TimeLimit, WorkingCalendar } from '../calendar/index.js';
import { ClockRuleError } from './errors.js';
import { explainClock } from './explain.js';
import { isoDateOf } from './format.js';
import { budgetOf, isLimitUnit } from './limit.js';
import { RULE_SETS, rulesOf } from './rules/index.js';
import { ClockRun } from './run.js';
import { parseTime } from './time.js';
import { type Stop, dueAfter, mergeStops, runningMs } from './timeline.js';
import type {
  AppointmentChange,
  ClockEvent,
  ClockInput,
  ClockResult,
  ClockState,
  ClockTime,
  ComputeClockOptions,
  PaymentWait,
  RuleSetId,
  StepClock,
  StepDuration,
  SupplementRecord,
  Verdict,
} from './types.js';
import { finishedVerdict, openVerdict } from './verdict.js';

const MINUTE = 60_000;

/** Dossiers received before this instant (2025-07-01 00:00 in Việt Nam) fall under Decree 61/2018. */
export const ND118_EFFECTIVE = Date.parse('2025-07-01T00:00:00+07:00');

/** The rule set of a dossier received at `receivedAt` (epoch ms). */
export function ruleSetFor(receivedAt: number): RuleSetId {
  return receivedAt < ND118_EFFECTIVE ? 'nd61_2018' : 'nd118_2025';
}

/** Internal record of a step while walking. */
interface StepState {
  eventIndex: number;
  stepId: string;
  stepName?: string;
  agencyCode?: string;
  duration?: StepDuration;
  enteredAt: number;
  leftAt: number | null;
}

interface SupplementState {
  requestedAt: number;
  requestEventIndex: number;
  stepId?: string;
  receivedAt: number | null;
  receivedEventIndex: number;
  before: number | null;
  after: number | null;
}

/** Everything `explain.ts` needs, already computed. */
export interface Evaluation {
  cal: WorkingCalendar;
  run: ClockRun;
  times: readonly number[];
  end: number;
  /** Stops as evaluated (open ones closed at the finish for a closed dossier). */
  stops: readonly Stop[];
  merged: readonly number[];
  due: number | null;
  current: number | null;
  used: number;
  finishAt: number | null;
  finishedBy: ClockResult['finishedBy'];
  verdict: Verdict;
  state: ClockState;
  steps: readonly StepState[];
}

/**
 * Compute the clock of one dossier.
 *
 * @param calendar the handling agency's working calendar
 * @param input    plain data (see `ClockInput`); events in time order
 * @param now      the evaluation instant for a dossier still open
 * @throws ClockRuleError when the input breaks a rule (English `message`, Vietnamese `messageVi`, `eventIndex`)
 */
export function computeClock(calendar: WorkingCalendar, input: ClockInput, now: ClockTime, options: ComputeClockOptions = {}): ClockResult {
  const cal = calendar;
  const limit = checkLimit(input?.limit, null, 'limit');
  const given: unknown = input?.events;
  if (!Array.isArray(given) || given.length === 0) {
    throw new ClockRuleError('no_receipt', 'A clock needs at least the "received" event', 'Cần ít nhất sự kiện tiếp nhận hồ sơ', null);
  }
  const events = given as readonly ClockEvent[];
  const nowMs = parseTime(now);
  if (nowMs === null) throw new ClockRuleError('invalid_time', `now is not a valid instant: ${String(now)}`, 'Thời điểm hiện tại không hợp lệ', null);

  // Instants and the order of events, first — the rule set depends on the receipt.
  const n = events.length;
  const times: number[] = new Array<number>(n);
  const known = rulesOf('nd118_2025').hooks; // every table knows every event type
  for (let i = 0; i < n; i++) {
    const e = events[i] as ClockEvent | undefined;
    const type = e?.type as string | undefined;
    if (!e || typeof type !== 'string' || !known.has(type)) {
      throw new ClockRuleError('unknown_event_type', `Unknown event type ${JSON.stringify(type)}`, `Loại sự kiện không xác định: ${JSON.stringify(type)}`, i);
    }
    const at = parseTime(e.at);
    if (at === null) throw new ClockRuleError('invalid_time', `"at" is not a valid instant: ${JSON.stringify(e.at)}`, 'Thời điểm của sự kiện không hợp lệ', i);
    if (i === 0 && type !== 'received') {
      throw new ClockRuleError('event_before_receipt', `"${type}" comes before the dossier was received`, 'Sự kiện xảy ra trước khi tiếp nhận hồ sơ', i);
    }
    if (i > 0 && at < times[i - 1]!) {
      throw new ClockRuleError('events_out_of_order', 'Events are not in time order', 'Các sự kiện không theo thứ tự thời gian', i);
    }
    times[i] = at;
  }

  const ruleSet = input.ruleSet ?? ruleSetFor(times[0]!);
  if (!RULE_SETS.includes(ruleSet)) {
    throw new ClockRuleError('unknown_rule_set', `Unknown rule set ${JSON.stringify(ruleSet)}`, `Bộ quy tắc không xác định: ${JSON.stringify(ruleSet)}`, null);
  }
  const rules = rulesOf(ruleSet);
  const run = new ClockRun(cal, ruleSet, limit, input.supplementRestarts !== false, events);

  const steps: StepState[] = [];
  const supplements: SupplementState[] = [];
  let pendingSupplement: SupplementState | null = null;
  const payments: { requestedAt: number; doneAt: number | null }[] = [];
  let paymentOpen = false;
  const changes: AppointmentChange[] = [];
  let finishAt: number | null = null;
  let finishedBy: ClockResult['finishedBy'] = null;
  let returnedAt: number | null = null;

  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const at = times[i]!;
    const type = e.type;
    run.index = i;
    run.at = at;

    // ——— core checks ————————————————————————————————————————————————————
    if (finishedBy !== null && !(type === 'step_left' || (type === 'returned' && finishedBy === 'completed' && returnedAt === null))) {
      run.fail('event_after_close', `"${type}" after the dossier was closed (${finishedBy})`, 'Sự kiện xảy ra sau khi hồ sơ đã kết thúc');
    }
    let tracked: AppointmentChange['reason'] | null = null;
    switch (type) {
      case 'received':
        if (i > 0) run.fail('duplicate_receipt', 'The dossier was already received', 'Hồ sơ đã được tiếp nhận trước đó');
        run.receivedAt = at;
        setReceiptStart(run);
        break;
      case 'step_entered':
        if (e.duration !== undefined) checkLimit(e.duration, i, 'step duration');
        break;
      case 'step_left':
        if (!openStep(steps, e.stepId)) run.fail('step_not_entered', `Step ${JSON.stringify(e.stepId)} was not entered`, `Bước ${JSON.stringify(e.stepId)} chưa được chuyển đến`);
        break;
      case 'supplement_requested':
        if (pendingSupplement) run.fail('supplement_already_requested', 'A supplement request is already pending', 'Đang có yêu cầu bổ sung hồ sơ chưa được đáp ứng');
        tracked = 'supplement_requested';
        break;
      case 'supplement_received':
        if (!pendingSupplement) run.fail('supplement_not_requested', 'No supplement was requested', 'Không có yêu cầu bổ sung hồ sơ nào đang chờ');
        setReceiptStart(run);
        tracked = run.supplementRestarts ? 'limit_restarted' : 'clock_resumed';
        break;
      case 'financial_obligation_requested':
        if (paymentOpen) run.fail('payment_already_requested', 'A financial obligation is already pending', 'Đang có yêu cầu thực hiện nghĩa vụ tài chính chưa hoàn thành');
        tracked = 'payment_requested';
        break;
      case 'financial_obligation_done':
        if (!paymentOpen) run.fail('payment_not_requested', 'No financial obligation was requested', 'Không có yêu cầu thực hiện nghĩa vụ tài chính nào đang chờ');
        tracked = 'clock_resumed';
        break;
      case 'apology':
        tracked = 'apology';
        break;
    }
    const before = tracked ? run.currentAppointment() : null;

    // ——— the regime's rules ——————————————————————————————————————————————
    const hooks = rules.hooks.get(type)!;
    for (const hook of hooks.check) hook(run, e as never);
    for (const hook of hooks.apply) hook(run, e as never);

    // ——— core bookkeeping ————————————————————————————————————————————————
    switch (type) {
      case 'received':
        run.startLimit(run.receiptStart, run.receiptAdjustments);
        break;
      case 'step_entered':
        steps.push({ eventIndex: i, stepId: e.stepId, stepName: e.stepName, agencyCode: e.agencyCode, duration: e.duration, enteredAt: at, leftAt: null });
        break;
      case 'step_left':
        openStep(steps, e.stepId)!.leftAt = at;
        break;
      case 'supplement_requested':
        run.supplementRequests++;
        pendingSupplement = { requestedAt: at, requestEventIndex: i, stepId: e.stepId, receivedAt: null, receivedEventIndex: -1, before, after: null };
        supplements.push(pendingSupplement);
        break;
      case 'supplement_received':
        pendingSupplement!.receivedAt = at;
        pendingSupplement!.receivedEventIndex = i;
        pendingSupplement = null;
        break;
      case 'financial_obligation_requested':
        paymentOpen = true;
        payments.push({ requestedAt: at, doneAt: null });
        break;
      case 'financial_obligation_done':
        paymentOpen = false;
        payments[payments.length - 1]!.doneAt = at;
        break;
      case 'completed':
      case 'withdrawn':
      case 'stopped':
        finishAt = at;
        finishedBy = type;
        break;
      case 'returned':
        if (finishedBy === 'completed') returnedAt = at;
        else {
          finishAt = at;
          finishedBy = 'returned';
          returnedAt = at;
        }
        break;
    }
    if (tracked) {
      const after = run.currentAppointment();
      if (type === 'supplement_received') supplements[supplements.length - 1]!.after = after;
      if (after !== before) changes.push({ eventIndex: i, at: new Date(at), reason: tracked, from: toDate(before), to: toDate(after) });
    }
  }

  // ——— evaluation ——————————————————————————————————————————————————————————
  const finished = finishAt !== null;
  const end = finished ? finishAt! : Math.max(nowMs, times[n - 1]!);
  const stops = finished ? closeOpenStops(run.stops, end) : run.stops;
  const merged = mergeStops(stops);
  // Without waits or restart the deadline is the receipt's appointment: no need to recompute it.
  const due = merged.length === 0 && run.limitStartedBy === 0 ? run.original!.due : dueAfter(cal, run.countingFrom, run.budget, merged);
  const used = runningMs(cal, run.countingFrom, end, merged);
  const apology = run.apology;
  const current = due === null ? null : apology && apology.newAppointment > due ? apology.newAppointment : due;

  let verdict: Verdict;
  let verdictAgainstCurrent: Verdict;
  if (finishedBy === 'withdrawn' || finishedBy === 'stopped') {
    verdict = verdictAgainstCurrent = finishedBy;
  } else if (finished) {
    verdict = finishedVerdict(cal, finishAt!, due!);
    verdictAgainstCurrent = current === due ? verdict : finishedVerdict(cal, finishAt!, current!);
  } else {
    verdict = openVerdict(end, due);
    verdictAgainstCurrent = current === due ? verdict : openVerdict(end, current);
  }
  const state: ClockState = finished ? 'finished' : run.openStop('supplement') ? 'waiting_supplement' : run.openStop('payment') ? 'waiting_payment' : 'running';

  const stepClocks: StepClock[] = [];
  const lateAgencies: string[] = [];
  for (const s of steps) {
    const sc = evaluateStep(cal, s, stops, merged, end, finishedBy, finishAt);
    stepClocks.push(sc);
    if ((sc.verdict === 'late' || sc.verdict === 'overdue_in_process') && s.agencyCode !== undefined && !lateAgencies.includes(s.agencyCode)) {
      lateAgencies.push(s.agencyCode);
    }
  }

  const original = run.original!;
  const originalDueDate = isoDateOf(cal, original.due);
  const dueDate = due === null ? null : due === original.due ? originalDueDate : isoDateOf(cal, due);
  const allowedMinutes = run.budget / MINUTE;
  const usedMinutes = used / MINUTE;
  const result: ClockResult = {
    ruleSet,
    ruleSetSource: input.ruleSet ? 'input' : 'receipt_date',
    supplementRestarts: run.supplementRestarts,
    limit: { value: limit.value, unit: limit.unit },
    receivedAt: new Date(run.receivedAt),
    evaluatedAt: new Date(end),
    state,
    verdict,
    verdictAgainstCurrent,
    finishedAt: toDate(finishAt),
    finishedBy,
    returnedAt: toDate(returnedAt),
    appointment: {
      original: {
        receivedAt: new Date(run.receivedAt),
        countingFrom: new Date(original.countingFrom),
        due: new Date(original.due),
        dueDate: originalDueDate,
        adjustments: original.adjustments,
      },
      countingFrom: new Date(run.countingFrom),
      due: toDate(due),
      dueDate,
      current: toDate(current),
      currentDate: current === null ? null : current === due ? dueDate : isoDateOf(cal, current),
      changes,
    },
    workingTime: {
      allowedMinutes,
      usedMinutes,
      remainingMinutes: Math.max(0, allowedMinutes - usedMinutes),
      overMinutes: Math.max(0, usedMinutes - allowedMinutes),
      minutesPerDay: cal.minutesPerDay,
    },
    steps: stepClocks,
    lateAgencies,
    supplements: supplements.map(
      (s): SupplementRecord => ({
        requestedAt: new Date(s.requestedAt),
        requestEventIndex: s.requestEventIndex,
        ...(s.stepId !== undefined ? { stepId: s.stepId } : {}),
        receivedAt: toDate(s.receivedAt),
        appointmentBefore: toDate(s.before),
        appointmentAfter: toDate(s.after),
        effect: run.supplementRestarts ? 'restart' : 'resume',
      }),
    ),
    payments: payments.map((p): PaymentWait => ({ requestedAt: new Date(p.requestedAt), doneAt: toDate(p.doneAt) })),
    apology: apology
      ? {
          eventIndex: apology.eventIndex,
          at: new Date(apology.at),
          previousAppointment: new Date(apology.previous),
          newAppointment: new Date(apology.newAppointment),
          kept: finishedBy === 'completed' || finishedBy === 'returned' ? finishAt! <= apology.newAppointment : null,
        }
      : null,
    warnings: run.warnings,
    explanation: [],
    summary: '',
  };
  if (options.explain !== false) {
    const ex = explainClock(
      { cal, run, times, end, stops, merged, due, current, used, finishAt, finishedBy, verdict, state, steps },
      result,
    );
    result.explanation = ex.days;
    result.summary = ex.summary;
  }
  return result;
}

// helpers //////////

function checkLimit(limit: unknown, eventIndex: number | null, what: string): TimeLimit {
  const l = limit as Partial<TimeLimit> | undefined;
  if (!l || typeof l !== 'object' || !isLimitUnit(l.unit)) {
    throw new ClockRuleError('unknown_unit', `Unknown ${what} unit ${JSON.stringify(l?.unit)}`, `Đơn vị thời hạn không xác định: ${JSON.stringify(l?.unit)}`, eventIndex);
  }
  const value = l.unit === 'same_day' ? (typeof l.value === 'number' ? l.value : 0) : l.value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ClockRuleError('invalid_limit', `Invalid ${what} ${JSON.stringify(l.value)} ${l.unit}`, `Thời hạn không hợp lệ: ${JSON.stringify(l.value)}`, eventIndex);
  }
  return { value, unit: l.unit };
}

/** Counting start of a receipt before the regime's cut-off rule: the next working instant. */
function setReceiptStart(run: ClockRun): void {
  const tb = run.cal.dayTable;
  const i = tb.indexOf(run.at);
  let adjustments: AppointmentAdjustment[];
  if (tb.working[i] !== 1) {
    run.receiptStart = tb.midnight[tb.nextWorkingAfter(i)]! + run.cal.officeHours.opening;
    adjustments = ['received_on_day_off'];
  } else {
    run.receiptStart = run.cal.nextWorkingMs(run.at);
    adjustments = run.receiptStart !== run.at ? ['received_outside_office_hours'] : NONE;
  }
  run.receiptAdjustments = adjustments;
}

const NONE: AppointmentAdjustment[] = [];

/** The latest entry of `stepId` not yet left. */
function openStep(steps: readonly StepState[], stepId: string): StepState | undefined {
  for (let k = steps.length - 1; k >= 0; k--) {
    const s = steps[k]!;
    if (s.stepId === stepId && s.leftAt === null) return s;
  }
  return undefined;
}

function closeOpenStops(stops: readonly Stop[], at: number): Stop[] {
  return stops.map((s) => (s.to === Infinity ? { ...s, to: Math.max(s.from, at) } : s));
}

/**
 * A step's clock (control slip): its deadline is its duration counted from the next working
 * instant at or after it was entered — no 15:00 rule, which is about receipts at the desk — with
 * the waits for the citizen excluded; its finish is `step_left` (or the dossier's completion).
 */
function evaluateStep(
  cal: WorkingCalendar,
  s: StepState,
  stops: readonly Stop[],
  merged: readonly number[],
  end: number,
  finishedBy: ClockResult['finishedBy'],
  finishAt: number | null,
): StepClock {
  const start = cal.nextWorkingMs(s.enteredAt);
  const left = s.leftAt ?? (finishedBy === 'completed' || finishedBy === 'returned' ? finishAt : null);
  let due: number | null = null;
  let budget: number | null = null;
  if (s.duration) {
    budget = budgetOf(cal, start, s.duration);
    due = dueAfter(cal, start, budget, merged);
    // Left while the clock was stopped, before its deadline: the deadline is at least "resumed at once".
    if (due === null && left !== null) due = dueAfter(cal, start, budget, mergeStops(closeOpenStops(stops, left)));
  }
  let verdict: Verdict | null = null;
  if (s.duration) {
    if (left !== null) verdict = finishedVerdict(cal, left, due!);
    else if (finishedBy === 'withdrawn' || finishedBy === 'stopped') verdict = finishedBy;
    else verdict = openVerdict(end, due);
  }
  const out: StepClock = {
    eventIndex: s.eventIndex,
    stepId: s.stepId,
    enteredAt: new Date(s.enteredAt),
    leftAt: toDate(left),
    due: toDate(due),
    verdict,
    allowedMinutes: budget === null ? null : budget / MINUTE,
    usedMinutes: runningMs(cal, start, left ?? end, merged) / MINUTE,
  };
  if (s.stepName !== undefined) out.stepName = s.stepName;
  if (s.agencyCode !== undefined) out.agencyCode = s.agencyCode;
  if (s.duration !== undefined) out.duration = s.duration;
  return out;
}

function toDate(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}
