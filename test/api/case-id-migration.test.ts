/**
 * Case ids keyed with CASE_ID_SECRET (api/case-id.ts), and the cases created before: a permit whose
 * case exists under the old unkeyed id keeps that case — read, found again and never started twice
 * (R-ELIG-5) — even once its workflow has left Temporal and only the case index knows it.
 */
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caseIdForPermit, legacyCaseIdForPermit } from '../../api/case-id';
import { permitGrantedSchema } from '../../domain/permit.schema';
import { getCaseSummary } from '../../store/case-index';
import { createDocumentClient } from '../../store/client';
import { createTables } from '../../store/table';
import { SETTLEMENT_CASE_WORKFLOW } from '../../workflows/messages';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually } from '../harness/api';
import { testDataConverter } from '../harness/codec';

let client: Client;
beforeAll(async () => {
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }), namespace: inject('namespace'), dataConverter: testDataConverter() });
});
afterAll(() => client.connection.close());
const tables = () => createTables(createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' }), inject('tableName'), { embedded: true });

describe('case ids', () => {
  it('R-ELIG-5, R-DIST-3: a new permit’s case id is the keyed one', async () => {
    const permit = uniqueFamilyPermitBody(await apiCalendar());
    const created = await call(callers.udi, 'POST', '/v1/permits', permit);
    expect(created.status).toBe(201);
    expect(created.body.caseId).toBe(caseIdForPermit(permit.permitId as string, inject('caseIdSecret')));
    expect(created.body.caseId).not.toBe(legacyCaseIdForPermit(permit.permitId as string));
  });

  it('R-ELIG-5: a case created under the old unkeyed id keeps it, and the permit is never started twice', async () => {
    const body = uniqueFamilyPermitBody(await apiCalendar());
    const permit = permitGrantedSchema.parse(body);
    const legacyId = legacyCaseIdForPermit(permit.permitId);
    // As the API started cases before case ids were keyed.
    await client.workflow.start(SETTLEMENT_CASE_WORKFLOW, { workflowId: legacyId, taskQueue: inject('taskQueue'), args: [{ caseId: legacyId, permit }] });

    const again = await call(callers.udi, 'POST', '/v1/permits', body);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ caseId: legacyId, created: false });
    expect((await call(callers.imdi, 'GET', `/v1/cases/${legacyId}`)).body.stage).toBe('interview');
    await expect(client.workflow.getHandle(caseIdForPermit(permit.permitId, inject('caseIdSecret'))).describe()).rejects.toThrow(/not found/i);

    // Its workflow gone from Temporal (retention), the case index still knows the case.
    await eventually(() => getCaseSummary(tables(), legacyId), (row) => row !== undefined);
    await client.workflow.getHandle(legacyId).terminate('test: leaves Temporal');
    await client.workflowService.deleteWorkflowExecution({ namespace: inject('namespace'), workflowExecution: { workflowId: legacyId } });
    await eventually(
      () => client.workflow.getHandle(legacyId).describe().then(() => 'there', () => 'gone'),
      (state) => state === 'gone',
    );
    const afterDeletion = await call(callers.udi, 'POST', '/v1/permits', body);
    expect(afterDeletion.body).toMatchObject({ caseId: legacyId, created: false });
    await expect(client.workflow.getHandle(caseIdForPermit(permit.permitId, inject('caseIdSecret'))).describe()).rejects.toThrow(/not found/i);
  });
});
