/**
 * `ClockRun` — the state of one clock computation, and the small API the rules act through.
 *
 * All instants are epoch milliseconds. Nothing here knows a regime: the rules in `rules/` decide
 * when the clock stops, resumes or restarts; `compute.ts` walks the events and builds the result.
 */
import type { AppointmentAdjustment, TimeLimit, WorkingCalendar } from '../calendar/index.js';
import { type ClockRuleCode, ClockRuleError } from './errors.js';
import { budgetOf, dueFromStart } from './limit.js';
import { type Stop, type StopReason, dueAfter, mergeStops } from './timeline.js';
import type { ClockEvent, ClockWarning, RuleSetId } from './types.js';
import { parseTime } from './time.js';

export interface ApologyState {
  eventIndex: number;
  at: number;
  previous: number;
  newAppointment: number;
}

export class ClockRun {
  /** Index and instant of the event being applied. */
  index = -1;
  at = 0;

  /** Instant the dossier was received. */
  receivedAt = NaN;
  /**
   * Counting start of the receipt being applied (`received`, `supplement_received`): the core sets
   * the next working instant, `rules/receipt-after-cutoff.ts` moves it after the cut-off.
   */
  receiptStart = 0;
  receiptAdjustments: AppointmentAdjustment[] = [];

  /** The limit in force: counting start and office-time budget. */
  countingFrom = NaN;
  budget = 0;
  /** The appointment of the receipt (first limit). */
  original: { countingFrom: number; due: number; adjustments: AppointmentAdjustment[] } | null = null;
  /** Event index that started the limit in force (0, or a restart). */
  limitStartedBy = -1;

  readonly stops: Stop[] = [];
  supplementRequests = 0;
  apology: ApologyState | null = null;
  readonly warnings: ClockWarning[] = [];

  constructor(
    readonly cal: WorkingCalendar,
    readonly ruleSet: RuleSetId,
    readonly limit: TimeLimit,
    readonly supplementRestarts: boolean,
    readonly events: readonly ClockEvent[],
  ) {}

  // ——— for rules ————————————————————————————————————————————————————————————

  /** Refuse the current event. */
  fail(code: ClockRuleCode, message: string, messageVi: string): never {
    throw new ClockRuleError(code, message, messageVi, this.index);
  }

  /** Leave a non-fatal note on the current event. */
  warn(code: string, message: string, messageVi: string): void {
    this.warnings.push({ code, eventIndex: this.index, message, messageVi });
  }

  /** Parse an instant carried by the current event (e.g. an apology's new appointment). */
  time(value: unknown, field: string): number {
    const ms = parseTime(value);
    if (ms === null) this.fail('invalid_time', `${field} is not a valid instant: ${JSON.stringify(value)}`, `${field} không phải là thời điểm hợp lệ`);
    return ms;
  }

  /** Start a fresh limit counted from `start` (receipt, or restart after a supplement). */
  startLimit(start: number, adjustments: AppointmentAdjustment[]): void {
    const adj = this.original ? undefined : [...adjustments];
    const due = dueFromStart(this.cal, start, this.limit, adj);
    this.countingFrom = start;
    this.budget = budgetOf(this.cal, start, this.limit, due);
    this.limitStartedBy = this.index;
    if (!this.original) this.original = { countingFrom: start, due, adjustments: adj! };
  }

  /** The wait of this kind that is still open, if any. */
  openStop(reason: StopReason): Stop | undefined {
    for (let k = this.stops.length - 1; k >= 0; k--) {
      const s = this.stops[k]!;
      if (s.reason === reason && s.to === Infinity) return s;
    }
    return undefined;
  }

  /** Stop the clock at the current event (waiting for the citizen). */
  stopClock(reason: StopReason): void {
    this.stops.push({ from: this.at, to: Infinity, reason, eventIndex: this.index });
  }

  /** End the open wait of this kind; counting resumes at `from` (≥ the event instant). */
  resumeClock(reason: StopReason, from: number): void {
    const s = this.openStop(reason);
    if (s) s.to = Math.max(from, s.from);
  }

  /** End the open supplement wait and start the limit again from zero at the receipt's counting start. */
  restartLimit(): void {
    this.resumeClock('supplement', this.receiptStart);
    this.startLimit(this.receiptStart, this.receiptAdjustments);
  }

  /** Record an apology and its new appointment. */
  setApology(previous: number, newAppointment: number): void {
    this.apology = { eventIndex: this.index, at: this.at, previous, newAppointment };
  }

  /** The legal deadline as it stands now; `null` while a wait is open and the deadline not yet reached. */
  dueNow(): number | null {
    return dueAfter(this.cal, this.countingFrom, this.budget, mergeStops(this.stops));
  }

  /** The legal deadline if every open wait ended now (a lower bound while waiting). */
  dueIfResumedNow(): number {
    const closed = this.stops.map((s) => (s.to === Infinity ? { ...s, to: Math.max(this.at, s.from) } : s));
    return dueAfter(this.cal, this.countingFrom, this.budget, mergeStops(closed))!;
  }

  /** What the citizen is told now: the later of the legal deadline and the apology's appointment. */
  currentAppointment(): number | null {
    const due = this.dueNow();
    if (due === null || !this.apology) return due;
    return this.apology.newAppointment > due ? this.apology.newAppointment : due;
  }
}
