/**
 * The shape of one message type: which rule requires it, who may receive it, the data its rule
 * allows (a strict zod schema, so no other field gets through — R-PRIV-3) and the values its
 * texts are formatted with. The texts themselves are ICU MessageFormat templates per language in
 * notifications/texts/ (bokmål: nb.ts). Pure: no I/O, no clock, so workflows may import the types
 * and tests need no servers.
 */
import type { z } from 'zod';
import type { IsoDate } from '../../domain/dates';
import type { RecipientKind } from '../request';
import type { Say, Values } from '../texts/format';

/** On whose behalf a message is sent: the letterhead of a letter, the signature of a message (names in the texts). */
export const senderIds = ['imdi', 'udi', 'reception_centre', 'municipality', 'system'] as const;
export type Sender = (typeof senderIds)[number];

export type ValuesContext = {
  caseId: string;
  /** The calendar date of the message (Norway): ages and "du"/"dere" are counted on it. */
  today: IsoDate;
  say: Say;
};

/** Who a letter is addressed to: the persons by name, and where they live when it is a reception centre (c/o). */
export type LetterAddressee = { names: string[]; receptionCentre?: { id: string; name: string } };

/** Plain text; paragraphs are separated by a blank line, list items start with "- ". */
export type Rendered = {
  subject: string;
  body: string;
  /** Letters to persons: who is addressed (never a case id). */
  addressee?: LetterAddressee;
  /** Letters: how many adults the letter speaks to ("du" or "dere"). */
  addressees?: number;
};

/** Accepted as the rule of a message that carries another message's rule (delivery-failed). */
export const ANY_RULE = '*';

export type MessageDefinition<Type extends string = string, Schema extends z.ZodObject = z.ZodObject> = {
  type: Type;
  /** The rule ids that require this message; a request under another rule is refused. */
  rules: readonly [string, ...string[]];
  /** The kinds of party the rules name; a request to any other kind is refused. */
  recipients: readonly [RecipientKind, ...RecipientKind[]];
  sender: Sender;
  /** A formal letter (to a resident or the bailiff): rendered as a PDF even when no channel is configured. */
  letter: boolean;
  /** One line in English for the API and the README. */
  description: string;
  schema: Schema;
  /** The values the type's texts are formatted with (dates as Date, lists already phrased). */
  values: (data: z.output<Schema>, context: ValuesContext) => Values;
  /** Letters to persons: whom the letter is to, from the data (the adults of the household). */
  addressee?: (data: z.output<Schema>, context: ValuesContext) => LetterAddressee & { addressees: number };
};

export function defineMessage<const Type extends string, Schema extends z.ZodObject>(definition: MessageDefinition<Type, Schema>) {
  return definition;
}
