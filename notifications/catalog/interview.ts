/** Before and at the settlement interview: R-INT-1, R-INT-2, R-INT-6. Texts: notifications/texts/. */
import { internalNoteSchema } from '../../domain/settlement-info.schema';
import { shortText, strictObject } from '../../domain/schema';
import { day } from '../texts/format';
import { defineMessage } from './define';
import { concerningText, date, householdMembers } from './fields';

export const newCase = defineMessage({
  type: 'new-case',
  rules: ['R-INT-1'],
  // R-INT-1: the centre's bosettingsansvarlig and its shared address — one directory entry per centre.
  recipients: ['reception_centre'],
  sender: 'udi',
  letter: false,
  description: 'A settlement case was created for residents of the centre; the interview is due by a date.',
  schema: strictObject({
    interviewDueDate: date,
    /** Who the case is about: the centre's own residents (R-PRIV-2). */
    householdMembers: householdMembers.optional(),
  }),
  values: (data, { say }) => ({
    interviewDueDate: day(data.interviewDueDate),
    concerning: data.householdMembers ? concerningText(say, data.householdMembers) : '',
  }),
});

export const interviewReminder = defineMessage({
  type: 'interview-reminder',
  rules: ['R-INT-2'],
  recipients: ['reception_centre'],
  sender: 'udi',
  letter: false,
  description: 'The settlement interview is not registered yet and its deadline is near.',
  schema: strictObject({ interviewDueDate: date }),
  values: (data) => ({ interviewDueDate: day(data.interviewDueDate) }),
});

export const interviewOverdue = defineMessage({
  type: 'interview-overdue',
  rules: ['R-INT-2'],
  // R-INT-2: escalate to the centre leader and UDI's regional office; the centre itself may be copied.
  recipients: ['reception_centre_leader', 'udi_regional_office', 'reception_centre'],
  sender: 'udi',
  letter: false,
  description: 'The 14-day interview deadline passed without an interview; the case is flagged overdue.',
  schema: strictObject({ interviewDueDate: date }),
  values: (data) => ({ interviewDueDate: day(data.interviewDueDate) }),
});

export const internalNote = defineMessage({
  type: 'internal-note',
  rules: ['R-INT-6'],
  // R-INT-6, R-REG-3: new information after the interview, and any risk, goes to IMDi only.
  recipients: ['imdi'],
  sender: 'reception_centre',
  letter: false,
  description: 'An internal settlement note (intern bosettingsmerknad) was added after the interview.',
  schema: strictObject({ note: internalNoteSchema, writtenBy: shortText }),
  values: ({ note, writtenBy }, { say }) => {
    const risk = note.riskToSelfOrOthers;
    return {
      writtenBy,
      note: note.text,
      risk: risk ? 'yes' : 'no',
      riskLines: risk
        ? say.bullets([
            say('riskPerson', { dufNumber: risk.dufNumber, description: risk.description }),
            ...(risk.measures ? [say('riskMeasures', { measures: risk.measures })] : []),
          ])
        : '',
    };
  },
});

export const interviewMessages = [newCase, interviewReminder, interviewOverdue, internalNote] as const;
