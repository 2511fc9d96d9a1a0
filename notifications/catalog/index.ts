/**
 * The catalogue: one message type per notification the rules require. A request is accepted only
 * with a known type, one of the type's rules, an allowed recipient kind and data that its strict
 * schema accepts — so no party gets more than its rule names (R-PRIV-3).
 */
import type { z } from 'zod';
import type { IsoDate } from '../../domain/dates';
import type { NotificationRequest } from '../request';
import { formatMessage, sayer } from '../texts/format';
import { nb } from '../texts/nb';
import type { Texts } from '../texts/types';
import { ANY_RULE, type MessageDefinition, type Rendered } from './define';
import { shortReference } from './fields';
import { arrivalMessages } from './arrival';
import { distributionMessages } from './distribution';
import { functionReportMessages } from './function-report';
import { hostMunicipalityMessages } from './host-municipality';
import { interviewMessages } from './interview';
import { minorMessages } from './minors';
import { movingMessages } from './moving';
import { refusalMessages } from './refusal';
import { taskMessages } from './tasks';

export { type MessageDefinition, type Rendered, type Sender } from './define';

/** The languages messages can be written in; bokmål is the default and the reference. */
export const textsByLocale = { nb } satisfies Record<string, Texts>;
export type Locale = keyof typeof textsByLocale;

export const messageDefinitions = [
  ...interviewMessages,
  ...hostMunicipalityMessages,
  ...functionReportMessages,
  ...distributionMessages,
  ...minorMessages,
  ...arrivalMessages,
  ...refusalMessages,
  ...movingMessages,
  ...taskMessages,
] as const;

type Definitions = (typeof messageDefinitions)[number];
export type MessageType = Definitions['type'];
/** The data a workflow sends for a message type (what its schema accepts). */
export type MessageData<T extends MessageType> = z.input<Extract<Definitions, { type: T }>['schema']>;

export const messageTypes = messageDefinitions.map((d) => d.type) as MessageType[];

const byType = new Map<string, MessageDefinition>(messageDefinitions.map((d) => [d.type, d as unknown as MessageDefinition]));

export function messageDefinition(type: string): MessageDefinition | undefined {
  return byType.get(type);
}

export type FieldIssue = { path: string; message: string };

/** The request cannot be sent as asked: a wrong type, rule, recipient kind or data. Never retried. */
export class InvalidNotificationError extends Error {
  override name = 'InvalidNotificationError';
  constructor(
    readonly type: string,
    readonly issues: FieldIssue[],
  ) {
    super(`notification type "${type}": ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

export type ParsedNotification = { definition: MessageDefinition; data: Record<string, unknown> };

/** Checks a request against the catalogue and returns its data as the schema outputs it. */
export function parseNotification(request: Pick<NotificationRequest, 'type' | 'rule' | 'recipient' | 'data'>): ParsedNotification {
  const definition = byType.get(request.type);
  if (!definition) throw new InvalidNotificationError(request.type, [{ path: 'type', message: `unknown message type; known: ${[...byType.keys()].join(', ')}` }]);
  const issues: FieldIssue[] = [];
  if (!definition.rules.includes(request.rule) && !(definition.rules.includes(ANY_RULE) && /^R-[A-Z]+-\d+$/.test(request.rule))) {
    issues.push({ path: 'rule', message: `is ${request.rule}; this type is sent under ${definition.rules.join(' or ')}` });
  }
  if (!definition.recipients.includes(request.recipient.kind)) {
    issues.push({ path: 'recipient.kind', message: `is ${request.recipient.kind}; this type may go only to ${definition.recipients.join(', ')}` });
  }
  const parsed = definition.schema.safeParse(request.data);
  if (!parsed.success) {
    issues.push(...parsed.error.issues.map((issue) => ({ path: ['data', ...issue.path.map(String)].join('.'), message: issue.message })));
  }
  if (issues.length > 0 || !parsed.success) throw new InvalidNotificationError(request.type, issues);
  return { definition, data: parsed.data as Record<string, unknown> };
}

export type RenderContext = {
  caseId: string;
  /** The message's calendar date in Norway: ages, and so "du"/"dere", are counted on it. */
  today: IsoDate;
  locale?: Locale;
};

/**
 * Renders validated data with the type's texts (bokmål unless another locale is asked for): the
 * subject, the paragraphs that apply, and the case reference a reader can quote. A letter ends with
 * its sender's contact point instead, and says whom it is to.
 */
export function renderNotification(parsed: ParsedNotification, { caseId, today, locale = 'nb' }: RenderContext): Rendered {
  const texts: Texts = textsByLocale[locale];
  const say = sayer(texts);
  const { definition, data } = parsed;
  const message = texts.messages[definition.type as MessageType];
  const context = { caseId, today, say };
  const reference = shortReference(caseId);
  const addressee = definition.addressee?.(data as never, context);
  const values = { reference, ...(addressee && { addressees: addressee.addressees }), ...definition.values(data as never, context) };
  const paragraphs = message.body.map((paragraph) => formatMessage(texts.locale, paragraph, values));
  if (definition.letter && addressee) {
    const sender = texts.senders[definition.sender];
    paragraphs.push(formatMessage(texts.locale, texts.letter.contact, { ...values, sender: sender.short, phone: sender.phone ?? 'none', web: sender.web ?? 'none' }));
  } else {
    paragraphs.push(say('caseReference', { reference }));
  }
  return {
    subject: formatMessage(texts.locale, message.subject, values),
    body: paragraphs.filter((p) => p.trim().length > 0).join('\n\n'),
    ...(addressee && { addressee: { names: addressee.names, receptionCentre: addressee.receptionCentre }, addressees: addressee.addressees }),
  };
}
