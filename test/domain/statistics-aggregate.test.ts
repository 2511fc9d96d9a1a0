import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth } from '../../domain/dates';
import { goalClock } from '../../domain/deadlines';
import { percentile } from '../../domain/statistics';
import { statisticsOfRows } from '../fixtures/statistics';
import {
  contributionDelta,
  contributionOf,
  histogramPercentile,
  periodBuckets,
  statisticsFromCounters,
  sumCounters,
  type DayContribution,
  type StatisticsGroupBy,
  type StatisticsRow,
} from '../../domain/statistics-aggregate';

const BASE = '2024-01-01';

/** A row as the case index stores it: goalDate and goalRunning derived as store/case-index.ts does. */
function row(r: { permitDay: number; renewalDays?: number; settleAfter?: number; closed?: boolean; em: boolean; emByPriority: boolean; municipality?: string; centre: string }): StatisticsRow {
  const permitDate = addDays(BASE, r.permitDay);
  const goalStartsOn = r.renewalDays === undefined ? undefined : addDays(permitDate, r.renewalDays);
  const unaccompaniedMinor = r.emByPriority ? undefined : r.em;
  const priorityGroup = r.emByPriority && r.em ? 'unaccompanied_minor' : 'family_with_children';
  const settledAt = r.settleAfter === undefined ? undefined : `${addDays(goalStartsOn ?? permitDate, r.settleAfter)}T10:15:00.000Z`;
  return {
    permitDate,
    goalStartsOn,
    settledAt,
    unaccompaniedMinor,
    priorityGroup,
    municipalityNumber: r.municipality,
    receptionCentreId: r.centre,
    goalDate: goalClock(goalStartsOn ?? permitDate, unaccompaniedMinor ?? priorityGroup === 'unaccompanied_minor').goalDate,
    goalRunning: settledAt === undefined && !r.closed,
  };
}

const rowArb = fc
  .record({
    permitDay: fc.integer({ min: 0, max: 500 }),
    renewalDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    settleAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    closed: fc.boolean(),
    em: fc.boolean(),
    emByPriority: fc.boolean(),
    municipality: fc.option(fc.constantFrom('3405', '0301', '4601', 'a|b%7C'), { nil: undefined }),
    centre: fc.constantFrom('mottak-1', 'mottak-2', 'mottak|3'),
  })
  .map(row);

/** What api/routes/statistics.ts computed before aggregates: the rows of the period, through settlementStatistics. */
const fromRows = (rows: StatisticsRow[], from: string, to: string, yesterday: string, groupBy: StatisticsGroupBy) => statisticsOfRows(rows, { from, to, yesterday, groupBy });

/** The aggregate way: each row's contribution summed per day, then only the days of the period read. */
function fromCounters(contributions: DayContribution[], from: string, to: string, yesterday: string, groupBy: StatisticsGroupBy) {
  const lastGoal = to < yesterday ? to : yesterday;
  const inRange = (a: string, b: string) => sumCounters(contributions.filter((c) => c.day >= a && c.day <= b).map((c) => c.counters));
  return statisticsFromCounters(inRange(from, to), lastGoal < from ? {} : inRange(from, lastGoal), groupBy);
}

const periodArb = fc.record({
  fromDay: fc.integer({ min: 0, max: 900 }),
  length: fc.integer({ min: 0, max: 400 }),
  yesterdayDay: fc.integer({ min: 0, max: 1200 }),
  groupBy: fc.constantFrom<StatisticsGroupBy>('municipality', 'receptionCentre'),
});

