/**
 * Staff steps: each is one route mapped to one workflow update, declared in `steps` below.
 *
 * The route: the role check (access.ts, before anything is read), the body validated by its zod
 * schema (400 with the field path), the case looked up and the caller's reach checked (404),
 * then the update with the actor taken from the token. A step the workflow refuses in the case's
 * current state comes back as 409 with the workflow's reason. Every outcome is audited.
 * An `Idempotency-Key` header becomes the update id, so a retried request is applied once.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { stepSchemas, type StepName } from '../../domain/steps.schema';
import { stepUpdates, type Actor, type CaseState, type StepCall } from '../../workflows/messages';
import { authorize, type Action } from '../access';
import type { ApiDeps, AppEnv } from '../app';
import { audit } from '../audit';
import { readCase } from '../case-reader';
import { caseViewFor, caseViewSchema } from '../case-views';
import { problem } from '../problem';
import { bearerSecurity, caseIdParam, problemResponses } from './schemas';

export type StepDefinition<Body extends z.ZodType, Input> = {
  /** The last path segment: POST /v1/cases/{caseId}/<path>. */
  path: string;
  /** Its row in the access policy (api/access.ts). */
  action: Action;
  summary: string;
  body: Body;
  update: UpdateDefinition<CaseState, [Input]>;
  /** The update's argument from the validated body and the caller. */
  input: (body: z.output<Body>, actor: Actor) => Input;
};

/** Keeps each step's body and update types tied together in the list below. */
export function step<Body extends z.ZodType, Input>(definition: StepDefinition<Body, Input>): StepDefinition<z.ZodType, unknown> {
  return definition as unknown as StepDefinition<z.ZodType, unknown>;
}

/** One route per staff step of the settlement case: path, policy row, and the update it calls. */
const stepRoutes: { [S in StepName]: { path: string; action: Action; summary: string } } = {
  registerFirstRenewal: { path: 'first-renewal', action: 'case.first-renewal', summary: 'The permit was renewed for the first time (R-ELIG-2)' },
  recordSettlementInfo: { path: 'settlement-info', action: 'case.settlement-info', summary: 'Settlement-relevant information (R-REG-1..7); frozen once the interview is completed' },
  completeInterview: { path: 'interview', action: 'case.interview', summary: 'The settlement interview was held (R-INT-2, R-INT-3, R-INT-4, R-INT-5)' },
  addInternalNote: { path: 'internal-notes', action: 'case.internal-note', summary: 'An internal settlement note to IMDi, with corrected information if any (R-INT-6, R-REG-3)' },
  recordCompetenceMapping: { path: 'competence-mapping', action: 'case.competence-mapping', summary: 'Competence mapping done or not applicable (R-HOST-1)' },
  recordNorwegianTraining: { path: 'norwegian-training', action: 'case.norwegian-training', summary: 'Norwegian training offered (R-HOST-2)' },
  recordFunctionReport: { path: 'function-reports', action: 'case.function-report', summary: 'Updated function report, or no change (R-REG-6)' },
  offerToMunicipality: { path: 'offers', action: 'case.offer', summary: 'IMDi offers the case to one municipality (R-DIST-1, R-DIST-3)' },
  respondToOffer: { path: 'offer-response', action: 'case.offer-response', summary: 'The municipality accepts with the expected week, or declines with a reason (R-DIST-2, R-DIST-7)' },
  agreeSelfSettlement: { path: 'self-settlement', action: 'case.self-settlement', summary: 'Agreed self-settlement (R-MOVE-7)' },
  recordUnaccompaniedMinorPlans: { path: 'minor-plans', action: 'case.minor-plans', summary: 'Signed mapping plan and action plan sent to the municipality (R-EM-1)' },
  agreeMovingDate: { path: 'moving-date', action: 'case.moving-date', summary: 'Moving date and travel agreed (R-MOVE-1, R-MOVE-2)' },
  registerRefusal: { path: 'refusal', action: 'case.refusal', summary: 'The resident refused the settlement offer (R-REF-2)' },
  endRefusal: { path: 'refusal-end', action: 'case.refusal-end', summary: 'The refusal ended in eviction or leaving (R-REF-6)' },
  registerDeparture: { path: 'departure', action: 'case.departure', summary: 'Departure from the reception centre with reason and address (R-MOVE-4..6)' },
  confirmArrival: { path: 'arrival', action: 'case.arrival', summary: 'The municipality received the household (R-MOVE-3)' },
  closeTask: { path: 'tasks-done', action: 'case.task-done', summary: 'A task the case raised (e.g. a message to deliver by hand) is done' },
};

export const steps = (Object.keys(stepRoutes) as StepName[]).map((name) =>
  step({
    ...stepRoutes[name],
    body: stepSchemas[name] as z.ZodType,
    update: stepUpdates[name] as unknown as UpdateDefinition<CaseState, [StepCall<typeof name>]>,
    input: (body, actor) => ({ actor, input: body as never }),
  }),
);

const idempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().describe('Retrying with the same key applies the step once'),
});

export function registerStep(app: OpenAPIHono<AppEnv>, deps: ApiDeps, definition: StepDefinition<z.ZodType, unknown>) {
  const route = createRoute({
    method: 'post',
    path: `/v1/cases/{caseId}/${definition.path}`,
    summary: definition.summary,
    tags: ['staff steps'],
    security: bearerSecurity,
    middleware: [authorize(definition.action)] as const,
    request: {
      params: caseIdParam,
      headers: idempotencyHeaders,
      body: { required: true, content: { 'application/json': { schema: definition.body } } },
    },
    responses: {
      200: { description: 'The case after the step, as far as the caller now sees it (its view, api/case-views.ts)', content: { 'application/json': { schema: caseViewSchema } } },
      ...problemResponses(400, 401, 403, 404, 409, 413, 415),
    },
  });

  app.openapi(route, async (c) => {
    const { caseId } = c.req.valid('param');
    const body = c.req.valid('json');
    const principal = c.get('principal');
    const read = await readCase(c, deps, definition.action, caseId, { auditRead: false });
    if (!read.ok) return read.response as never;

    const actor: Actor = { id: principal.id, role: principal.role, organisation: principal.organisation };
    let state: CaseState;
    try {
      state = await deps.temporal.workflow.getHandle(caseId).executeUpdate(definition.update, {
        args: [definition.input(body, actor)],
        updateId: c.req.valid('header')['idempotency-key'],
      });
    } catch (error) {
      const reason =
        error instanceof WorkflowUpdateFailedError
          ? (error.cause?.message ?? error.message)
          : error instanceof WorkflowNotFoundError
            ? 'The case is closed; no step can be taken on it.'
            : undefined;
      if (reason === undefined) throw error;
      await audit(deps.tables, principal, definition.action, caseId, 'refused', reason);
      return problem(c, 409, 'Step not allowed now', reason, { action: definition.action });
    }
    await audit(deps.tables, principal, definition.action, caseId, 'ok');
    // The caller's view of the case after the step, exactly as a read answers (R-REG-3, R-PRIV-3):
    // a step may change it (a municipality that accepts sees the settling municipality's view).
    return c.json(caseViewFor(state, principal, deps), 200);
  });
}

export function registerStepRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  for (const definition of steps) registerStep(app, deps, definition);
}
