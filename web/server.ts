/**
 * The web UI in front of the API, in one origin: the built static files (web/dist, which a CDN or
 * S3 could serve just as well), the UI's sign-in settings, and — only while the embedded signing
 * secret is in use — the development sign-in.
 *
 * Development sign-in: POST /auth/dev/session with a role and organisation (the choices of
 * `npm run token`) sets the signed token as an HttpOnly, SameSite=Strict cookie; the browser never
 * sees the token. A /v1 request carrying that cookie and no Authorization header gets it as its
 * bearer token here, so the API itself knows only bearer tokens. Against cross-site request
 * forgery: SameSite=Strict, and a cookie is used only for a request that says it comes from this
 * origin (Sec-Fetch-Site or Origin) and, unless it is a GET or HEAD, carries the X-Bosetting-Csrf
 * header, which a cross-site form cannot send and cross-site scripts may not without CORS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { InvalidTokenError, roles, secretVerifier, signToken, type Principal } from '../api/auth';
import type { AuthSettings, Config } from '../temporal.config';

export const SESSION_COOKIE = 'bosetting_session';
export const CSRF_HEADER = 'x-bosetting-csrf';
const SESSION_HOURS = 12;

/** What the UI needs to know to sign a person in; the same shape a static deployment serves as a file. */
export type UiConfig = { signIn: { kind: 'dev' } | { kind: 'oidc'; authority: string; clientId: string; scope: string } | { kind: 'none'; reason: string } };

export function uiConfig(config: Pick<Config, 'auth' | 'web'>): UiConfig {
  if (config.auth.kind === 'secret') return { signIn: { kind: 'dev' } };
  if (config.web.oidc) return { signIn: { kind: 'oidc', ...config.web.oidc } };
  return { signIn: { kind: 'none', reason: 'Innlogging er ikke satt opp: OIDC_CLIENT_ID mangler.' } };
}

const devSignInSchema = z.object({
  role: z.enum(roles),
  org: z.string().trim().max(200).optional(),
  sub: z.string().trim().max(200).optional(),
});

export type WebFrontOptions = {
  api: { fetch: (request: Request) => Response | Promise<Response> };
  /** The built UI; unset: no UI is served (the API alone). */
  distDir?: string;
  config: Pick<Config, 'auth' | 'web'>;
  /** The embedded signing secret; given only in the embedded mode, where it enables the dev sign-in. */
  devSecret?: string;
};

function problem(c: Context, status: 400 | 401 | 403, title: string, detail: string, errors?: { path: string; message: string }[]) {
  return c.json({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }, status, { 'content-type': 'application/problem+json' });
}

/** Whether a request with the session cookie comes from a page of this origin. */
function sameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  const origin = request.headers.get('origin');
  if (origin === null) return true; // not a browser's cross-site request: those always say where they come from
  return origin === new URL(request.url).origin;
}

export function createWebFront(opts: WebFrontOptions) {
  const app = new Hono();
  const dev = opts.devSecret !== undefined && opts.config.auth.kind === 'secret' ? { secret: opts.devSecret, settings: opts.config.auth as Extract<AuthSettings, { kind: 'secret' }> } : undefined;
  const verifyDevToken = dev ? secretVerifier(dev.secret, dev.settings) : undefined;

  app.get('/ui-config.json', (c) => c.json(uiConfig(opts.config)));

  if (dev && verifyDevToken) {
    app.post('/auth/dev/session', async (c) => {
      if (!sameOrigin(c.req.raw)) return problem(c, 403, 'Forbidden', 'Innlogging må skje fra denne nettsiden.');
      const parsed = devSignInSchema.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return problem(c, 400, 'Ugyldig innlogging', 'Velg en rolle.', [{ path: 'role', message: 'Velg en rolle.' }]);
      const { role, org, sub } = parsed.data;
      const token = await signToken(dev.secret, dev.settings, { role, org: org || undefined, sub: sub || `${role}-dev` }, `${SESSION_HOURS}h`);
      let principal: Principal;
      try {
        // The API's own claim rules (e.g. a kommune's 4-digit number) decide, so the two cannot differ.
        principal = await verifyDevToken(token);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        const message = role === 'kommune' ? 'Oppgi kommunenummeret med fire sifre, f.eks. 3405.' : 'Oppgi mottakets id, f.eks. mottak-lillehammer.';
        return problem(c, 400, 'Ugyldig innlogging', message, [{ path: 'org', message }]);
      }
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return c.json(principal, 200);
    });
    app.delete('/auth/dev/session', (c) => {
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
  }

  // The API: /v1, /openapi.json, /docs, /health. A dev session cookie becomes the bearer token.
  const toApi = (c: Context) => {
    const request = c.req.raw;
    const token = dev ? getCookie(c, SESSION_COOKIE) : undefined;
    if (!token || request.headers.has('authorization')) return opts.api.fetch(request);
    const safe = request.method === 'GET' || request.method === 'HEAD';
    if (!sameOrigin(request) || (!safe && request.headers.get(CSRF_HEADER) !== '1')) {
      return problem(c, 403, 'Forbidden', 'The request does not come from this site (missing X-Bosetting-Csrf header or another origin).');
    }
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${token}`);
    return opts.api.fetch(new Request(request, { headers }));
  };
  app.all('/v1/*', toApi);
  for (const p of ['/openapi.json', '/docs', '/docs/*', '/health']) app.all(p, toApi);
  // The Temporal Web UI's codec endpoint has its own sign-in and cookie: straight to the API.
  for (const p of ['/codec', '/codec/*']) app.all(p, (c) => opts.api.fetch(c.req.raw));

  const dist = opts.distDir;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    // Hashed asset names never change content: cache them for good; index.html always revalidates.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('/*', serveStatic({ root: dist }));
    // Every other page address is the single-page app's: the browser router shows it.
    const index = fs.readFileSync(path.join(dist, 'index.html'));
    app.get('/*', (c) => {
      if (path.extname(c.req.path) !== '') return opts.api.fetch(c.req.raw);
      return c.body(index, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    });
  }
  app.all('/*', (c) => opts.api.fetch(c.req.raw));
  return app;
}
