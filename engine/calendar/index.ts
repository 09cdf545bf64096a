/**
 * Vietnamese working time — public API of `engine/calendar`.
 *
 * Pure: no database, no HTTP. Zone: Asia/Ho_Chi_Minh (luxon).
 */
export { WorkingCalendar, type WorkingCalendarOptions, type WorkingTimeUnit } from './calendar.js';
export { type Appointment, type AppointmentAdjustment, type LimitUnit, type TimeLimit, computeAppointment } from './appointment.js';
export { type LunarDate, VIETNAM_TIME_ZONE, leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar, tetDate } from './lunar.js';
export { type StatutoryOptions, SOURCES as STATUTORY_SOURCES, hungKingsDay, nationalDayAdjacent, statutoryDays, tetDays } from './holidays.js';
export { OFFICIAL_YEARS } from './official-days.js';
export { DEFAULT_OFFICE_HOURS, type OfficeInterval } from './office-hours.js';
export type { AdminDay, CalendarDay, DayInfo, DayKind, ListedDayKind, OfficialNotice, OfficialYear } from './types.js';
export { kindIsWorking } from './types.js';
export { type CivilDate, type IsoWeekday, formatIsoDate, parseIsoDate } from './civil.js';
export { type DayInput, type Instant, ZONE } from './zone.js';
