/**
 * Every operation of the OpenAPI document has an operationId (issue 10: typed clients and
 * `@redocly/cli lint` name calls by it): a route's own when it declares one, otherwise one made from
 * its method and path, e.g. `GET /v1/cases/{caseId}/steps` → `getCaseStepsByCaseId`… stable as long
 * as the path is.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

export function operationIdFor(method: string, path: string): string {
  const words: string[] = [];
  const params: string[] = [];
  for (const segment of path.split('/').filter(Boolean)) {
    if (segment === 'v1') continue;
    const param = /^\{(.+)\}$/.exec(segment);
    if (param) params.push(param[1]!);
    else words.push(...segment.split(/[^A-Za-z0-9]+/).filter(Boolean));
  }
  const camel = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return method.toLowerCase() + words.map(camel).join('') + (params.length ? `By${params.map(camel).join('And')}` : '');
}

/** Sets the missing operationIds on the routes registered so far (call after the last route). */
export function ensureOperationIds(app: { openAPIRegistry: OpenAPIHono['openAPIRegistry'] }): void {
  const seen = new Set<string>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route;
    route.operationId ??= operationIdFor(route.method, route.path);
    if (seen.has(route.operationId)) throw new Error(`operationId ${route.operationId} is used twice`);
    seen.add(route.operationId);
  }
}
