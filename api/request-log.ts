/**
 * One log line per API call: its request id (the caller's `X-Request-Id` when it is a plain token,
 * otherwise a new one; sent back in the response), the route as declared — `/v1/cases/:caseId/persons/:dufNumber/journey`,
 * never the DUF number in the path —, the case id, status, duration, and the caller's role and
 * organisation. No body, no query string, no token.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logging/logger';
import { scrubText } from '../logging/logger';
import type { AppEnv } from './app';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const CASE_IN_PATH = /^\/v1\/cases\/([^/]+)/;

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      c.header('x-request-id', requestId);
      const route = [...c.req.matchedRoutes].reverse().find((r) => r.method !== 'ALL')?.path;
      const principal = c.get('principal') as { role?: string; organisation?: string } | undefined;
      logger.info(
        {
          requestId,
          method: c.req.method,
          route: route ?? scrubText(c.req.path),
          caseId: CASE_IN_PATH.exec(c.req.path)?.[1],
          status: c.res.status,
          ms: Math.round(performance.now() - started),
          role: principal?.role,
          organisation: principal?.organisation,
        },
        'request',
      );
    }
  };
}
