/**
 * Issue 10: the OpenAPI document serves typed clients and passes `@redocly/cli lint` with 0 errors —
 * the rules it failed on are checked here without the linter: every operation has a unique
 * operationId and a security requirement (an empty one for public routes), the document names its
 * server, and no route's Hono middleware leaks into it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { operationIdFor } from '../../api/operation-ids';
import { createLogger } from '../../logging/logger';

async function openApiDocument() {
  const response = await createApp({ logger: createLogger({ level: 'silent' }) } as never).request('/openapi.json');
  return (await response.json()) as {
    servers?: unknown[];
    security?: unknown;
    paths: Record<string, Record<string, Record<string, any>>>;
    components?: { schemas?: Record<string, any> };
  };
}

/** Arrays without maxItems and free strings without maxLength in a schema (issue 11: bounded input). */
function unbounded(doc: Awaited<ReturnType<typeof openApiDocument>>, schema: any, where: string, found: string[] = [], seen = new Set<unknown>()): string[] {
  const s = schema?.$ref ? doc.components?.schemas?.[String(schema.$ref).split('/').pop()!] : schema;
  if (!s || typeof s !== 'object' || seen.has(s)) return found;
  seen.add(s);
  if (s.type === 'array' && s.maxItems === undefined) found.push(`${where}: a list without a maximum`);
  if (s.type === 'string' && s.maxLength === undefined && !s.enum && !s.pattern && !s.format && s.const === undefined) found.push(`${where}: a text without a maximum`);
  for (const [key, value] of Object.entries(s.properties ?? {})) unbounded(doc, value, `${where}.${key}`, found, seen);
  if (s.items) unbounded(doc, s.items, `${where}[]`, found, seen);
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const value of s[key] ?? []) unbounded(doc, value, where, found, seen);
  if (typeof s.additionalProperties === 'object') unbounded(doc, s.additionalProperties, `${where}{}`, found, seen);
  return found;
}

describe('the OpenAPI document', () => {
  it('every operation has a unique operationId and security; servers are named; no middleware leaked', async () => {
    const doc = await openApiDocument();
    expect(doc.servers?.length).toBeGreaterThan(0);
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.operationId, `${method} ${path}`).toEqual(expect.any(String));
        expect(operation.security ?? doc.security, `${method} ${path}: security`).toBeDefined();
        expect(operation, `${method} ${path}`).not.toHaveProperty('middleware');
        ids.push(operation.operationId as string);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every list and free text in a request body has a maximum a real household never reaches', async () => {
    const doc = await openApiDocument();
    const found: string[] = [];
    let bodies = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (schema) bodies += 1;
        unbounded(doc, schema, `${method.toUpperCase()} ${path}`, found);
      }
    }
    expect(bodies).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });

  it('issue 11: every operation declares the statuses it can answer (the common ones added in api/contract.ts)', async () => {
    const doc = await openApiDocument();
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const expected = ['431', '500'];
        if (path.startsWith('/v1/')) expected.push('400', '401', '403', '503');
        if (operation.requestBody) expected.push('400', '413', '415');
        for (const status of expected) if (!operation.responses?.[status]) missing.push(`${method.toUpperCase()} ${path}: ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('issue 11: notification items are exact (no undeclared fields)', async () => {
    const doc = await openApiDocument();
    expect(doc.components?.schemas?.Notification?.additionalProperties).toBe(false);
  });

  it('issue 11: TRACE and a method a path does not have answer 405 with Allow, not 404 (through the Node server)', async () => {
    const server = serve({ fetch: createApp({ logger: createLogger({ level: 'silent' }) } as never).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    const send = (method: string, path: string) =>
      new Promise<{ status: number; allow?: string; type?: string }>((resolve, reject) => {
        http
          .request({ host: '127.0.0.1', port, method, path }, (res) => {
            res.resume();
            resolve({ status: res.statusCode!, allow: res.headers.allow, type: res.headers['content-type'] });
          })
          .on('error', reject)
          .end();
      });
    try {
      expect(await send('TRACE', '/openapi.json')).toEqual({ status: 405, allow: 'GET, HEAD', type: expect.stringMatching(/^application\/problem\+json/) });
      expect((await send('TRACE', '/nowhere')).status).toBe(405);
      expect(await send('DELETE', '/health')).toMatchObject({ status: 405, allow: 'GET, HEAD' });
      expect((await send('GET', '/nowhere')).status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('makes an operationId from the method and path', () => {
    expect(operationIdFor('get', '/v1/cases/{caseId}/steps')).toBe('getCasesStepsByCaseId');
    expect(operationIdFor('post', '/v1/cases/{caseId}/settlement-info')).toBe('postCasesSettlementInfoByCaseId');
    expect(operationIdFor('get', '/health')).toBe('getHealth');
  });
});
