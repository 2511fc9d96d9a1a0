/**
 * Issue 11, input hygiene: every /v1 JSON body is refused with a 400 naming the field (or the body)
 * when it is not UTF-8, starts with a BOM, holds a lone surrogate or names a key twice; too large
 * is a 413. All before any route sees it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { secretVerifier, signToken } from '../../api/auth';
import { duplicateKey, illFormedString } from '../../api/json-body';
import { createLogger } from '../../logging/logger';

const secret = 'x'.repeat(40);
const settings = { issuer: 'bosetting', audience: 'bosetting-api' };
const app = createApp({ temporal: { withDeadline: (_: number, fn: () => unknown) => fn() }, verifyToken: secretVerifier(secret, settings), logger: createLogger({ level: 'silent' }) } as never);
let token: string;
beforeAll(async () => {
  token = await signToken(secret, settings, { sub: 'imdi-1', role: 'imdi' });
});

async function put(body: Uint8Array | string, contentType = 'application/json') {
  const response = await app.request('/v1/recipients/school/s-1', { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: JSON.parse(text) as { errors?: { path: string; message: string }[] } };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('JSON request bodies', () => {
  it.each([
    ['invalid UTF-8', concat(utf8('{"name":"Sk'), Uint8Array.of(0xc3, 0x28), utf8('le","channel":{"type":"none"}}')), '(body)', /not valid UTF-8 \(at byte 11\)/],
    ['a truncated UTF-8 sequence', concat(utf8('{"name":"Sk'), Uint8Array.of(0xe2, 0x82), utf8('"}')), '(body)', /not valid UTF-8/],
    ['a byte order mark', concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('{"name":"Skole","channel":{"type":"none"}}')), '(body)', /byte order mark/],
    ['a lone surrogate in a value', utf8('{"name":"Sk\\ud800ole","channel":{"type":"none"}}'), 'name', /lone surrogate/],
    ['a lone low surrogate in a nested value', utf8('{"name":"Skole","channel":{"type":"letter","postalAddress":{"lines":["a","\\udc00"]}}}'), 'channel.postalAddress.lines.1', /lone surrogate/],
    ['a lone surrogate in a key', utf8('{"name":"Skole","\\ud83d":1}'), '\ud83d', /lone surrogate/],
    ['a duplicate key', utf8('{"name":"Skole","channel":{"type":"none"},"name":"Annen skole"}'), 'name', /appears twice/],
    ['a duplicate nested key', utf8('{"name":"Skole","channel":{"type":"webhook","url":"https://a.example","url":"https://169.254.169.254"}}'), 'channel.url', /appears twice/],
    ['a duplicate key written with an escape', utf8('{"name":"Skole","na\\u006de":"x"}'), 'name', /appears twice/],
    ['malformed JSON', utf8('{"name":'), '(body)', /not valid JSON/],
  ])('refuses %s with a 400 naming where', async (_, bytes, path, reason) => {
    const answer = await put(bytes);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors).toEqual([{ path, message: expect.stringMatching(reason) }]);
  });

  it('a well-formed body reaches the route’s own validation (a surrogate pair is fine)', async () => {
    const answer = await put(utf8('{"name":"Skole \\ud83d\\ude00","channel":{"type":"fax"}}'));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.path).toBe('channel.type');
  });

  it('a caller who may not write gets its 403 whatever the body, a refused body is answered only after access', async () => {
    const udi = await signToken(secret, settings, { sub: 'udi-1', role: 'udi' });
    const response = await app.request('/v1/recipients/school/s-1', { method: 'PUT', headers: { authorization: `Bearer ${udi}`, 'content-type': 'application/json' }, body: utf8('{"name":') });
    expect(response.status).toBe(403);
  });

  it('a request that says JSON but sends no body is left to the route (a GET from a client that always sets the header)', async () => {
    const response = await app.request('/v1/me', { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
  });

  it('a body over 256 KiB is a 413, with or without a Content-Length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(300 * 1024), channel: { type: 'none' } });
    expect((await put(big)).status).toBe(413);
    const stream = new ReadableStream({ start: (c) => (c.enqueue(utf8(big)), c.close()) });
    const response = await app.request('/v1/recipients/school/s-1', { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('finds duplicate keys and lone surrogates at their path', () => {
    expect(duplicateKey('{"a":[{"b":1},{"b":2,"c":{"d":"}\\"","d":0}}]}')).toBe('a.1.c.d');
    expect(duplicateKey('{"a":{"x":1},"b":{"x":1},"s":"{\\"a\\":1,\\"a\\":2}"}')).toBeUndefined();
    expect(duplicateKey('[1,{"a":1},{"a":2}]')).toBeUndefined();
    expect(illFormedString({ a: ['ok', '\ud83d\ude00', 'x\udfff'] })).toBe('a.2');
    expect(illFormedString('\ud800')).toBe('');
  });
});
