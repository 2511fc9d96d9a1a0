/**
 * Several items written as one: a case row and the statistics counters it moves (store/statistics.ts).
 *
 * Two implementations behind one function, chosen by the store (`tables.transactions`, set where the
 * store is wired in: runtime/system.ts):
 * - DynamoDB: one TransactWriteItems — all or nothing, across processes.
 * - dynalite (the embedded store) has no TransactWriteItems, so the same items are written one after
 *   the other under an in-process lock. Only the first item may carry a condition: it is written
 *   first, and when it fails nothing else is. What the lock cannot give is atomicity against a crash
 *   between the writes (the counters then miss one change); that is the embedded store's limit, and a
 *   single process is what it serves.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Tables } from './table';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit of items in one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * Writes the items together. 'conflict': a condition failed or (DynamoDB) another transaction touched
 * one of the items at the same time — nothing was written; the caller reads again and retries.
 */
export async function writeTransaction(tables: Tables, items: TransactItem[]): Promise<'written' | 'conflict'> {
  if (items.length === 0) return 'written';
  if (items.length > MAX_TRANSACTION_ITEMS) throw new RangeError(`a transaction holds at most ${MAX_TRANSACTION_ITEMS} items, got ${items.length}`);
  // One item is atomic by itself: a plain (conditional) write, at half a transaction's cost.
  if (items.length === 1) return singleWrite(tables, items[0]!);
  return tables.transactions === 'dynamodb' ? transactWrite(tables, items) : serializedWrite(tables, items);
}

async function singleWrite(tables: Tables, item: TransactItem): Promise<'written' | 'conflict'> {
  try {
    await send(tables, item);
    return 'written';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'conflict';
    throw error;
  }
}

async function transactWrite(tables: Tables, items: TransactItem[]): Promise<'written' | 'conflict'> {
  try {
    await tables.table.getDocumentClient().send(new TransactWriteCommand({ TransactItems: items }));
    return 'written';
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
      if (codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) return 'conflict';
    }
    throw error;
  }
}

async function serializedWrite(tables: Tables, items: TransactItem[]): Promise<'written' | 'conflict'> {
  if (items.slice(1).some((item) => conditionOf(item) !== undefined)) {
    throw new Error('in the serialized form only the first item may carry a condition (a later one failing would leave the earlier ones written)');
  }
  return tables.serialize(async () => {
    const [first, ...rest] = items;
    if ((await singleWrite(tables, first!)) === 'conflict') return 'conflict';
    // Unconditional (checked above) and on distinct items: their order does not matter.
    await Promise.all(rest.map((item) => send(tables, item)));
    return 'written';
  });
}

function conditionOf(item: TransactItem): string | undefined {
  return item.Put?.ConditionExpression ?? item.Update?.ConditionExpression ?? item.Delete?.ConditionExpression ?? item.ConditionCheck?.ConditionExpression;
}

async function send(tables: Tables, item: TransactItem): Promise<void> {
  const client = tables.table.getDocumentClient();
  if (item.Put) await client.send(new PutCommand(item.Put));
  else if (item.Update) await client.send(new UpdateCommand(item.Update));
  else if (item.Delete) await client.send(new DeleteCommand(item.Delete));
  else throw new Error('a ConditionCheck has no single-item form; only Put, Update and Delete are written one by one');
}
