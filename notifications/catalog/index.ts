/**
 * The catalogue: one message type per notification the rules require. A request is accepted only
 * with a known type, one of the type's rules, an allowed recipient kind and data that its strict
 * schema accepts — so no party gets more than its rule names (R-PRIV-3).
 */
import type { z } from 'zod';
import type { NotificationRequest } from '../request';
import { ANY_RULE, type MessageDefinition, type Rendered } from './define';
import { arrivalMessages } from './arrival';
import { distributionMessages } from './distribution';
import { hostMunicipalityMessages } from './host-municipality';
import { interviewMessages } from './interview';
import { minorMessages } from './minors';
import { movingMessages } from './moving';
import { refusalMessages } from './refusal';
import { taskMessages } from './tasks';

export { senders, type MessageDefinition, type Rendered, type RenderContext, type Sender } from './define';

export const messageDefinitions = [
  ...interviewMessages,
  ...hostMunicipalityMessages,
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

/** Renders validated data in Norwegian (bokmål). */
export function renderNotification(parsed: ParsedNotification, context: { caseId: string; recipientName?: string }): Rendered {
  return parsed.definition.render(parsed.data as never, context);
}
