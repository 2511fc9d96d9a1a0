/**
 * What the reception centre registers for IMDi: the settlement interview record and the
 * settlement-relevant information (seed 003, 2.4–2.5, Vedlegg 5–6; the ffkf letters). Shared by
 * the API (validation at the edge) and the workflow.
 *
 * Privacy by shape (R-REG-4): there is no field for a diagnosis, medication or medical record;
 * the strict schemas refuse such keys. Risk to self or others is never part of the settlement
 * information — it goes only in the internal note to IMDi (R-REG-3, R-INT-6).
 */
import { z } from 'zod';
import { ageOn, isoDateSchema, type IsoDate } from './dates';
import { ADULT_AGE, adults, fullName } from './household';
import { dufNumberSchema } from './identifiers';
import type { PermitGranted, PermitType, Person } from './permit';
import { booleanField, listOf, longText, oneOf, shortText, strictObject } from './schema';

// ─── Building blocks ────────────────────────────────────────────────────────────────────────

/** R-REG-2: 'unknown' is an answer of its own and never means "no". */
export const yesNoUnknown = oneOf(['yes', 'no', 'unknown']);
export type YesNoUnknown = z.output<typeof yesNoUnknown>;

const MEDICAL_KEY = /diagnos|medic|medisin|prescription|resept|journal|epikrise|health.?record|treatment/i;
/** R-REG-4: say why a medical-looking key is refused, so the caseworker knows what to write instead. */
function noMedicalFields(keys: string[]): string | undefined {
  return keys.some((key) => MEDICAL_KEY.test(key))
    ? 'R-REG-4: diagnoses, medication and medical records are never stored; describe the settlement-relevant need in specialNeeds'
    : undefined;
}

/** A yes/no/unknown answer with optional details (e.g. pets: 'yes', 'one medium-sized dog'). */
export const answerSchema = strictObject({ answer: yesNoUnknown, details: longText.optional() });
export type Answer = z.output<typeof answerSchema>;
const unknownAnswer = (): Answer => ({ answer: 'unknown' });

// ─── R-REG-2 household facts ────────────────────────────────────────────────────────────────

/** The three kinds of special UDI units a resident may come from (R-REG-2, R-REG-6). */
export const specialUnitKinds = [
  'facilitated_department', // tilrettelagt avdeling
  'special_housing_and_care', // særskilt bo- og omsorgsløsning
  'special_nursing_and_care', // særskilt pleie- og omsorgsløsning
] as const;
export type SpecialUnitKind = (typeof specialUnitKinds)[number];

export const fromSpecialUnitSchema = strictObject({ answer: yesNoUnknown, unit: oneOf(specialUnitKinds).optional() }).refine(
  (value) => (value.answer === 'yes') === (value.unit !== undefined),
  { message: "name the unit (facilitated_department, special_housing_and_care or special_nursing_and_care) exactly when the answer is 'yes'", path: ['unit'] },
);

// ─── R-REG-3 / R-REG-4 per-person needs ─────────────────────────────────────────────────────

/** One area of særlig hensyn: is there a need, and what it is in daily life (never a diagnosis). */
export const needSchema = strictObject({ hasNeed: yesNoUnknown, description: longText.optional() }, noMedicalFields).refine(
  (need) => need.hasNeed !== 'yes' || need.description !== undefined,
  { message: "describe the need when hasNeed is 'yes' — what the person cannot do or needs help with in daily life", path: ['description'] },
);
export type Need = z.output<typeof needSchema>;
const unknownNeed = (): Need => ({ hasNeed: 'unknown' });

/** R-REG-3: the four areas of særlig hensyn. */
export const specialNeedAreas = ['hearingSight', 'cognitiveFunction', 'physicalFunction', 'helpReceivedToday'] as const;
export type SpecialNeedArea = (typeof specialNeedAreas)[number];

