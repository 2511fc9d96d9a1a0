/**
 * The recipient directory's shape: each party (kind + id) with its name and how it is reached.
 * A party with channel "none" (or no entry at all) still gets every message recorded and listed
 * for a caseworker to send by hand — nothing is dropped.
 */
import { z } from 'zod';
import { shortText, strictObject } from '../domain/schema';
import { postalAddress } from './catalog/fields';
import { STANDARD_SECRET_PREFIX } from './channels/webhook';
import { recipientKinds, type RecipientKind } from './request';

export const channelTypes = ['webhook', 'email', 'letter', 'none'] as const;
export type ChannelType = (typeof channelTypes)[number];

const webhookSecret = z
  .string({ error: 'is required' })
  .min(16, 'must be at least 16 characters')
  .max(512)
  .refine((secret) => !secret.startsWith(STANDARD_SECRET_PREFIX) || isStandardSecret(secret), {
    message: `a ${STANDARD_SECRET_PREFIX} secret must be followed by the base64 of 24 to 64 bytes`,
  });

function isStandardSecret(secret: string): boolean {
  const encoded = secret.slice(STANDARD_SECRET_PREFIX.length);
  const bytes = Buffer.from(encoded, 'base64');
  return /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && bytes.toString('base64') === encoded && bytes.length >= 24 && bytes.length <= 64;
}

const webhookUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

export const channelSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({
      type: z.literal('webhook'),
      url: webhookUrl,
      /**
       * The Standard Webhooks signing secret, best as `whsec_` + base64 of 24–64 random bytes (what the
       * receiver's library takes as it is); never returned by the API.
       */
      secret: webhookSecret,
    }),
    strictObject({ type: z.literal('email'), address: z.email({ error: 'must be an e-mail address' }) }),
    strictObject({ type: z.literal('letter'), postalAddress }),
    strictObject({ type: z.literal('none') }),
  ],
  { error: (issue) => (issue.input === undefined ? 'is required' : `type must be one of: ${channelTypes.join(', ')}`) },
);
export type Channel = z.output<typeof channelSchema>;

export const recipientIdSchema = z
  .string({ error: 'is required' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be 1–100 letters, digits, ".", "_" or "-", e.g. mottak-lillehammer or 3405');

/** What a caseworker registers for a party. */
export const recipientInputSchema = strictObject({ name: shortText, channel: channelSchema });
export type RecipientInput = z.output<typeof recipientInputSchema>;

export type Recipient = RecipientInput & { kind: RecipientKind; id: string; updatedAt: string };

export const recipientKindSchema = z.enum(recipientKinds, { error: `must be one of: ${recipientKinds.join(', ')}` });
