/** The case index: one summary row per case for lists and dashboards, never a scan of Temporal. */
import { GetCommand, QueryCommand as RawQueryCommand } from '@aws-sdk/lib-dynamodb';
import { GetItemCommand, PutTransaction, QueryCommand, type Condition } from 'dynamodb-toolbox';
import { goalClock, goalStatus } from '../domain/deadlines';
import { contributionDelta } from '../domain/statistics-aggregate';
import { counterUpdates } from './statistics';
import { writeTransaction } from './transaction';
import type { CaseSummary as DomainCaseSummary } from '../domain/case/summary';
import { tableKeys, type Tables } from './table';

/** What the workflow writes at each change (domain/case/summary.ts); rows of older versions lack some fields. */
export type CaseSummary = Omit<DomainCaseSummary, 'hostMunicipalityNumber' | 'goalStartsOn' | 'unaccompaniedMinor' | 'openTasks'> &
  Partial<Pick<DomainCaseSummary, 'hostMunicipalityNumber' | 'goalStartsOn' | 'unaccompaniedMinor'>> & {
    openTasks: (Omit<DomainCaseSummary['openTasks'][number], 'party'> & { party?: string })[];
  };

/** A summary as read back: plus what the index derives from it on write. */
export type CaseRow = CaseSummary & { goalDate: string; atRiskDate: string; goalRunning: boolean; nextDueDate?: string };

/** Stages after which the goal clock no longer runs, and a case's persons may be in a new case (R-ELIG-5). */
export const FINISHED_STAGES: ReadonlySet<string> = new Set(['settled', 'closed', 'refused']);

type IndexName = keyof typeof tableKeys.indexes;

const caseKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'SUMMARY' });

/** Every index key and derived attribute of a summary (see the access patterns in table.ts). */
function derived(summary: CaseSummary) {
  const byUpdate = `${summary.updatedAt}#${summary.caseId}`;
  const unaccompaniedMinor = summary.unaccompaniedMinor ?? summary.priorityGroup === 'unaccompanied_minor';
  // R-GOAL-1: the clock starts at the first renewal for R-ELIG-2 families (goalStartsOn).
  const clock = goalClock(summary.goalStartsOn ?? summary.permitDate, unaccompaniedMinor);
  const nextDueDate = summary.openTasks.map((t) => t.dueDate).sort()[0];
  const goalRunning = summary.settledAt === undefined && !FINISHED_STAGES.has(summary.stage);
  return {
    gsi1pk: `STAGE#${summary.stage}`,
    gsi1sk: byUpdate,
    gsi2pk: 'KIND#case',
    gsi2sk: byUpdate,
    gsi3pk: `CENTRE#${summary.receptionCentreId}`,
    gsi3sk: byUpdate,
    ...(summary.municipalityNumber ? { gsi4pk: `MUNICIPALITY#${summary.municipalityNumber}`, gsi4sk: byUpdate } : {}),
    ...(nextDueDate ? { gsi5pk: 'DUE', gsi5sk: `${nextDueDate}#${summary.caseId}`, nextDueDate } : {}),
    ...(goalRunning ? { gsi6pk: 'GOAL#open', gsi6sk: `${clock.goalDate}#${summary.caseId}` } : {}),
    goalDate: clock.goalDate,
    atRiskDate: clock.atRiskDate,
    goalRunning,
  };
}

/** Read–write rounds before a write gives up (the activity's retry then starts again). */
const MAX_WRITE_ATTEMPTS = 10;

/**
 * Writes a newer version of a case's row, and in the same transaction the change it makes to the
 * R-GOAL-1 statistics counters (store/statistics.ts). Only a newer version replaces what is stored,
 * so a late retry never rolls a case back (and never counts twice): 'stale'. The write is
 * conditioned on the row it read; when another write came between, it reads again.
 */
