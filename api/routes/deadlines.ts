/**
 * The deadlines dashboard: open tasks across cases, earliest first, within the caller's reach —
 * and of each case only the tasks the caller's view of it shows (api/case-views.ts): a host
 * municipality its R-HOST-1/R-HOST-2 deadlines, a settling municipality those of its families.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { addDays } from '../../domain/dates';
import { isoDateSchema } from '../../domain/dates.schema';
import { InvalidCursorError, listCasesDueBefore } from '../../store/case-index';
import { authorize, dueRestriction, organisationsOfSummary, reach } from '../access';
import { deadlineVisible, viewForStandings, viewHasPart } from '../case-views';
import { today, type ApiDeps, type AppEnv } from '../app';
import { auditList } from '../audit';
import { problem } from '../problem';
import { bearerSecurity, pageQuery, problemResponses } from './schemas';

const DEFAULT_HORIZON_DAYS = 14;

const taskSchema = z.object({
  caseId: z.string(),
  stage: z.string().optional().describe('when the caller’s view of the case shows it (not to a host municipality)'),
  receptionCentreId: z.string().optional().describe('when the caller’s view of the case shows the permit'),
  municipalityNumber: z.string().optional().describe('the settling municipality, when the caller’s view shows the agreement'),
  id: z.string(),
  title: z.string(),
  rule: z.string(),
  dueDate: z.string(),
  party: z.string().optional().describe('who must act: reception_centre, imdi, udi, host_municipality or municipality'),
  overdue: z.boolean(),
});

const route = createRoute({
  method: 'get',
  path: '/v1/deadlines',
  summary: 'Open tasks due before a date, across cases, earliest first (overdue ones included); a municipality gets those of the cases it accepted and, as host, its R-HOST-1/R-HOST-2 deadlines',
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
      const scope = c.get('scope');
      const principal = c.get('principal');
      const page = await listCasesDueBefore(deps.tables, before, dueRestriction(scope, principal), { limit, cursor });
      const rows = page.items.flatMap((row) => {
        const view = viewForStandings(reach(scope, principal, organisationsOfSummary(row)));
        if (!view) return [];
        const tasks = row.openTasks.filter((task) => task.dueDate < before && deadlineVisible(view, task));
        // Of the case itself, only what the caller's view of it shows.
        const about = {
          caseId: row.caseId,
          stage: viewHasPart(view, 'stage') ? row.stage : undefined,
          receptionCentreId: viewHasPart(view, 'permit') ? row.receptionCentreId : undefined,
          municipalityNumber: viewHasPart(view, 'agreement') ? row.municipalityNumber : undefined,
        };
        return [{ about, tasks }];
      });
      await auditList(deps.tables, principal, 'deadlines.list', rows.filter((r) => r.tasks.length > 0).map((r) => r.about.caseId));
      const items = rows.flatMap(({ about, tasks }) => tasks.map((task) => ({ ...about, ...task, overdue: task.dueDate < day })));
      items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      return c.json({ before, items, nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });
}
