/**
 * Webhook channel: an HTTP(S) POST of JSON, signed by the Standard Webhooks scheme
 * (https://www.standardwebhooks.com): `webhook-id` (the notificationId, the same on every retry, so
 * a receiver delivers a message once however often it arrives), `webhook-timestamp` (Unix seconds)
 * and `webhook-signature` (`v1,` + base64 HMAC-SHA256 over `${id}.${timestamp}.${body}`). Receivers
 * verify with any ready-made Standard Webhooks library. Retries and backoff belong to the Temporal
 * activity retry policy; this only says whether a failure is worth retrying.
 */
import { createHmac } from 'node:crypto';
import { DeliveryError } from './delivery-error';

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

export async function deliverWebhook(
  target: { url: string; secret: string },
  payload: WebhookPayload,
  opts: { now: Date; timeoutMs?: number },
): Promise<{ status: number }> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(opts.now.getTime() / 1000));
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [webhookHeaders.id]: payload.notificationId,
        [webhookHeaders.timestamp]: timestamp,
        [webhookHeaders.signature]: webhookSignature(target.secret, payload.notificationId, timestamp, body),
        'user-agent': 'Bosetting-Notifications/1',
      },
      body,
      // A redirected POST would be re-sent as a GET; the directory URL must be the real one.
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS} ms` : describe(error);
    throw new DeliveryError(`POST ${target.url} failed: ${reason}`, true);
  }
  // The receiver's answer body is not needed; release the connection.
  const detail = (await response.text().catch(() => '')).slice(0, 300);
  if (response.status >= 200 && response.status < 300) return { status: response.status };
  const what = `POST ${target.url} answered ${response.status}${detail ? `: ${detail}` : ''}`;
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    throw new DeliveryError(what, true, retryAfterMs(response.headers.get('retry-after'), opts.now));
  }
  // Any other 4xx (and an unfollowed 3xx) will answer the same next time: retrying cannot help.
  throw new DeliveryError(what, false);
}

function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now.getTime();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
