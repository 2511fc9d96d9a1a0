/**
 * What the reception centre registers for IMDi: the settlement interview record and the
 * settlement-relevant information (seed 003, 2.4–2.5, Vedlegg 5–6; the ffkf letters) — the
 * rules on it as plain functions (what is missing before distribution, R-INT-3 against the
 * household). The zod schemas that check the forms at the API edge are in
 * settlement-info.schema.ts; the types here are inferred from them.
 *
 * Privacy by shape (R-REG-4): there is no field for a diagnosis, medication or medical record;
 * the strict schemas refuse such keys. Risk to self or others is never part of the settlement
 * information — it goes only in the internal note to IMDi (R-REG-3, R-INT-6).
 */
import { ageOn, type IsoDate } from './dates';
import { ADULT_AGE, adults, fullName } from './household';
import type { PermitGranted, PermitType, Person } from './permit';
import type { InterviewRecord, SettlementInfo } from './settlement-info.schema';

/** The registered information as the API parsed it (shapes in settlement-info.schema.ts). */
export type {
  Answer,
  FunctionReport,
  InternalNote,
  InterviewRecord,
  InterviewRecordInput,
  Need,
  PersonInfo,
  SettlementInfo,
  SettlementInfoInput,
  SpecialNeeds,
  UnaccompaniedMinorNote,
  UnaccompaniedMinorNoteInput,
  YesNoUnknown,
} from './settlement-info.schema';

/** R-REG-2: 'unknown' is an answer of its own and never means "no". */
export const yesNoUnknownAnswers = ['yes', 'no', 'unknown'] as const;

// ─── R-REG-2 household facts ────────────────────────────────────────────────────────────────

/** The three kinds of special UDI units a resident may come from (R-REG-2, R-REG-6). */
export const specialUnitKinds = [
  'facilitated_department', // tilrettelagt avdeling
  'special_housing_and_care', // særskilt bo- og omsorgsløsning
  'special_nursing_and_care', // særskilt pleie- og omsorgsløsning
] as const;
export type SpecialUnitKind = (typeof specialUnitKinds)[number];

// ─── R-REG-3 / R-REG-4 per-person needs ─────────────────────────────────────────────────────

/** R-REG-3: the four areas of særlig hensyn. */
export const specialNeedAreas = ['hearingSight', 'cognitiveFunction', 'physicalFunction', 'helpReceivedToday'] as const;
export type SpecialNeedArea = (typeof specialNeedAreas)[number];

// ─── R-REG-1 per-person facts (mandatory for collective protection) ────────────────────────

export const educationLevels = ['none', 'primary', 'secondary', 'vocational', 'bachelor', 'master_or_higher'] as const;
export const languageLevels = ['none', 'basic', 'intermediate', 'fluent', 'native'] as const;

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

// ─── The settlement information ─────────────────────────────────────────────────────────────

/** Nothing registered yet: every answer 'unknown' (what settlementInfoSchema gives for {}). */
export function emptySettlementInfo(): SettlementInfo {
  return {
    familyRelationsDescribed: 'unknown',
    pets: { answer: 'unknown' },
    car: { answer: 'unknown' },
    drivingLicence: { answer: 'unknown' },
    fromSpecialUnit: { answer: 'unknown' },
    persons: [],
  };
}

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

/**
 * R-INT-3 as one reason, for the workflow's validator: each issue as "field: message" (as the API
 * edge reports them), or undefined when the record fits the household.
 */
export function interviewRefusal(record: InterviewRecord, permit: Pick<PermitGranted, 'persons'>): string | undefined {
  const issues = interviewParticipationIssues(record, permit);
  return issues.length === 0 ? undefined : issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
}

/** R-INT-4: topics not (yet) covered — shown to the caseworker; they do not block completion. */
export function topicsNotCovered(record: Pick<InterviewRecord, 'topicsCovered'>): InterviewTopic[] {
  return interviewTopics.filter((topic) => !record.topicsCovered.includes(topic));
}
