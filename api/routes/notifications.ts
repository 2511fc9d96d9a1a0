/**
 * What was sent about a case, when, and whether it arrived: the case's notification log, the
 * caseworker's list of messages to send by hand, and letter PDFs. Each caller reads only the
 * messages its view of the case shows (api/case-views.ts `notifications`): IMDi and supervisors
 * all; UDI its own letters and what is addressed to it — never an internal note or its data
 * (R-REG-3, R-PRIV-3). A message outside the caller's view is answered as if it did not exist.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorize, reach } from '../access';
import { InvalidCursorError } from '../../store/case-index';
import { getLetter } from '../../store/letters';
import { getNotification, listCaseNotifications, listNotificationsByStatus, notificationStatuses, type NotificationRecord } from '../../store/notification-log';
import type { ApiDeps, AppEnv } from '../app';
import { audit, auditList } from '../audit';
import { readCase } from '../case-reader';
import { notificationVisible, viewForStandings, type CaseViewName } from '../case-views';
import { fieldErrors, problem } from '../problem';
import { bearerSecurity, problemResponses } from './schemas';

const caseIdSchema = z.string().min(1).max(200);

// Exact (additionalProperties: false): a stored item's other attributes never reach a caller.
const notificationSchema = z
  .strictObject({
    notificationId: z.string(),
    caseId: z.string(),
    type: z.string(),
    rule: z.string().describe('The rule that requires the message, e.g. R-ARR-6'),
    recipient: z.string().describe('<kind>:<id> in the recipient directory'),
    recipientName: z.string().optional(),
    channel: z.enum(['webhook', 'email', 'letter', 'none']),
    status: z.enum(notificationStatuses).describe('pending: being delivered or waiting for a retry; delivered; failed: gave up (a task is raised on the case); manual: a caseworker sends it'),
    attempts: z.number().int(),
    subject: z.string(),
    body: z.string().describe('The rendered Norwegian text, as sent'),
    lastError: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string().optional(),
    deliveredAt: z.string().optional(),
    data: z.string().optional().describe('The validated data as JSON, exactly what the type’s schema let through; IMDi and supervisors only'),
    links: z.strictObject({ letter: z.string().optional() }),
  })
  .openapi('Notification');

/** A message as the API shows it; its validated `data` only in the full view (the body says what was sent). */
function view(record: NotificationRecord, caseView: CaseViewName): z.infer<typeof notificationSchema> {
  // Field by field, so the answer holds exactly what the schema declares.
  const { notificationId, caseId, type, rule, recipient, recipientName, status, attempts, subject, body, lastError, createdAt, updatedAt, deliveredAt, data, hasLetter } = record;
  return {
    notificationId, caseId, type, rule, recipient, recipientName,
    channel: record.channel as z.infer<typeof notificationSchema>['channel'],
    status, attempts, subject, body, lastError, createdAt, updatedAt, deliveredAt,
    ...(caseView === 'full' && data !== undefined ? { data } : {}),
    links: { letter: hasLetter ? letterPath(record.caseId, record.notificationId) : undefined },
  };
}

function letterPath(caseId: string, notificationId: string): string {
  return `/v1/cases/${encodeURIComponent(caseId)}/letters/${encodeURIComponent(notificationId)}.pdf`;
}

const caseRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('notifications.read')] as const,
  method: 'get',
  path: '/v1/cases/{caseId}/notifications',
  summary: "A case's notification log: every message, its channel, attempts and status",
  tags: ['notifications'],
  request: { params: z.object({ caseId: caseIdSchema }) },
  responses: {
    200: { description: 'The messages of the case the caller’s view shows, in the order they were sent', content: { 'application/json': { schema: z.object({ items: z.array(notificationSchema) }) } } },
    ...problemResponses(400, 404),
  },
});

const byStatusRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('notifications.read')] as const,
  method: 'get',
  path: '/v1/notifications',
  summary: 'Messages by status across cases, oldest first — by default the caseworker’s list to send by hand; only those the caller’s view shows (a page may hold fewer than `limit`)',
  tags: ['notifications'],
  request: {
    query: z.object({
      status: z.enum(notificationStatuses).default('manual'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(2000).optional(),
    }),
  },
  responses: {
    200: { description: 'A page of messages', content: { 'application/json': { schema: z.object({ items: z.array(notificationSchema), nextCursor: z.string().optional() }) } } },
    ...problemResponses(400, 403),
  },
});

