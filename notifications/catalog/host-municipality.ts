/** The host municipality's duty before settlement: R-HOST-1 competence mapping within 14 days. Texts: notifications/texts/. */
import { strictObject } from '../../domain/schema';
import { day } from '../texts/format';
import { defineMessage } from './define';
import { date, householdMembers, municipality, municipalityText } from './fields';

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
  values: (data, { say }) => ({
    mappingDueDate: day(data.mappingDueDate),
    count: data.adults.length,
    adults: say.bullets(data.adults.map((m) => say('member', { name: m.name, dufNumber: m.dufNumber }))),
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
  values: (data, { say }) => ({ mappingDueDate: day(data.mappingDueDate), hostMunicipality: municipalityText(say, data.hostMunicipality) }),
});

export const hostMunicipalityMessages = [mappingReminder, mappingOverdue] as const;
