/**
 * Each person's journey in the municipality (R-ARR, R-GRANT): its view, the household view, and
 * one route per staff step, each mapped to one update of the person's arrival-journey workflow.
 * Reach comes from the settlement case: the municipality that settled the household.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { dufNumberSchema } from '../../domain/identifiers.schema';
import { journeyStepSchemas } from '../../domain/journey.schema';
import { householdJourneyView, type JourneyStepKind, type JourneyView } from '../../domain/journey';
import { readJourneyArchive } from '../../store/archive';
import { queryJourney, withJourney } from '../../workflows/arrival-client';
import { arrivalJourneyWorkflowId, stepUpdates as journeyUpdates } from '../../workflows/arrival-messages';
import type { Actor, CaseState } from '../../workflows/messages';
import { authorize } from '../access';
import { today, type ApiDeps, type AppEnv } from '../app';
import { audit, refusalDetail } from '../audit';
import { readCase } from '../case-reader';
import { problem } from '../problem';
import { bearerSecurity, caseIdParam, problemResponses } from './schemas';

const personParams = caseIdParam.extend({ dufNumber: dufNumberSchema });
const viewSchema = z.object({}).passthrough();

const journeyRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('journey.read')] as const,
  method: 'get',
  path: '/v1/cases/{caseId}/persons/{dufNumber}/journey',
  summary: "One person's journey: open tasks with due dates, deadlines, grant timeline",
  tags: ['journeys'],
  request: { params: personParams },
  responses: { 200: { description: 'The journey', content: { 'application/json': { schema: viewSchema } } }, ...problemResponses(404) },
});

const householdRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('journey.read')] as const,
  method: 'get',
  path: '/v1/cases/{caseId}/household-journey',
  summary: "The household view that joins its members' journeys",
  tags: ['journeys'],
  request: { params: caseIdParam },
  responses: { 200: { description: 'The household', content: { 'application/json': { schema: viewSchema } } }, ...problemResponses(404) },
});

/** One member's journey live, or — once its workflow has left Temporal — its view on the day it ended (store/archive.ts). */
async function journeyView(deps: ApiDeps, caseId: string, household: readonly string[], dufNumber: string, asOf: string): Promise<JourneyView> {
  try {
    return await queryJourney(deps.temporal, caseId, household, dufNumber, asOf);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError) || !household.includes(dufNumber)) throw error;
    const workflowId = arrivalJourneyWorkflowId(caseId, household.indexOf(dufNumber) + 1);
    const archived = await readJourneyArchive(deps.tables, deps.temporal.options.loadedDataConverter.payloadCodecs, workflowId);
    if (!archived) throw error;
    return archived.view;
  }
}

/** The household's DUF numbers in the permit's order: how its journeys are named. */
function householdOf(state: CaseState): string[] {
  return state.permit.persons.map((p) => p.dufNumber);
}

export function registerJourneyRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(journeyRoute, async (c) => {
    const { caseId, dufNumber } = c.req.valid('param');
    const read = await readCase(c, deps, 'journey.read', caseId);
    if (!read.ok) return read.response as never;
    try {
      return c.json(await journeyView(deps, caseId, householdOf(read.state), dufNumber, today(deps)), 200);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return problem(c, 404, 'Journey not found', `Sak ${caseId} har ingen oppfølging etter ankomst for ${dufNumber}: husstanden har ikke kommet ennå.`);
      throw error;
    }
  });

  app.openapi(householdRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const read = await readCase(c, deps, 'journey.read', caseId);
    if (!read.ok) return read.response as never;
    try {
      const household = householdOf(read.state);
      const views = await Promise.all(household.map((dufNumber) => journeyView(deps, caseId, household, dufNumber, today(deps))));
      return c.json(householdJourneyView(views), 200);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return problem(c, 404, 'Journey not found', `Husstanden i sak ${caseId} har ikke kommet ennå.`);
      throw error;
    }
  });

  for (const kind of Object.keys(journeyStepSchemas) as JourneyStepKind[]) registerJourneyStep(app, deps, kind);
}

function registerJourneyStep(app: OpenAPIHono<AppEnv>, deps: ApiDeps, kind: JourneyStepKind) {
  const route = createRoute({
    security: bearerSecurity,
    middleware: [authorize('journey.step')] as const,
    method: 'post',
    path: `/v1/cases/{caseId}/persons/{dufNumber}/${kind.replace(/_/g, '-')}`,
    summary: `Journey step: ${kind.replace(/_/g, ' ')}`,
    tags: ['journeys'],
    request: { params: personParams, body: { required: true, content: { 'application/json': { schema: journeyStepSchemas[kind] as z.ZodType } } } },
    responses: { 200: { description: 'The journey after the step', content: { 'application/json': { schema: viewSchema } } }, ...problemResponses(400, 401, 403, 404, 409) },
  });
  app.openapi(route, async (c) => {
    const { caseId, dufNumber } = c.req.valid('param');
    const body = c.req.valid('json') as Record<string, unknown>;
    const principal = c.get('principal');
    const read = await readCase(c, deps, 'journey.step', caseId, { auditRead: false, forChange: true });
    if (!read.ok) return read.response as never;
    const actor: Actor = { id: principal.id, role: principal.role, organisation: principal.organisation };
    try {
      const view = await withJourney(deps.temporal, caseId, householdOf(read.state), dufNumber, (handle) =>
        handle.executeUpdate(journeyUpdates[kind] as never, { args: [{ actor, ...body }] as never }),
      );
      await audit(deps.tables, principal, 'journey.step', caseId, 'ok', kind);
      return c.json(view as Record<string, unknown>, 200);
    } catch (error) {
      const reason =
        error instanceof WorkflowUpdateFailedError
          ? (error.cause?.message ?? error.message)
          : error instanceof WorkflowNotFoundError
            ? `Sak ${caseId} har ingen oppfølging etter ankomst for ${dufNumber}: husstanden har ikke kommet ennå.`
            : undefined;
      if (reason === undefined) throw error;
      await audit(deps.tables, principal, 'journey.step', caseId, 'refused', refusalDetail(error));
      return problem(c, error instanceof WorkflowNotFoundError ? 404 : 409, error instanceof WorkflowNotFoundError ? 'Journey not found' : 'Step not allowed now', reason);
    }
  });
}
