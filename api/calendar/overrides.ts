import { type DayInfo, WorkingCalendar } from '../../engine/calendar/index.js';
import type { CalendarOverrideRequest, CalendarOverrideView } from '../contract/calendar.js';
import { epochDay, viDate } from '../contract/calendar.js';
import type { Database, Sql } from '../db/database.js';
import type { Officer } from '../auth/officer.js';
import { HttpError, notFound } from '../http/errors.js';
import { toIso } from '../time.js';

/**
 * Administrators' calendar rows (`calendar_day`): add, remove, list. Every write runs in one
 * transaction that first bumps `calendar_revision` — the row lock serialises calendar writes across
 * nodes and tells every node to rebuild (calendar-provider.ts). A failed check rolls everything
 * back, the revision included.
 */

/** The calendar without admin rows: seeded official years + statutory rules. Pure and shared. */
const baseCalendar = new WorkingCalendar();

const WEEKDAY_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
/** ISO weekday (1 = Monday) of a valid `YYYY-MM-DD`; 1970-01-01 was a Thursday. */
const isoWeekday = (date: string) => ((((epochDay(date)! + 3) % 7) + 7) % 7) + 1;

const OVERRIDE_COLUMNS = `d.date::text as date, d.kind, d.name, d.source, d.created_at as "createdAt",
  u.id as "userId", u.username, u.full_name as "fullName"`;

interface OverrideRow {
  date: string;
  kind: CalendarOverrideView['kind'];
  name: string;
  source: string;
  createdAt: Date;
  userId: number;
  username: string;
  fullName: string;
}

const toView = (r: OverrideRow): CalendarOverrideView => ({
  date: r.date, kind: r.kind, name: r.name, source: r.source,
  createdBy: { id: r.userId, username: r.username, fullName: r.fullName },
  createdAt: toIso(r.createdAt),
});

const bumpRevision = (tx: Sql) =>
  tx.one<{ revision: number }>(
    `insert into calendar_revision (id, revision, updated_at) values (1, 1, now())
     on conflict (id) do update set revision = calendar_revision.revision + 1, updated_at = now()
     returning revision`,
  );

/** Adds one row; 400/409 naming the problem when it contradicts the calendar or another row. */
export async function addOverride(db: Database, user: Officer, input: CalendarOverrideRequest): Promise<CalendarOverrideView> {
  checkWeekday(input);
  try {
    return await db.transaction(async (tx) => {
      await bumpRevision(tx);
      const existing = await tx.one<OverrideRow>(
        `select ${OVERRIDE_COLUMNS} from calendar_day d join app_user u on u.id = d.created_by_id where d.date = $1`, [input.date],
      );
      if (existing) throw duplicate(input.date, existing);
      checkAgainstCalendar(input, baseCalendar.dayInfo(input.date));
      const row = await tx.one<{ date: string; createdAt: Date }>(
        `insert into calendar_day (date, kind, name, source, created_by_id, created_at) values ($1, $2, $3, $4, $5, now())
         returning date::text as date, created_at as "createdAt"`,
        [input.date, input.kind, input.name, input.source, user.id],
      );
      return toView({ ...input, ...row!, userId: user.id, username: user.username, fullName: user.fullName });
    });
  } catch (err) {
    // Two administrators adding the same date at once: the unique constraint decides.
    if ((err as { code?: string }).code === '23505') throw duplicate(input.date);
    throw err;
  }
}

/** Removes the row of `date`; 404 when there is none. Returns the removed row (for the audit log). */
export async function removeOverride(db: Database, date: string): Promise<CalendarOverrideView> {
  return db.transaction(async (tx) => {
    await bumpRevision(tx);
    const row = await tx.one<OverrideRow>(
      `with gone as (delete from calendar_day where date = $1 returning *)
       select ${OVERRIDE_COLUMNS} from gone d join app_user u on u.id = d.created_by_id`, [date],
    );
    if (!row) {
      throw notFound(`Ngày ${viDate(date)} không có điều chỉnh nào do quản trị viên nhập`, `No calendar_day row for ${date}`, 'date');
    }
    return toView(row);
  });
}

