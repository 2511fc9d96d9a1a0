/**
 * The web front (web/server.ts): the development sign-in's cookie becomes the API's bearer token
 * only in the embedded mode, only from this origin, and for writes only with the CSRF header.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWebFront } from '../../web/server';

const secret = 'a-test-secret-of-at-least-32-characters!!';
const embedded = { auth: { kind: 'secret' as const, secret, secretFile: '/nonexistent', issuer: 'bosetting', audience: 'bosetting-api' }, web: {} };
const oidc = {
  auth: { kind: 'jwks' as const, jwksUrl: 'https://idp.example/jwks', issuer: 'https://idp.example', audience: 'bosetting-api' },
  web: { oidc: { authority: 'https://idp.example', clientId: 'bosetting-web', scope: 'openid' } },
};

/** An API that answers with the Authorization header it received. */
const echoApi = { fetch: (request: Request): Response => Response.json({ path: new URL(request.url).pathname, authorization: request.headers.get('authorization') }) };

function front(config: typeof embedded | typeof oidc = embedded, distDir?: string) {
  return createWebFront({ api: echoApi, config, devSecret: config.auth.kind === 'secret' ? secret : undefined, distDir });
}

async function signedInCookie(app: ReturnType<typeof front>): Promise<string> {
  const response = await app.request('/auth/dev/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ role: 'kommune', org: '3405', sub: 'sara' }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ id: 'sara', role: 'kommune', organisation: '3405' });
  const cookie = response.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^bosetting_session=[\w-]+\.[\w-]+\.[\w-]+;/);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Strict');
  expect(cookie).toContain('Path=/');
  return cookie.split(';')[0]!;
}

describe('the development sign-in (web/server.ts)', () => {
  it('signs in with the API\'s own claim rules: a kommune needs its 4-digit number, at the field', async () => {
    const response = await front().request('/auth/dev/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ role: 'kommune', org: '34' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown }).errors).toEqual([{ path: 'org', message: 'Oppgi kommunenummeret med fire sifre, f.eks. 3405.' }]);
  });

  it('a cross-site page cannot sign a browser in', async () => {
    const response = await front().request('/auth/dev/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ role: 'imdi' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('the cookie becomes the bearer token for reads from this origin', async () => {
    const app = front();
    const cookie = await signedInCookie(app);
    const read = await app.request('/v1/me', { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(((await read.json()) as { authorization: unknown }).authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    // A token the caller sends itself is never replaced.
    const own = await app.request('/v1/me', { headers: { cookie, authorization: 'Bearer mine' } });
    expect(((await own.json()) as { authorization: unknown }).authorization).toBe('Bearer mine');
  });

  it('CSRF: a write with the cookie needs the X-Bosetting-Csrf header and this origin', async () => {
    const app = front();
    const cookie = await signedInCookie(app);
    const post = (headers: Record<string, string>) => app.request('/v1/cases/c1/interview', { method: 'POST', headers: { cookie, ...headers }, body: '{}' });
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site', 'x-bosetting-csrf': '1' })).status).toBe(403);
    expect((await post({ origin: 'https://evil.example', 'x-bosetting-csrf': '1' })).status).toBe(403);
    const ok = await post({ 'sec-fetch-site': 'same-origin', 'x-bosetting-csrf': '1' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { authorization: unknown }).authorization).toMatch(/^Bearer /);
  });

  it('signing out clears the cookie', async () => {
    const response = await front().request('/auth/dev/session', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^bosetting_session=;.*Max-Age=0/);
  });

  it('with OIDC there is no development sign-in, and a cookie is never a token', async () => {
    const app = front(oidc);
    expect(await (await app.request('/ui-config.json')).json()).toEqual({ signIn: { kind: 'oidc', authority: 'https://idp.example', clientId: 'bosetting-web', scope: 'openid' } });
    const signIn = await app.request('/auth/dev/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'imdi' }) });
    // Falls through to the API, which knows no such route.
    expect(((await signIn.json()) as { path: string }).path).toBe('/auth/dev/session');
    const read = await app.request('/v1/me', { headers: { cookie: 'bosetting_session=forged' } });
    expect(((await read.json()) as { authorization: unknown }).authorization).toBeNull();
  });
});

describe('serving the built UI', () => {
  it('serves files, the app for page addresses, and the API for the rest', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Bosetting</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const app = front(embedded, dist);
    const page = await app.request('/saker/case-1', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Bosetting</title>');
    const asset = await app.request('/assets/app-1234.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const pathOf = async (url: string) => ((await (await app.request(url)).json()) as { path: string }).path;
    expect(await pathOf('/v1/cases')).toBe('/v1/cases');
    expect(await pathOf('/openapi.json')).toBe('/openapi.json');
    expect(await pathOf('/missing.png')).toBe('/missing.png');
    // The codec endpoint's own sign-in page is the API's, not the app's.
    expect(await pathOf('/codec/login')).toBe('/codec/login');
  });
});