/** R-REG-3: the four areas, recorded for ONE person — never flagged on the whole family. */
export const specialNeedsSchema = strictObject(
  {
    hearingSight: needSchema.default(unknownNeed), // hørsel og syn
    cognitiveFunction: needSchema.default(unknownNeed), // kognitiv funksjon: communication in own language, memory
    physicalFunction: needSchema.default(unknownNeed), // fysisk funksjon, mobilitet og hjelpemidler
    helpReceivedToday: needSchema.default(unknownNeed), // hjelpebehov i dag
  },
  noMedicalFields,
);
export type SpecialNeeds = z.output<typeof specialNeedsSchema>;

// ─── R-REG-1 per-person facts (mandatory for collective protection) ────────────────────────

export const educationLevels = ['none', 'primary', 'secondary', 'vocational', 'bachelor', 'master_or_higher'] as const;
const levelsWithField = new Set<string>(['vocational', 'bachelor', 'master_or_higher']);
export const languageLevels = ['none', 'basic', 'intermediate', 'fluent', 'native'] as const;

export const highestEducationSchema = strictObject({ level: oneOf(educationLevels), field: shortText.optional() }).refine(
  (education) => !levelsWithField.has(education.level) || education.field !== undefined,
  { message: 'name the field of study for vocational or higher education', path: ['field'] },
);

export const languageSkillsSchema = strictObject({
  /** R-REG-1: English level is mandatory. */
  englishLevel: oneOf(languageLevels),
  other: listOf(strictObject({ language: shortText, level: oneOf(languageLevels) })).default([]),
});

// ─── R-REG-5 the note for an unaccompanied minor ────────────────────────────────────────────

export const careKinds = [
  'with_family',
  'with_companion',
  'host_family', // vertsfamilie
  'foster_home', // fosterhjem: justify why not shared housing with 24h staff
  'institution_24h_staff',
  'shared_housing_24h_staff', // bofellesskap med døgnbemanning
  'shared_housing_partial_staff',
  'bedsit_with_follow_up', // hybel med oppfølging
] as const;
export const selfRelianceLevels = ['low', 'moderate', 'high'] as const;

/** R-REG-5: what the centre knows of an unaccompanied minor's companion (følgeperson). */
export const companionNoteSchema = strictObject({
  relationship: shortText,
  knownFor: shortText,
  feelsSafe: yesNoUnknown,
  wishesToLiveTogether: yesNoUnknown,
  staffObservations: longText,
  recommendation: longText.optional(),
});

export const unaccompaniedMinorNoteSchema = strictObject(
  {
    familyInNorway: listOf(strictObject({ name: shortText, address: shortText })).default([]),
    education: longText,
    selfReliance: strictObject({ level: oneOf(selfRelianceLevels), justification: longText }),
    recommendedCare: strictObject({ kind: oneOf(careKinds), justification: longText }),
    /** e.g. follow-up by child and adolescent psychiatry (BUP) — the need, not a diagnosis. */
    specialNeeds: longText.optional(),
    /** Only for a minor with a companion (følgeperson). */
    companion: companionNoteSchema.optional(),
  },
  noMedicalFields,
);

export type UnaccompaniedMinorNote = z.output<typeof unaccompaniedMinorNoteSchema>;
export type UnaccompaniedMinorNoteInput = z.input<typeof unaccompaniedMinorNoteSchema>;

// ─── The settlement information ─────────────────────────────────────────────────────────────

export const personInfoSchema = strictObject(
  {
    dufNumber: dufNumberSchema,
    specialNeeds: specialNeedsSchema.default(() => specialNeedsSchema.parse({})),
    /** R-REG-4: the only medical facts kept, because treatment must be in place before settlement. */
    dialysisSeveralTimesWeekly: booleanField().default(false),
    /** R-REG-4: legemiddelassistert rehabilitering (LAR). */
    medicationAssistedRehabilitation: booleanField().default(false),
    highestEducation: highestEducationSchema.optional(),
    /** Last occupation in the home country ('none' is an answer). */
    lastOccupation: shortText.optional(),
    languageSkills: languageSkillsSchema.optional(),
    unaccompaniedMinorNote: unaccompaniedMinorNoteSchema.optional(),
  },
  noMedicalFields,
);
export type PersonInfo = z.output<typeof personInfoSchema>;

