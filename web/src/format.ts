/** Dates and numbers in Norwegian (nb-NO). The API's dates are UTC calendar days (YYYY-MM-DD). */
const dateFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat('nb-NO', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });
const numberFormat = new Intl.NumberFormat('nb-NO');
const percentFormat = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });

function asUtcDate(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

export function formatDate(day: string | undefined): string {
  return day ? dateFormat.format(asUtcDate(day)) : '–';
}

export function formatShortDate(day: string | undefined): string {
  return day ? shortDateFormat.format(asUtcDate(day)) : '–';
}

export function formatTime(instant: string | undefined): string {
  return instant ? timeFormat.format(new Date(instant)) : '–';
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : numberFormat.format(n);
}

export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : percentFormat.format(share);
}

/** Today as a UTC calendar day, like the API's deadlines. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDaysUtc(day: string, days: number): string {
  const d = asUtcDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from today to `day` (negative: past). */
export function daysUntil(day: string, today = todayUtc()): number {
  return Math.round((asUtcDate(day).getTime() - asUtcDate(today).getTime()) / 86_400_000);
}

/** "om 3 dager", "i dag", "2 dager over fristen". */
export function daysLeftText(day: string, today = todayUtc()): string {
  const n = daysUntil(day, today);
  if (n === 0) return 'frist i dag';
  if (n === 1) return 'om 1 dag';
  if (n > 1) return `om ${n} dager`;
  return n === -1 ? '1 dag over fristen' : `${-n} dager over fristen`;
}

/** The ISO week (YYYY-Www) of a day: what an acceptance names as the expected settlement week. */
export function isoWeekOf(day: string): string {
  const d = asUtcDate(day);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
