/**
 * Calendar arithmetic on ISO date strings ('YYYY-MM-DD'), done in UTC so the result never
 * depends on the machine's time zone. Nothing here reads the clock: "today" is always passed in,
 * which keeps the functions safe inside Temporal's deterministic workflow sandbox.
 */
/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** An ISO 8601 instant with an offset, e.g. '2024-05-01T08:30:00Z' or '2024-05-01T10:30:00+02:00'. */
export type IsoInstant = string;
/** An ISO week, 'YYYY-Www', e.g. '2026-W05'. */
export type IsoWeekString = string;
export type IsoWeek = { year: number; week: number };

const DAY_MS = 86_400_000;
/** The written form of a date and of a week; the schemas in dates.schema.ts name a mismatch. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
// Date and time, seconds and fractions optional, offset required: an instant without an offset
// is a local time in an unknown zone, not an instant.
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An ISO 8601 instant with an offset, naming a real calendar day. */
export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && isValidIsoDate(value.slice(0, 10));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for 'YYYY-MM-DD' naming a real calendar day (so '2023-02-29' is false). Years 0001–9999. */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isValidIsoDate(date)) throw new RangeError(`not a real calendar date in the form YYYY-MM-DD: '${date}'`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format(year: number, month: number, day: number): IsoDate {
  if (year < 1 || year > 9999) throw new RangeError(`date out of range (years 0001–9999): year ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parts(date);
  return new Date(0).setUTCFullYear(year, month - 1, day) / DAY_MS;
}

function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * DAY_MS);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  requireInteger(days, 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar months; a day that does not exist in the target month clamps to its last day
 *  (2024-01-31 + 1 month = 2024-02-29), as a caseworker counts "one month later". */
export function addMonths(date: IsoDate, months: number): IsoDate {
  requireInteger(months, 'months');
  const { year, month, day } = parts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Days from `from` to `to`: positive when `to` is later (diffDays('2024-01-01', '2024-01-15') = 14). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Monday = 1 … Sunday = 7 (ISO 8601). */
export function isoDayOfWeek(date: IsoDate): number {
  // Epoch day 0 (1970-01-01) was a Thursday.
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Age in whole years on `onDate`. Someone born on 29 February becomes a year older on
 *  1 March in years without 29 February. */
export function ageOn(dateOfBirth: IsoDate, onDate: IsoDate): number {
  const born = parts(dateOfBirth);
  const on = parts(onDate);
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}

/** The ISO 8601 week (weeks start Monday; week 1 holds the year's first Thursday), so
 *  2021-01-03 is in 2020-W53 and 2024-12-30 is in 2025-W01. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const thursday = addDays(date, 4 - isoDayOfWeek(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(diffDays(format(year, 1, 1), thursday) / 7) + 1;
  return { year, week };
}

export function formatIsoWeek({ year, week }: IsoWeek): IsoWeekString {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** 'YYYY-Www' of a date, e.g. isoWeekString('2026-01-28') = '2026-W05'. */
export function isoWeekString(date: IsoDate): IsoWeekString {
  return formatIsoWeek(isoWeekOf(date));
}

/** 52 or 53: the week holding 28 December is always the year's last. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(format(year, 12, 28)).week;
}

/** The year and week of 'YYYY-Www', or undefined when it is not an existing ISO week. */
export function parseIsoWeek(value: string): IsoWeek | undefined {
  const match = ISO_WEEK.exec(value);
  if (!match) return undefined;
  const [year, week] = [Number(match[1]), Number(match[2])];
  return year >= 1 && week >= 1 && week <= isoWeeksInYear(year) ? { year, week } : undefined;
}

export function isValidIsoWeek(value: string): boolean {
  return parseIsoWeek(value) !== undefined;
}

function requireIsoWeek(isoWeek: IsoWeekString): IsoWeek {
  const parsed = parseIsoWeek(isoWeek);
  if (!parsed) throw new RangeError(`not an existing ISO week in the form YYYY-Www: '${isoWeek}'`);
  return parsed;
}

/**
 * The ISO week-numbering year of a week: isoWeekYear('2026-W01') = 2026, although that week's
 * Monday is 2025-12-29, and isoWeekYear('2020-W53') = 2020, although it ends 2021-01-03. A place in
 * a decided number (R-DIST-2) counts in this year — the year of the week's Thursday, the same year
 * isoWeekOf gives every day of the week (so isoWeekOf(mondayOfIsoWeek(w)).year === isoWeekYear(w)).
 */
export function isoWeekYear(isoWeek: IsoWeekString): number {
  return requireIsoWeek(isoWeek).year;
}

/** The Monday that starts an ISO week: mondayOfIsoWeek('2020-W53') = '2020-12-28',
 *  mondayOfIsoWeek('2026-W01') = '2025-12-29' (a Monday in the calendar year before the week's year). */
export function mondayOfIsoWeek(isoWeek: IsoWeekString): IsoDate {
  const { year, week } = requireIsoWeek(isoWeek);
  const january4 = format(year, 1, 4); // always in week 1 of its own week-numbering year
  return addDays(january4, 1 - isoDayOfWeek(january4) + (week - 1) * 7);
}

/** A date as a Norwegian reader writes it: formatNorwegianDate('2026-03-14') = '14.03.2026'. */
export function formatNorwegianDate(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${String(year).padStart(4, '0')}`;
}

/** The UTC calendar date of an instant. Not yet the Norwegian date: an instant between midnight
 *  and 01:00/02:00 Oslo time falls on the previous UTC day. Switch to Europe/Oslo here when a
 *  deadline needs the local date. */
export function instantToDate(isoInstant: IsoInstant): IsoDate {
  const match = ISO_INSTANT.exec(isoInstant);
  if (!match || !isValidIsoDate(match[1]!)) {
    throw new RangeError(`not an ISO 8601 instant with an offset (e.g. 2024-05-01T08:30:00Z): '${isoInstant}'`);
  }
  const d = new Date(isoInstant);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
