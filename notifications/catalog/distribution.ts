/** Finding a municipality: R-DIST-3 anonymised offer, R-DIST-7 acceptance and the settlement decision. */
import { z } from 'zod';
import type { AnonymisedProfile } from '../../domain/distribution';
import { permitTypes, relations, sexes } from '../../domain/permit';
import { booleanField, listOf, longText, oneOf, shortText, strictObject } from '../../domain/schema';
import { declinableFields, educationLevels, languageLevels, specialNeedAreas } from '../../domain/settlement-info';
import { answerSchema, companionNoteSchema, fromSpecialUnitSchema, specialNeedsSchema, yesNoUnknown } from '../../domain/settlement-info.schema';
import { defineMessage } from './define';
import { bulletList, caseReference, concerning, countryCode, date, formatDate, formatWeek, householdMembers, municipality, municipalityName, paragraphs, week, yesNoUnknownText } from './fields';

// ─── R-DIST-3 the anonymised profile, field by field ────────────────────────────────────────

const anonymisedMemberSchema = strictObject({
  age: z.number().int().min(0).max(120),
  sex: oneOf(sexes),
  relation: oneOf(relations),
  citizenship: countryCode,
  languages: listOf(shortText),
  unaccompaniedMinor: booleanField(),
  companionRelation: shortText.optional(),
  specialNeeds: specialNeedsSchema.optional(),
  dialysisSeveralTimesWeekly: booleanField(),
  medicationAssistedRehabilitation: booleanField(),
  highestEducation: strictObject({ level: oneOf(educationLevels), field: shortText.optional() }).optional(),
  lastOccupation: shortText.optional(),
  languageSkills: strictObject({
    englishLevel: oneOf(languageLevels),
    other: listOf(strictObject({ language: shortText, level: oneOf(languageLevels) })),
  }).optional(),
  unaccompaniedMinorNote: strictObject({
    education: longText,
    // The domain's profile types these as text; the values are selfRelianceLevels and careKinds.
    selfReliance: strictObject({ level: shortText, justification: longText }),
    recommendedCare: strictObject({ kind: shortText, justification: longText }),
    specialNeeds: longText.optional(),
    hasFamilyInNorway: booleanField(),
    companion: companionNoteSchema.optional(),
  }).optional(),
});

const priorityGroups = ['unaccompanied_minor', 'family_with_children', 'resettlement', 'none'] as const;

/** What domain/distribution.ts anonymisedProfile() produces — and nothing else (no names, numbers, centre). */
export const anonymisedProfileSchema = strictObject({
  permitType: oneOf(permitTypes),
  priorityGroup: oneOf(priorityGroups),
  members: listOf(anonymisedMemberSchema).min(1).max(20),
  household: strictObject({
    familyRelationsDescribed: yesNoUnknown,
    familyRelations: longText.optional(),
    pets: answerSchema,
    car: answerSchema,
    drivingLicence: answerSchema,
    fromSpecialUnit: fromSpecialUnitSchema,
  }).optional(),
  declinedInformation: listOf(oneOf(declinableFields)),
});

// Compile-time: every profile the domain builds is accepted by the schema.
type Assignable<T extends U, U> = T;
export type ProfileFitsSchema = Assignable<AnonymisedProfile, z.input<typeof anonymisedProfileSchema>>;

/** A DUF (12) or national identity (11) number anywhere in the text. */
const IDENTITY_NUMBER = /(?<!\d)\d{11,12}(?!\d)/;

