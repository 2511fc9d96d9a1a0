/**
 * The typed API client: openapi-fetch over the types generated from the API's OpenAPI document
 * (scripts/api-types.ts), so a renamed field or route fails `npm run typecheck`.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'] & { [extension: string]: unknown };

/** The bearer token of an OIDC sign-in, kept in memory only (never in localStorage). */
let accessToken: string | undefined;
export function setAccessToken(token: string | undefined) {
  accessToken = token;
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

api.use({
  onRequest({ request }) {
    // The development sign-in's cookie is only honoured with this header (web/server.ts, CSRF).
    request.headers.set('x-bosetting-csrf', '1');
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    return request;
  },
});

/** A failed call's problem+json, or one made up for a network error. */
export function asProblem(error: unknown, status = 0): Problem {
  if (error && typeof error === 'object' && 'title' in error) return error as Problem;
  return { type: 'about:blank', title: 'Feil', status, detail: status === 0 ? 'Fikk ikke kontakt med tjenesten.' : 'Noe gikk galt.' };
}

/** A plain GET with the caller's credentials (a letter PDF is a file, not a JSON operation). */
export function fetchWithAuth(url: string): Promise<Response> {
  return fetch(url, { credentials: 'same-origin', headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {} });
}
