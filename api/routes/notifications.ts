/**
 * What was sent about a case, when, and whether it arrived: the case's notification log, the
 * caseworker's list of messages to send by hand, and letter PDFs.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { authorize } from '../access';
import { InvalidCursorError } from '../../store/case-index';
import { getLetter } from '../../store/letters';
import { listCaseNotifications, listNotificationsByStatus, notificationStatuses, type NotificationRecord } from '../../store/notification-log';
import type { ApiDeps, AppEnv } from '../app';
import { fieldErrors, problem } from '../problem';
import { bearerSecurity, problemResponses } from './schemas';

const caseIdSchema = z.string().min(1).max(200);

const notificationSchema = z
  .object({
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
    links: z.object({ letter: z.string().optional() }),
  })
  .openapi('Notification');

function view(record: NotificationRecord): z.infer<typeof notificationSchema> {
  const { hasLetter, recipientKind: _kind, recipientId: _id, ...rest } = record;
  return {
    ...rest,
    channel: record.channel as z.infer<typeof notificationSchema>['channel'],
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
    200: { description: 'The messages of the case', content: { 'application/json': { schema: z.object({ items: z.array(notificationSchema) }) } } },
    ...problemResponses(400),
  },
});

const byStatusRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('notifications.read')] as const,
  method: 'get',
  path: '/v1/notifications',
  summary: 'Messages by status across cases, oldest first — by default the caseworker’s list to send by hand',
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
    ...problemResponses(400),
  },
});

const letterParams = z.object({ caseId: caseIdSchema, notificationId: z.string().min(1).max(500) });

/** Documented with its real path; served by a Hono route (below), as `{id}.pdf` is not a path parameter Hono can split. */
const letterRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('notifications.read')] as const,
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

export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<ApiDeps, 'tables'>) {
  app.openapi(caseRoute, async (c) => {
    const { caseId } = c.req.valid('param');
    const items = await listCaseNotifications(deps.tables, caseId);
    return c.json({ items: items.map(view) }, 200);
  });

  app.openapi(byStatusRoute, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    try {
      const page = await listNotificationsByStatus(deps.tables, status, { limit, cursor });
      return c.json({ items: page.items.map(view), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });

  app.openAPIRegistry.registerPath(letterRoute);
  app.get('/v1/cases/:caseId/letters/:file{.+\\.pdf}', authorize('notifications.read'), async (c) => {
    const parsed = letterParams.safeParse({ caseId: c.req.param('caseId'), notificationId: c.req.param('file').slice(0, -'.pdf'.length) });
    if (!parsed.success) {
      return problem(c, 400, 'Invalid request', 'The path is not valid.', { errors: fieldErrors(parsed.error.issues, 'param') });
    }
    const { caseId, notificationId } = parsed.data;
    const pdf = await getLetter(deps.tables, caseId, notificationId);
    if (!pdf) return problem(c, 404, 'Letter not found', `Case ${caseId} has no letter ${notificationId}.`);
    return c.body(Buffer.from(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${notificationId.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`,
    });
  });
}
