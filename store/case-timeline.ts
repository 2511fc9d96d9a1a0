/**
 * A case's whole timeline, entry by entry: the workflow carries only its newest entries (a bounded
 * window), so the history of a case with years of notes is read from here. Each entry is written
 * once under its sequence number, so a retried write is the same item.
 *
 * Access pattern: pk CASE#<caseId>, sk EVENT#<seq, zero-padded> — in the order things happened.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from './client';
import type { TimelineEntry } from '../domain/case/state';
import type { Tables } from './table';

const sortKey = (seq: number) => `EVENT#${String(seq).padStart(10, '0')}`;

export async function saveTimelineEntries(tables: Tables, caseId: string, entries: readonly TimelineEntry[]): Promise<void> {
  const requests = entries.map((entry) => ({ PutRequest: { Item: { pk: `CASE#${caseId}`, sk: sortKey(entry.seq), _et: 'CaseEvent', ...entry } } }));
  await batchWriteAll(tables.table.getDocumentClient(), tables.table.getName(), requests);
}

/** The case's timeline in order; `audience` filters what a caller may read (R-REG-3). */
export async function readTimeline(tables: Tables, caseId: string): Promise<TimelineEntry[]> {
  const client = tables.table.getDocumentClient();
  const entries: TimelineEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tables.table.getName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':prefix': 'EVENT#' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const { pk: _pk, sk: _sk, _et, ...entry } = item;
      entries.push(entry as TimelineEntry);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return entries;
}