describe('statistics from aggregates', () => {
  it('R-GOAL-1: nearest-rank percentile over a histogram equals percentile over the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 80 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        const histogram = new Map<number, number>();
        for (const v of values) histogram.set(v, (histogram.get(v) ?? 0) + 1);
        expect(histogramPercentile(histogram, p)).toBe(percentile(values, p));
      }),
    );
  });

  it('R-GOAL-1: generated rows give the same statistics row by row and from summed contributions, for any period and grouping', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 120 }), periodArb, (rows, period) => {
        const from = addDays(BASE, period.fromDay);
        const to = addDays(from, period.length);
        const yesterday = addDays(BASE, period.yesterdayDay);
        const contributions = rows.flatMap(contributionOf);
        expect(fromCounters(contributions, from, to, yesterday, period.groupBy)).toEqual(fromRows(rows, from, to, yesterday, period.groupBy));
      }),
      { numRuns: 300 },
    );
  });

  it('R-GOAL-1, R-ELIG-2: applying each version\'s delta over the old one leaves exactly the last version\'s contribution (a case that settles, moves or gets a new goal date moves its count)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(rowArb, { minLength: 1, maxLength: 5 }), { maxLength: 30 }), periodArb, (cases, period) => {
        const applied = cases.flatMap((versions) => versions.flatMap((version, i) => contributionDelta(versions[i - 1], version)));
        const last = cases.flatMap((versions) => contributionOf(versions[versions.length - 1]!));
        const from = addDays(BASE, period.fromDay);
        const to = addDays(from, period.length);
        const yesterday = addDays(BASE, period.yesterdayDay);
        expect(fromCounters(applied, from, to, yesterday, period.groupBy)).toEqual(fromRows(cases.map((v) => v[v.length - 1]!), from, to, yesterday, period.groupBy));
        expect(fromCounters(applied, from, to, yesterday, period.groupBy)).toEqual(fromCounters(last, from, to, yesterday, period.groupBy));
      }),
      { numRuns: 200 },
    );
  });

  it('R-GOAL-1: a settled row counts on its settlement day, a waiting one on its goal date, a closed one nowhere; an unchanged row changes nothing', () => {
    const settled = row({ permitDay: 0, settleAfter: 60, em: false, emByPriority: false, municipality: '3405', centre: 'mottak-1' });
    expect(contributionOf(settled)).toEqual([
      { day: '2024-03-01', counters: { 'm|3405|s': 1, 'm|3405|g': 1, 'm|3405|w|60': 1, 'r|mottak-1|s': 1, 'r|mottak-1|g': 1, 'r|mottak-1|w|60': 1 } },
    ]);
    const waiting = row({ permitDay: 0, em: true, emByPriority: true, centre: 'mottak-2' });
    expect(contributionOf(waiting)).toEqual([{ day: '2024-04-01', counters: { 'm|(none)|p': 1, 'r|mottak-2|p': 1 } }]);
    expect(contributionOf({ ...waiting, goalRunning: false })).toEqual([]);
    expect(contributionDelta(settled, settled)).toEqual([]);
    expect(contributionDelta(waiting, settled)).toEqual([
      { day: '2024-03-01', counters: contributionOf(settled)[0]!.counters },
      { day: '2024-04-01', counters: { 'm|(none)|p': -1, 'r|mottak-2|p': -1 } },
    ]);
  });
});

describe('periodBuckets', () => {
  /** Every day the buckets cover (months expanded to their days), sorted: a day covered twice shows twice. */
  function daysOf(buckets: ReturnType<typeof periodBuckets>): string[] {
    const out: string[] = [];
    const run = (a: string, b: string) => {
      for (let d = a; d <= b; d = addDays(d, 1)) out.push(d);
    };
    for (const r of buckets.days) run(r.from, r.to);
    if (buckets.months) {
      const { from, to } = buckets.months;
      run(`${from}-01`, `${to}-${String(daysInMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7)))).padStart(2, '0')}`);
    }
    return out.sort();
  }

  it('R-GOAL-1: a period is its whole months plus at most two runs of edge days, every day exactly once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 3 * 366 }), (start, length) => {
        const from = addDays(BASE, start);
        const to = addDays(from, length);
        const buckets = periodBuckets(from, to);
        const expected: string[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) expected.push(d);
        expect(daysOf(buckets)).toEqual(expected);
        expect(buckets.days.length).toBeLessThanOrEqual(2);
        // Each edge run stays inside one month: at most 30 day items each.
        for (const r of buckets.days) expect(r.from.slice(0, 7)).toBe(r.to.slice(0, 7));
      }),
      { numRuns: 500 },
    );
  });

  it('R-GOAL-1: a whole year is twelve months and no days; a day is a day; a month edge to edge is a month', () => {
    expect(periodBuckets('2025-01-01', '2025-12-31')).toEqual({ months: { from: '2025-01', to: '2025-12' }, days: [] });
    expect(periodBuckets('2025-03-05', '2025-03-05')).toEqual({ days: [{ from: '2025-03-05', to: '2025-03-05' }] });
    expect(periodBuckets('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02', to: '2024-02' }, days: [] });
    expect(periodBuckets('2024-02-10', '2024-04-03')).toEqual({
      months: { from: '2024-03', to: '2024-03' },
      days: [
        { from: '2024-02-10', to: '2024-02-29' },
        { from: '2024-04-01', to: '2024-04-03' },
      ],
    });
  });
});
