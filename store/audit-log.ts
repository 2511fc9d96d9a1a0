/**
 * The audit log (R-PRIV-4): who read or changed which case, when, and with what outcome. Append-only.
 *
 * Two shapes, so a read costs one write however many cases it returns:
 * - one case read or changed: one entry in the case's own trail, pk AUDIT#<caseId>, sk <at>#<id>;
 * - a list read (several cases in one answer): one entry for the request, pk AUDITREQ#<day>,
 *   sk <at>#<id>, naming every case it returned in `caseIds`. Who saw a case in a list is found by
 *   querying the day partitions of a bounded period with a `contains(caseIds, :caseId)` filter.
 */
import { BatchPutRequest, BatchWriteCommand, executeBatchWrite, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import crypto from 'node:crypto';
import { addDays, diffDays } from '../domain/dates';
import { encodeCursor, InvalidCursorError } from './case-index';
import type { Tables } from './table';

export type AuditEntry = {
  caseId: string;
  at: string;
  /** The person: the token's subject. */
  actor: string;
  role: string;
  organisation?: string;
  /** The action of the access policy, e.g. `case.read`, `case.interview`. */
  action: string;
  /** `ok`, `denied` (outside the caller's reach) or `refused` (the workflow said no). */
  outcome: string;
  detail?: string;
};

const BATCH = 25; // DynamoDB's BatchWriteItem limit

export async function recordAudit(tables: Tables, entries: AuditEntry[]): Promise<void> {
  const requests = entries.map((entry) =>
    tables.auditEvent.build(BatchPutRequest).item({ pk: `AUDIT#${entry.caseId}`, sk: `${entry.at}#${crypto.randomUUID()}`, ...entry }),
  );
  const batches: (typeof requests)[] = [];
  for (let i = 0; i < requests.length; i += BATCH) batches.push(requests.slice(i, i + BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      const { UnprocessedItems = {} } = await executeBatchWrite({ maxAttempts: 5 }, tables.table.build(BatchWriteCommand).requests(...batch));
      // An access that cannot be logged must not go unlogged silently: the caller's request fails.
      if (Object.keys(UnprocessedItems).length > 0) throw new Error('the audit log did not accept every entry');
    }),
  );
}

/** A case's audit trail, oldest first. */
export async function listAudit(tables: Tables, caseId: string, opts: { limit: number; cursor?: string }): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
  const { Items = [], LastEvaluatedKey } = await tables.table
    .build(QueryCommand)
    .entities(tables.auditEvent)
    .query({ partition: `AUDIT#${caseId}` })
    .options({ limit: opts.limit, exclusiveStartKey: decodeAuditCursor(caseId, opts.cursor) })
    .send();
  return {
    items: Items.map(({ pk: _pk, sk: _sk, ...entry }) => entry as AuditEntry),
    nextCursor: LastEvaluatedKey ? encodeCursor('primary', LastEvaluatedKey) : undefined,
  };
}