/** R-REG-7: wishes are recorded together with the fact that the resident was told they may not be honoured. */
export const settlementWishesSchema = strictObject({
  text: longText,
  informedWishesMayNotBeHonoured: z.literal(true, {
    error: 'R-REG-7: tell the resident that wishes may not be honoured, then set informedWishesMayNotBeHonoured to true',
  }),
});

export const settlementInfoSchema = strictObject(
  {
    /** R-REG-2: 'yes' = the relations between members are written in familyRelations; 'no' = nothing
     *  to describe (a one-person household). */
    familyRelationsDescribed: yesNoUnknown.default('unknown'),
    familyRelations: longText.optional(),
    /** R-REG-2; also R-REG-1's "pets in Norway" for collective protection — one fact, one field. */
    pets: answerSchema.default(unknownAnswer),
    /** R-REG-2; also R-REG-1's "car in Norway". */
    car: answerSchema.default(unknownAnswer),
    /** R-REG-2 / R-REG-1: does anyone hold a driving licence (details: who, which class). */
    drivingLicence: answerSchema.default(unknownAnswer),
    /** R-REG-2: does anyone come from a special unit (then R-REG-6 applies). */
    fromSpecialUnit: fromSpecialUnitSchema.default(() => ({ answer: 'unknown' as const })),
    /** Per-person facts, keyed by DUF number. */
    persons: listOf(personInfoSchema).default([]),
    settlementWishes: settlementWishesSchema.optional(),
  },
  noMedicalFields,
).superRefine((info, ctx) => {
  if (info.familyRelationsDescribed === 'yes' && info.familyRelations === undefined) {
    ctx.addIssue({ code: 'custom', path: ['familyRelations'], message: "describe how the members are related when familyRelationsDescribed is 'yes'" });
  }
  const seen = new Set<string>();
  info.persons.forEach((person, i) => {
    if (seen.has(person.dufNumber)) {
      ctx.addIssue({ code: 'custom', path: ['persons', i, 'dufNumber'], message: `DUF number ${person.dufNumber} is listed twice; give each person once` });
    }
    seen.add(person.dufNumber);
  });
});
export type SettlementInfo = z.output<typeof settlementInfoSchema>;
export type SettlementInfoInput = z.input<typeof settlementInfoSchema>;

/** Nothing registered yet: every answer 'unknown'. */
export function emptySettlementInfo(): SettlementInfo {
  return settlementInfoSchema.parse({});
}

/** R-REG-3 / R-INT-6: the internal settlement note (intern bosettingsmerknad) to IMDi only. It
 *  carries new information after the interview and any risk to self or others. */
export const internalNoteSchema = strictObject(
  {
    text: longText,
    riskToSelfOrOthers: strictObject({ dufNumber: dufNumberSchema, description: longText, measures: longText.optional() }).optional(),
  },
  noMedicalFields,
);
export type InternalNote = z.output<typeof internalNoteSchema>;

/** R-REG-6: every 6 months an updated function report is sent to IMDi, or "no change" recorded. */
export const functionReportSchema = strictObject({ recordedOn: isoDateSchema, outcome: oneOf(['updated_report_sent', 'no_change']) });
export type FunctionReport = z.output<typeof functionReportSchema>;

// ─── What is still missing before distribution ──────────────────────────────────────────────

/** Fields a resident may decline to answer (R-INT-5); named as in settlementInfoSchema. */
export const declinableFields = [
  'familyRelationsDescribed',
  'pets',
  'car',
  'drivingLicence',
  'fromSpecialUnit',
  'specialNeeds',
  'highestEducation',
  'lastOccupation',
  'languageSkills',
  'settlementWishes',
] as const;
export type DeclinableField = (typeof declinableFields)[number];

