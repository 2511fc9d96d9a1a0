/**
 * `npm run token -- <role> [org] [--sub <id>] [--ttl <duration>]`: prints a bearer token for the
 * embedded default (signed with AUTH_SECRET, or the secret kept in BOSETTING_DATA_DIR/auth-secret).
 * With AUTH_JWKS_URL set, tokens come from the identity provider instead.
 *
 *   npm run token -- imdi
 *   npm run token -- mottak mottak-lillehammer
 *   npm run token -- kommune 3405 --sub sara.hansen
 */
import { parseArgs } from 'node:util';
import { roles, signToken, type Role } from '../api/auth';
import { signingSecret } from '../runtime/auth';
import { ConfigError, loadConfig } from '../temporal.config';

function main(): string | Promise<string> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { sub: { type: 'string' }, ttl: { type: 'string', default: '12h' } } });
  const [role, org] = positionals;
  if (!role || !(roles as readonly string[]).includes(role)) {
    throw new ConfigError(`usage: npm run token -- <${roles.join('|')}> [org] [--sub <id>] [--ttl 12h, at most 24h]`);
  }
  if ((role === 'mottak' || role === 'kommune') && !org) {
    throw new ConfigError(`a ${role} token needs its organisation: ${role === 'mottak' ? 'the reception centre id' : 'the municipality number'}`);
  }
  const config = loadConfig();
  if (config.auth.kind === 'jwks') throw new ConfigError('AUTH_JWKS_URL is set: tokens come from the identity provider, not from this command');
  // Creates the secret on first use, so a token printed before the first `npm start` stays valid.
  const secret = signingSecret(config.auth, { create: true });
  return signToken(secret, config.auth, { sub: values.sub ?? `${role}-dev`, role: role as Role, org }, values.ttl);
}

Promise.resolve()
  .then(main)
  .then((token) => console.log(token))
  .catch((error) => {
    console.error(error instanceof ConfigError ? error.message : `token: ${(error as Error).message}`);
    process.exit(1);
  });
