/** The notification log: every message with its recipient, rule and delivery status. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import type { Tables } from './table';

export type NotificationEntry = {
  notificationId: string;
  caseId: string;
  type: string;
  rule: string;
  /** `<kind>:<id>` of the recipient. */
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
};

export type NotificationRecord = NotificationEntry & { channel: string; status: string; attempts: number; lastError?: string };

export async function recordNotification(tables: Tables, request: NotificationEntry): Promise<void> {
  const status = 'manual'; // no channel configured yet: a caseworker sends it by hand
  try {
    await tables.notification
      .build(PutItemCommand)
      .item({
        pk: `CASE#${request.caseId}`,
        sk: `NOTIFICATION#${request.notificationId}`,
        gsi2pk: `KIND#notification#${status}`,
        gsi2sk: `${request.createdAt}#${request.notificationId}`,
        ...request,
        channel: 'none',
        status,
        attempts: 0,
      })
      .options({ condition: { attr: 'pk', exists: false } })
      .send();
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error; // already recorded by an earlier attempt
  }
}

export async function listCaseNotifications(tables: Tables, caseId: string): Promise<NotificationRecord[]> {
  const { Items = [] } = await tables.table
    .build(QueryCommand)
    .entities(tables.notification)
    .query({ partition: `CASE#${caseId}`, range: { beginsWith: 'NOTIFICATION#' } })
    .send();
  return Items.map(({ pk: _pk, sk: _sk, gsi2pk: _a, gsi2sk: _b, ...rest }) => rest as NotificationRecord);
}
