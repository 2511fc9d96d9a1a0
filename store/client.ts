import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableKeys } from './table';

export type DynamoSettings = { endpoint?: string; region: string };

export function createDocumentClient({ endpoint, region }: DynamoSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    endpoint,
    // The embedded store accepts any credentials; real AWS uses the default provider chain.
    ...(endpoint?.startsWith('http://127.0.0.1') ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** Creates the table with its indexes when it does not exist yet (start-up and tests). */
export async function ensureTable(documentClient: DynamoDBDocumentClient, tableName: string): Promise<void> {
  try {
    await documentClient.send(new DescribeTableCommand({ TableName: tableName }));
    return;
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
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await documentClient.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`DynamoDB table ${tableName} did not become ACTIVE`);
}