export async function saveCaseSummary(tables: Tables, summary: CaseSummary): Promise<'written' | 'stale'> {
  for (let attempt = 1; ; attempt++) {
    const stored = await storedRow(tables, summary.caseId);
    if (stored?.version !== undefined && stored.version >= summary.version) return 'stale';
    if ((await writeRow(tables, stored, summary)) === 'written') return 'written';
    if (attempt === MAX_WRITE_ATTEMPTS) throw new Error(`case index: the row changed during ${MAX_WRITE_ATTEMPTS} attempts to write version ${summary.version}`);
    // Another transaction on a counter item (DynamoDB refuses, not waits): try again a little later.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
  }
}

async function storedRow(tables: Tables, caseId: string): Promise<CaseRow | undefined> {
  const { Item } = await tables.table
    .getDocumentClient()
    .send(new GetCommand({ TableName: tables.table.getName(), Key: caseKey(caseId), ConsistentRead: true }));
  return Item ? toRow(Item) : undefined;
}

/**
 * The row put only if it is still the one read (`stored`), plus an ADD on each counter item whose
 * sums the change moves; most changes move none, and are then one conditional put.
 */
async function writeRow(tables: Tables, stored: CaseRow | undefined, summary: CaseSummary): Promise<'written' | 'conflict'> {
  const row = { ...caseKey(summary.caseId), ...derived(summary), ...summary };
  const { ToolboxItem: _, ...put } = tables.caseSummary.build(PutTransaction).item(row).options({ condition: unchangedSince(stored) }).params();
  return writeTransaction(tables, [put, ...counterUpdates(tables, contributionDelta(stored, row))]);
}

/** The stored row's version and the derived attributes its contribution was counted from (a re-index changes those at the same version). */
function unchangedSince(stored: CaseRow | undefined): Condition<Tables['caseSummary']> {
  if (!stored) return { attr: 'version', exists: false };
  return {
    and: [
      stored.version === undefined ? { attr: 'version', exists: false } : { attr: 'version', eq: stored.version },
      stored.goalDate === undefined ? { attr: 'goalDate', exists: false } : { attr: 'goalDate', eq: stored.goalDate },
      stored.goalRunning === undefined ? { attr: 'goalRunning', exists: false } : { attr: 'goalRunning', eq: stored.goalRunning },
    ],
  };
}

export async function getCaseSummary(tables: Tables, caseId: string): Promise<CaseRow | undefined> {
  const { Item } = await tables.caseSummary.build(GetItemCommand).key(caseKey(caseId)).send();
  return Item ? toRow(Item) : undefined;
}

/**
 * Rows written before an index existed lack its keys: writes them again at the same version
 * (a newer concurrent write wins), with the change to the statistics counters should a derived
 * attribute have changed. Reads every case through byKind, not a Scan; start-up only.
 */
export async function reindexCases(tables: Tables): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    // Read raw: the entity's schema would refuse a row that lacks the attributes this adds.
    const { Items = [], LastEvaluatedKey } = await tables.table.getDocumentClient().send(
      new RawQueryCommand({
        TableName: tables.table.getName(),
        IndexName: 'byKind',
        KeyConditionExpression: 'gsi2pk = :kind',
        ExpressionAttributeValues: { ':kind': 'KIND#case' },
        ExclusiveStartKey: startKey,
        Limit: 200,
      }),
    );
    for (const item of Items) {
      const stored = toRow(item);
      // The same version again: only the derived attributes (and so maybe the counters) change.
      if ((await writeRow(tables, stored, stripDerived(stored))) === 'written') count += 1;
    }
    startKey = LastEvaluatedKey;
  } while (startKey);
  return count;
}

export type CaseFilters = {
  stage?: string;
  receptionCentreId?: string;
  municipalityNumber?: string;
  /** R-DIST-3: the municipality with a pending offer (a pending offer exists only in the stage `distribution`). */
  offeredToMunicipalityNumber?: string;
  priorityGroup?: string;
  /** R-GOAL-1, on `today`: at risk (from 5 months, EM 2) or late (past the goal), not yet settled. */
  goal?: 'at_risk' | 'late';
  /** Cases with an open task whose due date has passed. */
  overdue?: boolean;
};

