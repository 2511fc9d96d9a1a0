/** Before and at the settlement interview: R-INT-1, R-INT-2, R-INT-6. */
import { internalNoteSchema } from '../../domain/settlement-info.schema';
import { shortText, strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { bulletList, caseReference, concerning, date, formatDate, householdMembers, paragraphs } from './fields';

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
  render: (data, { caseId }) => ({
    subject: `Ny bosettingssak – bosettingssamtale senest ${formatDate(data.interviewDueDate)}`,
    body: paragraphs(
      'En husstand på mottaket har fått oppholdstillatelse som gir rett til bosetting med offentlig hjelp, og det er opprettet en bosettingssak.',
      data.householdMembers && concerning(data.householdMembers),
      `Bosettingssamtalen skal holdes senest ${formatDate(data.interviewDueDate)}, innen 14 dager etter at saken ble opprettet. Registrer samtalen i Bosetting når den er gjennomført.`,
      'Varselet går til bosettingsansvarlig og til mottakets felles adresse.',
      caseReference(caseId),
    ),
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
  render: (data, { caseId }) => ({
    subject: `Påminnelse: bosettingssamtale senest ${formatDate(data.interviewDueDate)}`,
    body: paragraphs(
      `Bosettingssamtalen er ennå ikke registrert. Fristen er ${formatDate(data.interviewDueDate)}.`,
      'Alle voksne i husstanden skal delta. Barn over 12 år skal tilbys egen samtale.',
      caseReference(caseId),
    ),
  }),
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
  render: (data, { caseId }) => ({
    subject: `Frist passert: bosettingssamtale skulle vært holdt innen ${formatDate(data.interviewDueDate)}`,
    body: paragraphs(
      `Fristen for bosettingssamtalen var ${formatDate(data.interviewDueDate)}. Samtalen er ikke registrert, og saken er markert som forsinket.`,
      'Samtalen må holdes snarest, slik at IMDi kan starte arbeidet med å finne en bosettingskommune.',
      caseReference(caseId),
    ),
  }),
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
  render: ({ note, writtenBy }, { caseId }) => ({
    subject: 'Intern bosettingsmerknad',
    body: paragraphs(
      `Mottaket har lagt til en intern bosettingsmerknad etter bosettingssamtalen (skrevet av ${writtenBy}).`,
      note.text,
      note.riskToSelfOrOthers &&
        `Risiko for seg selv eller andre:\n${bulletList([
          `DUF-nr. ${note.riskToSelfOrOthers.dufNumber}: ${note.riskToSelfOrOthers.description}`,
          ...(note.riskToSelfOrOthers.measures ? [`Tiltak: ${note.riskToSelfOrOthers.measures}`] : []),
        ])}`,
      'Merknaden er kun for IMDi og skal ikke videreformidles til kommunen.',
      caseReference(caseId),
    ),
  }),
});

export const interviewMessages = [newCase, interviewReminder, interviewOverdue, internalNote] as const;
