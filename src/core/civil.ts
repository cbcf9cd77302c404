// Calendar dates as plain arithmetic on day numbers (days since 1970-01-01 on the proleptic
// Gregorian calendar), after Howard Hinnant's days_from_civil and civil_from_days: no Date object,
// no runtime call. Every date the library reads, writes or counts goes through here.

/**
 * The day number of a proleptic Gregorian date. The day may run past its month (31 April is
 * 1 May; day 0 is the last day of the month before); the month must be 1–12.
 *
 * @param year - the year (0 is 1 BC)
 * @param month - 1–12
 * @param day - the day of the month
 * @returns days since 1970-01-01
 * @example
 * daysFromCivil(1970, 1, 2); // => 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * The date of a day number, packed in one number (no array to allocate): `year * 512 + month * 32
 * + day`. Read it with {@link yearOf}, {@link monthOf} and {@link dayOf}. `NaN` for `NaN`.
 *
 * @param dayNumber - days since 1970-01-01 (a whole number)
 * @returns the packed date
 * @example
 * dayOf(civilFromDays(31)); // => 1 (1 February 1970)
 */
export function civilFromDays(dayNumber: number): number {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 512 + month * 32 + day;
}
/** The year of a date packed by {@link civilFromDays}. */
export const yearOf = (packed: number): number => Math.floor(packed / 512);
/** The month (1–12) of a date packed by {@link civilFromDays}. */
export const monthOf = (packed: number): number => Math.floor(packed / 32) & 15;
/** The day of the month of a date packed by {@link civilFromDays}. */
export const dayOf = (packed: number): number => packed & 31;

/**
 * The ISO-8601 UTC text of an instant, as `Date#toISOString` writes it, in plain arithmetic: about
 * a tenth of the cost of `toISOString` (which goes through the runtime, about a microsecond a call
 * on a loaded machine), so a hot path — a lifecycle's due instants, a tally's buckets — needs no
 * memo of the text it writes. Whole milliseconds of years 0000–9999 are written here; anything else
 * (a fraction, `NaN`, beyond the domain) goes to `Date` (same text, same `RangeError`). `toIso` in
 * core/time stays `toISOString` itself: smaller, for the bundles that format an instant now and then.
 *
 * @param ms - epoch milliseconds
 * @returns e.g. `"2026-11-23T09:00:00.000Z"`
 * @example
 * isoText(0); // => "1970-01-01T00:00:00.000Z"
 */
export function isoText(ms: number): string {
  // Years 0000–9999 UTC: MIN_INSTANT_MS and MAX_INSTANT_MS (core/time imports this module's callers).
  if (!(ms >= -62_167_219_200_000 && ms <= 253_402_300_799_999 && ms === Math.floor(ms))) {
    return new Date(ms).toISOString();
  }
  const dayNumber = Math.floor(ms / 86_400_000);
  let t = (ms - dayNumber * 86_400_000) | 0;
  const date = civilFromDays(dayNumber);
  const year = yearOf(date);
  const month = monthOf(date);
  const day = dayOf(date);
  const milli = t % 1000;
  t = (t - milli) / 1000;
  const second = t % 60;
  t = (t - second) / 60;
  const minute = t % 60;
  const hour = (t - minute) / 60;
  const century = (year / 100) | 0;
  const yy = year - century * 100;
  return String.fromCharCode(
    48 + ((century / 10) | 0),
    48 + (century % 10),
    48 + ((yy / 10) | 0),
    48 + (yy % 10),
    45,
    48 + ((month / 10) | 0),
    48 + (month % 10),
    45,
    48 + ((day / 10) | 0),
    48 + (day % 10),
    84,
    48 + ((hour / 10) | 0),
    48 + (hour % 10),
    58,
    48 + ((minute / 10) | 0),
    48 + (minute % 10),
    58,
    48 + ((second / 10) | 0),
    48 + (second % 10),
    46,
    48 + ((milli / 100) | 0),
    48 + (((milli / 10) | 0) % 10),
    48 + (milli % 10),
    90,
  );
}
