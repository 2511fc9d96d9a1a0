import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { tableKeys } from './table';

export type DynamoSettings = { endpoint?: string; region: string };

export function createDocumentClient({ endpoint, region }: DynamoSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    endpoint,
    // Issue 11: a store that does not answer fails the call in seconds (then 503), not minutes.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
    // The embedded store accepts any credentials; real AWS uses the default provider chain.
    ...(endpoint?.startsWith('http://127.0.0.1') ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/**
 * Puts and deletes in batches of 25 (BatchWriteItem's limit); what DynamoDB leaves unprocessed
 * (throttling) is sent again after a growing pause.
 */
export async function batchWriteAll(documentClient: DynamoDBDocumentClient, tableName: string, requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let batch: WriteRequest[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; batch && batch.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt)));
      const answer: BatchWriteCommandOutput = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
      batch = answer.UnprocessedItems?.[tableName];
    }
  }
}

/**
 * Creates the table with its indexes when it does not exist yet (start-up and tests), and adds
 * indexes a newer version defines to an existing table. Returns the indexes it added.
 */
export async function ensureTable(documentClient: DynamoDBDocumentClient, tableName: string): Promise<string[]> {
  try {
    const { Table } = await documentClient.send(new DescribeTableCommand({ TableName: tableName }));
    return await addMissingIndexes(documentClient, tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName!)));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const { partitionKey, sortKey, indexes } = tableKeys;
  const attributeNames = [partitionKey.name, sortKey.name, ...Object.values(indexes).flatMap((i) => [i.partitionKey.name, i.sortKey.name])];
  try {
    await documentClient.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeNames.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: partitionKey.name, KeyType: 'HASH' },
          { AttributeName: sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.entries(indexes).map(([IndexName, index]) => ({
          IndexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (error) {
    // Two processes starting at once: the other one created it.
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
  await waitUntilActive(documentClient, tableName);
  return [];
}

/** DynamoDB creates one index per UpdateTable call; existing items land in it once they carry its keys. */
async function addMissingIndexes(documentClient: DynamoDBDocumentClient, tableName: string, existing: Set<string>): Promise<string[]> {
  const added: string[] = [];
  for (const [IndexName, index] of Object.entries(tableKeys.indexes)) {
    if (existing.has(IndexName)) continue;
    const create = (throughput: boolean) =>
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [index.partitionKey.name, index.sortKey.name].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName,
              KeySchema: [
                { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
                { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
              ...(throughput ? { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } } : {}),
            },
          },
        ],
      });
    try {
      await documentClient.send(create(false));
    } catch (error) {
      // dynalite predates on-demand indexes and insists on a throughput; DynamoDB refuses one on an on-demand table.
      if (!/provisionedThroughput/i.test((error as Error).message)) throw error;
      await documentClient.send(create(true));
    }
    await waitUntilActive(documentClient, tableName);
    const { Table } = await documentClient.send(new DescribeTableCommand({ TableName: tableName }));
    if (!(Table?.GlobalSecondaryIndexes ?? []).some((i) => i.IndexName === IndexName)) {
      // dynalite accepts the request and ignores it.
      throw new Error(
        `the table ${tableName} lacks the index ${IndexName} and this store cannot add one; ` +
          'with the embedded store, delete its folder (BOSETTING_DATA_DIR/dynamodb): the case index is rebuilt as cases change',
      );
    }
    added.push(IndexName);
  }
  return added;
}

async function waitUntilActive(documentClient: DynamoDBDocumentClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const { Table } = await documentClient.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE' && (Table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`DynamoDB table ${tableName} did not become ACTIVE`);
}
