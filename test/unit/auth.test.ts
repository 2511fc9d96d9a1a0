/** Token verification: the embedded secret and an OIDC provider's JWKS (served here by a local HTTP server). */
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { InvalidTokenError, jwksVerifier, secretVerifier, signToken } from '../../api/auth';
import { createLogger } from '../../logging/logger';
import { ConfigError, loadConfig } from '../../temporal.config';

const settings = { issuer: 'https://idp.example', audience: 'bosetting-api' };
const secret = 'x'.repeat(40);

const now = () => Math.floor(Date.now() / 1000);
const hs256 = (times: { iat: number; exp: number }) =>
  new SignJWT({ role: 'imdi', ...times }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).sign(new TextEncoder().encode(secret));

describe('embedded secret tokens', () => {
  const verify = secretVerifier(secret, settings);

  it('a signed token names the person, the role and the organisation', async () => {
    const token = await signToken(secret, settings, { sub: 'anne', role: 'mottak', org: 'mottak-lillehammer' });
    expect(await verify(token)).toEqual({ id: 'anne', role: 'mottak', organisation: 'mottak-lillehammer' });
  });

  it.each([
    ['another secret', () => signToken('y'.repeat(40), settings, { sub: 'a', role: 'imdi' })],
    ['another audience', () => signToken(secret, { ...settings, audience: 'other' }, { sub: 'a', role: 'imdi' })],
    ['expired', () => signToken(secret, settings, { sub: 'a', role: 'imdi' }, '-1h')],
    ['an unknown role', () => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime('1h').sign(new TextEncoder().encode(secret))],
    ['a kommune without its municipality', () => signToken(secret, settings, { sub: 'a', role: 'kommune' })],
    ['a kommune whose org is not a municipality number', () => signToken(secret, settings, { sub: 'a', role: 'kommune', org: 'oslo' })],
    ['no exp', () => new SignJWT({ role: 'imdi' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().sign(new TextEncoder().encode(secret))],
    ['no iat', () => new SignJWT({ role: 'imdi' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime('1h').sign(new TextEncoder().encode(secret))],
    ['iat in the future', () => hs256({ iat: now() + 600, exp: now() + 3600 })],
    ['a lifetime over 24 hours', () => hs256({ iat: now() - 60, exp: now() + 25 * 3600 })],
    ['an iat older than 24 hours', () => hs256({ iat: now() - 25 * 3600, exp: now() + 60 })],
    ['another issuer', () => signToken(secret, { ...settings, issuer: 'https://evil.example' }, { sub: 'a', role: 'imdi' })],
    ['no sub', () => new SignJWT({ role: 'imdi' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(secret))],
    ['alg none', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'a', role: 'imdi', iss: settings.issuer, aud: settings.audience })).toString('base64url')}.`],
  ])('refuses a token with %s', async (_, make) => {
    await expect(verify(await make())).rejects.toThrowError(InvalidTokenError);
  });

  it('allows a small clock skew on iat, and signs at most 24 hours', async () => {
    expect((await verify(await hs256({ iat: now() + 10, exp: now() + 3600 }))).id).toBe('a');
    expect((await verify(await hs256({ iat: now(), exp: now() + 24 * 3600 }))).id).toBe('a');
    await expect(signToken(secret, settings, { sub: 'a', role: 'imdi' }, '25h')).rejects.toThrowError(/at most 24 hours/);
  });

  it('answers 401 problem+json with the reason in bokmål', async () => {
    const app = createApp({ verifyToken: verify, logger: createLogger({ level: 'silent' }) } as never);
    const cases: [string | undefined, RegExp][] = [
      [undefined, /Send et bearer-token/],
      [await new SignJWT({ role: 'imdi' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().sign(new TextEncoder().encode(secret)), /mangler utløpstid \(exp\)/],
      [await hs256({ iat: now() - 60, exp: now() + 48 * 3600 }), /varer lenger enn 24 timer/],
      [await signToken(secret, settings, { sub: 'a', role: 'imdi' }, '-1h'), /er utløpt/],
      [await signToken(secret, { ...settings, issuer: 'other' }, { sub: 'a', role: 'imdi' }), /utstederen \(iss\)/],
      [await signToken(secret, { ...settings, audience: 'other' }, { sub: 'a', role: 'imdi' }), /dette API-et \(aud\)/],
    ];
    for (const [token, reason] of cases) {
      const response = await app.request('/v1/me', { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await response.json()) as { detail: string }).detail).toMatch(reason);
    }
  });
});

describe('OIDC provider tokens (JWKS)', () => {
  let server: http.Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const sign = (claims: Record<string, unknown>, issuer = settings.issuer) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('sara').setIssuer(issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('5m').sign(privateKey);

  it('verifies against the provider’s keys, with issuer and audience', async () => {
    const verify = jwksVerifier(jwksUrl, settings);
    expect(await verify(await sign({ role: 'kommune', org: '3405' }))).toEqual({ id: 'sara', role: 'kommune', organisation: '3405' });
    await expect(verify(await sign({ role: 'kommune', org: '3405' }, 'https://evil.example'))).rejects.toThrowError(InvalidTokenError);
    // A provider token without exp would be valid forever.
    const forever = await new SignJWT({ role: 'imdi' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('sara').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().sign(privateKey);
    await expect(verify(forever)).rejects.toThrowError(/mangler utløpstid/);
    // An HS256 token signed with anything is refused: only the provider's asymmetric keys count.
    await expect(verify(await signToken(secret, settings, { sub: 'a', role: 'imdi' }))).rejects.toThrowError(InvalidTokenError);
  });
});

describe('auth configuration', () => {
  it('embedded by default, with a secret kept in the data folder', () => {
    const { auth } = loadConfig({}, '/srv/app');
    expect(auth).toEqual({ kind: 'secret', secret: undefined, secretFile: '/srv/app/data/auth-secret', issuer: 'bosetting', audience: 'bosetting-api' });
  });

  it('JWKS needs issuer and audience, and excludes a secret; errors name the variable and never show the secret', () => {
    expect(loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'bosetting' }).auth.kind).toBe('jwks');
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_AUDIENCE: 'x' })).toThrowError(/^AUTH_ISSUER must be set/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'not a url' })).toThrowError(/^AUTH_JWKS_URL="not a url" is not valid/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_SECRET: 'z'.repeat(40) })).toThrowError(ConfigError);
    expect(() => loadConfig({ AUTH_SECRET: 'tooshort-secret' })).toThrowError('AUTH_SECRET=(hidden) is not valid: expected at least 32 characters');
  });
});
