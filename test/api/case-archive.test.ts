/**
 * The archive (issue 14, store/archive.ts): a case that closed reads back through the API, unchanged,
 * after its workflow has left Temporal — here deleted from the dev server, as a namespace's
 * retention would. Its archive row is encrypted like Temporal's payloads: no name, DUF number or
 * birth date in it.
 */
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createApp } from '../../api/app';
import { secretVerifier } from '../../api/auth';
import { createLogger } from '../../logging/logger';
import { createDocumentClient } from '../../store/client';
import { createTables } from '../../store/table';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../temporal.config';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { personalIdentifiers } from '../fixtures/identities';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually, tokenFor, type Caller } from '../harness/api';
import { testDataConverter } from '../harness/codec';

let client: Client;
beforeAll(async () => {
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }), namespace: inject('namespace'), dataConverter: testDataConverter() });
});
afterAll(() => client.connection.close());

const readers: [string, Caller][] = [
  ['supervisor', callers.supervisor],
  ['imdi', callers.imdi],
  ['udi', callers.udi],
  ['mottak', callers.mottak],
];

/** Every read of the case the API answers, by each reader. */
async function reads(caseId: string) {
  const out: Record<string, unknown> = {};
  for (const [name, caller] of readers) {
    for (const path of [`/v1/cases/${caseId}`, `/v1/cases/${caseId}/history`, `/v1/cases/${caseId}/steps`]) {
      const response = await call(caller, 'GET', path);
      out[`${name} ${path}`] = { status: response.status, body: response.body };
    }
  }
  return out;
}

const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });

