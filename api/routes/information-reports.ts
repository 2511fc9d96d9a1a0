/**
 * R-DIST-8: the settling municipality reports missing or wrong information after settlement; IMDi
 * forwards the report to UDI, UDI takes it up with the reception centre. The reports are counted
 * per centre. The report's text is personal data: the municipality reads its own, the centre a
 * report once UDI has taken it up with it, IMDi, UDI and supervisors all (the audit log records
 * who read or moved which, never the text).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { isoDateSchema } from '../../domain/dates.schema';
import {
  countByCentre,
  NO_CENTRE,
  informationReportCategories,
  newReport,
  partyOfStatus,
  reportRefusal,
  route,
  routingRefusal,
  type InformationReport,
  type RoutingStep,
} from '../../domain/information-report';
import { createReport, getReport, listReports, saveRouted } from '../../store/information-reports';
import { audit, auditList } from '../audit';
import { authorize, scopeNames } from '../access';
import { type ApiDeps, type AppEnv } from '../app';
import { readCase } from '../case-reader';
import { problem } from '../problem';
import { bearerSecurity, caseIdParam, problemResponses } from './schemas';

const reportedBySchema = z.object({ id: z.string(), role: z.string(), organisation: z.string().optional() });

const reportSchema = z
  .object({
    reportId: z.string(),
    caseId: z.string(),
    municipalityNumber: z.string(),
    receptionCentreId: z.string(),
    categories: z.array(z.enum(informationReportCategories)),
    description: z.string(),
    status: z.enum(['with_imdi', 'with_udi', 'with_centre']).describe('Where the report is on its way IMDi → UDI → the centre'),
    party: z.enum(['imdi', 'udi', 'reception_centre']).describe('Who acts on it now'),
    reportedAt: z.string(),
    reportedBy: reportedBySchema,
    forwardedAt: z.string().optional(),
    forwardedBy: reportedBySchema.optional(),
    takenUpAt: z.string().optional(),
    takenUpBy: reportedBySchema.optional(),
    udiNote: z.string().optional(),
    repeated: z.boolean().optional().describe('This Idempotency-Key was used before: the report as it was made then'),
  })
  .openapi('InformationReport');

const view = (report: InformationReport, repeated = false): z.infer<typeof reportSchema> => ({ ...report, party: partyOfStatus[report.status], ...(repeated ? { repeated } : {}) });

const createRouteDef = createRoute({
  security: bearerSecurity,
  middleware: [authorize('report.create')] as const,
  method: 'post',
  path: '/v1/cases/{caseId}/information-reports',
  summary: 'Report missing or wrong information found after settlement (R-DIST-8); it goes to IMDi',
  tags: ['information-reports'],
  request: {
    params: caseIdParam,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional().describe('Retrying with the same key makes one report') }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            categories: z.array(z.enum(informationReportCategories)).min(1).max(informationReportCategories.length),
            description: z.string().trim().min(1).max(4000).describe('What was missing or wrong, and what it led to'),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'The report, with IMDi', content: { 'application/json': { schema: reportSchema } } },
    200: { description: 'The same Idempotency-Key again: the report made then', content: { 'application/json': { schema: reportSchema } } },
    ...problemResponses(400, 404, 409),
  },
});

const period = z.object({ from: isoDateSchema, to: isoDateSchema });

const listRouteDef = createRoute({
  security: bearerSecurity,
  middleware: [authorize('report.read')] as const,
  method: 'get',
  path: '/v1/information-reports',
  summary: 'The reports made in a period that the caller may read, and their count per reception centre (R-DIST-8)',
  tags: ['information-reports'],
  request: { query: period },
  responses: {
    200: {
      description: 'The reports, oldest first, and the counts per centre and category',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(reportSchema),
            countsByCentre: z.array(z.object({ receptionCentreId: z.string(), reports: z.number(), byCategory: z.record(z.string(), z.number()) })),
          }),
        },
      },
    },
    ...problemResponses(400),
  },
});

const reportIdParam = z.object({ reportId: z.string().min(1).max(100).openapi({ param: { name: 'reportId', in: 'path' } }) });

function routingRoute(step: RoutingStep) {
  return createRoute({
    security: bearerSecurity,
    middleware: [authorize(step === 'forward' ? 'report.forward' : 'report.take-up')] as const,
    method: 'post',
    path: `/v1/information-reports/{reportId}/${step === 'forward' ? 'forward' : 'take-up'}`,
    summary: step === 'forward' ? 'IMDi forwards the report to UDI (R-DIST-8)' : 'UDI has taken the report up with the reception centre (R-DIST-8)',
    tags: ['information-reports'],
    request: {
      params: reportIdParam,
      body: { required: true, content: { 'application/json': { schema: z.strictObject({ note: z.string().trim().min(1).max(4000).optional() }) } } },
    },
    responses: {
      200: { description: 'The report after the step', content: { 'application/json': { schema: reportSchema } } },
      ...problemResponses(400, 404, 409),
    },
  });
}

export function registerInformationReportRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(createRouteDef, async (c) => {
    const { caseId } = c.req.valid('param');
    const { categories, description } = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const read = await readCase(c, deps, 'report.create', caseId, { auditRead: false });
    if (!read.ok) return read.response as never;
    const principal = c.get('principal');
    const by = { id: principal.id, role: principal.role, ...(principal.organisation ? { organisation: principal.organisation } : {}) };
    const reported = { caseId, stage: read.state.stage, municipalityNumber: read.state.agreement?.municipalityNumber, receptionCentreId: read.state.permit.receptionCentre?.id ?? NO_CENTRE };
    const refusal = reportRefusal(reported, by);
    if (refusal) return problem(c, 409, 'Report not possible now', refusal);
    // One report per key and case: a retried request finds the report it made.
    const reportId = `rapport-${createHash('sha256').update(`${caseId}\u0000${key ?? randomUUID()}`).digest('hex').slice(0, 20)}`;
    const { report, repeated } = await createReport(deps.tables, newReport(reported, { reportId, categories, description }, by, new Date().toISOString()));
    await audit(deps.tables, principal, 'report.create', caseId, 'ok', reportId);
    return c.json(view(report, repeated), repeated ? 200 : 201);
  });

  app.openapi(listRouteDef, async (c) => {
    const { from, to } = c.req.valid('query');
    const principal = c.get('principal');
    const scopes = scopeNames(c.get('scope'));
    const reports = (await listReports(deps.tables, { from, to })).filter((r) =>
      scopes.includes('all')
        ? true
        : scopes.includes('own-municipality')
          ? r.municipalityNumber === principal.organisation
          : // The centre hears of a report when UDI takes it up with it, not before.
            r.receptionCentreId === principal.organisation && r.status === 'with_centre',
    );
    await auditList(deps.tables, principal, 'report.read', reports.map((r) => r.caseId));
    return c.json({ items: reports.map((r) => view(r)), countsByCentre: countByCentre(reports) }, 200);
  });

  for (const step of ['forward', 'take_up'] as const) {
    const action = step === 'forward' ? 'report.forward' : 'report.take-up';
    app.openapi(routingRoute(step), async (c) => {
      const { reportId } = c.req.valid('param');
      const { note } = c.req.valid('json');
      const principal = c.get('principal');
      const report = await getReport(deps.tables, reportId);
      if (!report) return problem(c, 404, 'Report not found', `Det finnes ingen melding ${reportId}.`);
      const refusal = routingRefusal(report, step);
      if (refusal) return problem(c, 409, 'Step not allowed now', refusal);
      const by = { id: principal.id, role: principal.role, ...(principal.organisation ? { organisation: principal.organisation } : {}) };
      const routed = route(report, step, by, new Date().toISOString(), note);
      // Taken at the same time by two callers: the first write wins, the second is told why.
      if (!(await saveRouted(deps.tables, report.status, routed))) {
        return problem(c, 409, 'Step not allowed now', routingRefusal((await getReport(deps.tables, reportId))!, step)!);
      }
      await audit(deps.tables, principal, action, report.caseId, 'ok', reportId);
      return c.json(view(routed), 200);
    });
  }
}
