/**
 * The answers every operation can give, declared in one place (issue 11: a contract fuzzer found
 * 400, 401, 403, 413 and 431 undocumented on many operations), and 405 with `Allow` for a method
 * a path does not have (TRACE included) instead of 404.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { problem } from './problem';
import { problemResponses } from './routes/schemas';

type Registry = OpenAPIHono['openAPIRegistry'];

/**
 * Adds the common responses a route does not declare itself: every operation 431 (headers too
 * large, Node's own) and 500; a /v1 operation (bearer token, Temporal and the store behind it) also
 * 400, 401, 403 and 503; one with a body 413 and 415. Call after the last route.
 */
export function addCommonResponses(app: { openAPIRegistry: Registry }): void {
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route;
    const statuses: number[] = [431, 500];
    if (route.path.startsWith('/v1/')) statuses.push(400, 401, 403, 503);
    if (route.request?.body) statuses.push(400, 413, 415);
    const responses = route.responses as Record<string, unknown>;
    for (const status of statuses) responses[status] ??= status === 431 ? { description: 'Request headers too large (answered by the HTTP server, without a body)' } : problemResponses(status)[status];
  }
}

/** Each route's path as a pattern and its methods (Hono's own route list, middleware left out). */
function routeTable(app: { routes: { method: string; path: string }[] }): { pattern: RegExp; method: string }[] {
  return app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({
      method: r.method,
      pattern: new RegExp(
        `^${r.path
          .split('/')
          .map((segment) => {
            const param = /^:[^{]+(?:\{(.+)\})?$/.exec(segment);
            if (param) return param[1] ? `(?:${param[1]})` : '[^/]+';
            return segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          })
          .join('/')}/?$`,
      ),
    }));
}

/** The not-found handler: 405 with `Allow` when the path exists with other methods, or for TRACE; 404 otherwise. */
export function notFoundOrNotAllowed(app: { routes: { method: string; path: string }[] }) {
  let table: ReturnType<typeof routeTable> | undefined;
  return (c: Context) => {
    table ??= routeTable(app);
    const methods = new Set(table.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    // TRACE would echo the request (credentials included) back: never offered, on any path.
    if (methods.size > 0 || c.req.method === 'TRACE') {
      const allow = [...methods].sort().join(', ');
      const response = problem(c, 405, 'Method not allowed', `${c.req.method} is not allowed on ${c.req.path}${allow ? `; allowed: ${allow}` : ''}.`);
      response.headers.set('Allow', allow);
      return response;
    }
    return problem(c, 404, 'Not found', `No route ${c.req.method} ${c.req.path}.`);
  };
}
