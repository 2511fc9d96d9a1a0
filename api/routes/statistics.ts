/** R-GOAL-1 statistics from the counters kept with the read model: share settled within the goal, waiting times. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { addDays } from '../../domain/dates';
import { isoDateSchema } from '../../domain/dates.schema';
import { readStatistics } from '../../store/statistics';
import { authorize } from '../access';
import { today, type ApiDeps, type AppEnv } from '../app';
import { problem } from '../problem';
import { bearerSecurity, problemResponses } from './schemas';

const groupSchema = z.object({
  group: z.string(),
  settled: z.number().int(),
  settledWithinGoal: z.number().int(),
  shareWithinGoal: z.number().nullable(),
  waitingDays: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  waitingPastGoal: z.number().int(),
});

const MAX_PERIOD_DAYS = 3 * 366;

const route = createRoute({
  method: 'get',
  path: '/v1/statistics',
  summary: 'Settled within the goal (R-GOAL-1) and waiting time permit → settlement, per municipality or reception centre',
  description:
    'Counts households settled on a date in [from, to]: how many within 6 months of the permit date (3 for unaccompanied minors), ' +
    'and the waiting time in days (median and 90th percentile, nearest rank). `waitingPastGoal` counts households not yet settled whose goal date fell in the period and has passed.',
  tags: ['statistics'],
  security: bearerSecurity,
  middleware: [authorize('statistics.read')] as const,
  request: {
    query: z.object({
      from: isoDateSchema,
      to: isoDateSchema,
      groupBy: z.enum(['municipality', 'receptionCentre']).default('municipality'),
    }),
  },
  responses: {
    200: {
      description: 'Per group, and over all',
      content: { 'application/json': { schema: z.object({ from: z.string(), to: z.string(), groupBy: z.string(), total: groupSchema, groups: z.array(groupSchema) }) } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerStatisticsRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(route, async (c) => {
    const { from, to, groupBy } = c.req.valid('query');
    if (to < from) return problem(c, 400, 'Invalid request', 'The period ends before it starts.', { errors: [{ path: 'query.to', message: `must not be before from (${from})` }] });
    if (addDays(from, MAX_PERIOD_DAYS) < to) return problem(c, 400, 'Invalid request', 'The period is too long.', { errors: [{ path: 'query.to', message: `at most ${MAX_PERIOD_DAYS} days after from` }] });

    // From the counters kept as rows are written (store/statistics.ts): no row is read.
    const { total, groups } = await readStatistics(deps.tables, { from, to, today: today(deps), groupBy });
    return c.json(
      {
        from,
        to,
        groupBy,
        total,
        groups,
      },
      200,
    );
  });
}
