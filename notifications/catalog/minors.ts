/** Unaccompanied minors: R-EM-1 plans before settlement, R-EM-2 the moving notice. */
import { strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { caseReference, date, formatDate, formatWeek, municipality, municipalityName, name, paragraphs, week } from './fields';

const plansSchema = strictObject({ plansDueDate: date, expectedSettlementWeek: week, municipality });

export const minorPlansDue = defineMessage({
  type: 'em-plans-due',
  rules: ['R-EM-1'],
  // The centre sends the plans; the representative signs them together with the minor.
  recipients: ['reception_centre', 'guardian'],
  sender: 'imdi',
  letter: false,
  description: 'Mapping plan and action plan (IKTP) must reach the municipality at least 2 weeks before the settlement week.',
  schema: plansSchema,
  render: (data, { caseId }) => ({
    subject: `Kartleggingsplan og tiltaksplan (IKTP) sendes senest ${formatDate(data.plansDueDate)}`,
    body: paragraphs(
      `${municipalityName(data.municipality)} skal bosette den enslige mindreårige, med forventet bosetting ${formatWeek(data.expectedSettlementWeek)}.`,
      `Kartleggingsplanen og tiltaksplanen (IKTP) skal være gjennomgått og signert av den mindreårige og representanten/vergen, og sendt til kommunen senest ${formatDate(data.plansDueDate)} – minst to uker før forventet bosettingsuke.`,
      caseReference(caseId),
    ),
  }),
});

export const minorPlansOverdue = defineMessage({
  type: 'em-plans-overdue',
  rules: ['R-EM-1'],
  recipients: ['reception_centre_leader', 'imdi'],
  sender: 'imdi',
  letter: false,
  description: 'The plans did not reach the municipality 2 weeks before the settlement week.',
  schema: plansSchema,
  render: (data, { caseId }) => ({
    subject: `Frist passert: kartleggingsplan og IKTP (frist ${formatDate(data.plansDueDate)})`,
    body: paragraphs(
      `Kartleggingsplanen og tiltaksplanen for den enslige mindreårige er ikke registrert sendt til ${municipalityName(data.municipality)}. Fristen var ${formatDate(data.plansDueDate)}; forventet bosetting er ${formatWeek(data.expectedSettlementWeek)}.`,
      'Planene må sendes snarest, slik at kommunen kan forberede mottaket.',
      caseReference(caseId),
    ),
  }),
});

export const minorMovingNotice = defineMessage({
  type: 'em-moving-notice',
  rules: ['R-EM-2'],
  // R-EM-2: the representative as soon as possible; statsforvalteren and the school by post.
  recipients: ['guardian', 'county_governor', 'school'],
  sender: 'reception_centre',
  letter: false,
  description: 'An unaccompanied minor is going to move to the settling municipality.',
  schema: strictObject({
    minor: strictObject({ name, dateOfBirth: date }),
    municipality,
    movingDate: date.optional(),
    expectedSettlementWeek: week.optional(),
  }).refine((data) => data.movingDate !== undefined || data.expectedSettlementWeek !== undefined, {
    message: 'give the moving date or, until it is agreed, the expected settlement week',
    path: ['movingDate'],
  }),
  render: (data, { caseId }) => ({
    subject: `Melding om flytting: ${data.minor.name}`,
    body: paragraphs(
      `${data.minor.name}, født ${formatDate(data.minor.dateOfBirth)}, er enslig mindreårig og skal bosettes i ${municipalityName(data.municipality)}.`,
      data.movingDate
        ? `Planlagt flyttedato er ${formatDate(data.movingDate)}.`
        : `Forventet flytting er ${formatWeek(data.expectedSettlementWeek!)}; endelig dato kommer når den er avtalt.`,
      caseReference(caseId),
    ),
  }),
});

export const minorMessages = [minorPlansDue, minorPlansOverdue, minorMovingNotice] as const;
