/**
 * Issue 11, SSRF: the recipient directory and the webhook channel call only public https addresses
 * (plus this machine in the embedded default). Literal IPs are refused at registration; names are
 * resolved and checked on the connection at send time. `lastError` keeps a short status, never the
 * receiver's answer body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { signToken } from '../../api/auth';
import { secretVerifier } from '../../api/auth';
import { deliverWebhook, type Resolve } from '../../notifications/channels/webhook';
import { addressAllowed, strictWebhookPolicy, webhookPolicyFor, webhookUrlProblem } from '../../notifications/channels/webhook-address';
import { createLogger } from '../../logging/logger';

const embedded = { allowLoopback: true };
const payload = { notificationId: 'n-1', caseId: 'c-1', type: 'school-assignment', rule: 'R-ARR-4', recipient: { kind: 'school', id: 's' }, subject: 's', body: 'b', data: {} };
const secret = 'a-long-enough-secret-123';

describe('webhook addresses', () => {
  it.each([
    '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::', 'fd00:ec2::254', 'fe80::1', 'fc00::1', '::ffff:169.254.169.254', '::ffff:10.0.0.1',
  ])('refuses %s in every mode', (ip) => {
    expect(addressAllowed(ip, embedded)).toBe(false);
    expect(addressAllowed(ip, strictWebhookPolicy)).toBe(false);
  });

  it('allows public addresses; loopback only in the embedded default', () => {
    for (const ip of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) expect(addressAllowed(ip, strictWebhookPolicy)).toBe(true);
    for (const ip of ['127.0.0.1', '127.8.8.8', '::1', '::ffff:127.0.0.1']) {
      expect(addressAllowed(ip, embedded)).toBe(true);
      expect(addressAllowed(ip, strictWebhookPolicy)).toBe(false);
    }
  });

  it('the embedded default is the secret-signed mode, not an identity provider', () => {
    expect(webhookPolicyFor({ kind: 'secret' })).toEqual({ allowLoopback: true });
    expect(webhookPolicyFor({ kind: 'jwks' })).toEqual({ allowLoopback: false });
  });

  it.each([
    ['http://skole.example/hook', strictWebhookPolicy, /https:\/\//],
    ['http://skole.example/hook', embedded, /http:\/\/ only to this machine/],
    ['ftp://skole.example/hook', embedded, /https:\/\//],
    ['https://169.254.169.254/latest/meta-data', embedded, /private, link-local/],
    ['https://[fd00:ec2::254]/', embedded, /private, link-local/],
    ['https://10.0.0.7/', embedded, /private, link-local/],
    ['https://0.0.0.0/', embedded, /private, link-local/],
    ['https://0x7f.1/', strictWebhookPolicy, /this machine/],
    ['https://localhost/', strictWebhookPolicy, /this machine/],
    ['http://127.0.0.1:8080/', strictWebhookPolicy, /https:\/\//],
    ['https://user:pw@skole.example/', embedded, /user name or password/],
  ])('refuses %s at registration', (url, policy, reason) => {
    expect(webhookUrlProblem(url, policy)).toMatch(reason);
  });

  it('registers public https names (resolved at send time) and, embedded, this machine over http', () => {
    expect(webhookUrlProblem('https://skole.bodo.example/hooks/bosetting', strictWebhookPolicy)).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', embedded)).toBeUndefined();
    expect(webhookUrlProblem('http://localhost:8080/hook', embedded)).toBeUndefined();
  });
});

describe('sending a webhook', () => {
  let server: http.Server;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      req.resume();
      if (req.url === '/fails') return res.writeHead(502).end('upstream db at 10.0.0.12 said: password authentication failed for user "bosetting"');
      if (req.url === '/hang') return;
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.closeAllConnections() ?? server.close(() => r())));

  const resolvingTo = (address: string): Resolve => (_, callback) => callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);

  it('checks the addresses a name resolves to on the connection: a name pointing inside is refused, never called', async () => {
    for (const address of ['169.254.169.254', '10.0.0.12', 'fd00:ec2::254']) {
      const error = await deliverWebhook({ url: `http://receiver.test:${port}/x`, secret }, payload, { now: new Date(), policy: embedded, resolve: resolvingTo(address) }).catch((e) => e);
      expect(error).toMatchObject({ message: 'adressen er ikke tillatt', retryable: false });
    }
    // Production: a name resolving to this machine is refused too.
    const local = await deliverWebhook({ url: `https://receiver.test:${port}/x`, secret }, payload, { now: new Date(), policy: strictWebhookPolicy, resolve: resolvingTo('127.0.0.1') }).catch((e) => e);
    expect(local).toMatchObject({ message: 'adressen er ikke tillatt', retryable: false });
    expect(hits).toEqual([]);
    // The embedded default calls this machine by name.
    expect(await deliverWebhook({ url: `http://localhost:${port}/ok`, secret }, payload, { now: new Date(), policy: embedded, resolve: resolvingTo('127.0.0.1') })).toEqual({ status: 200 });
    expect(hits).toEqual(['/ok']);
  });

  it('a directory entry stored before the rules (http to a private literal) is refused at send time', async () => {
    const error = await deliverWebhook({ url: 'http://10.0.0.12/hook', secret }, payload, { now: new Date(), policy: embedded }).catch((e) => e);
    expect(error).toMatchObject({ message: 'adressen er ikke tillatt', retryable: false });
  });

  it('keeps a short status, never the receiver’s answer body', async () => {
    const error = await deliverWebhook({ url: `http://127.0.0.1:${port}/fails`, secret }, payload, { now: new Date(), policy: embedded }).catch((e) => e);
    expect(error).toMatchObject({ message: 'HTTP 502', retryable: true });
    const slow = await deliverWebhook({ url: `http://127.0.0.1:${port}/hang`, secret }, payload, { now: new Date(), policy: embedded, timeoutMs: 200 }).catch((e) => e);
    expect(slow).toMatchObject({ message: 'tidsavbrudd', retryable: true });
  });
});

describe('the recipient directory route', () => {
  it('answers 400 naming channel.url for an address the notifier may not call', async () => {
    const authSecret = 'x'.repeat(40);
    const settings = { issuer: 'bosetting', audience: 'bosetting-api' };
    const app = createApp({ temporal: { withDeadline: (_: number, fn: () => unknown) => fn() }, verifyToken: secretVerifier(authSecret, settings), webhooks: strictWebhookPolicy, logger: createLogger({ level: 'silent' }) } as never);
    const token = await signToken(authSecret, settings, { sub: 'imdi-1', role: 'imdi' });
    for (const url of ['https://169.254.169.254/latest', 'http://skole.example/hook', 'https://localhost/hook', 'https://[fd00:ec2::254]/']) {
      const response = await app.request('/v1/recipients/school/s-1', {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Skole', channel: { type: 'webhook', url, secret } }),
      });
      expect(response.status, url).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as { errors: { path: string }[] }).errors).toEqual([expect.objectContaining({ path: 'channel.url' })]);
    }
  });
});
