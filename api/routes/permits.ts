/** The trigger from UDI's side: a permit that qualifies for settlement with public help was granted. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { checkRegistrationNumbers } from '../../domain/household';
import { permitGrantedSchema, type PermitGranted } from '../../domain/permit.schema';
import { SETTLEMENT_CASE_WORKFLOW } from '../../workflows/messages';
import type { Context } from 'hono';
import { FINISHED_STAGES, getCaseSummary } from '../../store/case-index';
import { claimPersons, type Holder, type PersonConflict } from '../../store/person-index';
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
  description:
    'The same permit twice is one case (200 the second time). A permit naming a person who is already in an open case ' +
    '(not settled, closed or refused) creates nothing: 409, naming that case and the person’s field (R-ELIG-5).',
  tags: ['permits'],
  security: bearerSecurity,
  middleware: [authorize('permit.create')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: permitGrantedSchema } } } },
  responses: {
    201: { description: 'Case created', content: { 'application/json': { schema: createdSchema } } },
    200: { description: 'This permit already has a case; nothing new was created', content: { 'application/json': { schema: createdSchema } } },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
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

/** A claim this recent is a case being started right now, before its workflow or its first row. */
const CLAIM_STARTING_MS = 2 * 60_000;

/** R-ELIG-5: the case holding a person is open unless the case index says it is finished, or it was never started. */
async function caseIsOpen(deps: ApiDeps, holder: Holder): Promise<boolean> {
  const row = await getCaseSummary(deps.tables, holder.caseId);
  if (row) return !FINISHED_STAGES.has(row.stage);
  if (Date.now() - Date.parse(holder.claimedAt) < CLAIM_STARTING_MS) return true;
  return workflowRunning(deps, holder.caseId);
}

async function workflowRunning(deps: ApiDeps, workflowId: string): Promise<boolean> {
  try {
    return (await deps.temporal.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/** 409 naming the open case and each person's field; nothing was created (R-ELIG-5). */
async function duplicatePersons(c: Context<AppEnv>, deps: ApiDeps, conflicts: PersonConflict[]) {
  const openCases = [...new Set(conflicts.map((x) => x.caseId))];
  await audit(deps.tables, c.get('principal'), 'permit.create', openCases, 'refused', 'R-ELIG-5: a new permit names a person in this open case; no second case was created');
  const [first] = conflicts;
  const detail =
    conflicts.length === 1
      ? `Personen med DUF-nummeret i persons[${first!.index}].dufNumber er allerede i en åpen bosettingssak (${first!.caseId}). Det opprettes ingen ny sak; IMDi må avklare hvilken sak personen hører til (R-ELIG-5).`
      : `Personene med DUF-numrene i ${conflicts.map((x) => `persons[${x.index}].dufNumber`).join(', ')} er allerede i en åpen bosettingssak (${openCases.join(', ')}). Det opprettes ingen ny sak; IMDi må avklare hvilken sak personene hører til (R-ELIG-5).`;
  return problem(c, 409, 'Person already in an open case', detail, {
    rule: 'R-ELIG-5',
    openCaseId: first!.caseId,
    links: { case: caseLinks(deps, first!.caseId).case },
    errors: conflicts.map((x) => ({ path: `persons.${x.index}.dufNumber`, message: `DUF-nummeret er allerede i den åpne saken ${x.caseId} (R-ELIG-5)` })),
  });
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
    if (caseId === keyed && !keyedRow) {
      // R-ELIG-5: before a new case starts, each person must be free of every other open case.
      const claim = await claimPersons(deps.tables, { secret: deps.caseIdSecret, caseId, dufNumbers: permit.persons.map((p) => p.dufNumber), isOpen: (holder) => caseIsOpen(deps, holder) });
      if (claim.outcome === 'in_open_case') return duplicatePersons(c, deps, claim.conflicts);
    }
    const created = caseId === keyed && !keyedRow && (await startOnce(deps, keyed, permit));
    await audit(deps.tables, c.get('principal'), 'permit.create', caseId, 'ok', created ? 'case created' : 'permit already had this case');
    const body = { caseId, created, links: caseLinks(deps, caseId) };
    return created ? c.json(body, 201) : c.json(body, 200);
  });
}