export type MissingInfo = { field: string; rule: 'R-REG-1' | 'R-REG-2' | 'R-REG-5'; message: string };

export type MissingInfoContext = {
  /** The household and the date to compute ages on; enables the per-adult (R-REG-1) and EM (R-REG-5) checks. */
  household?: { persons: readonly Person[]; onDate: IsoDate };
  /** R-INT-5: a field the resident declined to answer counts as answered ("declined"), not missing —
   *  otherwise a refusal to answer would block the case forever. */
  declinedInformation?: readonly DeclinableField[];
};

/** The yes/no/unknown household facts both R-REG-2 and R-REG-1 ask for. */
const householdAnswers = [
  ['pets', 'whether the household has pets in Norway'],
  ['car', 'whether the household has a car in Norway'],
  ['drivingLicence', 'whether anyone holds a driving licence'],
] as const;

function withoutDeclined(items: MissingInfo[], declined: readonly DeclinableField[] = []): MissingInfo[] {
  return items.filter((item) => !declined.some((field) => item.field === field || item.field.endsWith(`.${field}`)));
}

/**
 * R-REG-1: what collective protection (§ 34) still lacks — pets and car in Norway, driving licence,
 * and for each adult highest education and field, last occupation and language skills with
 * English level. Without a household, every person entry is checked and at least one is required.
 */
export function collectiveProtectionMissing(info: SettlementInfo | undefined, context: MissingInfoContext = {}): MissingInfo[] {
  const filled = info ?? emptySettlementInfo();
  const missing: MissingInfo[] = householdAnswers
    .filter(([field]) => filled[field].answer === 'unknown')
    .map(([field, question]) => ({ field, rule: 'R-REG-1', message: `R-REG-1: ${question} is mandatory for collective protection and still unknown` }));

  const subjects = context.household
    ? adults(context.household.persons, context.household.onDate).map((p) => ({ dufNumber: p.dufNumber, name: `${fullName(p)} (DUF ${p.dufNumber})` }))
    : filled.persons.map((p) => ({ dufNumber: p.dufNumber, name: `DUF ${p.dufNumber}` }));
  if (subjects.length === 0) {
    missing.push({ field: 'persons', rule: 'R-REG-1', message: 'R-REG-1: no person has education, occupation and language skills registered' });
  }
  for (const subject of subjects) {
    const person = filled.persons.find((p) => p.dufNumber === subject.dufNumber);
    const gaps = [
      ['highestEducation', 'highest education and field', person?.highestEducation],
      ['lastOccupation', 'last occupation in the home country', person?.lastOccupation],
      ['languageSkills', 'language skills with English level', person?.languageSkills],
    ] as const;
    for (const [field, label, value] of gaps) {
      if (value === undefined) {
        missing.push({ field: `persons.${subject.dufNumber}.${field}`, rule: 'R-REG-1', message: `R-REG-1: ${label} of ${subject.name} is mandatory for collective protection` });
      }
    }
  }
  return withoutDeclined(missing, context.declinedInformation);
}

/**
 * Everything that must be known before IMDi may send the household to a municipality:
 * R-REG-2 for every household, R-REG-1 for collective protection and, given the household,
 * R-REG-5 notes for unaccompanied minors. An empty list means nothing is missing.
 */
