/**
 * The notification log: one item per message (keyed by its notificationId), updated by every
 * activity attempt — so a retry never duplicates a message, and `attempts` is the attempt number.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import { decodeCursor, encodeCursor } from './case-index';
import type { Tables } from './table';

export const notificationStatuses = ['pending', 'delivered', 'failed', 'manual'] as const;
/** pending: being delivered (or waiting for a retry); delivered: the channel accepted it; failed: given up — a
 *  task is raised on the case; manual: a caseworker sends it (no channel, or a letter to print and post). */
export type NotificationStatus = (typeof notificationStatuses)[number];

export type NotificationRecord = {
  notificationId: string;
  caseId: string;
  type: string;
  rule: string;
  /** `<kind>:<id>` of the recipient. */
  recipient: string;
  recipientKind?: string;
  recipientId?: string;
  recipientName?: string;
  /** webhook, email, letter or none. */
  channel: string;
  status: NotificationStatus;
  attempts: number;
  subject: string;
  body: string;
  /** The validated data as JSON: exactly what the type's schema let through (R-PRIV-3). */
  data?: string;
  lastError?: string;
  /** A PDF is stored with the case (store/letters.ts). */
  hasLetter?: boolean;
  createdAt: string;
  updatedAt?: string;
  deliveredAt?: string;
};

/** As stored: with the hash of the request, which tells a retry from a different message reusing the id. */
export type StoredNotification = NotificationRecord & { requestHash?: string };

const notificationKey = (caseId: string, notificationId: string) => ({ pk: `CASE#${caseId}`, sk: `NOTIFICATION#${notificationId}` });

export class NewerAttemptError extends Error {
  override name = 'NewerAttemptError';
}

/**
 * Writes the message's current state. Conditional on the attempt number, so a slow earlier attempt
 * (timed out, still running) never overwrites what a later attempt wrote; a message that failed
 * for good may be tried again by a new activity.
 */
export async function saveNotification(tables: Tables, record: StoredNotification): Promise<void> {
  try {
    await tables.notification
      .build(PutItemCommand)
      .item({
        ...notificationKey(record.caseId, record.notificationId),
        gsi2pk: `KIND#notification#${record.status}`,
        gsi2sk: `${record.createdAt}#${record.notificationId}`,
        ...record,
      })
      .options({ condition: { or: [{ attr: 'pk', exists: false }, { attr: 'attempts', lte: record.attempts }, { attr: 'status', eq: 'failed' }] } })
      .send();
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new NewerAttemptError(`notification ${record.notificationId}: a later attempt than ${record.attempts} has already written it`);
    }
    throw error;
  }
}

export async function getNotification(tables: Tables, caseId: string, notificationId: string): Promise<StoredNotification | undefined> {
  const { Item } = await tables.notification.build(GetItemCommand).key(notificationKey(caseId, notificationId)).send();
  return Item ? (strip(Item) as StoredNotification) : undefined;
}

/**
 * A case's messages in the order they were sent: by when the first attempt ran, then by the
 * number the case gave the message (`<caseId>:<n>:<type>`, so message 10 follows 9 — the sort key's
 * text order would put it after 1), then by id.
 */
export async function listCaseNotifications(tables: Tables, caseId: string): Promise<NotificationRecord[]> {
  const records: NotificationRecord[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await tables.table
      .build(QueryCommand)
      .entities(tables.notification)
      .query({ partition: `CASE#${caseId}`, range: { beginsWith: 'NOTIFICATION#' } })
      .options({ exclusiveStartKey: cursor })
      .send();
    records.push(...Items.map(toRecord));
    cursor = LastEvaluatedKey;
  } while (cursor);
  return records.sort(sentOrder);
}

function sentOrder(a: NotificationRecord, b: NotificationRecord): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || caseSequence(a) - caseSequence(b) || (a.notificationId < b.notificationId ? -1 : a.notificationId > b.notificationId ? 1 : 0);
}

/** The case's own number of a message, from its id `<caseId>:<n>:<type>`; 0 when it has none. */
function caseSequence(record: NotificationRecord): number {
  const rest = record.notificationId.startsWith(`${record.caseId}:`) ? record.notificationId.slice(record.caseId.length + 1) : '';
  const n = /^(\d+):/.exec(rest)?.[1];
  return n === undefined ? 0 : Number(n);
}

export type NotificationPage = { items: NotificationRecord[]; nextCursor?: string };

/** Messages with one status across all cases, oldest first — the caseworker's work list for "manual". */
export async function listNotificationsByStatus(tables: Tables, status: NotificationStatus, opts: { limit: number; cursor?: string }): Promise<NotificationPage> {
  const { Items = [], LastEvaluatedKey } = await tables.table
    .build(QueryCommand)
    .entities(tables.notification)
    .query({ index: 'byKind', partition: `KIND#notification#${status}` })
    .options({ limit: opts.limit, exclusiveStartKey: decodeCursor(opts.cursor, 'byKind') })
    .send();
  return { items: Items.map(toRecord), nextCursor: LastEvaluatedKey ? encodeCursor('byKind', LastEvaluatedKey) : undefined };
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi2pk: _a, gsi2sk: _b, entity: _e, _et, _ct, _md, ...rest } = item;
  return rest;
}

function toRecord(item: Record<string, unknown>): NotificationRecord {
  const { requestHash: _hash, ...record } = strip(item);
  return record as NotificationRecord;
}
