/** Reading cases: the list from the read model; one case, its history and its audit trail live. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { municipalityNumberSchema } from '../../domain/identifiers.schema';
import { addDays } from '../../domain/dates';
import { isoDateSchema } from '../../domain/dates.schema';
import { InvalidPeriodError, LIST_READS_MAX_DAYS, listAudit, listReadsOfCase } from '../../store/audit-log';
import { currentGoalStatus, InvalidCursorError, listCases, type CaseRow } from '../../store/case-index';
import { authorize, scopedListFilters } from '../access';
import { today, type ApiDeps, type AppEnv } from '../app';
import { audit, auditList } from '../audit';
import { readCase } from '../case-reader';
import { buildView, caseLinks, caseViewSchema, historyVisible } from '../case-views';
import { fetchRuns, readableHistory, wholeTimeline } from '../history';
import { readTimeline } from '../../store/case-timeline';
import type { CaseState } from '../../workflows/messages';
import { problem } from '../problem';
import { bearerSecurity, caseIdParam, pageQuery, problemResponses } from './schemas';

const openTaskSchema = z.object({ id: z.string(), title: z.string(), rule: z.string(), dueDate: z.string() });

export const summarySchema = z
  .object({
    caseId: z.string(),
    permitId: z.string().optional().describe('left out of a municipality’s list of offers (R-DIST-3)'),
    permitType: z.string(),
    permitDate: z.string(),
    stage: z.string(),
    receptionCentreId: z.string().optional().describe('left out of a municipality’s list of offers (R-DIST-3)'),
    receptionCentreName: z.string().optional().describe('left out of a municipality’s list of offers (R-DIST-3)'),
    municipalityNumber: z.string().optional().describe('the municipality that accepted the case'),
    offeredToMunicipalityNumber: z.string().optional().describe('R-DIST-3: the municipality with a pending offer'),
    hostMunicipalityNumber: z.string().optional().describe('the reception centre’s host municipality (vertskommune)'),
    priorityGroup: z.string(),
    goalStatus: z.string().describe('R-GOAL-1 as of today: on_track, at_risk or late'),
    goalDate: z.string(),
    householdSize: z.number(),
    unaccompaniedMinor: z.boolean().optional(),
    openTasks: z.array(openTaskSchema),
    nextDueDate: z.string().optional(),
    settledAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .openapi('CaseSummary');

export function summaryOut(row: CaseRow, day: string) {
  const { atRiskDate: _a, goalRunning: _r, ...rest } = row;
  return { ...rest, goalStatus: currentGoalStatus(row, day) };
}

/**
 * R-DIST-3: a case offered to a municipality, as that municipality may list it before it answers —
 * nothing that names the household or its centre (no permit id, centre, host or task titles).
 */
export function offeredSummaryOut(row: CaseRow, day: string) {
  const { permitId: _p, receptionCentreId: _c, receptionCentreName: _n, hostMunicipalityNumber: _h, openTasks: _t, nextDueDate: _d, ...rest } = summaryOut(row, day);
  return { ...rest, openTasks: [] as CaseRow['openTasks'] };
}

