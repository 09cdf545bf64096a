/**
 * `WorkingCalendar` — Vietnamese working time for one agency.
 *
 * Built from, in increasing precedence:
 *  (a) the weekly pattern (default Monday–Friday; Saturday and Sunday are the weekly rest days of
 *      civil servants);
 *  (b) office hours (default 07:00–11:30 and 13:30–17:00, configurable per agency);
 *  (c) the statutory rules of the Labour Code (`holidays.ts`) for years without official data —
 *      those years are flagged `provisional`;
 *  (d) official yearly arrangements (`official-days.ts`, or years passed in by the caller), which
 *      replace (c) for their year, then admin rows, which win over everything.
 *
 * Time model. All local reasoning is in Asia/Ho_Chi_Minh. A *working instant* is an instant on a
 * working day inside an office interval, both ends included (07:00 and 17:00 are working
 * instants). Working time is measured in milliseconds of office time; a working day is worth the
 * office time of one day (8 h by default).
 *
 * Adding working time returns the **earliest** instant at which that much office time has elapsed
 * since the start (the start itself first moved to the next working instant). Hence:
 *  - from 09:00 Monday, +1 working day → 09:00 Tuesday (same clock time, N working days later);
 *  - from 07:00 (opening) Monday, +1 working day → 17:00 Monday, i.e. the end of the Nth working
 *    day when counting starts at the opening of a day — never "07:00 the next day";
 *  - from 13:30 Monday, +1 working day → 11:30 Tuesday (the same 8 h; the lunch break is not
 *    working time, and the earliest equivalent instant is chosen).
 * See `appointment.ts` for why this is the rule for appointments too.
 *
 * Performance: everything after construction is array lookups on the precomputed day table
 * (`day-table.ts`); no date library call on the hot path.
 */
import { type IsoWeekday, isoFromJdn, jdnFromIso, weekdayOfJdn } from './civil.js';
import { DayTable, type ListedEntry, type YearListing } from './day-table.js';
import { type StatutoryOptions, statutoryDays } from './holidays.js';
import { DEFAULT_OFFICE_HOURS, type OfficeInterval, OfficeHours, parseClock } from './office-hours.js';
import { OFFICIAL_YEARS } from './official-days.js';
import type { AdminDay, DayInfo, OfficialYear } from './types.js';
import { type Appointment, type TimeLimit, computeAppointment } from './appointment.js';
import { type DayInput, type Instant, ZONE, jdnOfDay, toMillis } from './zone.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const MON_FRI: readonly IsoWeekday[] = [1, 2, 3, 4, 5];

export interface WorkingCalendarOptions {
  /** Working weekdays, ISO numbers (1 = Monday … 7 = Sunday). Default Monday–Friday. */
  workingWeekdays?: readonly IsoWeekday[];
  /** Office hours, `HH:mm` local time. Default 07:00–11:30, 13:30–17:00. */
  officeHours?: readonly OfficeInterval[];
  /** Receipts strictly after this local time count from the next working day. Default 15:00. */
  sameDayCutoff?: string;
  /**
   * Years with official data. Default: the seeded {@link OFFICIAL_YEARS} when the week is
   * Monday–Friday (the notices are written for that week), none otherwise. A year given here
   * replaces the computed rules for that year entirely and is not provisional. The list replaces
   * the default: pass `[...OFFICIAL_YEARS, year2027]` to add a newly published year.
   */
  officialYears?: readonly OfficialYear[];
  /** Admin-entered rows; they win over computed and official data. */
  adminDays?: readonly AdminDay[];
  /** Options of the computed statutory rules (Tết pattern, Culture Day). */
  statutory?: Omit<StatutoryOptions, 'restDays'>;
  /** Years to precompute at construction (the table grows on demand anyway). */
  preloadYears?: readonly [number, number];
}

export type WorkingTimeUnit = 'minutes' | 'hours' | 'days';

export class WorkingCalendar {
  readonly zone = ZONE;
  readonly officeHours: OfficeHours;
  /** Office minutes in one working day (480 by default). */
  readonly minutesPerDay: number;
  /** Cut-off, ms after local midnight. */
  readonly cutoffOffset: number;
  private readonly workingWeekdays: ReadonlySet<number>;
  private readonly table: DayTable;

