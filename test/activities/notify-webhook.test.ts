/**
 * The webhook channel against a real local HTTP receiver, through a real Temporal activity with
 * the recommended retry policy (backoff shortened): retries keep one webhook-id, the receiver
 * delivers once, every request verifies with the ready-made `standardwebhooks` library, and a 4xx
 * that will never succeed is not retried.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityFailure, ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../notifications/channels/delivery-error';
import { deliverWebhook } from '../../notifications/channels/webhook';
import type { NotificationRequest } from '../../notifications/request';
import { getNotification } from '../../store/notification-log';
import { putRecipient } from '../../store/recipients';
import { notificationExamples } from '../fixtures/notification-examples';
import { useNotifyWorker } from '../harness/notify-worker';

/** A Standard Webhooks secret as a municipality's integrator would be given it. */
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const fast = { initialInterval: '50 milliseconds', maximumInterval: '200 milliseconds' };

type Received = { key: string; headers: Record<string, string>; body: string; answered: number };

/** A receiver as a school's system would write it: verifies with a Standard Webhooks library, delivers each webhook-id once. */
class Receiver {
  readonly requests: Received[] = [];
  readonly delivered = new Map<string, unknown>();
  private script = new Map<string, number[]>();
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (path === '/hang') return; // never answers
      const received: Received = {
        key: String(req.headers['webhook-id']),
        headers: Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(req.headers[h])])),
        body,
        answered: this.script.get(path)?.shift() ?? 200,
      };
      this.requests.push(received);
      if (!verify(received)) received.answered = 401;
      if (received.answered === 200 && !this.delivered.has(received.key)) this.delivered.set(received.key, JSON.parse(body));
      res.writeHead(received.answered, received.answered === 429 ? { 'retry-after': '1' } : {}).end(received.answered === 200 ? 'ok' : 'not now');
    });
  });
  url = '';
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  /** The statuses a path answers with, in order; 200 after that. */
  answer(path: string, statuses: number[]) {
    this.script.set(path, statuses);
  }
  requestsFor(key: string) {
    return this.requests.filter((r) => r.key === key);
  }
  stop() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(resolve));
  }
}

/** The receiver's check, with the `standardwebhooks` library (signature and a timestamp within 5 minutes). */
function verify({ headers, body }: Received, secret = SECRET): boolean {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch {
    return false;
  }
}

const receiver = new Receiver();
const t = useNotifyWorker();
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

let schools = 0;
/** A school in the directory whose webhook lives at `path` on the receiver. */
async function schoolAt(path: string) {
  const id = `school-${++schools}`;
  await putRecipient(t.tables, { kind: 'school', id }, { name: `Skole ${schools}`, channel: { type: 'webhook', url: `${receiver.url}${path}`, secret: SECRET } }, new Date().toISOString());
  return id;
}

function schoolNotice(schoolId: string): NotificationRequest {
  const caseId = `case-${randomUUID()}`;
  return {
    notificationId: `${caseId}:school-assignment:school:${schoolId}:1`,
    caseId,
    rule: 'R-ARR-4',
    type: 'school-assignment',
    recipient: { kind: 'school', id: schoolId },
    data: notificationExamples['school-assignment'],
  };
}

