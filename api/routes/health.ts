import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app';

export type DependencyHealth = { ok: boolean; ms: number; error?: string };
/** Each dependency the API needs, checked within about a second (runtime/api-deps.ts). */
export type HealthReport = { temporal: DependencyHealth; dynamodb: DependencyHealth };
export type HealthCheck = () => Promise<HealthReport>;

const component = z.object({
  ok: z.boolean().describe('Answered within about a second'),
  ms: z.number().int().describe('How long the check took'),
  error: z.string().optional().describe('Why not, when not'),
});
const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), temporal: component, dynamodb: component });

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Whether Temporal and DynamoDB answer, each within about a second',
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
    const ok = report.temporal.ok && report.dynamodb.ok;
    return c.json({ status: ok ? ('ok' as const) : ('degraded' as const), ...report }, ok ? 200 : 503);
  });
}