  constructor(options: WorkingCalendarOptions = {}) {
    const weekdays = options.workingWeekdays ?? MON_FRI;
    if (!weekdays.length || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw new RangeError('workingWeekdays must be a non-empty list of ISO weekdays 1–7');
    }
    this.workingWeekdays = new Set(weekdays);
    this.officeHours = new OfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.minutesPerDay = this.officeHours.dayMs / MINUTE;
    this.cutoffOffset = parseClock(options.sameDayCutoff ?? '15:00');

    const isMonFri = this.workingWeekdays.size === 5 && MON_FRI.every((d) => this.workingWeekdays.has(d));
    const official = new Map<number, OfficialYear>();
    for (const y of options.officialYears ?? (isMonFri ? OFFICIAL_YEARS : [])) official.set(y.year, y);
    const restDays = ([1, 2, 3, 4, 5, 6, 7] as const).filter((d) => !this.workingWeekdays.has(d));
    const statutory: StatutoryOptions = { ...options.statutory, restDays };
    const resolveYear = (year: number): YearListing => {
      const o = official.get(year);
      return o ? { days: o.days, provisional: false } : { days: statutoryDays(year, statutory), provisional: true };
    };

    const admin = new Map<number, ListedEntry | null>();
    for (const row of options.adminDays ?? []) {
      const jdn = jdnFromIso(row.date);
      const source = row.source ?? 'Quản trị viên';
      if (row.kind === 'weekday') {
        // Restore an ordinary working day; on a weekly rest day that means a day worked.
        admin.set(jdn, this.workingWeekdays.has(weekdayOfJdn(jdn)) ? null : { kind: 'saturday_worked', name: row.name ?? 'Ngày làm việc', source });
      } else {
        admin.set(jdn, { kind: row.kind, name: row.name ?? defaultName(row.kind), source });
      }
    }

    // A fixed default keeps results independent of the wall clock; the table grows on demand.
    const [from, to] = options.preloadYears ?? [2020, 2032];
    this.table = new DayTable({ workingWeekdays: this.workingWeekdays, resolveYear, admin }, from, to);
  }

  // ——— days ————————————————————————————————————————————————————————————————

  /** Is this day (an instant's local date, `YYYY-MM-DD`, or civil date) a working day? */
  isWorkingDay(day: DayInput): boolean {
    const t = this.table;
    return t.working[t.indexOfJdn(jdnOfDay(day))] === 1;
  }

  /** Everything the calendar knows about a day: working or not, kind, name, legal source. */
  dayInfo(day: DayInput): DayInfo {
    const jdn = jdnOfDay(day);
    const t = this.table;
    const i = t.indexOfJdn(jdn);
    const date = isoFromJdn(jdn);
    const e = t.entry(jdn);
    const info: DayInfo = e
      ? { date, working: t.working[i] === 1, kind: e.kind, name: e.name, source: e.source }
      : { date, working: t.working[i] === 1, kind: t.working[i] === 1 ? 'weekday' : 'weekend' };
    if (t.isProvisional(Number(date.slice(0, 4)))) info.provisional = true;
    return info;
  }

  /** `dayInfo` for every day from `from` to `to`, both included. */
  days(from: DayInput, to: DayInput): DayInfo[] {
    const a = jdnOfDay(from);
    const b = jdnOfDay(to);
    const out: DayInfo[] = [];
    for (let j = a; j <= b; j++) out.push(this.dayInfo(isoFromJdn(j)));
    return out;
  }

  /** The first working day strictly after `day`, as `YYYY-MM-DD`. */
  nextWorkingDay(day: DayInput): string {
    const t = this.table;
    const i = t.indexOfJdn(jdnOfDay(day));
    return isoFromJdn(t.baseJdn + t.nextWorkingAfter(i));
  }

  // ——— instants ————————————————————————————————————————————————————————————

  /** Is `t` on a working day and inside office hours (ends included)? */
  isWorkingInstant(t: Instant): boolean {
    const ms = toMillis(t);
    const tb = this.table;
    const i = tb.indexOf(ms);
    return tb.working[i] === 1 && this.officeHours.contains(ms - tb.midnight[i]!);
  }

  /** The earliest working instant at or after `t`. */
  nextWorkingInstant(t: Instant): Date {
    return new Date(this.nextWorkingMs(toMillis(t)));
  }

  /** Opening time of the first working day strictly after the local day of `t`. */
  startOfNextWorkingDay(t: Instant): Date {
    const tb = this.table;
    const j = tb.nextWorkingAfter(tb.indexOf(toMillis(t)));
    return new Date(tb.midnight[j]! + this.officeHours.opening);
  }

  /** Closing time (end of office hours) of the local day of `t`. */
  closingOfDay(t: Instant): Date {
    const tb = this.table;
    return new Date(tb.midnight[tb.indexOf(toMillis(t))]! + this.officeHours.closing);
  }

  /**
   * Add `n` working days (n ≥ 0, may be fractional): the earliest instant at which
   * `n × minutesPerDay` office minutes have elapsed since `start` (see the module doc).
   */
  addWorkingDays(start: Instant, n: number): Date {
    checkAmount(n, 'working days');
    return new Date(this.addWorkingMs(toMillis(start), Math.round(n * this.officeHours.dayMs)));
  }

