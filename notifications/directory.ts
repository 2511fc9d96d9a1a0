/**
 * The recipient directory's shape: each party (kind + id) with its name and how it is reached.
 * A party with channel "none" (or no entry at all) still gets every message recorded and listed
 * for a caseworker to send by hand — nothing is dropped.
 */
import { z } from 'zod';
import { shortText, strictObject } from '../domain/schema';
import { postalAddress } from './catalog/fields';
import { recipientKinds, type RecipientKind } from './request';

export const channelTypes = ['webhook', 'email', 'letter', 'none'] as const;
export type ChannelType = (typeof channelTypes)[number];

const webhookUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

export const channelSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({
      type: z.literal('webhook'),
      url: webhookUrl,
      /** Shared secret for the HMAC-SHA256 signature; never returned by the API. */
      secret: z.string({ error: 'is required' }).min(16, 'must be at least 16 characters').max(512),
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
