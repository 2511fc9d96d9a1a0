/**
 * The codec server (Temporal's "remote codec endpoint"): the Temporal Web UI posts a history's
 * encrypted payloads to /codec/decode and shows them decrypted; /codec/encode encrypts what the UI
 * sends (e.g. a signal's input). Only supervisors, authenticated like every other API call: with
 * a bearer token (production: the UI behind SSO passes the user's access token), or — for the
 * embedded UI, which has no login of its own — with the token kept in an HttpOnly cookie that
 * `/codec/login` sets. CORS lets exactly the configured UI origins call it, with credentials.
 *
 * Protocol: https://github.com/temporalio/samples-go/blob/main/codec-server/protocol.md
 * (Payloads as proto3 JSON: metadata values and data base64).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { authorize, type Action } from '../access';
import type { ApiDeps, AppEnv } from '../app';
import { audit } from '../audit';
import { authenticate, type AuthVariables, type TokenVerifier } from '../auth';
import { problem } from '../problem';
import { bearerSecurity, problemResponses } from './schemas';

const COOKIE = 'bosetting_codec_token';
const base64 = z.string().max(4 * 1024 * 1024).regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'base64');
const payloadsSchema = z
  .object({ payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() }).passthrough()).max(1000) })
  .openapi('Payloads');

type JsonPayload = { metadata?: Record<string, string>; data?: string };

const toPayload = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

function codecRoute(operation: 'encode' | 'decode') {
  return createRoute({
    method: 'post',
    path: `/codec/${operation}`,
    summary: operation === 'decode' ? 'Decrypts payloads for the Temporal Web UI (supervisors)' : 'Encrypts payloads for the Temporal Web UI (supervisors)',
    tags: ['codec'],
    security: bearerSecurity,
    middleware: [authorize(`codec.${operation}` as Action)] as const,
    request: { body: { required: true, content: { 'application/json': { schema: payloadsSchema } } } },
    responses: {
      200: { description: 'The payloads, in the same order', content: { 'application/json': { schema: payloadsSchema } } },
      ...problemResponses(400, 401, 403, 413),
    },
  });
}

/** The bearer token, or — the embedded UI cannot send one — the token in the codec's own cookie. */
function codecAuthentication(verify: TokenVerifier): MiddlewareHandler<{ Variables: AuthVariables }> {
  const viaHeader = authenticate(verify);
  return async (c, next) => {
    const cookie = getCookie(c, COOKIE);
    if (c.req.header('authorization') || !cookie) return viaHeader(c, next);
    try {
      c.set('principal', await verify(cookie));
    } catch {
      return problem(c, 401, 'Not authenticated', 'The codec login has expired or is not valid: log in again at /codec/login.');
    }
    await next();
  };
}

export function registerCodecRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<ApiDeps, 'temporal' | 'tables' | 'verifyToken' | 'codecCorsOrigins'>) {
  // Whatever the API's client encrypts with (read when called: registering routes touches no dependency).
  const codecs = (): PayloadCodec[] => deps.temporal.options.loadedDataConverter.payloadCodecs;
  app.use(
    '/codec/*',
    cors({ origin: deps.codecCorsOrigins, allowMethods: ['POST', 'OPTIONS'], allowHeaders: ['content-type', 'x-namespace', 'authorization'], credentials: true, maxAge: 600 }),
  );
  app.use('/codec/*', bodyLimit({ maxSize: 8 * 1024 * 1024, onError: (c) => problem(c, 413, 'Body too large', 'Codec requests are limited to 8 MiB.') }));
  registerLogin(app, deps.verifyToken);
  app.use('/codec/encode', codecAuthentication(deps.verifyToken));
  app.use('/codec/decode', codecAuthentication(deps.verifyToken));

  app.openapi(codecRoute('encode'), async (c) => {
    let payloads = c.req.valid('json').payloads.map(toPayload);
    for (const codec of codecs()) payloads = await codec.encode(payloads);
    return c.json({ payloads: payloads.map(toJson) }, 200);
  });

  app.openapi(codecRoute('decode'), async (c) => {
    const payloads = c.req.valid('json').payloads.map(toPayload);
    // One by one: a payload this process cannot decrypt (an unknown key) is shown as stored.
    const decoded = await Promise.all(
      payloads.map(async (payload) => {
        let current = [payload];
        try {
          for (const codec of [...codecs()].reverse()) current = await codec.decode(current);
          return current[0]!;
        } catch {
          return payload;
        }
      }),
    );
    await audit(deps.tables, c.get('principal'), 'codec.decode', [], 'ok', `${decoded.length} payload(s) decrypted for namespace ${c.req.header('x-namespace') ?? '(none)'}`);
    return c.json({ payloads: decoded.map(toJson) }, 200);
  });
}

/** A supervisor pastes a token once; the cookie is HttpOnly, sent only to /codec, same site only. */
function registerLogin(app: OpenAPIHono<AppEnv>, verifyToken: TokenVerifier) {
  const page = (message = '') => `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Bosetting – dekoding i Temporal Web UI</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Dekoding av saksdata i Temporal Web UI</h1>
<p>Lim inn et token for rollen <b>supervisor</b> (<code>npm run token -- supervisor</code>). Nettleseren får en
informasjonskapsel som bare sendes til dekodingstjenesten; Temporal Web UI kan da vise krypterte data i klartekst.
Slå på «Include cross-origin credentials» under Codec Server i Temporal Web UI.</p>
${message ? `<p><b>${message}</b></p>` : ''}
<form method="post" action="/codec/login"><textarea name="token" rows="6" cols="70" required></textarea><br>
<button type="submit">Logg inn</button></form></body></html>`;

  app.get('/codec/login', (c) => c.html(page()));
  app.post('/codec/login', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    try {
      const principal = await verifyToken(token);
      if (principal.role !== 'supervisor') return c.html(page('Bare ledere (supervisor) kan dekode saksdata.'), 403);
    } catch {
      return c.html(page('Tokenet er ikke gyldig.'), 401);
    }
    setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/codec', maxAge: 12 * 3600, secure: new URL(c.req.url).protocol === 'https:' });
    return c.html(page('Innlogget. Du kan lukke denne siden.'));
  });
}