export function missingForDistribution(
  info: SettlementInfo | undefined,
  permitType: PermitType,
  context: MissingInfoContext = {},
): MissingInfo[] {
  const filled = info ?? emptySettlementInfo();
  const unknown = (field: string, what: string): MissingInfo => ({
    field,
    rule: 'R-REG-2',
    message: `R-REG-2: ${what} is still unknown; a distribution cannot be sent while it is (unknown is not "no")`,
  });

  let missing: MissingInfo[] = [];
  if (filled.familyRelationsDescribed === 'unknown') missing.push(unknown('familyRelationsDescribed', 'how the members are related'));
  for (const [field, question] of householdAnswers) {
    if (filled[field].answer === 'unknown') missing.push(unknown(field, question));
  }
  if (filled.fromSpecialUnit.answer === 'unknown') missing.push(unknown('fromSpecialUnit', 'whether anyone comes from a special unit'));

  if (permitType === 'collective_protection') {
    // R-REG-1 names the same household facts; report them once, under the stricter rule.
    const collective = collectiveProtectionMissing(filled, context);
    missing = [...missing.filter((m) => !collective.some((c) => c.field === m.field)), ...collective];
  }

  for (const minor of context.household?.persons.filter((p) => p.unaccompaniedMinor) ?? []) {
    const note = filled.persons.find((p) => p.dufNumber === minor.dufNumber)?.unaccompaniedMinorNote;
    const who = `${fullName(minor)} (DUF ${minor.dufNumber})`;
    if (note === undefined) {
      missing.push({ field: `persons.${minor.dufNumber}.unaccompaniedMinorNote`, rule: 'R-REG-5', message: `R-REG-5: the settlement note for the unaccompanied minor ${who} is missing` });
    } else if (minor.companion !== undefined && note.companion === undefined) {
      missing.push({
        field: `persons.${minor.dufNumber}.unaccompaniedMinorNote.companion`,
        rule: 'R-REG-5',
        message: `R-REG-5: ${who} has a companion; the note must describe the relationship, safety and the wish to live together`,
      });
    }
  }
  return withoutDeclined(missing, context.declinedInformation);
}

// ─── The settlement interview ───────────────────────────────────────────────────────────────

/** R-INT-4: the 12 topics of seed 003, 2.4.3. */
export const interviewTopics = [
  'decision_content',
  'residence_card_and_travel_document',
  'child_benefit',
  'settlement_with_public_help',
  'consequences_of_refusing_offer',
  'agreed_self_settlement',
  'settlement_on_own_initiative',
  'rights_and_duties',
  'education_and_work_documentation',
  'housing_forms',
  'practical_moving_information',
  'tasks_before_moving',
] as const;
export type InterviewTopic = (typeof interviewTopics)[number];

/** The topics as the guide names them, for letters and screens in Norwegian. */
export const interviewTopicLabels: Record<InterviewTopic, string> = {
  decision_content: 'Innholdet i vedtaket',
  residence_card_and_travel_document: 'Oppholdskort og reisebevis',
  child_benefit: 'Barnetrygd',
  settlement_with_public_help: 'Bosetting med offentlig hjelp',
  consequences_of_refusing_offer: 'Konsekvenser ved ikke å ta imot tilbud om bosetting eller å takke nei til boligen',
  agreed_self_settlement: 'Avtalt selvbosetting',
  settlement_on_own_initiative: 'Bosetting på eget initiativ',
  rights_and_duties: 'Rettigheter og plikter før og etter bosetting',
  education_and_work_documentation: 'Dokumentasjon på utdanning og arbeidserfaring',
  housing_forms: 'Boformer',
  practical_moving_information: 'Praktisk informasjon om kommende flytting',
  tasks_before_moving: 'Oppgaver som bør gjøres i forkant av flytting til bosettingskommunen',
};

/** How a person took part: the family's joint interview, their own, or the extended EM interview. */
export const interviewFormats = ['joint', 'own', 'extended_unaccompanied_minor'] as const;
export type InterviewFormat = (typeof interviewFormats)[number];

/** R-INT-3: children from 12 are offered their own interview ("barn over 12 år": past their 12th birthday). */
const OWN_INTERVIEW_AGE = 12;

function unique<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}

