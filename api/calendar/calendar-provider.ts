import type { Logger } from 'pino';
import { type AdminDay, WorkingCalendar } from '../../engine/calendar/index.js';
import type { Sql } from '../db/database.js';

/** How often each node re-checks the calendar revision (one indexed single-row read). */
export const CALENDAR_REFRESH_MS = 2_000;

export interface CalendarProviderOptions {
  /** Re-check interval in ms; 0 disables polling (refresh only when asked). */
  refreshMs?: number;
  log?: Logger;
}


/**
 * The working calendar of this process: {@link WorkingCalendar} built from the seeded official
 * years (engine/calendar/official-days.ts) plus the administrators' `calendar_day` rows as
 * `adminDays`.
 *
 * Keeping nodes in step: every calendar write bumps `calendar_revision.revision` in its own
 * transaction. The node that wrote calls {@link refresh} right after the commit (its next request
 * already sees the change); every node also re-reads the revision every {@link CALENDAR_REFRESH_MS}
 * and rebuilds only when it moved, so another node sees a change within that interval. Rows and
 * revision are read in one statement (one snapshot), and refreshes run one at a time, so a slower
 * load can never put back an older calendar.
 *
 * `calendar` is a live view for code written against a `WorkingCalendar` (calendarDeadlines):
 * every property access goes to the calendar current at that moment. Calls are synchronous and a
 * rebuild swaps the calendar between two event-loop turns, so one computation never mixes two
 * calendars.
 */
export class CalendarProvider {
  private current: WorkingCalendar;
  private revision = -1;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  readonly calendar: WorkingCalendar;

  private constructor(private readonly db: Sql, private readonly log?: Logger) {
    this.current = new WorkingCalendar();
    const provider = this;
    this.calendar = new Proxy(this.current, {
      get(_target, prop) {
        const cal = provider.current;
        const value: unknown = Reflect.get(cal, prop, cal);
        return typeof value === 'function' ? value.bind(cal) : value;
      },
      has: (_target, prop) => Reflect.has(this.current, prop),
    });
  }

  /** Loads the calendar from the database and starts polling its revision. */
  static async start(db: Sql, options: CalendarProviderOptions = {}): Promise<CalendarProvider> {
    const provider = new CalendarProvider(db, options.log);
    await provider.refresh();
    const every = options.refreshMs ?? CALENDAR_REFRESH_MS;
    if (every > 0) provider.schedule(every);
    return provider;
  }

  /** The calendar now. Hold it for one computation only; the next one may use a newer calendar. */
  get(): WorkingCalendar {
    return this.current;
  }

  /** The revision the current calendar was built from. */
  get currentRevision(): number {
    return this.revision;
  }

  /**
   * Rebuilds the calendar when the database revision differs from ours. Queued behind any refresh
   * in flight, so after `await refresh()` every commit made before the call is visible.
   * Resolves to true when the calendar was rebuilt.
   */
  refresh(): Promise<boolean> {
    const run = this.queue.then(() => this.load());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops polling and waits for a refresh in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  private schedule(every: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.refresh()
        .catch((err: unknown) => this.log?.warn({ err }, 'calendar refresh failed; keeping the current calendar'))
        .finally(() => this.schedule(every));
    }, every);
    this.timer.unref();
  }

  private async load(): Promise<boolean> {
    if (this.stopped) return false;
    const head = await this.db.one<{ revision: number }>('select revision from calendar_revision where id = 1');
    if ((head?.revision ?? 0) === this.revision) return false;
    const snapshot = await this.db.one<{ revision: number; days: AdminDay[] }>(
      `select coalesce((select revision from calendar_revision where id = 1), 0) as revision,
              coalesce((select json_agg(json_build_object('date', date::text, 'kind', kind, 'name', name, 'source', source) order by date)
                        from calendar_day), '[]'::json) as days`,
    );
    const { revision, days } = snapshot!;
    if (revision === this.revision) return false;
    this.current = new WorkingCalendar({ adminDays: days });
    const changed = this.revision >= 0;
    this.revision = revision;
    if (changed) this.log?.info({ revision, adminDays: days.length }, 'working calendar rebuilt');
    return true;
  }
}
