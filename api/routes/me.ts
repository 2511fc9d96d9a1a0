/** Who the caller is, as the API sees the token: the web UI shows the role and organisation from here. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { roles } from '../auth';
import type { AppEnv } from '../app';
import { bearerSecurity, problemResponses } from './schemas';

const route = createRoute({
  method: 'get',
  path: '/v1/me',
  operationId: 'getMe',
  summary: 'The caller: person, role and organisation from the token',
  tags: ['auth'],
  security: bearerSecurity,
  responses: {
    200: {
      description: 'The authenticated caller',
      content: { 'application/json': { schema: z.object({ id: z.string(), role: z.enum(roles), organisation: z.string().optional() }).openapi('Me') } },
    },
    ...problemResponses(401),
  },
});

export function registerMeRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, (c) => {
    const { id, role, organisation } = c.get('principal');
    return c.json({ id, role, organisation }, 200);
  });
}
