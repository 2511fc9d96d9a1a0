/**
 * R-GOAL-1 / issue 13 §4: the statistics counters kept by saveCaseSummary, on the embedded store,
 * give exactly what settlementStatistics gives over the rows (the way /v1/statistics computed them
 * before aggregates) — through new cases, settlements, moves, renewed goal dates, closings, stale
 * and retried writes — and start-up builds them from rows written before counters existed.
 * Every date is derived from today on this machine's clock (calendar fixture).
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import type { StatisticsGroupBy, StatisticsRow } from '../../domain/statistics-aggregate';
import { saveCaseSummary, type CaseSummary } from '../../store/case-index';
import { createDocumentClient, ensureTable } from '../../store/client';
import { ensureStatistics, readStatistics, rebuildStatistics } from '../../store/statistics';
import { createTables, type Tables } from '../../store/table';
import { writeTransaction } from '../../store/transaction';
import { calendarOn, dateOfInstant } from '../fixtures/calendar';
import { statisticsOfRowsOn } from '../fixtures/statistics';

const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
const cal = calendarOn(dateOfInstant(Date.now()));

async function freshTables(): Promise<Tables> {
  const tableName = `stats-${randomUUID()}`;
  await ensureTable(documentClient, tableName);
  return createTables(documentClient, tableName, { embedded: true });
}

function summary(caseId: string, version: number, overrides: Partial<CaseSummary> = {}): CaseSummary {
  const permitDate = overrides.permitDate ?? cal.day(-200);
  return {
    caseId,
    permitId: `P-${caseId}`,
    permitType: 'protection',
    permitDate,
    stage: 'distribution',
    receptionCentreId: 'mottak-a',
    receptionCentreName: 'Mottak A',
    priorityGroup: 'family_with_children',
    goalStatus: 'on_track',
    householdSize: 3,
    openTasks: [],
    createdAt: `${permitDate}T09:00:00.000Z`,
    updatedAt: `${cal.today}T10:00:0${version % 10}.000Z`,
    version,
    ...overrides,
  };
}

const settledOn = (day: string): Partial<CaseSummary> => ({ stage: 'settled', goalStatus: 'met', settledAt: `${day}T11:30:00.000Z` });

/** Every case row as stored, read raw (a row of an old version may lack what the entity requires). */
async function storedRows(tables: Tables): Promise<StatisticsRow[]> {
  const rows: StatisticsRow[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({ TableName: tables.table.getName(), IndexName: 'byKind', KeyConditionExpression: 'gsi2pk = :k', ExpressionAttributeValues: { ':k': 'KIND#case' }, ExclusiveStartKey }),
    );
    rows.push(...((page.Items ?? []) as StatisticsRow[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return rows;
}

/** Periods of every shape periodBuckets knows (whole months, edge days, one day, the future), on several "today"s. */
const periods = [
  { from: cal.month(-12), to: cal.today },
  { from: cal.day(-400), to: cal.day(400) },
  { from: cal.day(-45), to: cal.day(-3) },
  { from: cal.day(-3), to: cal.day(-3) },
  { from: cal.day(-17), to: cal.day(-17) },
  { from: cal.today, to: cal.month(7) },
];
const todays = [cal.today, cal.day(-100), cal.day(200)];
const groupings: StatisticsGroupBy[] = ['municipality', 'receptionCentre'];

async function expectCountersEqualRows(tables: Tables) {
  const rows = await storedRows(tables);
  for (const period of periods)
    for (const today of todays)
      for (const groupBy of groupings) {
        const query = { ...period, today, groupBy };
        expect(await readStatistics(tables, query), JSON.stringify(query)).toEqual(statisticsOfRowsOn(rows, query));
      }
}

const yearToDate = (tables: Tables, groupBy: StatisticsGroupBy = 'municipality') => readStatistics(tables, { from: cal.month(-12), to: cal.today, today: cal.today, groupBy });

describe('R-GOAL-1 statistics counters kept as rows are written', () => {
  it('R-GOAL-1, R-ELIG-2: counters equal settlementStatistics over the rows through every kind of change', async () => {
    const tables = await freshTables();
    const save = (s: CaseSummary) => saveCaseSummary(tables, s);

    // A new case whose goal date (~17 days ago) has passed: late.
    expect(await save(summary('c1', 1, { municipalityNumber: '3405' }))).toBe('written');
    expect((await yearToDate(tables)).total).toMatchObject({ settled: 0, waitingPastGoal: 1 });
    await expectCountersEqualRows(tables);
    // It settles: no longer late, settled after the goal date.
    expect(await save(summary('c1', 2, { municipalityNumber: '3405', ...settledOn(cal.day(-3)) }))).toBe('written');
    expect((await yearToDate(tables)).total).toMatchObject({ settled: 1, settledWithinGoal: 0, waitingPastGoal: 0 });

    // Moves municipality while waiting, settles in the new one, then the settled case moves again.
    await save(summary('c2', 1, { permitDate: cal.day(-60), municipalityNumber: '0301' }));
    await save(summary('c2', 2, { permitDate: cal.day(-60), municipalityNumber: '4601', receptionCentreId: 'mottak-b' }));
    await save(summary('c2', 3, { permitDate: cal.day(-60), municipalityNumber: '4601', receptionCentreId: 'mottak-b', ...settledOn(cal.day(-3)) }));
    await save(summary('c2', 4, { permitDate: cal.day(-60), municipalityNumber: '5001', receptionCentreId: 'mottak-b', ...settledOn(cal.day(-3)) }));
    await expectCountersEqualRows(tables);
    expect((await yearToDate(tables)).groups.map((g) => g.group)).toEqual(['3405', '5001']);

    // R-ELIG-2: a renewal restarts the goal clock; the goal date moves from the past to the future.
    await save(summary('c3', 1, { permitDate: cal.day(-250), municipalityNumber: '3405' }));
    const lateBefore = (await yearToDate(tables)).total.waitingPastGoal;
    await save(summary('c3', 2, { permitDate: cal.day(-250), goalStartsOn: cal.day(-30), municipalityNumber: '3405', stage: 'waiting_for_renewal' }));
    expect((await yearToDate(tables)).total.waitingPastGoal).toBe(lateBefore - 1);

    // Closed: the goal clock stops, the case counts nowhere.
    await save(summary('c4', 1, { permitDate: cal.day(-220), receptionCentreId: 'mottak-c' }));
    await save(summary('c4', 2, { permitDate: cal.day(-220), receptionCentreId: 'mottak-c', stage: 'closed', goalStatus: 'closed' }));
    expect((await yearToDate(tables, 'receptionCentre')).groups.map((g) => g.group)).not.toContain('mottak-c');

    // A stale version is skipped and changes no counter.
    await save(summary('c5', 1, { municipalityNumber: '1103' }));
    expect(await save(summary('c5', 3, { municipalityNumber: '1103', ...settledOn(cal.day(-10)) }))).toBe('written');
    expect(await save(summary('c5', 2, { municipalityNumber: '9999' }))).toBe('stale');

    // A retried identical write (the activity retried after its write landed) applies once.
    const minor = summary('c6', 1, { permitDate: cal.day(-50), priorityGroup: 'unaccompanied_minor', unaccompaniedMinor: true, municipalityNumber: '3405', ...settledOn(cal.day(-3)) });
    const settledBefore = (await yearToDate(tables)).total.settled;
    expect(await save(minor)).toBe('written');
    expect(await save(minor)).toBe('stale');
    expect((await yearToDate(tables)).total.settled).toBe(settledBefore + 1);

    // Versions of one case written at once, in any order: the counters follow the row that won.
    const versions = [1, 2, 3, 4, 5, 6].map((v) =>
      summary('c7', v, { permitDate: cal.day(-190 + v), municipalityNumber: v % 2 ? '3405' : '0301', ...(v >= 4 ? settledOn(cal.day(-v)) : {}) }),
    );
    const outcomes = await Promise.all([...versions].sort(() => Math.random() - 0.5).map(save));
    expect(outcomes).toContain('written');
    await expectCountersEqualRows(tables);
    // Many cases at once: the counter items they share add up.
    await Promise.all(Array.from({ length: 30 }, (_, k) => save(summary(`m${k}`, 1, { permitDate: cal.day(-150 - k * 3), municipalityNumber: '3405', ...(k % 3 ? settledOn(cal.day(-k)) : {}) }))));
    await expectCountersEqualRows(tables);
  });

  it('R-GOAL-1: start-up builds the counters from rows written before them, once; a rebuild gives the same counters', async () => {
    const tables = await freshTables();
    const TableName = tables.table.getName();
    for (let k = 0; k < 12; k++) {
      await saveCaseSummary(tables, summary(`old-${k}`, 1, { permitDate: cal.day(-120 - 10 * k), municipalityNumber: k % 2 ? '3405' : '4601', ...(k % 3 === 0 ? settledOn(cal.day(-k)) : {}) }));
    }
    // As the version before aggregates left the table: rows without counters (those above, their
    // counters removed), and one row from before the derived attributes (no goalDate, goalRunning).
    for (const { pk, sk } of await counterKeys(tables)) await documentClient.send(new DeleteCommand({ TableName, Key: { pk, sk } }));
    const written = `${cal.day(-2)}T12:00:00.000Z`;
    await documentClient.send(
      new PutCommand({
        TableName,
        Item: {
          pk: 'CASE#older', sk: 'SUMMARY', gsi2pk: 'KIND#case', gsi2sk: `${written}#older`, _et: 'CaseSummary',
          caseId: 'older', permitId: 'P-older', permitType: 'protection', permitDate: cal.day(-90), stage: 'settled', receptionCentreId: 'mottak-a',
          receptionCentreName: 'Mottak A', municipalityNumber: '3405', priorityGroup: 'none', goalStatus: 'met', householdSize: 1, openTasks: [],
          createdAt: written, updatedAt: written, version: 7, settledAt: written,
        },
      }),
    );
    expect((await yearToDate(tables)).total.settled).toBe(0);

    expect(await ensureStatistics(tables)).toMatchObject({ rows: 13 });
    expect((await yearToDate(tables)).total.settled).toBe(5);
    await expectCountersEqualRows(tables);
    // The marker: the next start-up builds nothing.
    expect(await ensureStatistics(tables)).toBeUndefined();

    // A rerun (e.g. after a crash before the marker) replaces, never adds, and removes counters no row gives.
    await documentClient.send(new PutCommand({ TableName, Item: { pk: 'STATS#DAY#m', sk: `${cal.day(-5)}#0000`, 'm|0000|s': 4, 'm|0000|w|3': 4 } }));
    const before = await counterKeys(tables);
    await rebuildStatistics(tables);
    expect(await counterKeys(tables)).toEqual(before.filter((k) => k.sk !== `${cal.day(-5)}#0000`));
    await expectCountersEqualRows(tables);

    // Rows written after the build keep the counters right.
    await saveCaseSummary(tables, summary('old-1', 2, { permitDate: cal.day(-130), municipalityNumber: '3405', ...settledOn(cal.day(-1)) }));
    await expectCountersEqualRows(tables);
  });

  it('the embedded store writes a transaction in order and refuses a condition after the first item', async () => {
    const tables = await freshTables();
    const TableName = tables.table.getName();
    const put = (sk: string, condition?: string) => ({ Put: { TableName, Item: { pk: 'T', sk }, ...(condition ? { ConditionExpression: condition } : {}) } });
    expect(await writeTransaction(tables, [put('a', 'attribute_not_exists(pk)'), put('b')])).toBe('written');
    // The first item's condition fails: nothing is written.
    expect(await writeTransaction(tables, [put('a', 'attribute_not_exists(pk)'), put('c')])).toBe('conflict');
    const { Items = [] } = await documentClient.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'T' } }));
    expect(Items.map((i) => i.sk)).toEqual(['a', 'b']);
    await expect(writeTransaction(tables, [put('d'), put('e', 'attribute_not_exists(pk)')])).rejects.toThrow(/only the first item may carry a condition/);
  });
});

async function counterKeys(tables: Tables): Promise<{ pk: string; sk: string }[]> {
  const keys: { pk: string; sk: string }[] = [];
  for (const pk of ['STATS#DAY#m', 'STATS#DAY#r', 'STATS#MONTH#m', 'STATS#MONTH#r']) {
    const { Items = [] } = await documentClient.send(new QueryCommand({ TableName: tables.table.getName(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': pk } }));
    keys.push(...Items.map((i) => ({ pk: i.pk as string, sk: i.sk as string })));
  }
  return keys;
}
