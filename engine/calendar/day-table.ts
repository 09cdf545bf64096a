/**
 * The precomputed day table behind the working calendar.
 *
 * For a contiguous range of whole years it stores, per civil day:
 * - `midnight[i]`  epoch ms of local midnight in Asia/Ho_Chi_Minh (one extra entry closes the range);
 * - `working[i]`   1 for a working day;
 * - `cum[i]`       number of working days strictly before day i (prefix sum, length + 1 entries);
 * - `nth[k]`       index of the k-th working day (inverse of `cum`).
 *
 * With these, "which day is this instant", "how many working days between" and "the n-th working
 * day after" are O(1) array lookups — the hot path does no date library calls and allocates
 * nothing. Listed days (holidays, swaps, …) keep their names and sources in a map for
 * `dayInfo`.
 *
 * The range grows on demand (a few years at a time) when an instant outside it is used; the
 * arrays are then rebuilt, which costs well under a millisecond per year. Years are limited to
 * 1900–2198, the validity range of the lunar algorithm with a margin.
 */
import { civilFromJdn, jdnFromCivil, weekdayOfJdn } from './civil.js';
import { type CalendarDay, type ListedDayKind, kindIsWorking } from './types.js';
import { civilOfInstant, localMidnight } from './zone.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2198;
const DAY_MS = 86_400_000;
const GROWTH_YEARS = 5;

/** A day that differs from the weekly pattern, after admin rows are applied. */
export interface ListedEntry {
  kind: ListedDayKind;
  name: string;
  source: string;
}

/** The listed days of one year, and whether they are official or computed. */
export interface YearListing {
  days: readonly CalendarDay[];
  provisional: boolean;
}

export interface DayTableConfig {
  /** ISO weekdays that are working days in the weekly pattern. */
  workingWeekdays: ReadonlySet<number>;
  /** Listed days of a year (official data or computed rules). Called once per year and cached. */
  resolveYear: (year: number) => YearListing;
  /** Admin rows by JDN: a listed entry, or `null` to restore the weekly pattern. */
  admin: ReadonlyMap<number, ListedEntry | null>;
}

export class DayTable {
  firstYear = 0;
  lastYear = -1;
  /** JDN of day index 0. */
  baseJdn = 0;
  length = 0;
  midnight = new Float64Array(1);
  working = new Uint8Array(0);
  cum = new Int32Array(1);
  nth = new Int32Array(0);
  /** Bumped on each rebuild; callers holding indexes must recompute when it changes. */
  generation = 0;

  private readonly listed = new Map<number, ListedEntry>();
  private readonly provisionalYears = new Set<number>();
  private readonly years = new Map<number, YearListing>();

  constructor(private readonly config: DayTableConfig, from: number, to: number) {
    this.build(clampYear(from), clampYear(to));
  }

