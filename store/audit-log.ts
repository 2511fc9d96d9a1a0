/** The audit log (R-PRIV-4): who read or changed which case, when, and with what outcome. Append-only. */
import { BatchPutRequest, BatchWriteCommand, executeBatchWrite, QueryCommand } from 'dynamodb-toolbox';
import crypto from 'node:crypto';
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