const letterParams = z.object({ caseId: caseIdSchema, notificationId: z.string().min(1).max(500) });

/** Documented with its real path; served by a Hono route (below), as `{id}.pdf` is not a path parameter Hono can split. */
const letterRoute = createRoute({
  security: bearerSecurity, // authorised by the Hono route below; only documented here
  method: 'get',
  path: '/v1/cases/{caseId}/letters/{notificationId}.pdf',
  summary: 'A letter as PDF (addressed, dated, with the case reference and DUF numbers)',
  tags: ['notifications'],
  request: { params: letterParams },
  responses: {
    200: { description: 'The letter', content: { 'application/pdf': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
    ...problemResponses(400, 404),
  },
});

type Ctx = Context<AppEnv>;

/** A case outside every caller's reach: nobody stands to it. */
const NO_CASE = { receptionCentreId: '\u0000none' };

/**
 * The caller's view for reading messages. IMDi, supervisors and UDI have one by their role; any
 * other caller's depends on how it stands to the case, read from the workflow (404 outside its reach).
 */
async function notificationView(c: Ctx, deps: ApiDeps, caseId: string): Promise<{ ok: true; view: CaseViewName } | { ok: false; response: Response }> {
  const byRole = viewForStandings(reach(c.get('scope'), c.get('principal'), NO_CASE));
  if (byRole) return { ok: true, view: byRole };
  const read = await readCase(c, deps, 'notifications.read', caseId, { auditRead: false });
  return read.ok ? { ok: true, view: read.view } : read;
}

export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>, deps: ApiDeps) {
  app.openapi(caseRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const seen = await notificationView(c, deps, caseId);
    if (!seen.ok) return seen.response as never;
    const principal = c.get('principal');
    const items = (await listCaseNotifications(deps.tables, caseId)).filter((record) => notificationVisible(seen.view, record, principal));
    await audit(deps.tables, principal, 'notifications.read', caseId, 'ok', seen.view === 'full' ? undefined : `view ${seen.view}`);
    return c.json({ items: items.map((record) => view(record, seen.view)) }, 200);
  });

  app.openapi(byStatusRoute, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    const principal = c.get('principal');
    // Across cases: only a caller whose view does not depend on the case can read this list.
    const caseView = viewForStandings(reach(c.get('scope'), principal, NO_CASE));
    if (!caseView) return problem(c, 403, 'Forbidden', 'Meldinger på tvers av saker kan bare leses av IMDi, UDI og tilsyn; les meldingene sak for sak.');
    try {
      const page = await listNotificationsByStatus(deps.tables, status, { limit, cursor });
      const items = page.items.filter((record) => notificationVisible(caseView, record, principal));
      await auditList(deps.tables, principal, 'notifications.read', items.map((record) => record.caseId));
      return c.json({ items: items.map((record) => view(record, caseView)), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });

  app.openAPIRegistry.registerPath(letterRoute);
  app.get('/v1/cases/:caseId/letters/:file{.+\\.pdf}', authorize('notifications.read'), async (c) => {
    const parsed = letterParams.safeParse({ caseId: c.req.param('caseId'), notificationId: c.req.param('file').slice(0, -'.pdf'.length) });
    if (!parsed.success) {
      return problem(c, 400, 'Invalid request', 'Stien er ikke gyldig.', { errors: fieldErrors(parsed.error.issues, 'param') });
    }
    const { caseId, notificationId } = parsed.data;
    const seen = await notificationView(c as unknown as Ctx, deps, caseId);
    if (!seen.ok) return seen.response;
    const principal = c.get('principal');
    const notFound = () => problem(c, 404, 'Letter not found', `Sak ${caseId} har ikke noe brev ${notificationId}.`);
    if (seen.view !== 'full') {
      // The letter of a message outside the caller's view is answered like a letter that does not exist.
      const record = await getNotification(deps.tables, caseId, notificationId);
      if (!record || !notificationVisible(seen.view, record, principal)) return notFound();
    }
    const pdf = await getLetter(deps.tables, caseId, notificationId);
    if (!pdf) return notFound();
    await audit(deps.tables, principal, 'notifications.read', caseId, 'ok', `letter ${notificationId}`);
    return c.body(Buffer.from(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${notificationId.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`,
    });
  });
}