export const interviewRecordSchema = strictObject({
  heldOn: isoDateSchema,
  participants: listOf(strictObject({ dufNumber: dufNumberSchema, format: oneOf(interviewFormats) }))
    .min(1, 'must list who took part')
    .refine((ps) => unique(ps.map((p) => p.dufNumber)), 'lists a person twice; give each participant once'),
  /** R-INT-3: children over 12 who were offered their own interview (whether or not they took it). */
  childrenOfferedOwnInterview: listOf(dufNumberSchema).default([]),
  /** R-INT-4 */
  topicsCovered: listOf(oneOf(interviewTopics)).default([]).refine(unique, 'lists a topic twice'),
  /** R-INT-5: what the resident declined to tell — only the field names, never a reason. */
  declinedInformation: listOf(oneOf(declinableFields)).default([]).refine(unique, 'lists a field twice'),
});
export type InterviewRecord = z.output<typeof interviewRecordSchema>;
export type InterviewRecordInput = z.input<typeof interviewRecordSchema>;

export type InterviewIssue = { path: (string | number)[]; rule: 'R-INT-3'; message: string };

/** R-INT-3 checked against the household, ages on the interview date. */
export function interviewParticipationIssues(record: InterviewRecord, permit: Pick<PermitGranted, 'persons'>): InterviewIssue[] {
  const issues: InterviewIssue[] = [];
  const byDuf = new Map(permit.persons.map((p) => [p.dufNumber, p]));
  const participation = new Map(record.participants.map((p) => [p.dufNumber, p.format]));
  const who = (p: Person) => `${fullName(p)} (DUF ${p.dufNumber})`;

  record.participants.forEach((participant, i) => {
    const person = byDuf.get(participant.dufNumber);
    if (!person) {
      issues.push({ path: ['participants', i, 'dufNumber'], rule: 'R-INT-3', message: `DUF ${participant.dufNumber} is not a member of this household` });
    } else if (participant.format === 'extended_unaccompanied_minor' && !person.unaccompaniedMinor) {
      issues.push({ path: ['participants', i, 'format'], rule: 'R-INT-3', message: `the extended interview is for unaccompanied minors; ${who(person)} is not one` });
    }
  });
  record.childrenOfferedOwnInterview.forEach((duf, i) => {
    if (!byDuf.has(duf)) {
      issues.push({ path: ['childrenOfferedOwnInterview', i], rule: 'R-INT-3', message: `DUF ${duf} is not a member of this household` });
    }
  });

  for (const person of permit.persons) {
    const age = ageOn(person.dateOfBirth, record.heldOn);
    const format = participation.get(person.dufNumber);
    if (person.unaccompaniedMinor) {
      if (format !== 'extended_unaccompanied_minor') {
        issues.push({ path: ['participants'], rule: 'R-INT-3', message: `the unaccompanied minor ${who(person)} must have the extended interview of their own` });
      }
    } else if (age >= ADULT_AGE) {
      if (format === undefined) {
        issues.push({ path: ['participants'], rule: 'R-INT-3', message: `all adults take part; ${who(person)} (${age}) is not listed` });
      }
    } else if (age >= OWN_INTERVIEW_AGE && format !== 'own' && !record.childrenOfferedOwnInterview.includes(person.dufNumber)) {
      issues.push({ path: ['childrenOfferedOwnInterview'], rule: 'R-INT-3', message: `children over 12 are offered their own interview; record that ${who(person)} (${age}) was offered one` });
    }
  }
  return issues;
}

/** interviewRecordSchema plus R-INT-3 against this household, for the API edge. */
export function interviewRecordSchemaFor(permit: Pick<PermitGranted, 'persons'>) {
  return interviewRecordSchema.superRefine((record, ctx) => {
    for (const issue of interviewParticipationIssues(record, permit)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });
}

/** R-INT-4: topics not (yet) covered — shown to the caseworker; they do not block completion. */
export function topicsNotCovered(record: Pick<InterviewRecord, 'topicsCovered'>): InterviewTopic[] {
  return interviewTopics.filter((topic) => !record.topicsCovered.includes(topic));
}