async function archiveItems(caseId: string) {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({ TableName: inject('tableName'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ARCHIVE#${caseId}` }, ConsistentRead: true }),
  );
  return Items;
}

async function rawArchive(caseId: string): Promise<string> {
  return (await archiveItems(caseId)).map((item) => JSON.stringify({ ...item, data: Buffer.from(item.data as Uint8Array).toString('latin1') })).join('\n');
}

/** A closed case through the API: R-MOVE-5, leaving Norway before an agreement closes it. */
async function closedCase() {
  const cal = await apiCalendar();
  const permit = uniqueFamilyPermitBody(cal) as { persons: { givenName: string; familyName: string; dufNumber: string; dateOfBirth: string }[] };
  const created = await call(callers.udi, 'POST', '/v1/permits', permit);
  expect(created.status, created.text).toBe(201);
  const { caseId } = created.body as { caseId: string };
  const left = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/departure`, { date: cal.today, reason: 'left_norway' });
  expect(left.status, left.text).toBe(200);
  const handle = client.workflow.getHandle(caseId);
  await handle.result();
  return { caseId, permit, handle };
}

/**
 * The API in this process, on the system's store and Temporal, with a client that counts the
 * workflow queries it makes: how a read is served is seen, not guessed from its timing.
 */
function countingApp(temporalUiUrl: string) {
  const queried: string[] = [];
  const getHandle = client.workflow.getHandle.bind(client.workflow);
  vi.spyOn(client.workflow, 'getHandle').mockImplementation(((workflowId: string, ...rest: []) => {
    const handle = getHandle(workflowId, ...rest);
    return new Proxy(handle, {
      get: (target, key, receiver) =>
        key === 'query' ? (...args: Parameters<WorkflowHandle['query']>) => (queried.push(workflowId), target.query(...args)) : Reflect.get(target, key, receiver),
    });
  }) as typeof client.workflow.getHandle);
  const app = createApp({
    temporal: client,
    tables: createTables(documentClient, inject('tableName'), { embedded: true }),
    taskQueue: inject('taskQueue'),
    namespace: inject('namespace'),
    temporalUiUrl,
    health: async () => ({ temporal: { ok: true }, dynamodb: { ok: true } }) as never,
    verifyToken: secretVerifier(inject('authSecret'), { issuer: DEV_ISSUER, audience: DEV_AUDIENCE }),
    caseIdSecret: inject('caseIdSecret'),
    codecCorsOrigins: [],
    logger: createLogger({ level: 'silent' }),
  });
  /** Every read of the case, by each reader, as `reads` below; and the queries they made. */
  const readsHere = async (caseId: string) => {
    const out: Record<string, unknown> = {};
    queried.length = 0;
    for (const [name, caller] of readers) {
      for (const path of [`/v1/cases/${caseId}`, `/v1/cases/${caseId}/history`, `/v1/cases/${caseId}/steps`]) {
        const response = await app.request(path, { headers: { authorization: `Bearer ${await tokenFor(caller)}` } });
        out[`${name} ${path}`] = { status: response.status, body: await response.json() };
      }
    }
    return { reads: out, queries: queried.filter((id) => id === caseId).length };
  };
  return { readsHere, restore: () => vi.restoreAllMocks() };
}

describe('the archive of a closed case', () => {
  it('a closed case reads the same through the API after its workflow has left Temporal', async () => {
    const cal = await apiCalendar();
    const permit = uniqueFamilyPermitBody(cal) as { persons: { givenName: string; familyName: string; dufNumber: string; dateOfBirth: string }[] };
    const created = await call(callers.udi, 'POST', '/v1/permits', permit);
    expect(created.status, created.text).toBe(201);
    const { caseId } = created.body;
    // R-MOVE-5: leaving Norway before an agreement closes the case.
    const left = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/departure`, { date: cal.today, reason: 'left_norway' });
    expect(left.status, left.text).toBe(200);
    const handle = client.workflow.getHandle(caseId);
    await handle.result();

    const before = await reads(caseId);
    const full = before[`supervisor /v1/cases/${caseId}`] as { status: number; body: any };
    expect(full.status).toBe(200);
    expect(full.body.stage).toBe('closed');
    const history = (before[`supervisor /v1/cases/${caseId}/history`] as { body: any }).body;
    expect(history.entries.at(-1)).toMatchObject({ kind: 'workflow', text: 'Saksforløpet er avsluttet' });
    expect(history.entries.filter((e: { text: string }) => e.text === 'Saksforløpet er avsluttet')).toHaveLength(1);

    // The archive holds it, encrypted with the payload key (its id in the clear, nothing personal).
    const raw = await rawArchive(caseId);
    expect(raw).toContain('binary/encrypted');
    for (const secret of personalIdentifiers(permit)) expect(raw, `${secret} in the archive`).not.toContain(secret);

    await client.workflowService.deleteWorkflowExecution({ namespace: inject('namespace'), workflowExecution: { workflowId: caseId } });
    await eventually(
      () => handle.describe().then(() => 'there', () => 'gone'),
      (state) => state === 'gone',
      90_000,
    );
    await expect(handle.describe()).rejects.toThrow(/not found/i);

    expect(await reads(caseId)).toEqual(before);
    // A step on an archived case is refused with the reason, not a 500.
    const step = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/internal-notes`, { text: 'Etter arkivering.' });
    expect(step.status, step.text).toBe(409);
  });

  it('issue 13 §4: a completed case reads from its archive without querying the workflow, with the same JSON as from the workflow', async () => {
    const { caseId } = await closedCase();
    // The system's own answer, and its Web UI address (part of the history's links).
    const system = await reads(caseId);
    const links = (system[`supervisor /v1/cases/${caseId}/history`] as { body: { links: { temporalUi: string } } }).body.links;
    const { readsHere, restore } = countingApp(links.temporalUi.split('/namespaces/')[0]!);
    try {
      const fromArchive = await readsHere(caseId);
      expect(fromArchive.queries).toBe(0);
      expect(fromArchive.reads).toEqual(system);

      // Without its archive rows the same completed case is read from the workflow (replayed, queried).
      const items = await archiveItems(caseId);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) await documentClient.send(new DeleteCommand({ TableName: inject('tableName'), Key: { pk: item.pk, sk: item.sk } }));
      try {
        const fromWorkflow = await readsHere(caseId);
        expect(fromWorkflow.queries).toBeGreaterThan(0);
        expect(fromWorkflow.reads).toEqual(fromArchive.reads);
      } finally {
        for (const item of items) await documentClient.send(new PutCommand({ TableName: inject('tableName'), Item: item }));
      }
      expect(await readsHere(caseId)).toEqual(fromArchive);
    } finally {
      restore();
    }
  });

  it('an unknown case is still 404', async () => {
    const response = await call(callers.supervisor, 'GET', '/v1/cases/case-0000000000000000000000000000000000000000');
    expect(response.status).toBe(404);
    expect((await call(callers.supervisor, 'GET', '/v1/cases/case-0000000000000000000000000000000000000000/history')).status).toBe(404);
  });
});
