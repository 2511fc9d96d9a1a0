/**
 * R-GOAL-1 counters: writeTransaction on DynamoDB (the embedded store cannot run this branch: dynalite
 * has no TransactWriteItems) — one TransactWriteItems for several items, a plain write for one, and
 * which cancellations mean "read again and retry". The serialized branch is tested on dynalite
 * (test/api/statistics-aggregates.test.ts).
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createTables } from '../../store/table';
import { writeTransaction } from '../../store/transaction';

function dynamodbTables(answer: (command: unknown) => unknown) {
  const sent: unknown[] = [];
  const client = { send: async (command: unknown) => (sent.push(command), answer(command)) } as unknown as DynamoDBDocumentClient;
  return { tables: createTables(client, 'bosetting', { embedded: false }), sent };
}

const put = (sk: string, ConditionExpression?: string) => ({ Put: { TableName: 'bosetting', Item: { pk: 'T', sk }, ConditionExpression } });
const add = (sk: string) => ({ Update: { TableName: 'bosetting', Key: { pk: 'S', sk }, UpdateExpression: 'ADD #c :c', ExpressionAttributeNames: { '#c': 'm|1|s' }, ExpressionAttributeValues: { ':c': 1 } } });
const cancelled = (...codes: string[]) => new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

describe('writeTransaction on DynamoDB', () => {
  it('R-GOAL-1: a row and its counter items go in one TransactWriteItems, in order; one item alone is a plain conditional write', async () => {
    const { tables, sent } = dynamodbTables(() => ({}));
    const items = [put('row', 'attribute_not_exists(pk)'), add('day'), add('month')];
    expect(await writeTransaction(tables, items)).toBe('written');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(TransactWriteCommand);
    expect((sent[0] as TransactWriteCommand).input.TransactItems).toEqual(items);

    expect(await writeTransaction(tables, [put('row', 'attribute_not_exists(pk)')])).toBe('written');
    expect(sent[1]).toBeInstanceOf(PutCommand);
  });

  it('R-GOAL-1: a failed condition or a concurrent transaction on a counter item is a conflict (read again); anything else is an error', async () => {
    const failing = (error: Error) => dynamodbTables(() => Promise.reject(error)).tables;
    const items = [put('row', 'attribute_not_exists(pk)'), add('day')];
    expect(await writeTransaction(failing(cancelled('ConditionalCheckFailed', 'None')), items)).toBe('conflict');
    expect(await writeTransaction(failing(cancelled('None', 'TransactionConflict')), items)).toBe('conflict');
    await expect(writeTransaction(failing(cancelled('None', 'ValidationError')), items)).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(await writeTransaction(failing(new ConditionalCheckFailedException({ message: 'no', $metadata: {} })), [items[0]!])).toBe('conflict');
  });

  it('refuses more items than DynamoDB takes in one transaction', async () => {
    const { tables } = dynamodbTables(() => ({}));
    await expect(writeTransaction(tables, Array.from({ length: 101 }, (_, i) => add(`d${i}`)))).rejects.toThrow(/at most 100/);
  });
});
