/** Response schemas shared by routes. */
import { z } from '@hono/zod-openapi';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const descriptions: Record<number, string> = {
  400: 'Invalid input: the field path and the reason',
  401: 'No valid token',
  403: 'The role or organisation may not do this',
  404: 'No such case',
  409: 'Not allowed in the case’s current state: the reason',
  413: 'Body too large',
  405: 'The path does not have this method (see Allow)',
  415: 'The body is not sent as application/json',
  422: 'Valid input that a rule refuses: the rule and the reason',
  500: 'An error on our side',
  503: 'A dependency is unreachable; Retry-After says when to try again',
};

export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? 'Error', content: { 'application/problem+json': { schema: problemSchema } } }]),
  ) as Record<S, { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } }>;
}

/** Every /v1 route needs a bearer token (see the `bearer` security scheme). */
export const bearerSecurity = [{ bearer: [] as string[] }];

export const caseIdParam = z.object({ caseId: z.string().min(1).max(200).openapi({ param: { name: 'caseId', in: 'path' }, example: 'case-3f2a9c0e5b7d41a6a1e0c9d8b7f6e5d4' }) });

/** A page size and the cursor of the previous page. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional().describe('nextCursor of the previous page, with the same filters'),
};
