/** Errors as application/problem+json (RFC 9457): a status, a reason, and the field paths at fault. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type FieldError = { path: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
};

export function problem<S extends ContentfulStatusCode>(c: Context, status: S, title: string, detail: string, extra: Partial<Problem> = {}) {
  const body = { type: `https://bosetting.example/problems/${slug(title)}`, title, status: status as number, detail, ...extra };
  // c.json keeps a content type given here, and its typed result satisfies the route's declared responses.
  return c.json(body, status, { 'content-type': 'application/problem+json' });
}

export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
