/** Services told about a family in the settling municipality: R-ARR-4 school, R-ARR-5 kindergarten, R-ARR-6 health, R-ARR-7 NAV. */
import { z } from 'zod';
import { nationalIdentityNumberSchema, dufNumberSchema } from '../../domain/identifiers.schema';
import { booleanField, listOf, shortText, strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { bulletList, caseReference, countryCode, date, formatDate, formatWeek, municipality, municipalityName, name, paragraphs, week } from './fields';

/** The children a school or kindergarten must plan for: who they are and which languages they speak. */
const children = listOf(strictObject({ name, dateOfBirth: date, languages: listOf(shortText).min(1) }))
  .min(1, 'must list at least one child')
  .max(15);

function childLines(list: z.output<typeof children>): string {
  return bulletList(list.map((c) => `${c.name}, født ${formatDate(c.dateOfBirth)} (språk: ${c.languages.join(', ')})`));
}

export const schoolAssignment = defineMessage({
  type: 'school-assignment',
  rules: ['R-ARR-4'],
  recipients: ['school'],
  sender: 'municipality',
  letter: false,
  description: 'A family with school-age children is assigned to the municipality; school must start within 3 months of settlement.',
  schema: strictObject({ children, municipality, expectedSettlementWeek: week }),
  render: (data, { caseId }) => ({
    subject: `Nye elever: familie bosettes i ${data.municipality.name} kommune ${formatWeek(data.expectedSettlementWeek)}`,
    body: paragraphs(
      `${municipalityName(data.municipality)} skal bosette en familie med barn i skolepliktig alder. Forventet bosetting er ${formatWeek(data.expectedSettlementWeek)}.`,
      childLines(data.children),
      'Barna skal begynne på skolen senest tre måneder etter bosetting.',
      caseReference(caseId),
    ),
  }),
});

export const kindergartenAssignment = defineMessage({
  type: 'kindergarten-assignment',
  rules: ['R-ARR-5'],
  recipients: ['kindergarten'],
  sender: 'municipality',
  letter: false,
  description: 'A family with kindergarten-age children is assigned; a place is needed within 3 months of settlement.',
  schema: strictObject({ children, municipality, expectedSettlementWeek: week }),
  render: (data, { caseId }) => ({
    subject: `Barnehageplass: familie bosettes i ${data.municipality.name} kommune ${formatWeek(data.expectedSettlementWeek)}`,
    body: paragraphs(
      `${municipalityName(data.municipality)} skal bosette en familie med barn i barnehagealder. Forventet bosetting er ${formatWeek(data.expectedSettlementWeek)}.`,
      childLines(data.children),
      'Barna skal ha barnehageplass, eller et annet tilbud om barnepass, senest tre måneder etter bosetting eller innen introduksjonsprogrammet starter.',
      caseReference(caseId),
    ),
  }),
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
  render: (data, { caseId }) => ({
    subject: 'Melding om nybosatte flyktninger',
    body: paragraphs(
      'Følgende personer er bosatt i kommunen:',
      bulletList(data.persons.map((p) => `${p.name}, født ${formatDate(p.dateOfBirth)}, nasjonalitet ${p.nationality}`)),
      `De kommer fra ${data.receptionCentre}. Helsejournal kan bes oversendt derfra.`,
      caseReference(caseId),
    ),
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
  render: (data, { caseId }) => ({
    subject: `Melding om bosetting i ${data.municipality.name} kommune ${formatDate(data.settlementDate)}`,
    body: paragraphs(
      `Følgende personer ble bosatt i ${municipalityName(data.municipality)} ${formatDate(data.settlementDate)}:`,
      bulletList(
        data.persons.map(
          (p) => `${p.name}, født ${formatDate(p.dateOfBirth)}, DUF-nr. ${p.dufNumber}${p.nationalIdentityNumber ? `, fødselsnr. ${p.nationalIdentityNumber}` : ''}`,
        ),
      ),
      data.mappingFormEnclosed ? 'Kartleggingsskjema sendes NAV separat fra flyktningtjenesten.' : 'Det sendes ikke kartleggingsskjema for denne husstanden.',
      caseReference(caseId),
    ),
  }),
});

export const arrivalMessages = [schoolAssignment, kindergartenAssignment, healthSettlement, navSettlement] as const;
