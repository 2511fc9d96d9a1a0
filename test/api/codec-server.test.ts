/**
 * The codec server the Temporal Web UI calls (api/routes/codec.ts): supervisors read a case's
 * encrypted payloads decrypted, nobody else does; the UI's origin gets the CORS it needs.
 */
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, tokenFor } from '../harness/api';

const ui = 'http://localhost:8233'; // the embedded UI's origin in the test system's configuration
let raw: Client;
beforeAll(async () => {
  raw = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }), namespace: inject('namespace') });
});
afterAll(() => raw.connection.close());

/** The stored (encrypted) input of a case's workflow, as the Web UI gets it from Temporal. */
let lastDuf = '';
async function storedInput(): Promise<{ payloads: { metadata: Record<string, string>; data: string }[] }> {
  const permit = uniqueFamilyPermitBody(await apiCalendar()) as { persons: { dufNumber: string }[] };
  lastDuf = permit.persons[0]!.dufNumber;
  const created = await call(callers.udi, 'POST', '/v1/permits', permit);
  const history = await raw.workflow.getHandle(created.body.caseId).fetchHistory();
  const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
  return {
    payloads: input.map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      data: Buffer.from(p.data ?? []).toString('base64'),
    })),
  };
}

const plain = (body: { payloads: { data: string }[] }) => body.payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('');

describe('codec server', () => {
  it('decrypts a case’s payloads for a supervisor, and for no other role', async () => {
    const stored = await storedInput();
    expect(plain(stored)).not.toContain('Haddad');
    const decoded = await call(callers.supervisor, 'POST', '/codec/decode', stored, { origin: ui, 'x-namespace': 'default' });
    expect(decoded.status, decoded.text).toBe(200);
    expect(plain(decoded.body)).toContain('Haddad');
    expect(plain(decoded.body)).toContain(lastDuf);
    for (const caller of [callers.imdi, callers.udi, callers.mottak, callers.kommune]) {
      const refused = await call(caller, 'POST', '/codec/decode', stored);
      expect(refused.status, caller.role).toBe(403);
      expect(refused.text).not.toContain('Haddad');
    }
    expect((await call(undefined, 'POST', '/codec/decode', stored)).status).toBe(401);
  });

  it('encodes with the newest key, and what it encodes decodes back', async () => {
    const value = Buffer.from(JSON.stringify({ note: 'signal input' })).toString('base64');
    const input = { payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: value }] };
    const encoded = await call(callers.supervisor, 'POST', '/codec/encode', input);
    expect(encoded.status, encoded.text).toBe(200);
    expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(encoded.body.payloads[0].metadata['encryption-key-id'], 'base64').toString()).toBe('test-1');
    const decoded = await call(callers.supervisor, 'POST', '/codec/decode', encoded.body);
    expect(decoded.body.payloads[0].data).toBe(value);
    expect((await call(callers.imdi, 'POST', '/codec/encode', input)).status).toBe(403);
  });

  it('CORS: the Web UI’s origin may call it with credentials; another origin gets no CORS grant', async () => {
    const preflight = await fetch(`${inject('apiUrl')}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: ui, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace,authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ui);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-namespace');
    const stranger = await fetch(`${inject('apiUrl')}/codec/decode`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the embedded UI’s login: a supervisor token becomes an HttpOnly cookie for /codec only; other roles are refused', async () => {
    const login = (token: string) =>
      fetch(`${inject('apiUrl')}/codec/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
    const refused = await login(await tokenFor(callers.imdi));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const ok = await login(await tokenFor(callers.supervisor));
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/codec/);
    const stored = await storedInput();
    const decoded = await fetch(`${inject('apiUrl')}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]!, origin: ui },
      body: JSON.stringify(stored),
    });
    expect(decoded.status).toBe(200);
    expect(plain((await decoded.json()) as never)).toContain('Haddad');
    expect(decoded.headers.get('access-control-allow-origin')).toBe(ui);
  });
});
