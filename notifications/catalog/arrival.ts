/** Services told about a family in the settling municipality: R-ARR-4 school, R-ARR-5 kindergarten, R-ARR-6 health, R-ARR-7 NAV. */
import { z } from 'zod';
import { nationalIdentityNumberSchema, dufNumberSchema } from '../../domain/identifiers.schema';
import { booleanField, listOf, shortText, strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { day, type Say } from '../texts/format';
import { countryCode, date, municipality, municipalityText, name, week } from './fields';

/** The children a school or kindergarten must plan for: who they are and which languages they speak. */
const children = listOf(strictObject({ name, dateOfBirth: date, languages: listOf(shortText).min(1) }))
  .min(1, 'must list at least one child')
  .max(15);

function childValues(data: { children: z.output<typeof children>; municipality: z.output<typeof municipality>; expectedSettlementWeek: string }, say: Say) {
  return {
    count: data.children.length,
    municipalityName: data.municipality.name,
    municipality: municipalityText(say, data.municipality),
    week: say.week(data.expectedSettlementWeek as never),
    children: say.bullets(
      data.children.map((c) => say('child', { name: c.name, dateOfBirth: day(c.dateOfBirth), languages: say.list(c.languages.map(say.language)) })),
    ),
  };
}

export const schoolAssignment = defineMessage({
  type: 'school-assignment',
  rules: ['R-ARR-4'],
  recipients: ['school'],
  sender: 'municipality',
  letter: false,
  description: 'A family with school-age children is assigned to the municipality; school must start within 3 months of settlement.',
  schema: strictObject({ children, municipality, expectedSettlementWeek: week }),
  values: (data, { say }) => childValues(data, say),
});

export const kindergartenAssignment = defineMessage({
  type: 'kindergarten-assignment',
  rules: ['R-ARR-5'],
  recipients: ['kindergarten'],
  sender: 'municipality',
  letter: false,
  description: 'A family with kindergarten-age children is assigned; a place is needed within 3 months of settlement.',
  schema: strictObject({ children, municipality, expectedSettlementWeek: week }),
  values: (data, { say }) => childValues(data, say),
});

export const healthSettlement = defineMessage({
  type: 'health-settlement',
  rules: ['R-ARR-6'],
  // Kommunelege and ledende helsesøster: one directory entry for the municipality's health service.
  recipients: ['health'],
  sender: 'municipality',
  letter: false,
  description: 'New settlement: exactly name, date of birth, nationality and reception centre, so records can be requested.',
  // R-ARR-6: exactly these four facts and nothing more — no DUF or identity number, no needs.
  schema: strictObject({
    receptionCentre: shortText,
    persons: listOf(strictObject({ name, dateOfBirth: date, nationality: countryCode }))
      .min(1, 'must list at least one person')
      .max(20),
  }),
  values: (data, { say }) => ({
    count: data.persons.length,
    receptionCentre: data.receptionCentre,
    persons: say.bullets(data.persons.map((p) => say('healthPerson', { name: p.name, dateOfBirth: day(p.dateOfBirth), citizenship: say.country(p.nationality) }))),
  }),
});

export const navSettlement = defineMessage({
  type: 'nav-settlement',
  rules: ['R-ARR-7'],
  recipients: ['nav'],
  sender: 'municipality',
  letter: false,
  description: 'New settlement: NAV is told who was settled, and whether the mapping form follows.',
  schema: strictObject({
    municipality,
    settlementDate: date,
    persons: listOf(
      strictObject({ name, dateOfBirth: date, dufNumber: dufNumberSchema, nationalIdentityNumber: nationalIdentityNumberSchema.optional() }),
    )
      .min(1, 'must list at least one person')
      .max(20),
    /** R-ARR-7: "gets the mapping form where appropriate". */
    mappingFormEnclosed: booleanField(),
  }),
  values: (data, { say }) => ({
    count: data.persons.length,
    municipalityName: data.municipality.name,
    municipality: municipalityText(say, data.municipality),
    settlementDate: day(data.settlementDate),
    mappingForm: data.mappingFormEnclosed ? 'yes' : 'no',
    persons: say.bullets(
      data.persons.map((p) =>
        say('navPerson', { name: p.name, dateOfBirth: day(p.dateOfBirth), dufNumber: p.dufNumber, nationalIdentityNumber: p.nationalIdentityNumber ?? 'none' }),
      ),
    ),
  }),
});

export const arrivalMessages = [schoolAssignment, kindergartenAssignment, healthSettlement, navSettlement] as const;
