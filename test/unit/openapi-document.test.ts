/**
 * Issue 10: the OpenAPI document serves typed clients and passes `@redocly/cli lint` with 0 errors —
 * the rules it failed on are checked here without the linter: every operation has a unique
 * operationId and a security requirement (an empty one for public routes), the document names its
 * server, and no route's Hono middleware leaks into it.
 */
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

  it('makes an operationId from the method and path', () => {
    expect(operationIdFor('get', '/v1/cases/{caseId}/steps')).toBe('getCasesStepsByCaseId');
    expect(operationIdFor('post', '/v1/cases/{caseId}/settlement-info')).toBe('postCasesSettlementInfoByCaseId');
    expect(operationIdFor('get', '/health')).toBe('getHealth');
  });
});
