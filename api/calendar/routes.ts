import { solarToLunar } from '../../engine/calendar/index.js';
import {
  CalendarDaysQuery, type CalendarDayView, CalendarOverrideRequest, CalendarOverridesQuery, IsoDate, type LunarDateView, LunarQuery,
} from '../contract/calendar.js';
import { createRouter } from '../http/router.js';
import type { Ctx } from '../http/state.js';
import { parse } from '../http/validate.js';
import { requireRole, requireUser } from '../auth/middleware.js';
import { addOverride, listOverrides, removeOverride } from './overrides.js';

/**
 * The working calendar: days as every deadline sees them (any officer), lunar dates, and the
 * administrators' rows for a year's official arrangements. A write is visible on this node as soon
 * as it answers, on the other nodes within the provider's refresh interval.
 */
export const calendarRoutes = createRouter();

calendarRoutes.get('/calendar/days', (ctx) => {
  requireUser(ctx);
  const { from, to } = parse(CalendarDaysQuery, ctx.query, 'query');
  ctx.body = ctx.services.calendar.get().days(from, to).map((d): CalendarDayView => ({
    date: d.date, working: d.working, kind: d.kind, name: d.name ?? null, source: d.source ?? null, provisional: d.provisional === true,
  }));
});

calendarRoutes.get('/calendar/lunar', (ctx) => {
  requireUser(ctx);
  const { date } = parse(LunarQuery, ctx.query, 'query');
  const { day, month, year, leap } = solarToLunar(date);
  ctx.body = { day, month, year, leap } satisfies LunarDateView;
});

calendarRoutes.get('/calendar/overrides', async (ctx) => {
  requireRole(ctx, 'admin');
  const { year } = parse(CalendarOverridesQuery, ctx.query, 'query');
  ctx.body = await listOverrides(ctx.services.db, year);
});

calendarRoutes.post('/calendar/days', async (ctx) => {
  const user = requireRole(ctx, 'admin');
  const input = parse(CalendarOverrideRequest, ctx.request.body);
  const row = await addOverride(ctx.services.db, user, input);
  ctx.log.info({ audit: 'calendar_day.added', by: user.username, row }, `calendar day ${row.date} added`);
  await refreshAfterWrite(ctx);
  ctx.status = 201;
  ctx.body = row;
});

calendarRoutes.delete('/calendar/days/:date', async (ctx) => {
  const user = requireRole(ctx, 'admin');
  const date = parse(IsoDate('ngày (date)'), ctx.params.date, 'date');
  const row = await removeOverride(ctx.services.db, date);
  ctx.log.info({ audit: 'calendar_day.deleted', by: user.username, row }, `calendar day ${date} deleted`);
  await refreshAfterWrite(ctx);
  ctx.status = 204;
});

/** The write is committed: a failed reload must not turn it into an error; the next poll retries. */
async function refreshAfterWrite(ctx: Ctx): Promise<void> {
  await ctx.services.calendar.refresh().catch((err: unknown) => ctx.log.warn({ err }, 'calendar refresh after a write failed; the poller will retry'));
}
