/**
 * Webhook channel: an HTTPS POST of JSON (to an allowed address: webhook-address.ts), signed by the Standard Webhooks scheme
 * (https://www.standardwebhooks.com): `webhook-id` (the notificationId, the same on every retry, so
 * a receiver delivers a message once however often it arrives), `webhook-timestamp` (Unix seconds)
 * and `webhook-signature` (`v1,` + base64 HMAC-SHA256 over `${id}.${timestamp}.${body}`). Receivers
 * verify with any ready-made Standard Webhooks library. Retries and backoff belong to the Temporal
 * activity retry policy; this only says whether a failure is worth retrying.
 */
import { createHmac } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { DeliveryError } from './delivery-error';
import { addressAllowed, strictWebhookPolicy, webhookUrlProblem, type WebhookPolicy } from './webhook-address';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export const webhookHeaders = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** Standard Webhooks secrets are `whsec_` + base64 of the key bytes. */
export const STANDARD_SECRET_PREFIX = 'whsec_';

export type WebhookPayload = {
  notificationId: string;
  caseId: string;
  type: string;
  rule: string;
  recipient: { kind: string; id: string };
  subject: string;
  body: string;
  data: Record<string, unknown>;
};

/**
 * The signing key of a directory secret: a `whsec_…` secret is base64 of the key (as every Standard
 * Webhooks library reads it); any other secret is its own UTF-8 bytes (the libraries' "raw" format).
 */
export function webhookKey(secret: string): Buffer {
  return secret.startsWith(STANDARD_SECRET_PREFIX) ? Buffer.from(secret.slice(STANDARD_SECRET_PREFIX.length), 'base64') : Buffer.from(secret, 'utf8');
}

/** The `webhook-signature` value: `v1,` + base64 HMAC-SHA256(key, `${id}.${timestamp}.${body}`). */
export function webhookSignature(secret: string, id: string, timestamp: string, body: string): string {
  return `v1,${createHmac('sha256', webhookKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The short statuses kept in the log's `lastError`: never the receiver's own answer text. */
export const webhookStatus = {
  timeout: 'tidsavbrudd',
  refused: 'adressen er ikke tillatt',
  http: (status: number) => `HTTP ${status}`,
  unreachable: (code: string) => `ikke nådd (${code})`,
} as const;

class AddressRefusedError extends Error {
  override name = 'AddressRefusedError';
}

export async function deliverWebhook(
  target: { url: string; secret: string },
  payload: WebhookPayload,
  opts: { now: Date; timeoutMs?: number; policy?: WebhookPolicy; resolve?: Resolve },
): Promise<{ status: number }> {
  const policy = opts.policy ?? strictWebhookPolicy;
  // A directory entry from before the address rules, or with a literal address: refused, not retried.
  if (webhookUrlProblem(target.url, policy)) throw new DeliveryError(webhookStatus.refused, false);
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(opts.now.getTime() / 1000));
  const headers = {
    'content-type': 'application/json',
    [webhookHeaders.id]: payload.notificationId,
    [webhookHeaders.timestamp]: timestamp,
    [webhookHeaders.signature]: webhookSignature(target.secret, payload.notificationId, timestamp, body),
    'user-agent': 'Bosetting-Notifications/1',
  };
  let answer: { status: number; retryAfter?: string };
  try {
    answer = await post(new URL(target.url), headers, body, guardedLookup(policy, opts.resolve), opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof AddressRefusedError) throw new DeliveryError(webhookStatus.refused, false);
    const { name, code } = error as NodeJS.ErrnoException;
    if (name === 'AbortError' || name === 'TimeoutError') throw new DeliveryError(webhookStatus.timeout, true);
    throw new DeliveryError(webhookStatus.unreachable(code ?? name), true);
  }
  const { status } = answer;
  if (status >= 200 && status < 300) return { status };
  if (status === 408 || status === 429 || status >= 500) {
    throw new DeliveryError(webhookStatus.http(status), true, retryAfterMs(answer.retryAfter ?? null, opts.now));
  }
  // Any other 4xx (and an unfollowed 3xx) will answer the same next time: retrying cannot help.
  throw new DeliveryError(webhookStatus.http(status), false);
}

/** Name resolution (dns.lookup; tests hand in their own). */
export type Resolve = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;
const systemResolve: Resolve = (hostname, callback) => dns.lookup(hostname, { all: true }, callback);

/** A lookup for the connection that refuses the name when any address it resolves to is not allowed. */
function guardedLookup(policy: WebhookPolicy, resolve: Resolve = systemResolve): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, found) => {
      if (error) return callback(error, '', 0);
      // Every address the name has must be allowed, not only the one connected to.
      if (!found?.length || found.some((a) => !addressAllowed(a.address, policy))) return callback(new AddressRefusedError(hostname), '', 0);
      const want = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family || 0;
      const addresses = found.filter((a) => want === 0 || a.family === want);
      if (addresses.length === 0) return callback(Object.assign(new Error(`no IPv${want} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * One POST with node:http(s): redirects are not followed (a redirected POST would be re-sent as a
 * GET), and every address a name resolves to is checked on the connection itself.
 */
function post(url: URL, headers: Record<string, string>, body: string, lookup: net.LookupFunction, timeoutMs: number): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        // The receiver's answer body is never read nor kept; drain it to release the connection.
        response.on('error', () => {});
        response.resume();
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now.getTime();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}
