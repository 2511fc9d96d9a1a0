/**
 * The archive (issue 14, store/archive.ts): a case that closed reads back through the API, unchanged,
 * after its workflow has left Temporal — here deleted from the dev server, as a namespace's
 * retention would. Its archive row is encrypted like Temporal's payloads: no name, DUF number or
 * birth date in it.
 */
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../store/client';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { personalIdentifiers } from '../fixtures/identities';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually, type Caller } from '../harness/api';
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

async function rawArchive(caseId: string): Promise<string> {
  const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
  const { Items = [] } = await documentClient.send(
    new QueryCommand({ TableName: inject('tableName'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ARCHIVE#${caseId}` } }),
  );
  return Items.map((item) => JSON.stringify({ ...item, data: Buffer.from(item.data as Uint8Array).toString('latin1') })).join('\n');
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

  it('an unknown case is still 404', async () => {
    const response = await call(callers.supervisor, 'GET', '/v1/cases/case-0000000000000000000000000000000000000000');
    expect(response.status).toBe(404);
    expect((await call(callers.supervisor, 'GET', '/v1/cases/case-0000000000000000000000000000000000000000/history')).status).toBe(404);
  });
});
