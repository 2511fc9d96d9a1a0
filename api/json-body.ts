/**
 * The one place JSON request bodies are read (every /v1 route): the bytes must be UTF-8 without a
 * byte order mark, every string well-formed Unicode (no lone surrogates from `\ud800` escapes),
 * and no object may name a key twice (JSON.parse would silently keep the last one). A refusal is a
 * 400 naming the field (or `(body)`) and the reason; the validators then read the checked text.
 * The size limit (413) is the bodyLimit middleware's, in front of this one. The refusal is answered
 * by `authorize` (api/access.ts), after the caller's access is checked: a caller who may not take
 * the step learns nothing about its body, and gets the same 403 whatever it sent.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { problem, type FieldError } from './problem';

const jsonType = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

export type BodyVariables = { refusedBody?: FieldError };

/** The 400 for a body this middleware refused. */
export function bodyRefusal(c: Context, error: FieldError): Response {
  return problem(c, 400, 'Invalid request', 'The body is not valid.', { errors: [error] });
}

export function jsonBody(): MiddlewareHandler<{ Variables: BodyVariables }> {
  return async (c, next) => {
    if (!jsonType.test(c.req.header('content-type') ?? '') || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    // No body at all is for the route's validator to judge (a body it requires is "required" there).
    if (bytes.length === 0) return next();
    const refused = (error: FieldError) => {
      c.set('refusedBody', error);
      return next();
    };
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return refused({ path: '(body)', message: 'starts with a byte order mark (BOM); send UTF-8 without one' });
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return refused({ path: '(body)', message: `is not valid UTF-8 (at byte ${invalidUtf8Offset(bytes)})` });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return refused({ path: '(body)', message: `is not valid JSON: ${(error as Error).message}` });
    }
    const duplicate = duplicateKey(text);
    if (duplicate) return refused({ path: duplicate, message: 'appears twice in the same object; send each field once' });
    const illFormed = illFormedString(value);
    if (illFormed !== undefined) return refused({ path: illFormed || '(body)', message: 'contains a lone surrogate (e.g. \\ud800 without its pair); send well-formed Unicode' });
    // The validators read this text (c.req.json()), not the bytes again.
    // (Hono keeps promises there, though its type says otherwise.)
    (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
    await next();
  };
}

/** The path of the first key an object names twice (JSON already known to be valid). */
export function duplicateKey(text: string): string | undefined {
  type Frame = { keys?: Set<string>; expectKey: boolean; at: string | number };
  const stack: Frame[] = [];
  const pathTo = () => stack.map((f) => String(f.at)).join('.');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.at = key;
        if (top.keys.has(key)) return pathTo();
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    } else if (ch === '{') stack.push({ keys: new Set(), expectKey: true, at: '' });
    else if (ch === '[') stack.push({ expectKey: false, at: 0 });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') {
      const top = stack.at(-1)!;
      if (top.keys) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return undefined;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path ('' for the body itself) of the first string or key that is not well-formed UTF-16. */
export function illFormedString(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return loneSurrogate.test(value) ? path.join('.') : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = illFormedString(item, [...path, String(i)]);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (loneSurrogate.test(key)) return [...path, key].join('.');
      const found = illFormedString(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Where the first invalid UTF-8 sequence starts (for the message). */
function invalidUtf8Offset(bytes: Uint8Array): number {
  // The longest prefix that is valid so far (stream mode: it may end inside a sequence), by bisection.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, low));
    return low;
  } catch {
    // The prefix ends inside the sequence the bad byte broke: point at that sequence's first byte.
    let start = low;
    while (start > 0 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
    return start > 0 ? start - 1 : 0;
  }
}
