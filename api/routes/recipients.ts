/** The recipient directory: each notified party (kind + id), its name and how it is reached. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { authorize } from '../access';
import { recipientIdSchema, recipientInputSchema, recipientKindSchema, type Recipient } from '../../notifications/directory';
import { InvalidCursorError } from '../../store/case-index';
import { getRecipient, listRecipients, putRecipient } from '../../store/recipients';
import { strictWebhookPolicy, webhookUrlProblem } from '../../notifications/channels/webhook-address';
import type { ApiDeps, AppEnv } from '../app';
import { problem } from '../problem';
import { bearerSecurity, problemResponses } from './schemas';

const refParams = z.object({ kind: recipientKindSchema, id: recipientIdSchema });

/** As shown: a webhook's secret is write-only. */
const recipientViewSchema = z
  .object({
    kind: z.string(),
    id: z.string(),
    name: z.string(),
    channel: z.union([
      z.object({ type: z.literal('webhook'), url: z.string(), secretSet: z.literal(true) }),
      z.object({ type: z.literal('email'), address: z.string() }),
      z.object({
        type: z.literal('letter'),
        postalAddress: z.object({ lines: z.array(z.string()), postcode: z.string(), town: z.string(), country: z.string().optional() }),
      }),
      z.object({ type: z.literal('none') }),
    ]),
    updatedAt: z.string(),
  })
  .openapi('Recipient');

function view(recipient: Recipient): z.infer<typeof recipientViewSchema> {
  const { channel } = recipient;
  return { ...recipient, channel: channel.type === 'webhook' ? { type: 'webhook', url: channel.url, secretSet: true } : channel };
}

const listRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('recipients.read')] as const,
  method: 'get',
  path: '/v1/recipients',
  summary: 'The recipient directory, by kind and id',
  tags: ['notifications'],
  request: {
    query: z.object({
      kind: recipientKindSchema.optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(2000).optional(),
    }),
  },
  responses: {
    200: { description: 'A page of parties', content: { 'application/json': { schema: z.object({ items: z.array(recipientViewSchema), nextCursor: z.string().optional() }) } } },
    ...problemResponses(400),
  },
});

const getRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('recipients.read')] as const,
  method: 'get',
  path: '/v1/recipients/{kind}/{id}',
  summary: 'One party in the directory',
  tags: ['notifications'],
  request: { params: refParams },
  responses: {
    200: { description: 'The party', content: { 'application/json': { schema: recipientViewSchema } } },
    ...problemResponses(400, 404),
  },
});

const putRoute = createRoute({
  security: bearerSecurity,
  middleware: [authorize('recipients.write')] as const,
  method: 'put',
  path: '/v1/recipients/{kind}/{id}',
  summary: 'Register or replace a party and its delivery channel',
  description:
    'Channels: `webhook` {url, secret} — signed JSON POSTs; `email` {address} — over SMTP (SMTP_URL); `letter` {postalAddress} — a PDF to print and post; `none` — every message is kept for a caseworker to send by hand. A PUT replaces the whole entry (a webhook needs its secret again).',
  tags: ['notifications'],
  request: {
    params: refParams,
    body: { required: true, content: { 'application/json': { schema: recipientInputSchema } } },
  },
  responses: {
    201: { description: 'Registered', content: { 'application/json': { schema: recipientViewSchema } } },
    200: { description: 'Replaced', content: { 'application/json': { schema: recipientViewSchema } } },
    ...problemResponses(400),
  },
});

export function registerRecipientRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<ApiDeps, 'tables' | 'webhooks'>) {
  app.openapi(listRoute, async (c) => {
    const { kind, limit, cursor } = c.req.valid('query');
    try {
      const page = await listRecipients(deps.tables, { kind, limit, cursor });
      return c.json({ items: page.items.map(view), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'Invalid request', error.message, { errors: [{ path: 'query.cursor', message: error.message }] });
      throw error;
    }
  });

  app.openapi(getRoute, async (c) => {
    const { kind, id } = c.req.valid('param');
    const recipient = await getRecipient(deps.tables, { kind, id });
    if (!recipient) return problem(c, 404, 'Recipient not found', `There is no ${kind} ${id} in the recipient directory.`);
    return c.json(view(recipient), 200);
  });

  app.openapi(putRoute, async (c) => {
    const { kind, id } = c.req.valid('param');
    const input = c.req.valid('json');
    // SSRF: only addresses the notifier may call are registered (literal IPs checked here, names at send time).
    const refused = input.channel.type === 'webhook' ? webhookUrlProblem(input.channel.url, deps.webhooks ?? strictWebhookPolicy) : undefined;
    if (refused) return problem(c, 400, 'Invalid request', 'The body is not valid.', { errors: [{ path: 'channel.url', message: refused }] });
    const { recipient, created } = await putRecipient(deps.tables, { kind, id }, input, new Date().toISOString());
    return created ? c.json(view(recipient), 201) : c.json(view(recipient), 200);
  });
}
