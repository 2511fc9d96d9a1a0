/** Finding a municipality: R-DIST-3 anonymised offer, R-DIST-7 acceptance and the settlement decision. */
import { z } from 'zod';
import type { AnonymisedProfile } from '../../domain/distribution';
import { permitTypes, relations, sexes } from '../../domain/permit';
import { booleanField, listOf, longText, oneOf, shortText, strictObject } from '../../domain/schema';
import { declinableFields, educationLevels, languageLevels, specialNeedAreas } from '../../domain/settlement-info';
import { answerSchema, companionNoteSchema, fromSpecialUnitSchema, specialNeedsSchema, yesNoUnknown } from '../../domain/settlement-info.schema';
import { defineMessage } from './define';
import { ADULT_AGE } from '../../domain/household';
import { day, type Say } from '../texts/format';
import { childCount, concerningText, countryCode, date, householdAddressee, letterHousehold, municipality, municipalityText, receptionCentreRef, week, yesNo } from './fields';

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

function memberLines(m: z.output<typeof anonymisedMemberSchema>, index: number, say: Say): string {
  const lines = [
    say('profileMember', {
      index: index + 1,
      relation: say.term('relation', m.relation),
      sex: m.sex,
      adult: yesNo(m.age >= ADULT_AGE),
      age: m.age,
      citizenship: say.country(m.citizenship),
      languages: say.list(m.languages.map(say.language)),
      minor: yesNo(m.unaccompaniedMinor),
    }),
  ];
  if (m.companionRelation) lines.push(say('profileCompanion', { relation: m.companionRelation }));
  for (const area of specialNeedAreas) {
    const need = m.specialNeeds?.[area];
    if (need?.hasNeed === 'yes') lines.push(say('profileNeed', { area: say.term('need', area), description: need.description ?? '' }));
  }
  if (m.dialysisSeveralTimesWeekly) lines.push(say('profileDialysis'));
  if (m.medicationAssistedRehabilitation) lines.push(say('profileLar'));
  if (m.highestEducation) lines.push(say('profileEducation', { level: say.term('education', m.highestEducation.level), field: m.highestEducation.field ?? 'none' }));
  if (m.lastOccupation) lines.push(say('profileOccupation', { occupation: m.lastOccupation }));
  if (m.languageSkills) {
    const other = m.languageSkills.other.map((l) => say('profileLanguageSkill', { language: say.language(l.language), level: say.term('languageLevel', l.level) }));
    lines.push(say('profileLanguageSkills', { english: say.term('languageLevel', m.languageSkills.englishLevel), other: other.length > 0 ? other.join('; ') : 'none' }));
  }
  const note = m.unaccompaniedMinorNote;
  if (note) {
    lines.push(say('profileCare', { care: termOr(say, 'care', note.recommendedCare.kind), justification: note.recommendedCare.justification }));
    lines.push(say('profileSelfReliance', { level: termOr(say, 'selfReliance', note.selfReliance.level), justification: note.selfReliance.justification }));
    lines.push(say('profileMinorEducation', { education: note.education }));
    if (note.specialNeeds) lines.push(say('profileMinorNeeds', { needs: note.specialNeeds }));
    lines.push(say('profileMinorFamily', { answer: yesNo(note.hasFamilyInNorway) }));
  }
  return lines.join('\n');
}

/** The profile types care kind and self-reliance as text; the values are the domain's enums. */
function termOr(say: Say, group: 'care' | 'selfReliance', key: string): string {
  try {
    return say.term(group, key as never);
  } catch {
    return key;
  }
}

function householdLines(household: NonNullable<z.output<typeof anonymisedProfileSchema>['household']>, say: Say): string {
  const answer = (label: 'pets' | 'car' | 'drivingLicence', a: z.output<typeof answerSchema>) =>
    say('householdAnswer', { label: say.term('householdAnswer', label), answer: say.term('yesNoUnknown', a.answer), details: a.details ?? 'none' });
  return say.bullets([
    ...(household.familyRelations ? [say('householdRelations', { relations: household.familyRelations })] : []),
    answer('pets', household.pets),
    answer('car', household.car),
    answer('drivingLicence', household.drivingLicence),
    say('householdSpecialUnit', { answer: say.term('yesNoUnknown', household.fromSpecialUnit.answer) }),
  ]);
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
  values: ({ profile, respondBy }, { say }) => ({
    count: profile.members.length,
    respondBy: day(respondBy),
    permit: say.term('permit', profile.permitType),
    priority: say.term('priority', profile.priorityGroup),
    members: profile.members.map((m, i) => memberLines(m, i, say)).join('\n'),
    household: profile.household ? householdLines(profile.household, say) : '',
    declined: profile.declinedInformation.length > 0 ? say.list(profile.declinedInformation.map((field) => say.term('declined', field))) : 'none',
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
  values: (data, { say }) => ({ municipalityName: data.municipality.name, municipality: municipalityText(say, data.municipality), week: say.week(data.expectedSettlementWeek) }),
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
    householdMembers: letterHousehold,
    receptionCentre: receptionCentreRef,
    // R-DIST-7: the sources disagree whether the resident is told the week; the workflow sends it only if configured.
    expectedSettlementWeek: week.optional(),
  }),
  addressee: (data, { today }) => householdAddressee(data.householdMembers, today, data.receptionCentre),
  values: (data, { say, today }) => ({
    concerning: concerningText(say, data.householdMembers),
    municipalityName: data.municipality.name,
    week: data.expectedSettlementWeek ? say.week(data.expectedSettlementWeek) : 'none',
    children: childCount(data.householdMembers, today),
  }),
});

export const distributionMessages = [distributionOffer, distributionAccepted, settlementDecision] as const;
