/** Reading cases: the list from the read model, one case's live state from its workflow. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { WorkflowNotFoundError } from '@temporalio/client';
import { InvalidCursorError, listCases } from '../../store/case-index';
import { caseStateQuery } from '../../workflows/messages';
import type { ApiDeps, AppEnv } from '../app';
import { problem } from '../problem';
import { caseLinks } from './permits';
import { problemResponses } from './schemas';

const caseIdParam = z.object({ caseId: z.string().min(1).max(200) });

const summarySchema = z
  .object({
    caseId: z.string(),
    permitId: z.string(),
    permitType: z.string(),
    permitDate: z.string(),
    stage: z.string(),
    receptionCentreId: z.string(),
    receptionCentreName: z.string(),
    municipalityNumber: z.string().optional(),
    priorityGroup: z.string(),
    goalStatus: z.string(),
    householdSize: z.number(),
    openTasks: z.array(z.object({ id: z.string(), title: z.string(), rule: z.string(), dueDate: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .openapi('CaseSummary');

const listRoute = createRoute({
  method: 'get',
  path: '/v1/cases',
  summary: 'Cases, newest change first, from the case index',
  tags: ['cases'],
  request: {
    query: z.object({
      stage: z.string().max(40).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(2000).optional(),
    }),
  },
  responses: {
    200: { description: 'A page of cases', content: { 'application/json': { schema: z.object({ items: z.array(summarySchema), nextCursor: z.string().optional() }) } } },
    ...problemResponses(400),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/cases/{caseId}',
  summary: 'One case: its stage, deadlines and timeline, live from its workflow',
  tags: ['cases'],
  request: { params: caseIdParam },
  responses: {
    200: { description: 'The case', content: { 'application/json': { schema: z.object({}).passthrough() } } },
    ...problemResponses(404),
  },
});

export function registerCaseRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(listRoute, async (c) => {
    const { stage, limit, cursor } = c.req.valid('query');
    try {
      return c.json(await listCases(deps.tables, { stage, limit, cursor }), 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });

  app.openapi(getRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    try {
      const state = await deps.temporal.workflow.getHandle(caseId).query(caseStateQuery);
      return c.json({ ...state, links: caseLinks(deps, caseId) }, 200);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return problem(c, 404, 'Case not found', `There is no case ${caseId}.`);
      throw error;
    }
  });
}
