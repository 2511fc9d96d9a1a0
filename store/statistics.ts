/**
 * R-GOAL-1 statistics kept as counters, so a period costs the same at 150 000 cases as at 1 000.
 *
 * Every case row contributes counters to one day (domain/statistics-aggregate.ts). The table keeps
 * their sums per day and per month, one item per grouping dimension and group:
 *   pk STATS#DAY#<m|r>,   sk <YYYY-MM-DD>#<group>
 *   pk STATS#MONTH#<m|r>, sk <YYYY-MM>#<group>
 * with each counter a top-level number attribute changed only by `ADD`. One item per group keeps
 * an item small (a histogram of waiting days per group, not per country: DynamoDB refuses items over
 * 400 KB) and lets a grouping read only its own items. `saveCaseSummary` (store/case-index.ts) adds,
 * with every row it writes, the change of that row's contribution, in the same transaction.
 *
 * A period is read as its whole months plus the days at its edges (periodBuckets): ~12 month
 * queries' worth of items per group for a year, whatever the caseload.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, type IsoDate } from '../domain/dates';
import type { GroupStatistics } from '../domain/statistics';
import {
  contributionOf,
  dimensionOf,
  isCounterName,
  periodBuckets,
  statisticsFromCounters,
  sumCounters,
  type Counters,
  type DayContribution,
  type StatisticsGroupBy,
  type StatisticsRow,
} from '../domain/statistics-aggregate';
import { batchWriteAll } from './client';
import type { Tables } from './table';
import type { TransactItem } from './transaction';

/** Bumped when what a row contributes changes: start-up then rebuilds the counters from the rows. */
export const STATISTICS_FORMAT = 1;

const MARKER_KEY = { pk: 'STATS', sk: 'BUILT' };
const DIMENSIONS = ['m', 'r'] as const;
const PARTITIONS = DIMENSIONS.flatMap((d) => [`STATS#DAY#${d}`, `STATS#MONTH#${d}`]);

type CounterItem = { key: { pk: string; sk: string }; counters: Counters };

/** The day and month items, per group, that counters per day land in; changes that cancel out are left out. */
export function counterItems(contributions: Iterable<DayContribution>): CounterItem[] {
  const items = new Map<string, CounterItem>();
  for (const { day, counters } of contributions) {
    for (const [name, n] of Object.entries(counters)) {
      // Names are `<dimension>|<encoded group>|…`; the encoded group holds no `|`.
      const [dimension, group] = name.split('|');
      for (const key of [
        { pk: `STATS#DAY#${dimension}`, sk: `${day}#${group}` },
        { pk: `STATS#MONTH#${dimension}`, sk: `${day.slice(0, 7)}#${group}` },
      ]) {
        const id = `${key.pk} ${key.sk}`;
        let item = items.get(id);
        if (!item) items.set(id, (item = { key, counters: {} }));
        item.counters[name] = (item.counters[name] ?? 0) + n;
      }
    }
  }
  return [...items.values()]
    .map(({ key, counters }) => ({ key, counters: Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0)) }))
    .filter(({ counters }) => Object.keys(counters).length > 0);
}

/** One `ADD` per touched item: the writes a row's change of contribution adds to its transaction. */
export function counterUpdates(tables: Tables, contributions: DayContribution[]): TransactItem[] {
  return counterItems(contributions).map(({ key, counters }) => {
    const names = Object.keys(counters);
    return {
      Update: {
        TableName: tables.table.getName(),
        Key: key,
        UpdateExpression: `ADD ${names.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:c${i}`, counters[name]])),
      },
    };
  });
}

/**
 * R-GOAL-1: the figures of /v1/statistics for [from, to] from the counters, equal to
 * `settlementStatistics` over the rows: settled counters over the days settled in [from, to],
 * waiting-past-goal counters over goal dates in [from, min(to, yesterday)] (only a passed goal date is late).
 */