export type CasePage = { items: CaseRow[]; nextCursor?: string };

type Plan = { index: IndexName; partition: string; range?: { lt: string } | { gte: string } | { between: [string, string] }; reverse: boolean };

/**
 * One page of cases matching every filter. The most selective index serves the key condition
 * (municipality, centre, goal, overdue, stage, or all cases); every filter is also a
 * FilterExpression, so a page may hold fewer than `limit` rows while `nextCursor` is set.
 */
export async function listCases(tables: Tables, filters: CaseFilters, opts: { limit: number; cursor?: string; today: string }): Promise<CasePage> {
  const { today } = opts;
  const plan: Plan = filters.municipalityNumber
    ? { index: 'byMunicipality', partition: `MUNICIPALITY#${filters.municipalityNumber}`, reverse: true }
    : filters.receptionCentreId
      ? { index: 'byCentre', partition: `CENTRE#${filters.receptionCentreId}`, reverse: true }
      : filters.goal === 'late'
        ? { index: 'byGoal', partition: 'GOAL#open', range: { lt: today }, reverse: false }
        : filters.goal === 'at_risk'
          ? { index: 'byGoal', partition: 'GOAL#open', range: { gte: today }, reverse: false }
          : filters.overdue
            ? { index: 'byDue', partition: 'DUE', range: { lt: today }, reverse: false }
            : filters.stage
              ? { index: 'byStage', partition: `STAGE#${filters.stage}`, reverse: true }
              : filters.offeredToMunicipalityNumber
                ? { index: 'byStage', partition: 'STAGE#distribution', reverse: true }
                : { index: 'byKind', partition: 'KIND#case', reverse: true };

  const conditions: Condition<Tables['caseSummary']>[] = [];
  if (filters.stage) conditions.push({ attr: 'stage', eq: filters.stage });
  if (filters.receptionCentreId) conditions.push({ attr: 'receptionCentreId', eq: filters.receptionCentreId });
  if (filters.municipalityNumber) conditions.push({ attr: 'municipalityNumber', eq: filters.municipalityNumber });
  if (filters.offeredToMunicipalityNumber) conditions.push({ attr: 'offeredToMunicipalityNumber', eq: filters.offeredToMunicipalityNumber });
  if (filters.priorityGroup) conditions.push({ attr: 'priorityGroup', eq: filters.priorityGroup });
  if (filters.goal === 'late') conditions.push({ attr: 'goalRunning', eq: true }, { attr: 'goalDate', lt: today });
  if (filters.goal === 'at_risk') conditions.push({ attr: 'goalRunning', eq: true }, { attr: 'goalDate', gte: today }, { attr: 'atRiskDate', lte: today });
  if (filters.overdue) conditions.push({ attr: 'nextDueDate', lt: today });
  return queryPages(tables, plan, conditions, opts.limit, opts.cursor);
}

/**
 * Cases with an open task due before `before` (exclusive), earliest first: the deadlines dashboard.
 * A municipality's cases are those it accepted, those whose host it is (R-HOST-1, R-HOST-2), or either.
 */
export async function listCasesDueBefore(
  tables: Tables,
  before: string,
  restriction: { receptionCentreId?: string; municipality?: { municipalityNumber: string; settling: boolean; host: boolean } },
  opts: { limit: number; cursor?: string },
): Promise<CasePage> {
  const conditions: Condition<Tables['caseSummary']>[] = [];
  if (restriction.receptionCentreId) conditions.push({ attr: 'receptionCentreId', eq: restriction.receptionCentreId });
  if (restriction.municipality) {
    const { municipalityNumber, settling, host } = restriction.municipality;
    const either: Condition<Tables['caseSummary']>[] = [];
    if (settling) either.push({ attr: 'municipalityNumber', eq: municipalityNumber });
    if (host) either.push({ attr: 'hostMunicipalityNumber', eq: municipalityNumber });
    // Neither: a restriction that matches no case (never every case).
    conditions.push(either.length === 0 ? { attr: 'caseId', eq: '\u0000none' } : either.length === 1 ? either[0]! : { or: either });
  }
  return queryPages(tables, { index: 'byDue', partition: 'DUE', range: { lt: before }, reverse: false }, conditions, opts.limit, opts.cursor);
}

