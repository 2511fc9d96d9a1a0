/**
 * R-GOAL-1 statistics from counters instead of rows, so a period costs the same at any caseload.
 *
 * Each case row *contributes* counters to the one day its figures belong to: the settlement day of a
 * settled household (settled, within the goal, a histogram of waiting days), or the goal date of a
 * household still waiting (waitingPastGoal). The store keeps the sum of all contributions per day and
 * per month (store/statistics.ts) and applies, with every newer version of a row, the difference
 * between the old row's contribution and the new one's — so a case that settles, moves to another
 * municipality or gets a new goal date (R-ELIG-2 renewal) moves its count. `statisticsFromCounters`
 * turns the sums back into exactly what `settlementStatistics` (domain/statistics.ts) gives on the rows.
 */
import { addDays, daysInMonth, diffDays, type IsoDate } from './dates';
import { settledWithinGoal, type GroupStatistics } from './statistics';

/** What of a case row the statistics read (store/case-index.ts CaseRow has all of it). */
export type StatisticsRow = {
  permitDate: IsoDate;
  /** R-ELIG-2: the goal clock starts at the first renewal for §38-5 families. */
  goalStartsOn?: IsoDate;
  settledAt?: string;
  unaccompaniedMinor?: boolean;
  priorityGroup: string;
  municipalityNumber?: string;
  receptionCentreId: string;
  /** Derived on write: the R-GOAL-1 goal date, and whether the clock still runs (not settled, closed or refused). */
  goalDate: IsoDate;
  goalRunning: boolean;
};

export type StatisticsGroupBy = 'municipality' | 'receptionCentre';

/** Counter name → count. Names are flat (`m|3405|w|123`) so DynamoDB can `ADD` each as a top-level attribute. */
export type Counters = Record<string, number>;

/** One row's counters on one day. */
export type DayContribution = { day: IsoDate; counters: Counters };

const DIMENSIONS: Record<StatisticsGroupBy, string> = { municipality: 'm', receptionCentre: 'r' };

/** The prefix of a grouping's counter names (`m` or `r`): the store keeps each grouping's counters apart. */
export const dimensionOf = (groupBy: StatisticsGroupBy): string => DIMENSIONS[groupBy];

/** A group name never contains the separator: `|` and `%` are percent-encoded. */
const encodeGroup = (group: string) => group.replace(/%/g, '%25').replace(/\|/g, '%7C');
const decodeGroup = (encoded: string) => encoded.replace(/%7C/g, '|').replace(/%25/g, '%');

function groupsOf(row: StatisticsRow): Record<StatisticsGroupBy, string> {
  return { municipality: row.municipalityNumber ?? '(none)', receptionCentre: row.receptionCentreId };
}

/**
 * R-GOAL-1: the counters a row adds. Settled (settledAt set): on its settlement day, per group
 * `s` (settled), `g` (within the goal) and `w|<days>` (waited that many days from permit or first
 * renewal). Still waiting (goal clock running): on its goal date, per group `p` — counted as
 * waitingPastGoal by a period that holds that date once it has passed. Closed or refused: nothing.
 */
export function contributionOf(row: StatisticsRow): DayContribution[] {
  const groups = groupsOf(row);
  const counters: Counters = {};
  if (row.settledAt) {
    const settledOn = row.settledAt.slice(0, 10);
    const permitDate = row.goalStartsOn ?? row.permitDate;
    const unaccompaniedMinor = row.unaccompaniedMinor ?? row.priorityGroup === 'unaccompanied_minor';
    const within = settledWithinGoal({ permitDate, settledOn, unaccompaniedMinor });
    const waited = diffDays(permitDate, settledOn);
    for (const by of Object.keys(DIMENSIONS) as StatisticsGroupBy[]) {
      const prefix = `${DIMENSIONS[by]}|${encodeGroup(groups[by])}|`;
      counters[`${prefix}s`] = 1;
      if (within) counters[`${prefix}g`] = 1;
      counters[`${prefix}w|${waited}`] = 1;
    }
    return [{ day: settledOn, counters }];
  }
  if (row.goalRunning) {
    for (const by of Object.keys(DIMENSIONS) as StatisticsGroupBy[]) counters[`${DIMENSIONS[by]}|${encodeGroup(groups[by])}|p`] = 1;
    return [{ day: row.goalDate, counters }];
  }
  return [];
}

