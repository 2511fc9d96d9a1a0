/**
 * The shape of one message type: which rule requires it, who may receive it, the data its rule
 * allows (a strict zod schema, so no other field gets through — R-PRIV-3) and its Norwegian text.
 * Pure: no I/O, no clock, so workflows may import the types and tests need no servers.
 */
import type { z } from 'zod';
import type { RecipientKind } from '../request';

/** On whose behalf a message is sent: the letterhead of a letter, the signature of a message. */
export const senders = {
  imdi: 'Integrerings- og mangfoldsdirektoratet (IMDi)',
  udi: 'Utlendingsdirektoratet (UDI)',
  reception_centre: 'Asylmottaket',
  municipality: 'Flyktningtjenesten i kommunen',
  system: 'Bosetting',
} as const;
export type Sender = keyof typeof senders;

export type RenderContext = {
  caseId: string;
  /** The recipient's name from the directory, when it has an entry. */
  recipientName?: string;
};

/** Plain text; paragraphs are separated by a blank line, list items start with "- ". */
export type Rendered = { subject: string; body: string };

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
  render: (data: z.output<Schema>, context: RenderContext) => Rendered;
};

export function defineMessage<const Type extends string, Schema extends z.ZodObject>(definition: MessageDefinition<Type, Schema>) {
  return definition;
}
