/**
 * Input and output of the dossier clock.
 *
 * The input is plain data (JSON-friendly: timestamps may be ISO strings) so that the same
 * `computeClock` serves a stored dossier and the "what-if" preview of the API.
 */
import type { AppointmentAdjustment, LimitUnit, TimeLimit } from '../calendar/index.js';

/**
 * The legal regime a dossier is handled under, chosen by the date it was received:
 * - `nd61_2018`  Decree 61/2018/NĐ-CP + Circular 01/2018/TT-VPCP (dossiers received until 30/6/2025);
 * - `nd118_2025` Decree 118/2025/NĐ-CP + Circular 03/2025 (received from 1/7/2025).
 * What differs between them lives in `rules/` (see `rules/index.ts`).
 */
export type RuleSetId = 'nd61_2018' | 'nd118_2025';

export type { LimitUnit, TimeLimit };

/** An instant as the clock accepts it: a Date, an ISO-8601 string, or epoch milliseconds. */
export type ClockTime = Date | string | number;

/** A step duration on the control slip (Mẫu 05 / Circular 03/2025 Mẫu 06). */
export interface StepDuration {
  value: number;
  unit: LimitUnit;
}

export type ClockEvent =
  | { type: 'received'; at: ClockTime }
  | { type: 'step_entered'; at: ClockTime; stepId: string; stepName?: string; agencyCode?: string; duration?: StepDuration }
  | { type: 'step_left'; at: ClockTime; stepId: string }
  | { type: 'supplement_requested'; at: ClockTime; stepId?: string }
  | { type: 'supplement_received'; at: ClockTime }
  | { type: 'financial_obligation_requested'; at: ClockTime }
  | { type: 'financial_obligation_done'; at: ClockTime }
  | { type: 'apology'; at: ClockTime; newAppointment: ClockTime }
  | { type: 'completed'; at: ClockTime }
  | { type: 'returned'; at: ClockTime }
  | { type: 'withdrawn'; at: ClockTime }
  | { type: 'stopped'; at: ClockTime };

export type ClockEventType = ClockEvent['type'];

export const CLOCK_EVENT_TYPES: readonly ClockEventType[] = Object.freeze([
  'received',
  'step_entered',
  'step_left',
  'supplement_requested',
  'supplement_received',
  'financial_obligation_requested',
  'financial_obligation_done',
  'apology',
  'completed',
  'returned',
  'withdrawn',
  'stopped',
] as const);

export interface ClockInput {
  /** Default: chosen by the receipt instant — before 2025-07-01 00:00 (UTC+7) `nd61_2018`, else `nd118_2025`. */
  ruleSet?: RuleSetId;
  /** The procedure's legal time limit. */
  limit: TimeLimit;
  /**
   * Per procedure. `true` (default): when the supplemented dossier arrives the time limit starts
   * again from zero (Decree 61/2018 behaviour). `false`: the clock only pauses while the citizen
   * supplements, and resumes with the time left. See `rules/supplement-restarts-limit.ts`.
   */
  supplementRestarts?: boolean;
  /** In time order (equal instants allowed). */
  events: readonly ClockEvent[];
}

export interface ComputeClockOptions {
  /**
   * Build `explanation` and `summary` (default true). Turn off for bulk statistics: the
   * verdicts, deadlines and working time are the same either way.
   */
  explain?: boolean;
}

/**
 * The verdict of a dossier or a step (definitions and legal basis in `verdict.ts`):
 * finished — `early` (trước hạn), `on_time` (đúng hạn), `late` (quá hạn);
 * not finished — `in_process` (đang giải quyết, còn hạn), `overdue_in_process` (đang giải quyết, đã quá hạn);
 * closed without a result — `withdrawn` (công dân rút hồ sơ), `stopped` (dừng xử lý).
 */
export type Verdict = 'early' | 'on_time' | 'late' | 'overdue_in_process' | 'in_process' | 'withdrawn' | 'stopped';

/** Where the dossier clock stands at the end of the evaluation. */
export type ClockState = 'running' | 'waiting_supplement' | 'waiting_payment' | 'finished';

export interface ClockAppointment {
  /** The appointment printed on the receipt (Mẫu 01): the limit counted from receipt, nothing else. */
  original: { receivedAt: Date; countingFrom: Date; due: Date; dueDate: string; adjustments: AppointmentAdjustment[] };
  /** When the limit in force started: the receipt's counting start, or the restart after a supplement. */
  countingFrom: Date;
  /**
   * The legal deadline derived from the events — what the verdict is measured against.
   * `null` while the clock is stopped (waiting for the citizen) before the deadline was reached.
   */
  due: Date | null;
  dueDate: string | null;
  /** What the citizen is told now: the apology's new appointment when later than `due`, else `due`. */
  current: Date | null;
  currentDate: string | null;
  /** Each time the appointment moved, in event order. */
  changes: AppointmentChange[];
}