/** What to add per day when a row changes from `before` (absent: a new case) to `after`; days with no change are left out. */
export function contributionDelta(before: StatisticsRow | undefined, after: StatisticsRow): DayContribution[] {
  const byDay = new Map<IsoDate, Counters>();
  const add = (contributions: DayContribution[], sign: 1 | -1) => {
    for (const { day, counters } of contributions) {
      const sum = byDay.get(day) ?? {};
      for (const [name, n] of Object.entries(counters)) sum[name] = (sum[name] ?? 0) + sign * n;
      byDay.set(day, sum);
    }
  };
  if (before) add(contributionOf(before), -1);
  add(contributionOf(after), 1);
  return [...byDay]
    .map(([day, counters]) => ({ day, counters: Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0)) }))
    .filter(({ counters }) => Object.keys(counters).length > 0)
    .sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Sums counters (e.g. every row's contribution, or the stored items of a period). */
export function sumCounters(all: Iterable<Counters>): Counters {
  const sum: Counters = {};
  for (const counters of all) for (const [name, n] of Object.entries(counters)) sum[name] = (sum[name] ?? 0) + n;
  return sum;
}

/** Is this attribute name one of the counters (and not a key or bookkeeping attribute of the item)? */
export function isCounterName(name: string): boolean {
  return /^[mr]\|/.test(name);
}

type Tally = { settled: number; within: number; waited: Map<number, number>; pastGoal: number };

/** Nearest-rank percentile over a histogram (days → count), as `percentile` over the values it counts. */
export function histogramPercentile(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const entries = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const count = entries.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * count));
  let seen = 0;
  for (const [days, n] of entries) {
    seen += n;
    if (seen >= rank) return days;
  }
  return entries[entries.length - 1]![0];
}

function toStatistics(group: string, t: Tally): GroupStatistics {
  return {
    group,
    settled: t.settled,
    settledWithinGoal: t.within,
    shareWithinGoal: t.settled === 0 ? null : t.within / t.settled,
    waitingDays: { median: histogramPercentile(t.waited, 50), p90: histogramPercentile(t.waited, 90) },
    waitingPastGoal: t.pastGoal,
  };
}

/**
 * R-GOAL-1: the endpoint's figures from summed counters — `settled` summed over the days settled in
 * the period, `pastGoal` over the goal dates in the period that have passed — per group (sorted, only
 * groups with a count) and over all (group `all`), equal to `settlementStatistics` on the rows.
 */
export function statisticsFromCounters(settled: Counters, pastGoal: Counters, groupBy: StatisticsGroupBy): { total: GroupStatistics; groups: GroupStatistics[] } {
  const dimension = DIMENSIONS[groupBy];
  const tallies = new Map<string, Tally>();
  const total: Tally = { settled: 0, within: 0, waited: new Map(), pastGoal: 0 };
  const tally = (group: string) => {
    let t = tallies.get(group);
    if (!t) tallies.set(group, (t = { settled: 0, within: 0, waited: new Map(), pastGoal: 0 }));
    return t;
  };
  const each = (counters: Counters, kinds: ReadonlySet<string>, apply: (t: Tally, kind: string, n: number, days?: number) => void) => {
    for (const [name, n] of Object.entries(counters)) {
      if (n === 0) continue;
      const [dim, group, kind, days] = name.split('|');
      if (dim !== dimension || group === undefined || kind === undefined || !kinds.has(kind)) continue;
      const waited = days === undefined ? undefined : Number(days);
      apply(tally(decodeGroup(group)), kind, n, waited);
      apply(total, kind, n, waited);
    }
  };
  const add = (t: Tally, kind: string, n: number, days?: number) => {
    if (kind === 's') t.settled += n;
    else if (kind === 'g') t.within += n;
    else if (kind === 'w') t.waited.set(days!, (t.waited.get(days!) ?? 0) + n);
    else if (kind === 'p') t.pastGoal += n;
  };
  each(settled, new Set(['s', 'g', 'w']), add);
  each(pastGoal, new Set(['p']), add);
  const groups = [...tallies]
    .filter(([, t]) => t.settled > 0 || t.pastGoal > 0)
    .map(([group]) => group)
    .sort();
  return { total: toStatistics('all', total), groups: groups.map((group) => toStatistics(group, tallies.get(group)!)) };
}

/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string;

/** Where a period's counters are read: whole months from month items, the rest from day items. */
export type PeriodBuckets = { months?: { from: IsoMonth; to: IsoMonth }; days: { from: IsoDate; to: IsoDate }[] };

const lastDayOfMonth = (date: IsoDate): IsoDate => `${date.slice(0, 7)}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}`;

/**
 * R-GOAL-1: the period [from, to] (inclusive, from <= to) as the whole months inside it plus at most
 * two runs of days at its edges, so a year costs ~12 month items and < 62 day items at any caseload.
 */
export function periodBuckets(from: IsoDate, to: IsoDate): PeriodBuckets {
  if (to < from) throw new RangeError(`period ends before it starts: ${from} – ${to}`);
  const days: PeriodBuckets['days'] = [];
  // The first whole month starts on `from` when it is a 1st, else after from's month.
  const head = from.endsWith('-01') ? undefined : { from, to: lastDayOfMonth(from) < to ? lastDayOfMonth(from) : to };
  const firstWhole = head ? addDays(head.to, 1) : from;
  if (head) days.push(head);
  if (firstWhole > to) return { days };
  const tail = lastDayOfMonth(to) === to ? undefined : { from: `${to.slice(0, 7)}-01` < firstWhole ? firstWhole : `${to.slice(0, 7)}-01`, to };
  const lastWhole = tail ? addDays(tail.from, -1) : to;
  const months = firstWhole <= lastWhole ? { from: firstWhole.slice(0, 7), to: lastWhole.slice(0, 7) } : undefined;
  if (tail) days.push(tail);
  return months ? { months, days } : { days };
}
