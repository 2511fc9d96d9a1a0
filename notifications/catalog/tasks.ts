/** Messages about the notifications themselves: a delivery that kept failing becomes a task. */
import { z } from 'zod';
import { isoDateSchema } from '../../domain/dates.schema';
import { dufNumberSchema } from '../../domain/identifiers.schema';
import { longText, shortText, strictObject } from '../../domain/schema';
import { recipientKinds } from '../request';
import { ANY_RULE, defineMessage } from './define';
import { caseReference, paragraphs } from './fields';

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
  render: (data, { caseId }) => ({
    subject: `Varsel ikke levert: ${data.failedType} til ${data.failedRecipient.kind} ${data.failedRecipient.id}`,
    body: paragraphs(
      `Varselet «${data.failedType}» til ${data.failedRecipient.kind} ${data.failedRecipient.id} kunne ikke leveres etter ${data.attempts} forsøk.`,
      `Siste feil: ${data.lastError}`,
      'Send varselet manuelt. Teksten finnes i sakens varsellogg i Bosetting.',
      caseReference(caseId),
    ),
  }),
});

/** The arrival journey's tasks (R-ARR-*, R-GRANT-*): what is due, for whom, with the interpreter need (R-ARR-9). */
const arrivalTask = strictObject({
  deadlineId: shortText,
  title: shortText,
  dueDate: isoDateSchema,
  person: strictObject({ name: shortText, dufNumber: dufNumberSchema }),
  openTasks: z.array(shortText).max(50),
  interpreterLanguage: shortText.optional(),
});

const arrivalTaskText = (lead: string) => (data: z.output<typeof arrivalTask>, { caseId }: { caseId: string }) => ({
  subject: `${lead}: ${data.title} – ${data.person.name}`,
  body: paragraphs(
    `${lead}: «${data.title}» for ${data.person.name} (DUF-nr. ${data.person.dufNumber}) har frist ${data.dueDate}.`,
    data.openTasks.length > 0 && `Åpne oppgaver:\n${data.openTasks.map((t) => `- ${t}`).join('\n')}`,
    data.interpreterLanguage && `Bruk kvalifisert tolk (${data.interpreterLanguage}) i samtalene – aldri barn eller familie (R-ARR-9).`,
    caseReference(caseId),
  ),
});

export const arrivalTaskReminder = defineMessage({
  type: 'arrival-task-reminder',
  rules: [ANY_RULE],
  recipients: ['municipality'],
  sender: 'system',
  letter: false,
  description: 'A deadline of the arrival journey is near; the refugee service is reminded.',
  schema: arrivalTask,
  render: arrivalTaskText('Påminnelse'),
});

export const arrivalTaskOverdue = defineMessage({
  type: 'arrival-task-overdue',
  rules: [ANY_RULE],
  recipients: ['municipality'],
  sender: 'system',
  letter: false,
  description: 'A deadline of the arrival journey has passed; the refugee service is told.',
  schema: arrivalTask,
  render: arrivalTaskText('Fristen er passert'),
});

export const taskMessages = [deliveryFailed, arrivalTaskReminder, arrivalTaskOverdue] as const;
