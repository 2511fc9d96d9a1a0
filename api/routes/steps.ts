/**
 * Staff steps: each is one route mapped to one workflow update, declared in `steps` below.
 *
 * The route: the role check (access.ts, before anything is read), the body validated by its zod
 * schema (400 with the field path), the case looked up and the caller's reach checked (404),
 * then the update with the actor taken from the token. A step the workflow refuses in the case's
 * current state comes back as 409 with the workflow's reason. Every outcome is audited.
 * An `Idempotency-Key` header goes to the case, which keeps the keys it applied (bound to the step
 * and the caller), so a retried request is applied once — also after the case continued as new.
 * The answer is the step's outcome and the case as the caller may now read it (never more).
 *
 * GET /v1/cases/{caseId}/steps lists the steps the caller's role has, each open now or with the
 * reason why not — from the case's own rules (domain/case/steps.ts), so the workbench offers exactly
 * what the case will accept.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { stepSchemas, type StepName } from '../../domain/steps.schema';
import { availableSteps } from '../../domain/case/steps';
import { interviewRecordSchemaFor } from '../../domain/settlement-info.schema';
import { caseStateQuery, stepUpdateId, stepUpdates, type Actor, type CaseState, type StepCall, type StepResult } from '../../workflows/messages';
import { authorize, type Action } from '../access';
import { today, type ApiDeps, type AppEnv } from '../app';
import { audit, refusalDetail } from '../audit';
import { readCase } from '../case-reader';
import { caseViewFor, caseViewSchema } from '../case-views';
import { fieldErrors, problem } from '../problem';
import { bearerSecurity, caseIdParam, problemResponses } from './schemas';

export type StepDefinition<Body extends z.ZodType, Input> = {
  name: StepName;
  /** The last path segment: POST /v1/cases/{caseId}/<path>. */
  path: string;
  /** Its row in the access policy (api/access.ts). */
  action: Action;
  summary: string;
  body: Body;
  update: UpdateDefinition<StepResult, [Input]>;
  /** The update's argument from the validated body, the caller and its Idempotency-Key. */
  input: (body: z.output<Body>, actor: Actor, idempotencyKey?: string) => Input;
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
    name,
    update: stepUpdates[name] as unknown as UpdateDefinition<StepResult, [StepCall<typeof name>]>,
    input: (body, actor, idempotencyKey) => ({ actor, input: body as never, ...(idempotencyKey ? { idempotencyKey } : {}) }),
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
      200: {
        description: "The step's outcome, and the case after the step as far as the caller now sees it (its view, api/case-views.ts)",
        content: { 'application/json': { schema: caseViewSchema.and(z.object({ step: stepResultSchema })) } },
      },
      ...problemResponses(400, 401, 403, 404, 409, 413, 415),
    },
  });

  app.openapi(route, async (c) => {
    const { caseId } = c.req.valid('param');
    const body = c.req.valid('json');
    const principal = c.get('principal');
    const read = await readCase(c, deps, definition.action, caseId, { auditRead: false, forChange: true });
    if (!read.ok) return read.response as never;

    const actor: Actor = { id: principal.id, role: principal.role, organisation: principal.organisation };
    // R-INT-3..5: what the interview must record depends on the household (the permit).
    if (definition.name === 'completeInterview') {
      const checked = interviewRecordSchemaFor(read.state.permit).safeParse(body);
      if (!checked.success) return problem(c, 400, 'Invalid request', 'The body is not valid.', { errors: fieldErrors(checked.error.issues) });
    }
    const idempotencyKey = c.req.valid('header')['idempotency-key'];
    const handle = deps.temporal.workflow.getHandle(caseId);
    let result: StepResult;
    try {
      result = await handle.executeUpdate(definition.update, {
        args: [definition.input(body, actor, idempotencyKey)],
        updateId: idempotencyKey ? stepUpdateId(definition.name, actor, idempotencyKey) : undefined,
      });
    } catch (error) {
      const reason =
        error instanceof WorkflowUpdateFailedError
          ? (error.cause?.message ?? error.message)
          : error instanceof WorkflowNotFoundError
            ? 'Saken er avsluttet; ingen steg kan tas på den.'
            : undefined;
      if (reason === undefined) throw error;
      await audit(deps.tables, principal, definition.action, caseId, 'refused', refusalDetail(error));
      return problem(c, 409, 'Step not allowed now', reason, { action: definition.action });
    }
    // The caller's view of the case after the step, exactly as a read answers (R-REG-3, R-PRIV-3):
    // a step may change it (a municipality that accepts sees the settling municipality's view).
    // Read while the audit entry is written: both are done before the answer, neither waits for the other.
    const [state] = await Promise.all([handle.query(caseStateQuery) as Promise<CaseState>, audit(deps.tables, principal, definition.action, caseId, 'ok')]);
    return c.json({ ...caseViewFor(state, principal, deps), step: result }, 200);
  });
}

const stepResultSchema = z.object({
  step: z.string(),
  outcome: z.string().describe('What the step did, in bokmål'),
  version: z.number().int().describe("The case's version after the step"),
  repeated: z.boolean().optional().describe('A retry with the same Idempotency-Key: the step was applied before, not again'),
});

const availableStepsRoute = createRoute({
  method: 'get',
  path: '/v1/cases/{caseId}/steps',
  summary: "The staff steps the caller's role has in this case: each open now, or the reason why not",
  tags: ['staff steps'],
  security: bearerSecurity,
  middleware: [authorize('case.read')] as const,
  request: { params: caseIdParam },
  responses: {
    200: {
      description: 'One entry per step of the caller\'s role, with its route and rule',
      content: {
        'application/json': {
          schema: z.object({
            caseId: z.string(),
            version: z.number().int(),
            steps: z.array(z.object({ step: z.string(), path: z.string(), rule: z.string(), open: z.boolean(), reason: z.string().optional() })),
          }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

function registerAvailableSteps(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(availableStepsRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const read = await readCase(c, deps, 'case.read', caseId, { auditRead: false });
    if (!read.ok) return read.response as never;
    const principal = c.get('principal');
    const now = new Date(deps.clock?.() ?? Date.now()).toISOString();
    const list = availableSteps(read.state, { id: principal.id, role: principal.role, organisation: principal.organisation }, { now, today: today(deps) });
    return c.json({ caseId, version: read.state.version, steps: list.map((s) => ({ ...s, path: stepRoutes[s.step].path })) }, 200);
  });
}

export function registerStepRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  registerAvailableSteps(app, deps);
  for (const definition of steps) registerStep(app, deps, definition);
}
