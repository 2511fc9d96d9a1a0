/** The trigger from UDI's side: a permit that qualifies for settlement with public help was granted. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { checkRegistrationNumbers } from '../../domain/household';
import { permitGrantedSchema } from '../../domain/permit.schema';
import { SETTLEMENT_CASE_WORKFLOW } from '../../workflows/messages';
import { caseIdForPermit } from '../case-id';
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
    const caseId = caseIdForPermit(permit.permitId);
    let created = true;
    try {
      await deps.temporal.workflow.start<typeof settlementCase>(SETTLEMENT_CASE_WORKFLOW, {
        workflowId: caseId,
        taskQueue: deps.taskQueue,
        args: [{ caseId, permit }],
        // One permit, one case, ever (R-ELIG-5): a closed case is not re-created either.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      created = false;
    }
    await audit(deps.tables, c.get('principal'), 'permit.create', caseId, 'ok', created ? 'case created' : 'permit already had this case');
    const body = { caseId, created, links: caseLinks(deps, caseId) };
    return created ? c.json(body, 201) : c.json(body, 200);
  });
}
