import { DateTime, FixedOffsetZone } from 'luxon';

/** Vietnam's zone for anything calendar-aware. Intl may report it as Asia/Saigon: never compare zone names. */
export const ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnam has kept UTC+7 all year since 1975, so formatting can skip the IANA rule look-up (hot in lists). */
const VIETNAM_OFFSET = FixedOffsetZone.instance(7 * 60);

/** ISO-8601 with the +07:00 offset, the form every API response uses. */
export const toIso = (d: Date) => DateTime.fromJSDate(d, { zone: VIETNAM_OFFSET }).toISO({ suppressMilliseconds: true })!;
export const toIsoOrNull = (d: Date | null | undefined) => (d ? toIso(d) : null);