const sexText = { female: 'kvinne', male: 'mann', unknown: 'kjønn ikke oppgitt' } as const;
const relationText = { main: 'hovedperson', spouse: 'ektefelle', partner: 'partner/samboer', child: 'barn', sibling: 'søsken', parent: 'forelder', other: 'annen relasjon' } as const;
const needText = { hearingSight: 'Hørsel og syn', cognitiveFunction: 'Kognitiv funksjon', physicalFunction: 'Fysisk funksjon, mobilitet og hjelpemidler', helpReceivedToday: 'Hjelpebehov i dag' } as const;
const educationText = { none: 'ingen', primary: 'grunnskole', secondary: 'videregående', vocational: 'fagutdanning', bachelor: 'bachelor', master_or_higher: 'master eller høyere' } as const;
const careText: Record<string, string> = {
  with_family: 'hos familie',
  with_companion: 'sammen med følgeperson',
  host_family: 'vertsfamilie',
  foster_home: 'fosterhjem',
  institution_24h_staff: 'institusjon med døgnbemanning',
  shared_housing_24h_staff: 'bofellesskap med døgnbemanning',
  shared_housing_partial_staff: 'bofellesskap med delvis bemanning',
  bedsit_with_follow_up: 'hybel med oppfølging',
};
const languageLevelText = { none: 'ingen', basic: 'grunnleggende', intermediate: 'middels', fluent: 'flytende', native: 'morsmål' } as const;
const selfRelianceText: Record<string, string> = { low: 'lav', moderate: 'middels', high: 'høy' };
const priorityText = { unaccompanied_minor: 'enslig mindreårig', family_with_children: 'barnefamilie i mottak', resettlement: 'overføringsflyktning', none: 'ingen særskilt prioritet' } as const;
const permitText = {
  protection: 'beskyttelse (utlendingsloven § 28)',
  humanitarian: 'sterke menneskelige hensyn (§ 38)',
  humanitarian_id_doubt: 'sterke menneskelige hensyn med ID-tvil (§ 38 femte ledd)',
  collective_protection: 'midlertidig kollektiv beskyttelse (§ 34)',
  resettlement: 'overføringsflyktning',
  family_reunification: 'familiegjenforening',
} as const;

function answerText(label: string, answer: z.output<typeof answerSchema>): string {
  return `${label}: ${yesNoUnknownText[answer.answer]}${answer.details ? ` (${answer.details})` : ''}`;
}

function memberText(m: z.output<typeof anonymisedMemberSchema>, index: number): string {
  const lines = [
    `Person ${index + 1}: ${relationText[m.relation]}, ${sexText[m.sex]}, ${m.age} år, statsborgerskap ${m.citizenship}, språk: ${m.languages.join(', ')}${m.unaccompaniedMinor ? ', enslig mindreårig' : ''}`,
  ];
  if (m.companionRelation) lines.push(`  Følgeperson: ${m.companionRelation}`);
  for (const area of specialNeedAreas) {
    const need = m.specialNeeds?.[area];
    if (need?.hasNeed === 'yes') lines.push(`  ${needText[area]}: ${need.description ?? ''}`);
  }
  if (m.dialysisSeveralTimesWeekly) lines.push('  Trenger dialyse flere ganger i uken');
  if (m.medicationAssistedRehabilitation) lines.push('  I legemiddelassistert rehabilitering (LAR); behandling og utlevering må være på plass før bosetting');
  if (m.highestEducation) lines.push(`  Utdanning: ${educationText[m.highestEducation.level]}${m.highestEducation.field ? `, ${m.highestEducation.field}` : ''}`);
  if (m.lastOccupation) lines.push(`  Siste yrke i hjemlandet: ${m.lastOccupation}`);
  if (m.languageSkills) lines.push(
      `  Engelsk: ${languageLevelText[m.languageSkills.englishLevel]}${m.languageSkills.other.map((l) => `; ${l.language}: ${languageLevelText[l.level]}`).join('')}`,
    );
  const note = m.unaccompaniedMinorNote;
  if (note) {
    lines.push(`  Anbefalt bo- og omsorgsløsning: ${careText[note.recommendedCare.kind] ?? note.recommendedCare.kind} – ${note.recommendedCare.justification}`);
    lines.push(`  Grad av selvhjulpenhet: ${selfRelianceText[note.selfReliance.level] ?? note.selfReliance.level} – ${note.selfReliance.justification}`);
    lines.push(`  Skole/utdanning: ${note.education}`);
    if (note.specialNeeds) lines.push(`  Særlige behov: ${note.specialNeeds}`);
    lines.push(`  Har familie i Norge: ${note.hasFamilyInNorway ? 'ja' : 'nei'}`);
  }
  return lines.join('\n');
}

