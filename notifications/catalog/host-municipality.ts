/** The host municipality's duty before settlement: R-HOST-1 competence mapping within 14 days. */
import { strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { caseReference, concerning, date, formatDate, householdMembers, municipality, municipalityName, paragraphs } from './fields';

export const mappingReminder = defineMessage({
  type: 'mapping-reminder',
  rules: ['R-HOST-1'],
  recipients: ['host_municipality'],
  sender: 'reception_centre',
  letter: false,
  description: 'Competence mapping of the adults is not registered; the centre reminds the host municipality.',
  schema: strictObject({
    mappingDueDate: date,
    /** The adults to be mapped (residents of a centre in the host municipality). */
    adults: householdMembers,
  }),
  render: (data, { caseId }) => ({
    subject: `Påminnelse: kompetansekartlegging senest ${formatDate(data.mappingDueDate)}`,
    body: paragraphs(
      'Voksne med individuell beskyttelse skal kompetansekartlegges innen 14 dager etter vedtaksdato. Kartleggingen er ennå ikke registrert for disse beboerne:',
      concerning(data.adults),
      `Fristen er ${formatDate(data.mappingDueDate)}.`,
      caseReference(caseId),
    ),
  }),
});

export const mappingOverdue = defineMessage({
  type: 'mapping-overdue',
  rules: ['R-HOST-1'],
  // R-HOST-1: "if still not done, IMDi is contacted".
  recipients: ['imdi'],
  sender: 'reception_centre',
  letter: false,
  description: 'Competence mapping is still not done after the reminder; IMDi is told.',
  schema: strictObject({ mappingDueDate: date, hostMunicipality: municipality }),
  render: (data, { caseId }) => ({
    subject: `Kompetansekartlegging ikke gjennomført (frist ${formatDate(data.mappingDueDate)})`,
    body: paragraphs(
      `Vertskommunen ${municipalityName(data.hostMunicipality)} har ikke gjennomført kompetansekartleggingen innen fristen ${formatDate(data.mappingDueDate)}, heller ikke etter påminnelse fra mottaket.`,
      'IMDi bes følge opp vertskommunen.',
      caseReference(caseId),
    ),
  }),
});

export const hostMunicipalityMessages = [mappingReminder, mappingOverdue] as const;