  /** Add `h` working hours (h ≥ 0). */
  addWorkingHours(start: Instant, h: number): Date {
    checkAmount(h, 'working hours');
    return new Date(this.addWorkingMs(toMillis(start), Math.round(h * HOUR)));
  }

  /** Add `m` working minutes (m ≥ 0). */
  addWorkingMinutes(start: Instant, m: number): Date {
    checkAmount(m, 'working minutes');
    return new Date(this.addWorkingMs(toMillis(start), Math.round(m * MINUTE)));
  }

  /** Office time in [a, b), in milliseconds; negative when b < a. */
  workingMsBetween(a: Instant, b: Instant): number {
    const ma = toMillis(a);
    const mb = toMillis(b);
    for (;;) {
      const gen = this.table.generation;
      const wa = this.cumulativeMs(ma);
      const wb = this.cumulativeMs(mb);
      if (gen === this.table.generation) return wb - wa; // no rebuild in between: same origin
    }
  }

  /** Office minutes in [a, b) (fractional when the instants carry seconds). */
  workingMinutesBetween(a: Instant, b: Instant): number {
    return this.workingMsBetween(a, b) / MINUTE;
  }

  /** Office time in [a, b) in minutes, hours, or working days (fractions of `minutesPerDay`). */
  workingTimeBetween(a: Instant, b: Instant, unit: WorkingTimeUnit = 'minutes'): number {
    const ms = this.workingMsBetween(a, b);
    return unit === 'minutes' ? ms / MINUTE : unit === 'hours' ? ms / HOUR : ms / this.officeHours.dayMs;
  }

  /** Working days (fractional) of office time in [a, b) — the inverse of {@link addWorkingDays}. */
  workingDaysBetween(a: Instant, b: Instant): number {
    return this.workingMsBetween(a, b) / this.officeHours.dayMs;
  }

  /** Appointment for a dossier received at `receivedAt` with a legal time limit (see `appointment.ts`). */
  appointment(receivedAt: Instant, limit: TimeLimit): Appointment {
    return computeAppointment(this, receivedAt, limit);
  }

  // ——— internals shared with appointment.ts ————————————————————————————————

  /** @internal epoch ms of the earliest working instant ≥ ms. */
  nextWorkingMs(ms: number): number {
    const tb = this.table;
    const i = tb.indexOf(ms);
    if (tb.working[i] === 1) {
      const o = this.officeHours.nextOffset(ms - tb.midnight[i]!);
      if (o >= 0) return tb.midnight[i]! + o;
    }
    const j = tb.nextWorkingAfter(i);
    return tb.midnight[j]! + this.officeHours.opening;
  }

  /** @internal earliest instant with `amount` ms of office time elapsed since `ms`. */
  addWorkingMs(ms: number, amount: number): number {
    const tb = this.table;
    const oh = this.officeHours;
    let i = tb.indexOf(ms);
    let off = ms - tb.midnight[i]!;
    let o = tb.working[i] === 1 ? oh.nextOffset(off) : -1;
    if (o < 0) {
      i = tb.nextWorkingAfter(i);
      o = oh.opening;
    }
    off = o;
    if (amount === 0) return tb.midnight[i]! + off;
    const total = oh.elapsedAt(off) + amount;
    const days = Math.floor(total / oh.dayMs);
    const rem = total - days * oh.dayMs;
    const ord = tb.cum[i]!; // day i is working: its ordinal among working days
    // Exactly at a day boundary: end of the previous working day, not the opening of the next.
    const j = rem === 0 ? tb.nthWorking(ord + days - 1) : tb.nthWorking(ord + days);
    return tb.midnight[j]! + (rem === 0 ? oh.closing : oh.offsetAt(rem));
  }

  /** @internal the day table (read-only use). */
  get dayTable(): DayTable {
    return this.table;
  }

  /** Office ms from the start of the table range up to `ms`. */
  private cumulativeMs(ms: number): number {
    const tb = this.table;
    const i = tb.indexOf(ms);
    const inDay = tb.working[i] === 1 ? this.officeHours.elapsedAt(ms - tb.midnight[i]!) : 0;
    return tb.cum[i]! * this.officeHours.dayMs + inDay;
  }
}

function checkAmount(n: number, what: string): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`Cannot add ${n} ${what}: need a finite number ≥ 0`);
}

function defaultName(kind: AdminDay['kind']): string {
  switch (kind) {
    case 'holiday':
      return 'Ngày nghỉ lễ';
    case 'compensatory_day_off':
      return 'Ngày nghỉ bù';
    case 'saturday_worked':
      return 'Ngày làm bù';
    case 'day_off':
      return 'Ngày nghỉ';
    default:
      return 'Ngày làm việc';
  }
}