const listRoute = createRoute({
  method: 'get',
  path: '/v1/cases',
  summary: 'Cases from the case index, filtered; newest change first (goal and overdue filters: most urgent first)',
  description:
    'A reception centre sees only its residents (R-PRIV-2); a municipality only the cases it accepted (R-PRIV-1). ' +
    'Filters beyond the one an index serves are applied as a DynamoDB FilterExpression, so a page may be shorter than `limit` while `nextCursor` is set.',
  tags: ['cases'],
  security: bearerSecurity,
  middleware: [authorize('case.list')] as const,
  request: {
    query: z.object({
      stage: z.string().regex(/^[a-z_]{1,40}$/, 'must be a stage name, e.g. interview').optional(),
      municipality: municipalityNumberSchema.optional(),
      offeredTo: municipalityNumberSchema
        .optional()
        .describe('R-DIST-3: cases with a pending offer to this municipality (its Tilbud page); a municipality may ask only for its own number'),
      receptionCentre: z.string().min(1).max(200).optional(),
      priorityGroup: z.enum(['unaccompanied_minor', 'family_with_children', 'resettlement', 'none']).optional(),
      goal: z.enum(['at_risk', 'late']).optional().describe('R-GOAL-1, cases not yet settled'),
      overdue: z.enum(['true', 'false']).optional().describe('true: cases with an open task past its due date'),
      ...pageQuery,
    }),
  },
  responses: {
    200: { description: 'A page of cases', content: { 'application/json': { schema: z.object({ items: z.array(summarySchema), nextCursor: z.string().optional() }) } } },
    ...problemResponses(400, 401, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/cases/{caseId}',
  summary: 'One case live from its workflow (once it has ended: from its archive), in the caller’s view (R-REG-3, R-PRIV-1..3): IMDi and supervisors in full; UDI, the centre, the settling municipality, the host municipality (R-HOST-1/2) each their part; a municipality before acceptance the anonymised profile (R-DIST-3)',
  tags: ['cases'],
  security: bearerSecurity,
  middleware: [authorize('case.read')] as const,
  request: { params: caseIdParam },
  responses: {
    200: { description: 'The case in the caller’s view (`view` names it; api/case-views.ts lists each view’s parts)', content: { 'application/json': { schema: caseViewSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

const historyEntrySchema = z.object({
  at: z.string(),
  source: z.enum(['temporal', 'case']),
  kind: z.string(),
  text: z.string(),
  rule: z.string().optional(),
  actor: z.object({ id: z.string(), role: z.string(), organisation: z.string().optional() }).optional(),
  runId: z.string().optional(),
  eventId: z.number().optional(),
  seq: z.number().optional().describe('a case entry’s number in the case’s timeline'),
  audience: z.string().optional().describe('a case entry for IMDi and supervisors only: imdi'),
});

const historyRoute = createRoute({
  method: 'get',
  path: '/v1/cases/{caseId}/history',
  summary: 'The case’s readable history: steps with who did them, timers, notifications — from Temporal and the case’s own timeline',
  tags: ['cases'],
  security: bearerSecurity,
  middleware: [authorize('case.history')] as const,
  request: { params: caseIdParam },
  responses: {
    200: {
      description: 'In the order things happened, with the link to the workflow in the Temporal Web UI; outside IMDi and supervisors, only the entries the caller’s view shows',
      content: {
        'application/json': {
          schema: z.object({ caseId: z.string(), runs: z.number(), entries: z.array(historyEntrySchema), links: z.object({ case: z.string(), temporalUi: z.string() }) }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const auditEntrySchema = z.object({
  caseId: z.string(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  organisation: z.string().optional(),
  action: z.string(),
  outcome: z.string(),
  detail: z.string().optional(),
});

const auditRoute = createRoute({
  method: 'get',
  path: '/v1/cases/{caseId}/audit',
  summary: 'Who read or changed this case, when (R-PRIV-4); supervisors only',
  description:
    'Every read of this one case and every change of it, one entry each. A list that returned the case among others ' +
    '(`GET /v1/cases`, deadlines, notifications by status, information reports) is logged once per request, not here: ' +
    '`GET /v1/cases/{caseId}/audit/lists` finds those requests for a period.',
  tags: ['cases'],
  security: bearerSecurity,
  middleware: [authorize('case.audit')] as const,
  request: { params: caseIdParam, query: z.object(pageQuery) },
  responses: {
    200: { description: 'Oldest first', content: { 'application/json': { schema: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().optional() }) } } },
    ...problemResponses(400, 401, 403),
  },
});

const listReadSchema = z.object({
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  organisation: z.string().optional(),
  action: z.string().describe('the list read, e.g. case.list, deadlines.list, notifications.read, report.read'),
  outcome: z.string(),
  detail: z.string().optional(),
  cases: z.number().int().describe('how many cases the request returned, this one among them'),
});

const listReadsRoute = createRoute({
  method: 'get',
  path: '/v1/cases/{caseId}/audit/lists',
  summary: 'Who saw this case in a list, when (R-PRIV-4); supervisors only',
  description:
    'A read that returns several cases is logged as one entry per request naming every case it returned. This finds the ' +
    `requests that returned this case in the days \`from\`..\`to\` (UTC dates, at most ${LIST_READS_MAX_DAYS} days; default the ` +
    `${LIST_READS_MAX_DAYS} days up to today), oldest first. Each day is one query of that day's list reads, so ask for the period you need. ` +
    'Together with `GET /v1/cases/{caseId}/audit` (reads of the case itself and its changes) it is the case’s whole audit trail.',
  tags: ['cases'],
  security: bearerSecurity,
  middleware: [authorize('case.audit')] as const,
  request: {
    params: caseIdParam,
    query: z.object({
      from: isoDateSchema.optional().describe(`first day (UTC); default \`to\` − ${LIST_READS_MAX_DAYS - 1} days`),
      to: isoDateSchema.optional().describe('last day (UTC), inclusive; default today'),
      ...pageQuery,
    }),
  },
  responses: {
    200: {
      description: 'Oldest first',
      content: { 'application/json': { schema: z.object({ caseId: z.string(), from: z.string(), to: z.string(), items: z.array(listReadSchema), nextCursor: z.string().optional() }) } },
    },
    ...problemResponses(400, 401, 403),
  },
});

/**
 * R-DIST-3: the cases offered to a municipality and not yet answered. A municipality may list only
 * the offers to itself (their rows; each case then reads as the anonymised profile). A municipality's
 * other lists stay restricted to the cases it accepted (scopedListFilters).
 */
function offeredListFilters<F extends { receptionCentreId?: string; municipalityNumber?: string }>(
  principal: { role: string; organisation?: string },
  requested: F,
  offeredTo: string,
): { ok: true; filters: F & { offeredToMunicipalityNumber: string } } | { ok: false; reason: string } {
  if (principal.role === 'kommune') {
    if (principal.organisation !== offeredTo) return { ok: false, reason: 'You may list only the offers to your own municipality.' };
    if (requested.receptionCentreId !== undefined || requested.municipalityNumber !== undefined) return { ok: false, reason: 'The offers list takes no centre or municipality filter.' };
    return { ok: true, filters: { ...requested, offeredToMunicipalityNumber: offeredTo } };
  }
  if (principal.role === 'imdi' || principal.role === 'supervisor') return { ok: true, filters: { ...requested, offeredToMunicipalityNumber: offeredTo } };
  return { ok: false, reason: 'Only IMDi, supervisors and the municipality itself list the offers to a municipality.' };
}

/** The whole readable history from Temporal; the workflow carries its newest entries only, the read model keeps the whole timeline. */
async function liveHistory(deps: ApiDeps, caseId: string, state: CaseState) {
  const [runs, stored] = await Promise.all([fetchRuns(deps.temporal, caseId), readTimeline(deps.tables, caseId)]);
  return { runs: runs.length, entries: await readableHistory(deps.temporal, state, runs, wholeTimeline(stored, state.timeline)) };
}

export function registerCaseRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(listRoute, async (c) => {
    const { limit, cursor, municipality, receptionCentre, overdue, offeredTo, ...rest } = c.req.valid('query');
    const principal = c.get('principal');
    const requested = { ...rest, receptionCentreId: receptionCentre, municipalityNumber: municipality, overdue: overdue === 'true' };
    const scoped = offeredTo ? offeredListFilters(principal, requested, offeredTo) : scopedListFilters(c.get('scope'), principal, requested);
    if (!scoped.ok) return problem(c, 403, 'Forbidden', scoped.reason);
    const day = today(deps);
    try {
      const page = await listCases(deps.tables, scoped.filters, { limit, cursor, today: day });
      await auditList(deps.tables, c.get('principal'), 'case.list', page.items.map((row) => row.caseId));
      const out = offeredTo && principal.role === 'kommune' ? offeredSummaryOut : summaryOut;
      return c.json({ items: page.items.map((row) => out(row, day)), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });

  app.openapi(getRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const read = await readCase(c, deps, 'case.read', caseId);
    if (!read.ok) return read.response as never;
    return c.json(buildView(read.view, read.state, c.get('principal'), deps), 200);
  });

  app.openapi(historyRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const read = await readCase(c, deps, 'case.history', caseId);
    if (!read.ok) return read.response as never;
    const history = read.archived?.history ?? (await liveHistory(deps, caseId, read.state));
    const entries = history.entries.filter((entry) => historyVisible(read.view, entry));
    return c.json({ caseId, runs: history.runs, entries, links: caseLinks(deps, caseId) }, 200);
  });

  app.openapi(auditRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    try {
      const trail = await listAudit(deps.tables, caseId, { limit, cursor });
      // Reading who saw a case is itself logged (after the page was read, so it shows next time).
      await audit(deps.tables, c.get('principal'), 'case.audit', caseId);
      return c.json(trail, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });

  app.openapi(listReadsRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const { limit, cursor, ...asked } = c.req.valid('query');
    const to = asked.to ?? (asked.from ? addDays(asked.from, LIST_READS_MAX_DAYS - 1) : today(deps));
    const from = asked.from ?? addDays(to, -(LIST_READS_MAX_DAYS - 1));
    try {
      const page = await listReadsOfCase(deps.tables, caseId, { from, to, limit, cursor });
      await audit(deps.tables, c.get('principal'), 'case.audit', caseId, 'ok', `lists ${from}..${to}`);
      return c.json({ caseId, from, to, ...page }, 200);
    } catch (error) {
      if (error instanceof InvalidPeriodError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.from', message: error.message }] });
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });
}
