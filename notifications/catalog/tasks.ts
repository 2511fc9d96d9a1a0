/** Messages about the notifications themselves: a delivery that kept failing becomes a task. */
import { z } from 'zod';
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

export const taskMessages = [deliveryFailed] as const;