/** Rows of one year (or all), by date. */
export async function listOverrides(db: Sql, year?: number): Promise<CalendarOverrideView[]> {
  const rows = await db.query<OverrideRow>(
    `select ${OVERRIDE_COLUMNS} from calendar_day d join app_user u on u.id = d.created_by_id
     where $1::int is null or d.date between make_date($1::int, 1, 1) and make_date($1::int, 12, 31)
     order by d.date`, [year ?? null],
  );
  return rows.map(toView);
}

/** Checks that need only the input: a Saturday worked is a Saturday; `weekday` restores a Monday–Friday. */
function checkWeekday({ date, kind }: CalendarOverrideRequest): void {
  const wd = isoWeekday(date);
  if (kind === 'saturday_worked' && wd !== 6) {
    throw new HttpError(400, 'NOT_A_SATURDAY',
      `Ngày ${viDate(date)} là ${WEEKDAY_VI[wd]}, không phải thứ Bảy: chỉ thứ Bảy mới có thể là ngày làm bù (saturday_worked)`,
      `saturday_worked on ${date}, which is ISO weekday ${wd}`, 'date');
  }
  if (kind === 'weekday' && wd > 5) {
    throw new HttpError(400, 'NOT_A_WEEKDAY',
      `Ngày ${viDate(date)} là ${WEEKDAY_VI[wd]}: loại "weekday" chỉ dùng để trả lại ngày làm việc cho một ngày từ thứ Hai đến thứ Sáu (làm việc ngày thứ Bảy: dùng "saturday_worked")`,
      `weekday on ${date}, which is ISO weekday ${wd}`, 'kind');
  }
}

/** Checks against the seeded and computed calendar (no admin row exists for the date at this point). */
function checkAgainstCalendar({ date, kind }: CalendarOverrideRequest, day: DayInfo): void {
  const what = describe(day);
  if (kind === 'holiday' || kind === 'compensatory_day_off' || kind === 'day_off') {
    if (!day.working) {
      throw new HttpError(409, 'ALREADY_DAY_OFF', `Ngày ${viDate(date)} đã là ngày nghỉ (${what}); không cần nhập thêm`,
        `${kind} on ${date}, already off (${day.kind})`, 'date');
    }
  } else if (day.working) {
    throw new HttpError(409, 'ALREADY_WORKING', `Ngày ${viDate(date)} đã là ngày làm việc (${what}); không cần nhập thêm`,
      `${kind} on ${date}, already working (${day.kind})`, 'date');
  } else if (kind === 'saturday_worked' && day.kind !== 'weekend') {
    throw new HttpError(409, 'DAY_IS_HOLIDAY', `Thứ Bảy ${viDate(date)} là ngày nghỉ lễ (${what}), không thể đặt làm ngày làm bù`,
      `saturday_worked on ${date}, which is a ${day.kind}`, 'date');
  }
}

function describe(day: DayInfo): string {
  if (day.kind === 'weekday') return 'ngày làm việc bình thường';
  if (day.kind === 'weekend') return `ngày nghỉ hằng tuần, ${WEEKDAY_VI[isoWeekday(day.date)]}`;
  const text = day.source ? `${day.name} — ${day.source}` : day.name ?? day.kind;
  return day.provisional ? `${text}; tính theo Bộ luật Lao động, chưa có thông báo chính thức` : text;
}

function duplicate(date: string, existing?: OverrideRow): HttpError {
  const which = existing ? `: "${existing.name}" (${existing.kind}, căn cứ ${existing.source}), do ${existing.fullName} nhập` : '';
  return new HttpError(409, 'CALENDAR_DAY_EXISTS',
    `Ngày ${viDate(date)} đã có điều chỉnh${which}. Muốn thay đổi, hãy xoá điều chỉnh cũ trước`,
    `calendar_day row for ${date} already exists`, 'date');
}