/** R-GOAL-1 today for a case still waiting; the stored status of a finished one. */
export function currentGoalStatus(row: CaseRow, today: string): string {
  if (!row.goalRunning) return row.goalStatus;
  return goalStatus(row, today);
}

async function queryPages(tables: Tables, plan: Plan, conditions: Condition<Tables['caseSummary']>[], limit: number, cursor?: string): Promise<CasePage> {
  let startKey: Record<string, unknown> | undefined = decodeCursor(cursor, plan.index);
  const items: CaseRow[] = [];
  // Limit counts rows read before the filter: read on until the page is full, a bounded number of times.
  for (let round = 0; round < 10 && items.length < limit; round++) {
    const page = await queryOnce(tables, plan, conditions, limit - items.length, startKey, cursor !== undefined);
    items.push(...page.items);
    startKey = page.lastKey;
    if (!startKey) break;
  }
  return { items, nextCursor: startKey ? encodeCursor(plan.index, startKey) : undefined };
}

async function queryOnce(
  tables: Tables,
  plan: Plan,
  conditions: Condition<Tables['caseSummary']>[],
  limit: number,
  startKey: Record<string, unknown> | undefined,
  fromCursor: boolean,
): Promise<{ items: CaseRow[]; lastKey?: Record<string, unknown> }> {
  const filter = conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0]! : { and: conditions };
  try {
    const { Items = [], LastEvaluatedKey } = await tables.table
      .build(QueryCommand)
      .entities(tables.caseSummary)
      .query({ index: plan.index, partition: plan.partition, ...(plan.range ? { range: plan.range } : {}) } as { index: 'byKind'; partition: string })
      .options({ reverse: plan.reverse, limit, exclusiveStartKey: startKey, ...(filter ? { filters: { CaseSummary: filter } } : {}) })
      .send();
    return { items: Items.map(toRow), lastKey: LastEvaluatedKey };
  } catch (error) {
    // A cursor that names a key outside this query's partition is the caller's mistake.
    if (fromCursor && (error as Error).name === 'ValidationException') throw new InvalidCursorError('cursor does not belong to this query');
    throw error;
  }
}

const INTERNAL = /^(pk|sk|gsi\d+pk|gsi\d+sk|entity|_et|_ct|_md)$/;

function toRow(item: Record<string, unknown>): CaseRow {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !INTERNAL.test(key))) as CaseRow;
}

function stripDerived(row: CaseRow): CaseSummary {
  const { goalDate: _g, atRiskDate: _a, goalRunning: _r, nextDueDate: _n, ...summary } = row;
  return summary;
}

export class InvalidCursorError extends Error {}

/** A cursor names the index it pages through, so a cursor from another filter is refused, not misread. */
export function encodeCursor(index: string, key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ i: index, k: key })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, index: string): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not one this API returned');
  }
  const { i, k } = (parsed ?? {}) as { i?: unknown; k?: unknown };
  if (i !== index) throw new InvalidCursorError('cursor belongs to a list with other filters; start again without it');
  const keys = expectedKeyNames(index);
  if (k && typeof k === 'object' && Object.keys(k).sort().join() === keys.sort().join() && Object.values(k).every((v) => typeof v === 'string')) {
    return k as Record<string, string>;
  }
  throw new InvalidCursorError('cursor is not one this API returned');
}

function expectedKeyNames(index: string): string[] {
  const keys = tableKeys.indexes[index as IndexName];
  return keys ? ['pk', 'sk', keys.partitionKey.name, keys.sortKey.name] : [];
}