export async function readStatistics(
  tables: Tables,
  period: { from: IsoDate; to: IsoDate; today: IsoDate; groupBy: StatisticsGroupBy },
): Promise<{ total: GroupStatistics; groups: GroupStatistics[] }> {
  const { from, to, groupBy } = period;
  const dimension = dimensionOf(groupBy);
  const yesterday = addDays(period.today, -1);
  const lastGoal = to < yesterday ? to : yesterday;
  const settled = sumPeriod(tables, dimension, from, to);
  const pastGoal = lastGoal < from ? Promise.resolve({}) : lastGoal === to ? settled : sumPeriod(tables, dimension, from, lastGoal);
  return statisticsFromCounters(await settled, await pastGoal, groupBy);
}

async function sumPeriod(tables: Tables, dimension: string, from: IsoDate, to: IsoDate): Promise<Counters> {
  const { months, days } = periodBuckets(from, to);
  // `#` sorts before `~`: `<from>` … `<to>~` holds every group's item of those days or months.
  const ranges = [
    ...(months ? [{ pk: `STATS#MONTH#${dimension}`, from: months.from, to: `${months.to}~` }] : []),
    ...days.map((d) => ({ pk: `STATS#DAY#${dimension}`, from: d.from, to: `${d.to}~` })),
  ];
  const pages = await Promise.all(ranges.map((r) => queryItems(tables, r.pk, { between: [r.from, r.to] })));
  return sumCounters(pages.flat().map(countersOf));
}

function countersOf(item: Record<string, unknown>): Counters {
  return Object.fromEntries(Object.entries(item).filter(([name, n]) => isCounterName(name) && typeof n === 'number')) as Counters;
}

async function queryItems(tables: Tables, pk: string, range?: { between: [string, string] }, keysOnly = false): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await tables.table.getDocumentClient().send(
      new QueryCommand({
        TableName: tables.table.getName(),
        KeyConditionExpression: range ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(range ? { ':from': range.between[0], ':to': range.between[1] } : {}) },
        ...(keysOnly ? { ProjectionExpression: 'pk, sk' } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...Items);
    startKey = LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * The counters built from every case row, replacing whatever counters are stored, then the marker.
 * Idempotent (a rerun after a crash gives the same counters). Run while nothing writes rows: at
 * start-up, before the worker and the API (runtime/system.ts). Reads the rows through byKind, not a Scan.
 */
export async function rebuildStatistics(tables: Tables): Promise<{ rows: number; items: number }> {
  const client = tables.table.getDocumentClient();
  const TableName = tables.table.getName();
  const contributions: DayContribution[] = [];
  let rows = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    // Raw: rows of older versions may lack attributes the entity's schema requires.
    const { Items = [], LastEvaluatedKey } = await client.send(
      new QueryCommand({
        TableName,
        IndexName: 'byKind',
        KeyConditionExpression: 'gsi2pk = :kind',
        ExpressionAttributeValues: { ':kind': 'KIND#case' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of Items) contributions.push(...contributionOf(item as StatisticsRow));
    rows += Items.length;
    startKey = LastEvaluatedKey;
  } while (startKey);

  const computed = counterItems(contributions);
  const keep = new Set(computed.map(({ key }) => `${key.pk} ${key.sk}`));
  const stored = (await Promise.all(PARTITIONS.map((pk) => queryItems(tables, pk, undefined, true)))).flat();
  const requests = [
    ...computed.map(({ key, counters }) => ({ PutRequest: { Item: { ...key, ...counters } } })),
    ...stored.filter((item) => !keep.has(`${item.pk} ${item.sk}`)).map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
  ];
  await batchWriteAll(client, TableName, requests);
  await client.send(new PutCommand({ TableName, Item: { ...MARKER_KEY, format: STATISTICS_FORMAT, builtAt: new Date().toISOString(), rows } }));
  return { rows, items: computed.length };
}

/** Start-up: builds the counters from the rows unless the marker says they are built in this format. */
export async function ensureStatistics(tables: Tables): Promise<{ rows: number; items: number } | undefined> {
  const { Item } = await tables.table.getDocumentClient().send(new GetCommand({ TableName: tables.table.getName(), Key: MARKER_KEY, ConsistentRead: true }));
  if (Item?.format === STATISTICS_FORMAT) return undefined;
  return rebuildStatistics(tables);
}
