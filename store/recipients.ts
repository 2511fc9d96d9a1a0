/** The recipient directory: who each party is and how it is reached (notifications/directory.ts). */
import { GetItemCommand, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import { channelSchema, type Recipient, type RecipientInput } from '../notifications/directory';
import type { RecipientKind, RecipientRef } from '../notifications/request';
import { decodeCursor, encodeCursor } from './case-index';
import type { Tables } from './table';

const recipientKey = ({ kind, id }: RecipientRef) => ({ pk: `RECIPIENT#${kind}#${id}`, sk: 'RECIPIENT' });

/** Creates or replaces a party's entry; returns whether it was new. */
export async function putRecipient(tables: Tables, ref: RecipientRef, input: RecipientInput, now: string): Promise<{ recipient: Recipient; created: boolean }> {
  const { Attributes } = await tables.recipient
    .build(PutItemCommand)
    .item({
      ...recipientKey(ref),
      gsi2pk: 'KIND#recipient',
      gsi2sk: `${ref.kind}#${ref.id}`,
      kind: ref.kind,
      recipientId: ref.id,
      name: input.name,
      channel: input.channel,
      updatedAt: now,
    })
    .options({ returnValues: 'ALL_OLD' })
    .send();
  return { recipient: { kind: ref.kind, id: ref.id, ...input, updatedAt: now }, created: Attributes === undefined };
}

export async function getRecipient(tables: Tables, ref: RecipientRef): Promise<Recipient | undefined> {
  const { Item } = await tables.recipient.build(GetItemCommand).key(recipientKey(ref)).send();
  return Item ? toRecipient(Item) : undefined;
}

export type RecipientPage = { items: Recipient[]; nextCursor?: string };

/** The directory in kind + id order, optionally one kind only. */
export async function listRecipients(tables: Tables, opts: { kind?: RecipientKind; limit: number; cursor?: string }): Promise<RecipientPage> {
  const { Items = [], LastEvaluatedKey } = await tables.table
    .build(QueryCommand)
    .entities(tables.recipient)
    .query({ index: 'byKind', partition: 'KIND#recipient', ...(opts.kind ? { range: { beginsWith: `${opts.kind}#` } } : {}) })
    .options({ limit: opts.limit, exclusiveStartKey: decodeCursor(opts.cursor, 'byKind') })
    .send();
  return { items: Items.map(toRecipient), nextCursor: LastEvaluatedKey ? encodeCursor('byKind', LastEvaluatedKey) : undefined };
}

function toRecipient(item: { kind: string; recipientId: string; name: string; channel: unknown; updatedAt: string }): Recipient {
  return {
    kind: item.kind as RecipientKind,
    id: item.recipientId,
    name: item.name,
    // Parsed on the way out too: an entry that no longer fits the schema fails loudly, not at delivery.
    channel: channelSchema.parse(item.channel),
    updatedAt: item.updatedAt,
  };
}
