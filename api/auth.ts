/**
 * Who is calling: a bearer JWT whose claims name the role and the organisation. Production
 * verifies it against an OIDC provider's JWKS; the embedded default against an HS256 secret.
 *
 * Claims: `sub` (the person), `role` (udi | mottak | imdi | kommune | supervisor) and `org`
 * (the reception centre's id for mottak, the municipality number for kommune).
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { municipalityNumberSchema } from '../domain/identifiers.schema';
import { problem } from './problem';

export const roles = ['udi', 'mottak', 'imdi', 'kommune', 'supervisor'] as const;
export type Role = (typeof roles)[number];

/** The authenticated caller. Staff steps record it as the workflow's Actor. */
export type Principal = { id: string; role: Role; organisation?: string };

export type TokenVerifier = (token: string) => Promise<Principal>;

export class InvalidTokenError extends Error {}
/** The identity provider's keys could not be fetched: our problem, not the caller's. */
export class KeysUnavailableError extends Error {}

const claimsSchema = z
  .object({
    sub: z.string().min(1).max(200),
    role: z.enum(roles),
    org: z.string().min(1).max(200).optional(),
  })
  .superRefine((claims, ctx) => {
    // A reception centre or a municipality without its organisation could see nothing, or everything.
    if ((claims.role === 'mottak' || claims.role === 'kommune') && claims.org === undefined) {
      ctx.addIssue({ code: 'custom', path: ['org'], message: `et ${claims.role}-token må oppgi organisasjonen sin i «org»` });
    }
    if (claims.role === 'kommune' && claims.org !== undefined && !municipalityNumberSchema.safeParse(claims.org).success) {
      ctx.addIssue({ code: 'custom', path: ['org'], message: '«org» i et kommune-token er det firesifrede kommunenummeret' });
    }
  });

type VerifySettings = { issuer: string; audience: string };

/** The longest a token may live (exp − iat), and the clock skew allowed between us and the issuer. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
const CLOCK_SKEW_SECONDS = 30;

/** The reason a person reads in the 401, in bokmål, from jose's claim checks. */
function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) {
    const missing = error.reason === 'missing';
    switch (error.claim) {
      case 'exp': return missing ? 'Tokenet mangler utløpstid (exp).' : 'Tokenet er utløpt (exp).';
      case 'iat':
        if (missing) return 'Tokenet mangler utstedelsestidspunkt (iat).';
        return error instanceof errors.JWTExpired ? 'Tokenet ble utstedt for mer enn 24 timer siden (iat).' : 'Tokenet er utstedt fram i tid (iat).';
      case 'iss': return missing ? 'Tokenet mangler utsteder (iss).' : 'Tokenet er ikke utstedt av den konfigurerte utstederen (iss).';
      case 'aud': return missing ? 'Tokenet mangler mottaker (aud).' : 'Tokenet er ikke utstedt for dette API-et (aud).';
      case 'sub': return 'Tokenet mangler personen (sub).';
      case 'nbf': return 'Tokenet er ikke gyldig ennå (nbf).';
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'Tokenets signatur er ikke gyldig.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'Tokenet er signert med en algoritme som ikke er tillatt.';
  return 'Tokenet er ikke et gyldig JWT.';
}

function verifierWith(key: Uint8Array | JWTVerifyGetKey, settings: VerifySettings, algorithms: string[]): TokenVerifier {
  return async (token) => {
    let payload: { exp?: number; iat?: number };
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        throw new KeysUnavailableError(`the identity provider's keys could not be read: ${(error as Error).message}`);
      }
      throw new InvalidTokenError(reasonFor(error));
    }
    // A token that lives longer than a working day is a standing key, whatever its age now.
    if (payload.exp! - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS) throw new InvalidTokenError('Tokenet varer lenger enn 24 timer (exp − iat).');
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError(`Tokenets opplysninger kan ikke brukes: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { id: claims.data.sub, role: claims.data.role, organisation: claims.data.org };
  };
}

/** The embedded default: tokens signed with a shared secret (see `npm run token`). */
export function secretVerifier(secret: string, settings: VerifySettings): TokenVerifier {
  return verifierWith(new TextEncoder().encode(secret), settings, ['HS256']);
}

/** Production: tokens from an OIDC provider, keys fetched from its JWKS and cached (rotation is followed). */
export function jwksVerifier(jwksUrl: string, settings: VerifySettings): TokenVerifier {
  return verifierWith(createRemoteJWKSet(new URL(jwksUrl)), settings, ['RS256', 'PS256', 'ES256', 'EdDSA']);
}

/** Signs an embedded-mode token (the token script and the tests). */
export async function signToken(
  secret: string,
  settings: VerifySettings,
  claims: { sub: string; role: Role; org?: string },
  expiresIn = '12h',
): Promise<string> {
  const token = await new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
  const { exp, iat } = decodeJwt(token);
  if (exp! - iat! > MAX_TOKEN_LIFETIME_SECONDS) throw new Error(`a token may live at most 24 hours, not ${expiresIn}`);
  return token;
}

export type AuthVariables = { principal: Principal };

/** Requires a valid bearer token and puts the caller in `c.var.principal`; 401 otherwise. */
export function authenticate(verify: TokenVerifier): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const refuse = (detail: string) => {
      const response = problem(c, 401, 'Not authenticated', detail);
      response.headers.set('WWW-Authenticate', 'Bearer');
      return response;
    };
    if (!token) return refuse('Send et bearer-token: Authorization: Bearer <JWT>.');
    try {
      c.set('principal', await verify(token));
    } catch (error) {
      if (error instanceof InvalidTokenError) return refuse(error.message);
      if (error instanceof KeysUnavailableError) return problem(c, 503, 'Identity provider unreachable', error.message);
      throw error;
    }
    await next();
  };
}
