/** Standard Webhooks signing, checked against the ready-made `standardwebhooks` library. No servers. */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { webhookSignature } from '../../notifications/channels/webhook';
import { channelSchema } from '../../notifications/directory';

const body = JSON.stringify({ notificationId: 'case-1:school-assignment:school:s:1', subject: 'Nye elever: Олена Коваленко' });
const id = 'case-1:school-assignment:school:s:1';

describe('webhook signature (Standard Webhooks)', () => {
  it('a whsec_ secret signs exactly as the library does, and the library verifies it', () => {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const now = new Date();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = webhookSignature(secret, id, timestamp, body);
    expect(signature).toBe(new Webhook(secret).sign(id, now, body));
    expect(new Webhook(secret).verify(body, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature })).toMatchObject({ notificationId: id });
  });

  it('an older directory secret (not whsec_) is the raw key: the library verifies it with format "raw"', () => {
    const secret = 'a-long-enough-secret-123';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': webhookSignature(secret, id, timestamp, body) };
    expect(() => new Webhook(secret, { format: 'raw' }).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(body, headers)).toThrow();
  });

  it('the directory refuses a whsec_ secret that is not base64 of 24–64 bytes', () => {
    const url = 'https://kommune.example/hooks';
    expect(channelSchema.safeParse({ type: 'webhook', url, secret: `whsec_${randomBytes(32).toString('base64')}` }).success).toBe(true);
    for (const bad of ['whsec_not base64 at all!!', `whsec_${randomBytes(8).toString('base64')}`]) {
      const parsed = channelSchema.safeParse({ type: 'webhook', url, secret: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error!.issues[0]!.message).toContain('base64 of 24 to 64 bytes');
    }
  });
});
