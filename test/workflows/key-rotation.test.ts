/**
 * Key rotation (privacy/payload-keys.ts): a case started while k1 is the newest key continues,
 * replays and reads in full after k2 becomes the newest — the worker restarted with [k1, k2], as a
 * deploy would — and from then on its new payloads are encrypted with k2. Real dev server.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { createDataConverter } from '../../privacy/data-converter';
import { KEY_ID_METADATA } from '../../privacy/payload-codec';
import { formatKey, generateKey, parseKeyRing } from '../../privacy/payload-keys';
import { createDocumentClient, ensureTable } from '../../store/client';
import { createTables, type Tables } from '../../store/table';
import { caseStateQuery } from '../../workflows/messages';
import { completeSettlementInfo, staff, startCase, step } from '../fixtures/cases';
import { calendarOn, dateOfInstant } from '../fixtures/calendar';
import { validInterview } from '../fixtures/interview';

const k1 = formatKey(generateKey('k1'));
const k2 = formatKey(generateKey('k2'));
const taskQueue = `rotation-${randomUUID()}`;
let connection: Connection;
let nativeConnection: NativeConnection;
let tables: Tables;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  connection = await Connection.connect({ address: inject('temporalAddress') });
  nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
  const tableName = `t-${randomUUID()}`;
  await ensureTable(documentClient, tableName);
  tables = createTables(documentClient, tableName, { embedded: true });
});
afterAll(async () => {
  await nativeConnection?.close();
  await connection?.close();
});

/** A deploy with this key list: a client and a worker that encrypt with its newest key. */
async function deploy(keys: string) {
  const dataConverter = createDataConverter(parseKeyRing(keys));
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: inject('namespace'),
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createActivities({ tables }),
    dataConverter,
    maxCachedWorkflows: 10,
  });
  const running = worker.run();
  const client = new Client({ connection, namespace: inject('namespace'), dataConverter });
  return {
    client,
    stop: async () => {
      worker.shutdown();
      await running;
    },
  };
}

/** The key ids of every payload in the stored history, in order. */
async function keyIdsInHistory(workflowId: string): Promise<string[]> {
  const raw = new Client({ connection, namespace: inject('namespace') });
  const history = await raw.workflow.getHandle(workflowId).fetchHistory();
  const ids: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const metadata = (node as { metadata?: Record<string, Uint8Array> }).metadata;
    const id = metadata?.[KEY_ID_METADATA];
    if (id) ids.push(Buffer.from(id).toString());
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(history.events);
  return ids;
}

describe('payload key rotation', () => {
  it('a case started under k1 continues and reads in full after k2 becomes the newest key', async () => {
    const before = await deploy(k1);
    const calendar = async () => calendarOn(dateOfInstant(Date.now()));
    const { handle, caseId, permit } = await startCase({ client: before.client, taskQueue, calendar });
    await step(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo());
    await before.stop();
    const underK1 = await keyIdsInHistory(caseId);
    expect(new Set(underK1)).toEqual(new Set(['k1']));

    // k2 is added as the newest; k1 stays, so what it encrypted stays readable.
    const after = await deploy(`${k1},${k2}`);
    try {
      const continued = after.client.workflow.getHandle(caseId);
      // The new worker has nothing cached: it replays the k1 history before it takes this step.
      const state = await step(continued, 'completeInterview', staff.mottak, validInterview(await calendar()));
      expect(state.stage).toBe('preparing');
      const read = await continued.query(caseStateQuery);
      expect(read.permit.persons.map((p) => p.dufNumber)).toEqual(permit.persons.map((p) => p.dufNumber));
      expect(read.settlementInfo.familyRelations).toBe(completeSettlementInfo().familyRelations);
      const ids = await keyIdsInHistory(caseId);
      expect(ids.slice(0, underK1.length)).toEqual(underK1);
      expect(ids.slice(underK1.length)).toContain('k2');
      expect(ids.slice(underK1.length)).not.toContain('k1');

      // A process that was never given k2 cannot read what k2 encrypted.
      const stale = new Client({ connection, namespace: inject('namespace'), dataConverter: createDataConverter(parseKeyRing(k1)) });
      await expect(stale.workflow.getHandle(caseId).query(caseStateQuery)).rejects.toThrow();
    } finally {
      await after.stop();
    }
  });
});
