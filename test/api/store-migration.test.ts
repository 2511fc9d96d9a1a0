/** A table from before this version's indexes: start-up adds them and re-indexes the cases (no Scan). */
import { addMonths } from '../../domain/dates';
import { calendarOn, dateOfInstant } from '../fixtures/calendar';
import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { listCases, reindexCases } from '../../store/case-index';
import { createDocumentClient, ensureTable } from '../../store/client';
import { createTables } from '../../store/table';

describe('store migration', () => {
  it('a table without this version’s indexes: added where the store can, else start-up stops naming the remedy', async () => {
    const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
    const tableName = `old-${randomUUID()}`;
    const gsi = (IndexName: string, n: number) => ({
      IndexName,
      KeySchema: [
        { AttributeName: `gsi${n}pk`, KeyType: 'HASH' as const },
        { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    });
    await documentClient.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [gsi('byStage', 1), gsi('byKind', 2)],
      }),
    );
    // DynamoDB adds the index; dynalite (the embedded store here) cannot, and says what to do.
    await expect(ensureTable(documentClient, tableName)).rejects.toThrowError(/lacks the index byCentre and this store cannot add one; .*delete its folder/);
  });

  it('case rows written before an index existed are re-indexed through byKind', async () => {
    const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
    const tableName = `old-rows-${randomUUID()}`;
    await ensureTable(documentClient, tableName);
    // A row as the previous version wrote it: no centre, due or goal keys. Dates relative to today.
    const cal = calendarOn(dateOfInstant(Date.now()));
    const permitDate = cal.day(-5);
    const written = `${permitDate}T10:00:00Z`;
    const dueDate = cal.day(9);
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: 'CASE#old-1', sk: 'SUMMARY', gsi1pk: 'STAGE#interview', gsi1sk: `${written}#old-1`, gsi2pk: 'KIND#case', gsi2sk: `${written}#old-1`,
          _et: 'CaseSummary', caseId: 'old-1', permitId: 'P-1', permitType: 'protection', permitDate, stage: 'interview',
          receptionCentreId: 'mottak-old', receptionCentreName: 'Old', priorityGroup: 'none', goalStatus: 'on_track', householdSize: 1,
          openTasks: [{ id: 'R-INT-2', title: 'Interview', rule: 'R-INT-2', dueDate }], createdAt: written, updatedAt: written, version: 3,
        },
      }),
    );
    const tables = createTables(documentClient, tableName, { embedded: true });
    expect(await reindexCases(tables)).toBe(1);
    const page = await listCases(tables, { receptionCentreId: 'mottak-old' }, { limit: 10, today: cal.today });
    expect(page.items).toEqual([expect.objectContaining({ caseId: 'old-1', version: 3, nextDueDate: dueDate, goalDate: addMonths(permitDate, 6), goalRunning: true })]);
    expect(await ensureTable(documentClient, tableName)).toEqual([]);
  });
});
