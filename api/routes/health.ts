import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app';

export type HealthReport = { temporal: { ok: boolean; error?: string }; store: { ok: boolean; error?: string } };
export type HealthCheck = () => Promise<HealthReport>;

const component = z.object({ ok: z.boolean(), error: z.string().optional() });
const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), temporal: component, store: component });

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Whether Temporal and the store are reachable',
  tags: ['health'],
  security: [], // public: load balancers and `npm start` ask it without a token
  responses: {
    200: { description: 'All reachable', content: { 'application/json': { schema: healthSchema } } },
    503: { description: 'Something is unreachable', content: { 'application/json': { schema: healthSchema } } },
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: { health: HealthCheck }) {
  app.openapi(route, async (c) => {
    const report = await deps.health();
    const ok = report.temporal.ok && report.store.ok;
    return c.json({ status: ok ? ('ok' as const) : ('degraded' as const), ...report }, ok ? 200 : 503);
  });
}
