import { DateTime } from 'luxon';

/** Vietnam's zone. Intl may report it as Asia/Saigon: never compare zone names. */
export const ZONE = 'Asia/Ho_Chi_Minh';

/** ISO-8601 with the +07:00 offset, the form every API response uses. */
export const toIso = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
export const toIsoOrNull = (d: Date | null | undefined) => (d ? toIso(d) : null);
