/** The case index: one summary row per case for lists and dashboards, never a scan of Temporal. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import type { Tables } from './table';

export type CaseSummary = {
  caseId: string;
  permitId: string;
  permitType: string;
  permitDate: string;
  stage: string;
  receptionCentreId: string;
  receptionCentreName: string;
  municipalityNumber?: string;
  priorityGroup: string;
  goalStatus: string;
  householdSize: number;
  openTasks: { id: string; title: string; rule: string; dueDate: string }[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

const caseKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'SUMMARY' });

/** Conditional put: only a newer version replaces what is stored, so a late retry never rolls a case back. */
export async function saveCaseSummary(tables: Tables, summary: CaseSummary): Promise<'written' | 'stale'> {
  const sortKey = `${summary.updatedAt}#${summary.caseId}`;
  try {
    await tables.caseSummary
      .build(PutItemCommand)
      .item({
        ...caseKey(summary.caseId),
        gsi1pk: `STAGE#${summary.stage}`,
        gsi1sk: sortKey,
        gsi2pk: 'KIND#case',
        gsi2sk: sortKey,
        ...summary,
      })
      .options({ condition: { or: [{ attr: 'version', exists: false }, { attr: 'version', lt: summary.version }] } })
      .send();
    return 'written';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'stale';
    throw error;
  }
}

export async function getCaseSummary(tables: Tables, caseId: string): Promise<CaseSummary | undefined> {
  const { Item } = await tables.caseSummary.build(GetItemCommand).key(caseKey(caseId)).send();
  return Item ? toSummary(Item) : undefined;
}

export type CasePage = { items: CaseSummary[]; nextCursor?: string };

/** Newest change first; by stage through its index, otherwise all cases. */
export async function listCases(tables: Tables, opts: { stage?: string; limit: number; cursor?: string }): Promise<CasePage> {
  const query = opts.stage
    ? { index: 'byStage' as const, partition: `STAGE#${opts.stage}` }
    : { index: 'byKind' as const, partition: 'KIND#case' };
  const { Items = [], LastEvaluatedKey } = await tables.table
    .build(QueryCommand)
    .entities(tables.caseSummary)
    .query(query)
    .options({ reverse: true, limit: opts.limit, exclusiveStartKey: decodeCursor(opts.cursor) })
    .send();
  return { items: Items.map(toSummary), nextCursor: LastEvaluatedKey ? encodeCursor(LastEvaluatedKey) : undefined };
}

function toSummary(item: Record<string, unknown>): CaseSummary {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, entity: _e, _et, _ct, _md, ...rest } = item as Record<string, unknown>;
  return rest as CaseSummary;
}

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export class InvalidCursorError extends Error {}

export function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && Object.values(parsed).every((v) => typeof v === 'string')) {
      return parsed as Record<string, string>;
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError('cursor is not one this API returned');
}