function failureOf(error: unknown): ApplicationFailure {
  expect(error).toBeInstanceOf(WorkflowFailedError);
  const activity = (error as WorkflowFailedError).cause;
  expect(activity).toBeInstanceOf(ActivityFailure);
  const cause = (activity as ActivityFailure).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

describe('webhook channel (real HTTP receiver, real Temporal retries)', () => {
  it('R-ARR-4: a receiver that fails twice (503) then succeeds gets one delivery, one webhook-id, three signed requests; the log counts three attempts', async () => {
    const school = await schoolAt('/fails-twice');
    receiver.answer('/fails-twice', [503, 503, 200]);
    const request = schoolNotice(school);

    const outcome = await t.notify(request, fast);

    expect(outcome).toEqual({ notificationId: request.notificationId, status: 'delivered', channel: 'webhook', attempts: 3 });
    const requests = receiver.requestsFor(request.notificationId);
    expect(requests.map((r) => r.answered)).toEqual([503, 503, 200]);
    expect(new Set(requests.map((r) => r.key))).toEqual(new Set([request.notificationId]));
    for (const r of requests) expect(verify(r), 'signature verifies').toBe(true);
    // A receiver with another secret, or a body changed on the way, does not verify.
    expect(verify(requests[0]!, `whsec_${randomBytes(32).toString('base64')}`)).toBe(false);
    expect(verify({ ...requests[0]!, body: requests[0]!.body.replace('Nye elever', 'Nye elevar') })).toBe(false);
    expect([...receiver.delivered.keys()].filter((k) => k === request.notificationId)).toHaveLength(1);
    expect(receiver.delivered.get(request.notificationId)).toMatchObject({
      notificationId: request.notificationId,
      type: 'school-assignment',
      rule: 'R-ARR-4',
      subject: expect.stringContaining('Nye elever'),
      data: notificationExamples['school-assignment'],
    });

    const log = await getNotification(t.tables, request.caseId, request.notificationId);
    expect(log).toMatchObject({ status: 'delivered', channel: 'webhook', attempts: 3, recipient: `school:${school}`, recipientName: expect.stringMatching(/^Skole/), rule: 'R-ARR-4' });
    expect(log?.deliveredAt).toBeDefined();
    expect(log?.lastError).toBeUndefined();

    // The same message again (e.g. a workflow retrying its step): nothing is sent twice.
    const again = await t.notify(request, fast);
    expect(again).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(receiver.requestsFor(request.notificationId)).toHaveLength(3);
  });

  it('a 4xx that will never succeed (400) is not retried: one request, a non-retryable failure, the log says failed', async () => {
    const school = await schoolAt('/rejects');
    receiver.answer('/rejects', [400, 400, 400]);
    const request = schoolNotice(school);

    const error = await t.notify(request, fast).catch((e) => e);

    const failure = failureOf(error);
    expect(failure.type).toBe('DeliveryRejected');
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('HTTP 400');
    expect(receiver.requestsFor(request.notificationId)).toHaveLength(1);
    const log = await getNotification(t.tables, request.caseId, request.notificationId);
    // A short status, not the receiver's answer body ("not now").
    expect(log).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 400' });
  });

  it('408 and 429 are worth retrying (429 with Retry-After)', async () => {
    const school = await schoolAt('/busy');
    receiver.answer('/busy', [408, 429, 200]);
    const request = schoolNotice(school);
    const outcome = await t.notify(request, fast);
    expect(outcome).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(receiver.requestsFor(request.notificationId).map((r) => r.answered)).toEqual([408, 429, 200]);
  });

  it('delivery that keeps failing is marked failed on the last attempt the policy allows, for the workflow to raise a task', async () => {
    const school = await schoolAt('/down');
    receiver.answer('/down', [503, 503, 503, 503]);
    const request = schoolNotice(school);

    const failure = failureOf(await t.notify(request, { ...fast, maximumAttempts: 3 }).catch((e) => e));

    expect(failure.type).toBe('DeliveryFailed');
    expect(receiver.requestsFor(request.notificationId)).toHaveLength(3);
    const log = await getNotification(t.tables, request.caseId, request.notificationId);
    expect(log).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 503' });
  });

  it('R-PRIV-3: data outside the type’s schema is a non-retryable failure naming the type and field; nothing is sent', async () => {
    const school = await schoolAt('/never');
    const request = schoolNotice(school);
    const data = structuredClone(notificationExamples['school-assignment']) as any;
    data.children[0].dufNumber = '202612345693';

    const failure = failureOf(await t.notify({ ...request, data }, fast).catch((e) => e));

    expect(failure.type).toBe('InvalidNotification');
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('notification type "school-assignment"');
    expect(failure.message).toContain('data.children.0: unknown field(s): dufNumber');
    expect(receiver.requestsFor(request.notificationId)).toHaveLength(0);
    const log = await getNotification(t.tables, request.caseId, request.notificationId);
    // Recorded as failed, without the data it should not have carried.
    expect(log).toMatchObject({ status: 'failed', attempts: 1, body: '' });
    expect(JSON.stringify(log)).not.toContain('202612345693');
  });

  it('one notificationId is one message: reusing it for different data is refused, not sent', async () => {
    const school = await schoolAt('/reused');
    const request = schoolNotice(school);
    await t.notify(request, fast);
    const other = structuredClone(notificationExamples['school-assignment']);
    other.children[0]!.name = 'Noen Annen';

    const failure = failureOf(await t.notify({ ...request, data: other }, fast).catch((e) => e));

    expect(failure).toMatchObject({ type: 'NotificationIdReused', nonRetryable: true });
    expect(receiver.requestsFor(request.notificationId)).toHaveLength(1);
  });

  it('a receiver that does not answer in time is a retryable failure', async () => {
    const started = Date.now();
    const error = await deliverWebhook(
      { url: `${receiver.url}/hang`, secret: SECRET },
      { notificationId: 'n-1', caseId: 'c-1', type: 'school-assignment', rule: 'R-ARR-4', recipient: { kind: 'school', id: 's' }, subject: 's', body: 'b', data: {} },
      { now: new Date(), timeoutMs: 300, policy: { allowLoopback: true } },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: true, message: 'tidsavbrudd' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