function decodeAuditCursor(caseId: string, cursor: string | undefined): Record<string, string> | undefined {
  if (!cursor) return undefined;
  try {
    const { i, k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (i === 'primary' && k?.pk === `AUDIT#${caseId}` && typeof k.sk === 'string' && Object.keys(k).length === 2) return k;
  } catch {
    // fall through
  }
  throw new InvalidCursorError('cursor is not one this API returned for this case');
}

/** One list read: the request, and the cases it returned (ids only). */
export type AuditRequestEntry = Omit<AuditEntry, 'caseId'> & { caseIds: string[] };

/** A list read as the trail of one case shows it: the request, and how many cases it returned with this one. */
export type ListReadEntry = Omit<AuditEntry, 'caseId'> & { cases: number };

/** The longest period one look-up of list reads spans: each day is one query (R-PRIV-4). */
export const LIST_READS_MAX_DAYS = 31;

/** Case ids per item: a case id is ~45 bytes, so ~90 KB, far under DynamoDB's 400 KB item limit. */
const IDS_PER_ITEM = 2000;

const requestPartition = (day: string) => `AUDITREQ#${day}`;

/**
 * Writes one list read as one item (R-PRIV-4). Only a request past IDS_PER_ITEM cases is split, each
 * part under the same requestId. Put, not batch: one item is the common case.
 */
export async function recordAuditRequest(tables: Tables, entry: AuditRequestEntry): Promise<void> {
  const caseIds = [...new Set(entry.caseIds)];
  const requestId = crypto.randomUUID();
  const day = entry.at.slice(0, 10);
  const parts: string[][] = [];
  for (let i = 0; i < caseIds.length; i += IDS_PER_ITEM) parts.push(caseIds.slice(i, i + IDS_PER_ITEM));
  await Promise.all(
    parts.map((ids, part) =>
      tables.auditRequest
        .build(PutItemCommand)
        .item({
          ...entry,
          pk: requestPartition(day),
          sk: `${entry.at}#${requestId}${part === 0 ? '' : `#${part}`}`,
          requestId,
          caseIds: ids,
          caseCount: caseIds.length,
        })
        .send(),
    ),
  );
}

export class InvalidPeriodError extends Error {}

/** The period a look-up of list reads spans, `from` ≤ `to`, at most LIST_READS_MAX_DAYS days. */
export function checkListReadsPeriod(from: string, to: string): void {
  const days = diffDays(from, to) + 1;
  if (days < 1) throw new InvalidPeriodError('`from` must not be after `to`.');
  if (days > LIST_READS_MAX_DAYS) throw new InvalidPeriodError(`The period may span at most ${LIST_READS_MAX_DAYS} days; this one spans ${days}.`);
}

/**
 * The list reads that returned a case, in the days `from`..`to` (UTC dates, at most 31 days),
 * oldest first: one query per day partition, filtered on `contains(caseIds, caseId)`. Reads every
 * list request of those days, so the cost grows with the period and the day's traffic, not with
 * the caseload. A page holds at most `limit` entries; `nextCursor` is the last one's key.
 */
export async function listReadsOfCase(
  tables: Tables,
  caseId: string,
  opts: { from: string; to: string; limit: number; cursor?: string },
): Promise<{ items: ListReadEntry[]; nextCursor?: string }> {
  checkListReadsPeriod(opts.from, opts.to);
  const start = decodeListReadsCursor(opts.cursor, opts.from, opts.to);
  const items: ListReadEntry[] = [];
  let last: { pk: string; sk: string } | undefined;
  for (let day = start?.day ?? opts.from; day <= opts.to; day = addDays(day, 1)) {
    let exclusiveStartKey: Record<string, string> | undefined = start?.day === day ? start.key : undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await tables.table
        .build(QueryCommand)
        .entities(tables.auditRequest)
        .query({ partition: requestPartition(day) })
        .options({ filters: { AuditRequest: { attr: 'caseIds', contains: caseId } }, exclusiveStartKey })
        .send();
      for (const { pk, sk, at, actor, role, organisation, action, outcome, detail, caseCount } of Items) {
        items.push({ at, actor, role, ...(organisation ? { organisation } : {}), action, outcome, ...(detail ? { detail } : {}), cases: caseCount });
        last = { pk, sk };
        if (items.length === opts.limit) return { items, nextCursor: encodeCursor('list-reads', last) };
      }
      exclusiveStartKey = LastEvaluatedKey as Record<string, string> | undefined;
    } while (exclusiveStartKey);
  }
  return { items };
}

function decodeListReadsCursor(cursor: string | undefined, from: string, to: string): { day: string; key: Record<string, string> } | undefined {
  if (!cursor) return undefined;
  try {
    const { i, k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const day = typeof k?.pk === 'string' ? /^AUDITREQ#(\d{4}-\d{2}-\d{2})$/.exec(k.pk)?.[1] : undefined;
    if (i === 'list-reads' && day && day >= from && day <= to && typeof k.sk === 'string' && Object.keys(k).length === 2) return { day, key: k };
  } catch {
    // fall through
  }
  throw new InvalidCursorError('cursor is not one this API returned for this period');
}