export const distributionOffer = defineMessage({
  type: 'distribution-offer',
  rules: ['R-DIST-3'],
  recipients: ['municipality'],
  sender: 'imdi',
  letter: false,
  description: 'IMDi asks a municipality to settle a household, shown only as an anonymised profile until it accepts.',
  schema: strictObject({ profile: anonymisedProfileSchema, respondBy: date }).superRefine((data, ctx) => {
    // R-DIST-3: free text is redacted by the domain; refuse anything that still looks like an identity number.
    if (IDENTITY_NUMBER.test(JSON.stringify(data.profile))) {
      ctx.addIssue({ code: 'custom', path: ['profile'], message: 'R-DIST-3: the anonymised profile contains what looks like a DUF or national identity number' });
    }
  }),
  render: ({ profile, respondBy }, { caseId }) => ({
    subject: `Forespørsel om bosetting av ${profile.members.length} ${profile.members.length === 1 ? 'person' : 'personer'} – svar innen ${formatDate(respondBy)}`,
    body: paragraphs(
      'IMDi ber kommunen om å bosette denne husstanden. Profilen er anonymisert: navn, identitetsnumre og mottak oppgis først når kommunen har sagt ja.',
      `Tillatelse: ${permitText[profile.permitType]}. Prioritet: ${priorityText[profile.priorityGroup]}.`,
      profile.members.map(memberText).join('\n'),
      profile.household &&
        bulletList([
          ...(profile.household.familyRelations ? [`Familierelasjoner: ${profile.household.familyRelations}`] : []),
          answerText('Husdyr', profile.household.pets),
          answerText('Bil', profile.household.car),
          answerText('Førerkort', profile.household.drivingLicence),
          `Kommer fra særskilt tilrettelagt enhet: ${yesNoUnknownText[profile.household.fromSpecialUnit.answer]}`,
        ]),
      profile.declinedInformation.length > 0 && `Beboeren har valgt ikke å oppgi: ${profile.declinedInformation.join(', ')}.`,
      `Svar IMDi innen ${formatDate(respondBy)} om kommunen kan bosette husstanden.`,
      caseReference(caseId),
    ),
  }),
});

export const distributionAccepted = defineMessage({
  type: 'distribution-accepted',
  rules: ['R-DIST-7'],
  recipients: ['reception_centre'],
  sender: 'imdi',
  letter: false,
  description: 'A municipality accepted: the centre learns the municipality and the expected settlement week.',
  schema: strictObject({ municipality, expectedSettlementWeek: week }),
  render: (data, { caseId }) => ({
    subject: `Bosetting avtalt i ${data.municipality.name} kommune, ${formatWeek(data.expectedSettlementWeek)}`,
    body: paragraphs(
      `${municipalityName(data.municipality)} har sagt ja til å bosette husstanden. Forventet bosetting er ${formatWeek(data.expectedSettlementWeek)}.`,
      'Mottaket avtaler konkret flyttedato med kommunen og forbereder flyttingen.',
      caseReference(caseId),
    ),
  }),
});

export const settlementDecision = defineMessage({
  type: 'settlement-decision',
  rules: ['R-DIST-7'],
  recipients: ['resident'],
  sender: 'imdi',
  letter: true,
  description: "IMDi's settlement decision to the resident, naming the municipality (the week only if configured).",
  schema: strictObject({
    municipality,
    householdMembers,
    // R-DIST-7: the sources disagree whether the resident is told the week; the workflow sends it only if configured.
    expectedSettlementWeek: week.optional(),
  }),
  render: (data, { caseId }) => ({
    subject: `Vedtak om bosetting i ${data.municipality.name} kommune`,
    body: paragraphs(
      concerning(data.householdMembers),
      `IMDi har bestemt at dere skal bosettes i ${municipalityName(data.municipality)}.`,
      data.expectedSettlementWeek && `Forventet tidspunkt for bosetting er ${formatWeek(data.expectedSettlementWeek)}. Mottaket avtaler flyttedato med dere.`,
      'Dere får bare ett tilbud om bosetting, og valget av kommune kan ikke påklages.',
      'Hvis dere takker nei, kan dere miste mottaksplassen, introduksjonsprogrammet og introduksjonsstønaden, økonomisk støtte fra kommunen, dekning av reiseutgifter og kommunal bolig. Gratis norskopplæring og barnas rett til skole beholdes.',
      caseReference(caseId),
    ),
  }),
});

export const distributionMessages = [distributionOffer, distributionAccepted, settlementDecision] as const;
