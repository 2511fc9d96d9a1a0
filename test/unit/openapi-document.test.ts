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
  return (await response.json()) as { servers?: unknown[]; security?: unknown; paths: Record<string, Record<string, Record<string, unknown>>> };
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

  it('makes an operationId from the method and path', () => {
    expect(operationIdFor('get', '/v1/cases/{caseId}/steps')).toBe('getCasesStepsByCaseId');
    expect(operationIdFor('post', '/v1/cases/{caseId}/settlement-info')).toBe('postCasesSettlementInfoByCaseId');
    expect(operationIdFor('get', '/health')).toBe('getHealth');
  });
});
