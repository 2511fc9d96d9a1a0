/**
 * A minimal OpenID Connect provider for the browser test of the OIDC sign-in: discovery, an
 * authorization endpoint that signs in one configured person at once, a token endpoint that
 * checks PKCE (S256) before it issues RS256 tokens, the JWKS and the end-session endpoint.
 * Loopback only; no real provider is reachable from here.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { freePort } from '../../runtime/ports';

export type OidcUser = { sub: string; role: string; org?: string };

export async function startOidcProvider(opts: { clientId: string; audience: string; user: OidcUser }) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; redirectUri: string; nonce?: string }>();
  /** What the token endpoint saw: the test checks PKCE was used. */
  const seen = { tokenRequests: 0, pkceVerified: 0, endSession: 0 };

  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setIssuer(issuer).setAudience(audience).setSubject(opts.user.sub).setIssuedAt().setExpirationTime('1h').sign(privateKey);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', ...cors });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST' });
      return res.end();
    }
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          end_session_endpoint: `${issuer}/logout`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      case '/jwks':
        return json(200, { keys: [jwk] });
      case '/authorize': {
        const q = url.searchParams;
        if (q.get('client_id') !== opts.clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
          return json(400, { error: 'invalid_request', error_description: 'authorization code with PKCE (S256) only' });
        }
        const code = crypto.randomBytes(16).toString('hex');
        codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, nonce: q.get('nonce') ?? undefined });
        const back = new URL(q.get('redirect_uri')!);
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state') ?? '');
        res.writeHead(302, { location: back.toString() });
        return res.end();
      }
      case '/token': {
        seen.tokenRequests += 1;
        let raw = '';
        for await (const chunk of req) raw += chunk;
        const form = new URLSearchParams(raw);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) return json(400, { error: 'invalid_grant' });
        seen.pkceVerified += 1;
        const accessToken = await sign({ role: opts.user.role, ...(opts.user.org ? { org: opts.user.org } : {}) }, opts.audience);
        const idToken = await sign({ ...(grant.nonce ? { nonce: grant.nonce } : {}), name: opts.user.sub }, opts.clientId);
        return json(200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 3600, scope: 'openid profile' });
      }
      case '/logout': {
        seen.endSession += 1;
        res.writeHead(302, { location: url.searchParams.get('post_logout_redirect_uri') ?? '/' });
        return res.end();
      }
      default:
        return json(404, { error: 'not_found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { issuer, seen, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
