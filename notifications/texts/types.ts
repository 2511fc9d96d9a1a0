/**
 * The shape of a texts file: everything a person reads in one language, as ICU MessageFormat
 * templates. Another language (nynorsk, English, …) is another file of this shape.
 */
import type { MessageType } from '../catalog';
import type { Sender } from '../catalog/define';
import type { Common, Letter, Terms } from './nb';

/** One message type's texts: subject and paragraphs; a paragraph that formats to nothing is left out. */
export type MessageTexts = {
  /** What the message is called in a sentence ("melding om nye elever"), e.g. in a delivery failure. */
  name: string;
  subject: string;
  body: readonly string[];
};

export type SenderTexts = {
  name: string;
  /** The short name used in sentences ("IMDi"). */
  short: string;
  /** Postal address lines, phone and web site: the letter's contact point. */
  address?: readonly string[];
  phone?: string;
  web?: string;
};

/** The phrases, letter frame and terms; the bokmål file is the reference, every other language has the same keys. */
export type Phrases = { locale: string; common: Common; letter: Letter; terms: Terms };

export type Texts = Phrases & {
  messages: Record<MessageType, MessageTexts>;
  senders: Record<Sender, SenderTexts>;
};
