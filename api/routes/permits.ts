/** The trigger from UDI's side: a permit that qualifies for settlement with public help was granted. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { checkRegistrationNumbers } from '../../domain/household';
import { permitGrantedSchema, type PermitGranted } from '../../domain/permit.schema';
import { SETTLEMENT_CASE_WORKFLOW } from '../../workflows/messages';
import { getCaseSummary } from '../../store/case-index';
import { caseIdForPermit, legacyCaseIdForPermit } from '../case-id';
import type { settlementCase } from '../../workflows/settlement-case';
import { authorize } from '../access';
import type { ApiDeps, AppEnv } from '../app';
import { audit } from '../audit';
import { caseLinks } from '../case-views';
import { problem } from '../problem';
import { bearerSecurity, problemResponses } from './schemas';

const createdSchema = z.object({
  caseId: z.string(),
  created: z.boolean().describe('false when this permit already had a case (the same permit twice makes one case, R-ELIG-5)'),
  links: z.object({ case: z.string(), temporalUi: z.string() }),
});

const route = createRoute({
  method: 'post',
  path: '/v1/permits',
  summary: 'A permit was granted: create the settlement case (idempotent on permitId)',
  tags: ['permits'],
  security: bearerSecurity,
  middleware: [authorize('permit.create')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: permitGrantedSchema } } } },
  responses: {
    201: { description: 'Case created', content: { 'application/json': { schema: createdSchema } } },
    200: { description: 'This permit already has a case; nothing new was created', content: { 'application/json': { schema: createdSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

async function workflowExists(deps: ApiDeps, workflowId: string): Promise<boolean> {
  try {
    await deps.temporal.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/** Starts the case's workflow; false when it was already there. */
async function startOnce(deps: ApiDeps, caseId: string, permit: PermitGranted): Promise<boolean> {
  try {
    await deps.temporal.workflow.start<typeof settlementCase>(SETTLEMENT_CASE_WORKFLOW, {
      workflowId: caseId,
      taskQueue: deps.taskQueue,
      args: [{ caseId, permit }],
      // A closed case is not re-created either (R-ELIG-5).
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return true;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    return false;
  }
}

export function registerPermitRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(route, async (c) => {
    const permit = c.req.valid('json');
    const household = checkRegistrationNumbers(permit.persons); // R-HH-1: IMDi cannot start on mismatched Reg.nr
    if (!household.ok) {
      return problem(c, 422, 'Household cannot be settled together', household.message, {
        rule: household.rule,
        errors: household.members.map((m) => ({ path: 'persons', message: `${m.name} (${m.dufNumber}) has Reg.nr ${m.registrationNumber}` })),
      });
    }
    // One permit, one case, ever (R-ELIG-5): the case it got before case ids were keyed, or the case
    // whose workflow Temporal no longer keeps (the case index still knows it), is that case.
    const legacy = legacyCaseIdForPermit(permit.permitId);
    const keyed = caseIdForPermit(permit.permitId, deps.caseIdSecret);
    const [legacyLive, legacyRow, keyedRow] = await Promise.all([workflowExists(deps, legacy), getCaseSummary(deps.tables, legacy), getCaseSummary(deps.tables, keyed)]);
    const caseId = legacyLive || legacyRow ? legacy : keyed;
    const created = caseId === keyed && !keyedRow && (await startOnce(deps, keyed, permit));
    await audit(deps.tables, c.get('principal'), 'permit.create', caseId, 'ok', created ? 'case created' : 'permit already had this case');
    const body = { caseId, created, links: caseLinks(deps, caseId) };
    return created ? c.json(body, 201) : c.json(body, 200);
  });
}
