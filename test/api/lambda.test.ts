/** The same app as an AWS Lambda handler, invoked with API Gateway HTTP API (v2) events against the real dev server and store. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { LambdaEvent } from 'hono/aws-lambda';
import { createLambdaHandler } from '../../api/lambda';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, callers, tokenFor, type Caller } from '../harness/api';

const lambda = createLambdaHandler({
  TEMPORAL_ADDRESS: inject('temporalAddress'),
  TEMPORAL_NAMESPACE: inject('namespace'),
  TEMPORAL_TASK_QUEUE: inject('taskQueue'),
  DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
  DYNAMODB_TABLE: inject('tableName'),
  AUTH_SECRET: inject('authSecret'),
  PAYLOAD_KEYS: inject('payloadKeys'),
  CASE_ID_SECRET: inject('caseIdSecret'),
  TEMPORAL_UI_URL: 'https://temporal.example',
});
afterAll(() => lambda.close());

async function apiGatewayV2(method: string, rawPath: string, opts: { caller?: Caller; body?: unknown; query?: string } = {}): Promise<LambdaEvent> {
  const headers: Record<string, string> = { host: 'abc123.execute-api.eu-north-1.amazonaws.com', 'user-agent': 'vitest' };
  if (opts.caller) headers.authorization = `Bearer ${await tokenFor(opts.caller)}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: opts.query ?? '',
    headers,
    body: opts.body === undefined ? null : JSON.stringify(opts.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-north-1.amazonaws.com',
      domainPrefix: 'abc123',
      requestId: `req-${Math.random()}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
    },
  } as unknown as LambdaEvent;
}

const invoke = async (event: LambdaEvent) => {
  const result = (await lambda.handler(event)) as { statusCode: number; headers: Record<string, string>; body: string };
  return { ...result, json: JSON.parse(result.body) };
};

describe('AWS Lambda (API Gateway HTTP API v2)', () => {
  it('R-ELIG-5: a permit through Lambda creates the case; reading it back through Lambda works; the same auth rules apply', async () => {
    const permit = uniqueFamilyPermitBody(await apiCalendar());
    const created = await invoke(await apiGatewayV2('POST', '/v1/permits', { caller: callers.udi, body: permit }));
    expect(created.statusCode).toBe(201);
    expect(created.json.links.temporalUi).toBe(`https://temporal.example/namespaces/default/workflows/${created.json.caseId}`);

    const again = await invoke(await apiGatewayV2('POST', '/v1/permits', { caller: callers.udi, body: permit }));
    expect(again.statusCode).toBe(200);

    const one = await invoke(await apiGatewayV2('GET', `/v1/cases/${created.json.caseId}`, { caller: callers.mottak }));
    expect(one.statusCode).toBe(200);
    expect(one.json).toMatchObject({ view: 'centre', stage: 'interview', permit: { permitId: permit.permitId } });

    const list = await invoke(await apiGatewayV2('GET', '/v1/cases', { caller: callers.imdi, query: 'stage=interview&limit=5' }));
    expect(list.statusCode).toBe(200);

    expect((await invoke(await apiGatewayV2('GET', '/v1/cases'))).statusCode).toBe(401);
    expect((await invoke(await apiGatewayV2('POST', '/v1/permits', { caller: callers.supervisor, body: permit }))).statusCode).toBe(403);
    const bad = await invoke(await apiGatewayV2('POST', '/v1/permits', { caller: callers.udi, body: { ...permit, diagnosis: 'x' } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('health and the OpenAPI document are served without a token', async () => {
    const health = await invoke(await apiGatewayV2('GET', '/health'));
    expect(health.statusCode).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', temporal: { ok: true }, dynamodb: { ok: true } });
    expect((await invoke(await apiGatewayV2('GET', '/openapi.json'))).json.openapi).toBe('3.1.0');
  });

  it('refuses to start without a cluster, a table and a token verifier, naming what is missing', async () => {
    const incomplete = createLambdaHandler({ DYNAMODB_REGION: 'eu-north-1', AUTH_SECRET: 'x'.repeat(40) });
    await expect(incomplete.handler(await apiGatewayV2('GET', '/health'))).rejects.toThrowError(/TEMPORAL_ADDRESS must be set/);
  });
});
