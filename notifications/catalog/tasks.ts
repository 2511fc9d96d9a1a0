/** Messages about the notifications themselves, and the arrival journey's deadlines. Texts: notifications/texts/. */
import { z } from 'zod';
import { isoDateSchema } from '../../domain/dates.schema';
import { dufNumberSchema } from '../../domain/identifiers.schema';
import { longText, shortText, strictObject } from '../../domain/schema';
import { recipientKinds } from '../request';
import { day, type Say } from '../texts/format';
import { nb } from '../texts/nb';
import { ANY_RULE, defineMessage } from './define';

export const deliveryFailed = defineMessage({
  type: 'delivery-failed',
  // Sent under the rule of the message that could not be delivered.
  rules: [ANY_RULE],
  recipients: ['imdi', 'reception_centre', 'municipality', 'udi'],
  sender: 'system',
  letter: false,
  description: 'A notification could not be delivered after every retry; someone must send it by hand.',
  schema: strictObject({
    failedNotificationId: shortText,
    failedType: shortText,
    failedRecipient: strictObject({ kind: z.enum(recipientKinds), id: shortText }),
    attempts: z.number().int().min(1),
    lastError: longText,
  }),
  values: (data, { say }) => ({
    failedName: say.messageName(data.failedType),
    failedRecipient: say('recipient', { kind: say.term('recipientKind', data.failedRecipient.kind), id: data.failedRecipient.id }),
    attempts: data.attempts,
    lastError: data.lastError,
  }),
});

/** R-ARR-*: the journey's deadline and task ids (domain/arrival.ts); "plan-evaluation-2" is the 2nd evaluation. */
function arrivalTerm(say: Say, group: 'arrivalDeadline' | 'arrivalTask', id: string): string {
  const numbered = /^(.*)-(\d+)$/.exec(id);
  if (numbered && numbered[1]! in nb.terms[group]) return say.term(group, numbered[1] as never).replace('{n}', numbered[2]!);
  return say.term(group, id as never);
}

const knownArrivalId = (group: 'arrivalDeadline' | 'arrivalTask') => (id: string) => id in nb.terms[group] || /^(.*)-\d+$/.exec(id)?.[1]! in nb.terms[group];

/** The arrival journey's tasks (R-ARR-*, R-GRANT-*): what is due, for whom, with the interpreter need (R-ARR-9). */
const arrivalTask = strictObject({
  deadlineId: shortText.refine(knownArrivalId('arrivalDeadline'), 'is not a deadline of the arrival journey'),
  /** The domain's own title; the text uses the deadline's name in the reader's language instead. */
  title: shortText,
  dueDate: isoDateSchema,
  person: strictObject({ name: shortText, dufNumber: dufNumberSchema }),
  /** The open tasks' ids (domain/arrival.ts). */
  openTasks: z.array(shortText.refine(knownArrivalId('arrivalTask'), 'is not a task of the arrival journey')).max(50),
  interpreterLanguage: shortText.optional(),
});

const arrivalTaskValues = (data: z.output<typeof arrivalTask>, { say }: { say: Say }) => ({
  deadline: arrivalTerm(say, 'arrivalDeadline', data.deadlineId),
  personName: data.person.name,
  dufNumber: data.person.dufNumber,
  dueDate: day(data.dueDate),
  openTasks: data.openTasks.length > 0 ? say.bullets(data.openTasks.map((id) => arrivalTerm(say, 'arrivalTask', id))) : 'none',
  interpreter: data.interpreterLanguage ? say.language(data.interpreterLanguage) : 'none',
});

export const arrivalTaskReminder = defineMessage({
  type: 'arrival-task-reminder',
  rules: [ANY_RULE],
  recipients: ['municipality'],
  sender: 'system',
  letter: false,
  description: 'A deadline of the arrival journey is near; the refugee service is reminded.',
  schema: arrivalTask,
  values: arrivalTaskValues,
});

export const arrivalTaskOverdue = defineMessage({
  type: 'arrival-task-overdue',
  rules: [ANY_RULE],
  recipients: ['municipality'],
  sender: 'system',
  letter: false,
  description: 'A deadline of the arrival journey has passed; the refugee service is told.',
  schema: arrivalTask,
  values: arrivalTaskValues,
});

export const taskMessages = [deliveryFailed, arrivalTaskReminder, arrivalTaskOverdue] as const;