export interface AppointmentChange {
  eventIndex: number;
  at: Date;
  reason: 'supplement_requested' | 'limit_restarted' | 'clock_resumed' | 'payment_requested' | 'apology';
  /** Appointment before and after the event; `null` = suspended (clock stopped). */
  from: Date | null;
  to: Date | null;
}

export interface WorkingTime {
  /** The limit in force, in office minutes (a working day = `minutesPerDay`). */
  allowedMinutes: number;
  /** Office minutes counted against the limit in force, up to the finish (or now). */
  usedMinutes: number;
  remainingMinutes: number;
  /** Minutes beyond the limit (0 when within it). */
  overMinutes: number;
  minutesPerDay: number;
}

export interface StepClock {
  eventIndex: number;
  stepId: string;
  stepName?: string;
  agencyCode?: string;
  duration?: StepDuration;
  enteredAt: Date;
  /** `step_left`, or the dossier's completion when the step was still open then. */
  leftAt: Date | null;
  /** Step deadline (waiting for the citizen excluded); `null` without a duration or while suspended. */
  due: Date | null;
  /** `null` when the step has no duration. */
  verdict: Verdict | null;
  allowedMinutes: number | null;
  usedMinutes: number;
}

export interface SupplementRecord {
  requestedAt: Date;
  requestEventIndex: number;
  stepId?: string;
  receivedAt: Date | null;
  /** Appointment before the request and once the supplement arrived (sync payload: old and new dates). */
  appointmentBefore: Date | null;
  appointmentAfter: Date | null;
  /** Restarted from zero or resumed (the procedure's `supplementRestarts`). */
  effect: 'restart' | 'resume';
}

export interface PaymentWait {
  requestedAt: Date;
  doneAt: Date | null;
}

export interface ApologyRecord {
  eventIndex: number;
  at: Date;
  /** The appointment in force when the apology was made. */
  previousAppointment: Date;
  newAppointment: Date;
  /** Result ready by the new appointment; `null` while not finished. */
  kept: boolean | null;
}

/** A non-fatal finding for the support officer (the verdict is unaffected). */
export interface ClockWarning {
  code: string;
  eventIndex: number;
  message: string;
  messageVi: string;
}

/** Why a calendar day counted or not. */
export type DayReason =
  | 'working_day'
  | 'saturday_worked'
  | 'weekend'
  | 'holiday'
  | 'compensatory_day_off'
  | 'day_off'
  | 'waiting_supplement'
  | 'waiting_payment'
  | 'before_counting'
  | 'superseded_by_restart'
  | 'not_reached';

/** One calendar day of the dossier's life, from the receipt day to the finish (or now). */
export interface ExplanationDay {
  date: string;
  /** The day contributed working time to the limit in force. */
  counted: boolean;
  /** Office minutes counted that day (sum over days = `workingTime.usedMinutes`). */
  minutes: number;
  reason: DayReason;
  /** Holiday / day-off name from the calendar. */
  name?: string;
  /** The legal source of a listed day (holiday, compensatory day, swap). */
  source?: string;
  /** The day's status comes from computed rules, not yet from an official notice. */
  provisional?: boolean;
  /** Vietnamese, one line: why it counted or not. */
  note: string;
  /** Vietnamese, what happened that day (receipt, supplement, deadline, completion …). */
  events?: string[];
}

export interface ClockResult {
  ruleSet: RuleSetId;
  /** `input` when given, else `receipt_date`. */
  ruleSetSource: 'input' | 'receipt_date';
  supplementRestarts: boolean;
  limit: TimeLimit;
  receivedAt: Date;
  /** The evaluation end: the finish, or `max(now, last event)`. */
  evaluatedAt: Date;
  state: ClockState;
  verdict: Verdict;
  /** For finished dossiers with an apology: measured against the apology's appointment. */
  verdictAgainstCurrent: Verdict;
  finishedAt: Date | null;
  finishedBy: 'completed' | 'returned' | 'withdrawn' | 'stopped' | null;
  returnedAt: Date | null;
  appointment: ClockAppointment;
  workingTime: WorkingTime;
  steps: StepClock[];
  /** Agencies with a late (or overdue) step, in order of first appearance. */
  lateAgencies: string[];
  supplements: SupplementRecord[];
  payments: PaymentWait[];
  apology: ApologyRecord | null;
  warnings: ClockWarning[];
  /** Empty when `explain: false`. */
  explanation: ExplanationDay[];
  /** A short Vietnamese sentence; empty when `explain: false`. */
  summary: string;
}