  /** Make sure the table covers `year` (grows the range if needed). */
  ensureYear(year: number): void {
    if (year >= this.firstYear && year <= this.lastYear) return;
    if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`The working calendar covers years ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
    const from = year < this.firstYear ? clampYear(year - GROWTH_YEARS) : this.firstYear;
    const to = year > this.lastYear ? clampYear(year + GROWTH_YEARS) : this.lastYear;
    this.build(from, to);
  }

  /** Index of the day containing epoch-ms `ms`, growing the table when needed. */
  indexOf(ms: number): number {
    for (;;) {
      let i = Math.floor((ms - this.midnight[0]!) / DAY_MS);
      if (i >= 0 && i < this.length) {
        // Exact whenever every day is 24 h long; the loops absorb any offset change.
        while (i > 0 && ms < this.midnight[i]!) i--;
        while (i < this.length - 1 && ms >= this.midnight[i + 1]!) i++;
        if (ms >= this.midnight[i]! && ms < this.midnight[i + 1]!) return i;
      }
      this.ensureYear(civilOfInstant(ms).year);
    }
  }

  /** Index of a JDN, growing the table when needed. */
  indexOfJdn(jdn: number): number {
    let i = jdn - this.baseJdn;
    if (i < 0 || i >= this.length) {
      this.ensureYear(civilFromJdn(jdn).year);
      i = jdn - this.baseJdn;
    }
    return i;
  }

  /** Index of the `ord`-th working day (0-based), growing the table forward when needed. */
  nthWorking(ord: number): number {
    if (ord < 0) throw new RangeError('No working day before the start of the calendar range');
    while (ord >= this.nth.length) {
      if (this.lastYear >= MAX_YEAR) throw new RangeError(`No working day found before ${MAX_YEAR + 1}`);
      this.ensureYear(this.lastYear + 1);
    }
    return this.nth[ord]!;
  }

  /**
   * Index of the first working day strictly after day index `i`. May grow the table forward,
   * which keeps the base (existing indexes stay valid).
   */
  nextWorkingAfter(i: number): number {
    return this.nthWorking(this.cum[i + 1]!);
  }

  /** The listed entry of a JDN, if any (after admin rows). */
  entry(jdn: number): ListedEntry | undefined {
    return this.listed.get(jdn);
  }

  /** Whether the year of a JDN has no official data. */
  isProvisional(year: number): boolean {
    return this.provisionalYears.has(year);
  }

  private listing(year: number): YearListing {
    let l = this.years.get(year);
    if (!l) {
      l = this.config.resolveYear(year);
      this.years.set(year, l);
    }
    return l;
  }

  private build(from: number, to: number): void {
    const baseJdn = jdnFromCivil(from, 1, 1);
    const endJdn = jdnFromCivil(to + 1, 1, 1);
    const length = endJdn - baseJdn;
    const midnight = new Float64Array(length + 1);
    const working = new Uint8Array(length);

    // Local midnights: ask luxon for each month's first day; fill the days between linearly when
    // the month is an exact number of 24 h days (always in Asia/Ho_Chi_Minh), else ask per day.
    for (let y = from; y <= to; y++) {
      for (let m = 1; m <= 12; m++) {
        const first = jdnFromCivil(y, m, 1) - baseJdn;
        const next = (m === 12 ? jdnFromCivil(y + 1, 1, 1) : jdnFromCivil(y, m + 1, 1)) - baseJdn;
        const m0 = localMidnight(y, m, 1);
        const m1 = m === 12 ? localMidnight(y + 1, 1, 1) : localMidnight(y, m + 1, 1);
        if (m1 - m0 === (next - first) * DAY_MS) {
          for (let i = first; i < next; i++) midnight[i] = m0 + (i - first) * DAY_MS;
        } else {
          for (let i = first; i < next; i++) {
            const c = civilFromJdn(baseJdn + i);
            midnight[i] = localMidnight(c.year, c.month, c.day);
          }
        }
        if (m === 12 && y === to) midnight[length] = m1;
      }
    }

    this.listed.clear();
    this.provisionalYears.clear();
    for (let y = from; y <= to; y++) {
      const l = this.listing(y);
      if (l.provisional) this.provisionalYears.add(y);
      for (const day of l.days) {
        const [yy, mm, dd] = day.date.split('-').map(Number) as [number, number, number];
        if (yy !== y) continue; // a listing only speaks for its own year
        this.listed.set(jdnFromCivil(yy, mm, dd), { kind: day.kind, name: day.name, source: day.source });
      }
    }
    for (const [jdn, e] of this.config.admin) {
      if (jdn < baseJdn || jdn >= endJdn) continue;
      if (e === null) this.listed.delete(jdn);
      else this.listed.set(jdn, e);
    }

    const { workingWeekdays } = this.config;
    for (let i = 0; i < length; i++) {
      const jdn = baseJdn + i;
      const e = this.listed.get(jdn);
      working[i] = (e ? kindIsWorking(e.kind) : workingWeekdays.has(weekdayOfJdn(jdn))) ? 1 : 0;
    }
    const cum = new Int32Array(length + 1);
    let count = 0;
    for (let i = 0; i < length; i++) {
      cum[i] = count;
      count += working[i]!;
    }
    cum[length] = count;
    const nth = new Int32Array(count);
    for (let i = 0, k = 0; i < length; i++) if (working[i]) nth[k++] = i;

    this.firstYear = from;
    this.lastYear = to;
    this.baseJdn = baseJdn;
    this.length = length;
    this.midnight = midnight;
    this.working = working;
    this.cum = cum;
    this.nth = nth;
    this.generation++;
  }
}

function clampYear(y: number): number {
  return Math.min(MAX_YEAR, Math.max(MIN_YEAR, Math.trunc(y)));
}
