/** The deadlines dashboard: open tasks across cases, earliest first, within the caller's reach. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { addDays } from '../../domain/dates';
import { isoDateSchema } from '../../domain/dates.schema';
import { InvalidCursorError, listCasesDueBefore } from '../../store/case-index';
import { authorize, listRestriction } from '../access';
import { today, type ApiDeps, type AppEnv } from '../app';
import { audit } from '../audit';
import { problem } from '../problem';
import { bearerSecurity, pageQuery, problemResponses } from './schemas';

const DEFAULT_HORIZON_DAYS = 14;

const taskSchema = z.object({
  caseId: z.string(),
  stage: z.string(),
  receptionCentreId: z.string(),
  municipalityNumber: z.string().optional(),
  id: z.string(),
  title: z.string(),
  rule: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
});

const route = createRoute({
  method: 'get',
  path: '/v1/deadlines',
  summary: 'Open tasks due before a date, across cases, earliest first (overdue ones included)',
  tags: ['deadlines'],
  security: bearerSecurity,
  middleware: [authorize('deadlines.list')] as const,
  request: {
    query: z.object({
      before: isoDateSchema.optional().describe(`tasks due before this date (exclusive); default today + ${DEFAULT_HORIZON_DAYS} days`),
      ...pageQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of tasks; the cursor pages through cases',
      content: { 'application/json': { schema: z.object({ before: z.string(), items: z.array(taskSchema), nextCursor: z.string().optional() }) } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerDeadlineRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(route, async (c) => {
    const { limit, cursor, before: asked } = c.req.valid('query');
    const day = today(deps);
    const before = asked ?? addDays(day, DEFAULT_HORIZON_DAYS);
    try {
      const page = await listCasesDueBefore(deps.tables, before, listRestriction(c.get('scope'), c.get('principal')), { limit, cursor });
      await audit(deps.tables, c.get('principal'), 'deadlines.list', page.items.map((row) => row.caseId));
      const items = page.items.flatMap((row) =>
        row.openTasks
          .filter((task) => task.dueDate < before)
          .map((task) => ({ caseId: row.caseId, stage: row.stage, receptionCentreId: row.receptionCentreId, municipalityNumber: row.municipalityNumber, ...task, overdue: task.dueDate < day })),
      );
      items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      return c.json({ before, items, nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });
}
