/** The thin end-to-end path against the real dev server: HTTP permit → workflow → read back. */
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caseIdForPermit } from '../../api/case-id';
import { TEST_CASE_ID_SECRET } from '../fixtures/secrets';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually } from '../harness/api';
import { testDataConverter } from '../harness/codec';

const api = inject('apiUrl');
let temporal: Client;

beforeAll(async () => {
  temporal = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }), namespace: inject('namespace'), dataConverter: testDataConverter() });
});
afterAll(async () => temporal.connection.close());

const post = (path: string, body: unknown) => call(callers.udi, 'POST', path, body);
const read = async (path: string) => (await call(callers.imdi, 'GET', path)).body;

describe('permit granted → settlement case (real Temporal dev server, real store)', () => {
  it('R-INT-1, R-ELIG-5: a granted permit starts one case workflow, readable through the API, the case index and Temporal', async () => {
    const permit = uniqueFamilyPermitBody(await apiCalendar());
    const created = await post('/v1/permits', permit);
    expect(created.status).toBe(201);
    expect(created.body.created).toBe(true);
    const { caseId } = created.body;
    expect(created.body.links.temporalUi).toContain(`/workflows/${caseId}`);

    // The workflow is a real execution on the dev server.
    const description = await temporal.workflow.getHandle(caseId).describe();
    expect(description.type).toBe('settlementCase');
    expect(description.status.name).toBe('RUNNING');

    // Live state through the API.
    const one = await read(`/v1/cases/${caseId}`);
    expect(one.stage).toBe('interview');
    expect(one.permit.permitId).toBe(permit.permitId);
    expect(one.deadlines).toContainEqual(expect.objectContaining({ rule: 'R-INT-2', status: 'open' }));

    // The case index (read model in DynamoDB) is written by an activity.
    const listed = await eventually(
      () => read('/v1/cases?stage=interview&limit=200'),
      (page) => page.items.some((c: any) => c.caseId === caseId),
    );
    const row = listed.items.find((c: any) => c.caseId === caseId);
    expect(row).toMatchObject({ permitId: permit.permitId, stage: 'interview', householdSize: 4, receptionCentreId: 'mottak-lillehammer' });
    expect(row.openTasks).toContainEqual(expect.objectContaining({ rule: 'R-INT-2' }));

    // The same permit again: the same case, nothing new.
    const again = await post('/v1/permits', permit);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ caseId, created: false });
  });

  it('R-ELIG-5: the same permit posted twice concurrently yields one case', async () => {
    const permit = uniqueFamilyPermitBody(await apiCalendar());
    const results = await Promise.all([post('/v1/permits', permit), post('/v1/permits', permit)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(new Set(results.map((r) => r.body.caseId)).size).toBe(1);
  });

  it('R-HH-1: a household with mismatched Reg.nr is refused naming the members, and no case is created', async () => {
    const permit = uniqueFamilyPermitBody(await apiCalendar());
    (permit.persons as any[])[2].registrationNumber = 'REG-999999';
    const refused = await post('/v1/permits', permit);
    expect(refused.status).toBe(422);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.detail).toContain('REG-999999');
    expect(refused.body.detail).toContain('Lina Haddad');
    const missing = await call(callers.imdi, 'GET', `/v1/cases/${caseIdForPermit(permit.permitId as string, TEST_CASE_ID_SECRET)}`);
    expect(missing.status).toBe(404);
  });

  it('bad input is a 400 naming the field, never a 500', async () => {
    const permit = uniqueFamilyPermitBody(await apiCalendar(), { permitDate: '2026-02-30' });
    const bad = await post('/v1/permits', permit);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ path: 'permitDate' }));

    const notJson = await post('/v1/permits', '{"permitId":');
    expect(notJson.status).toBe(400);

    const unknownField = await post('/v1/permits', uniqueFamilyPermitBody(await apiCalendar(), { diagnosis: 'x' }));
    expect(unknownField.status).toBe(400);
  });

  it('health reports Temporal and DynamoDB reachable', async () => {
    const response = await fetch(`${api}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', temporal: { ok: true }, dynamodb: { ok: true } });
  });

  it('serves its OpenAPI 3.1 document', async () => {
    const doc = (await fetch(`${api}/openapi.json`).then((r) => r.json())) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/permits', '/v1/cases', '/v1/cases/{caseId}', '/health']));
  });
});
