/**
 * The token verifier for the configured mode, and the embedded mode's signing secret: AUTH_SECRET,
 * or one generated on first start and kept in BOSETTING_DATA_DIR/auth-secret so tokens printed by
 * `npm run token` keep working after a restart.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { jwksVerifier, secretVerifier, type TokenVerifier } from '../api/auth';
import type { AuthSettings } from '../temporal.config';

export function signingSecret(auth: Extract<AuthSettings, { kind: 'secret' }>, opts: { create: boolean }): string {
  if (auth.secret) return auth.secret;
  try {
    return fs.readFileSync(auth.secretFile, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !opts.create) throw error;
  }
  fs.mkdirSync(path.dirname(auth.secretFile), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    // 'wx': two processes starting at once keep the first one's secret.
    fs.writeFileSync(auth.secretFile, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(auth.secretFile, 'utf8').trim();
  }
}

/** `persist: false` (tests, Lambda) never touches the data folder: the secret must be given. */
export function createTokenVerifier(auth: AuthSettings, opts: { persist: boolean }): TokenVerifier {
  if (auth.kind === 'jwks') return jwksVerifier(auth.jwksUrl, auth);
  if (!auth.secret && !opts.persist) throw new Error('AUTH_SECRET or AUTH_JWKS_URL must be set where no data folder is kept');
  return secretVerifier(signingSecret(auth, { create: true }), auth);
}
