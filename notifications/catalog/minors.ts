/** Unaccompanied minors: R-EM-1 plans before settlement, R-EM-2 the moving notice. Texts: notifications/texts/. */
import { strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { day } from '../texts/format';
import { date, municipality, municipalityText, name, week } from './fields';

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
  values: (data, { say }) => ({ plansDueDate: day(data.plansDueDate), week: say.week(data.expectedSettlementWeek), municipality: municipalityText(say, data.municipality) }),
});

export const minorPlansOverdue = defineMessage({
  type: 'em-plans-overdue',
  rules: ['R-EM-1'],
  recipients: ['reception_centre_leader', 'imdi'],
  sender: 'imdi',
  letter: false,
  description: 'The plans did not reach the municipality 2 weeks before the settlement week.',
  schema: plansSchema,
  values: (data, { say }) => ({ plansDueDate: day(data.plansDueDate), week: say.week(data.expectedSettlementWeek), municipality: municipalityText(say, data.municipality) }),
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
  values: (data, { say }) => ({
    minorName: data.minor.name,
    minorDateOfBirth: day(data.minor.dateOfBirth),
    municipality: municipalityText(say, data.municipality),
    movingDate: data.movingDate ?? 'none',
    movingDay: data.movingDate ? day(data.movingDate) : new Date(0),
    week: data.expectedSettlementWeek ? say.week(data.expectedSettlementWeek) : 'none',
  }),
});

export const minorMessages = [minorPlansDue, minorPlansOverdue, minorMovingNotice] as const;
