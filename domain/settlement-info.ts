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
import { listInNorwegian } from './text';

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

/** The four areas as the guide names them (2.5.1, Vedlegg 5), for messages in Norwegian. */
export const specialNeedAreaLabels: Record<SpecialNeedArea, string> = {
  hearingSight: 'hørsel og syn',
  cognitiveFunction: 'kognitiv funksjon',
  physicalFunction: 'fysisk funksjon, mobilitet og hjelpemidler',
  helpReceivedToday: 'hjelpebehov i dag',
};

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

/** The yes/no/unknown household facts both R-REG-2 and R-REG-1 ask for, as the question a caseworker reads. */
const householdAnswers = [
  ['pets', 'om husstanden har husdyr i Norge'],
  ['car', 'om husstanden har bil i Norge'],
  ['drivingLicence', 'om noen i husstanden har førerkort'],
] as const;

/** R-INT-5: a declined field (named as in declinableFields) answers every item under it. */
function withoutDeclined(items: MissingInfo[], declined: readonly DeclinableField[] = []): MissingInfo[] {
  return items.filter((item) => !declined.some((field) => item.field.split('.').includes(field)));
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
    .map(([field, question]) => ({ field, rule: 'R-REG-1', message: `R-REG-1: ${question} er obligatorisk ved kollektiv beskyttelse og er ennå ukjent` }));

  const subjects = context.household
    ? adults(context.household.persons, context.household.onDate).map((p) => ({ dufNumber: p.dufNumber, name: `${fullName(p)} (DUF ${p.dufNumber})` }))
    : filled.persons.map((p) => ({ dufNumber: p.dufNumber, name: `DUF ${p.dufNumber}` }));
  if (subjects.length === 0) {
    missing.push({ field: 'persons', rule: 'R-REG-1', message: 'R-REG-1: ingen person har registrert utdanning, yrke og språkferdigheter' });
  }
  for (const subject of subjects) {
    const person = filled.persons.find((p) => p.dufNumber === subject.dufNumber);
    const gaps = [
      ['highestEducation', 'høyeste utdanning og fagfelt', person?.highestEducation],
      ['lastOccupation', 'siste yrke i hjemlandet', person?.lastOccupation],
      ['languageSkills', 'språkferdigheter med engelsknivå', person?.languageSkills],
    ] as const;
    for (const [field, label, value] of gaps) {
      if (value === undefined) {
        missing.push({ field: `persons.${subject.dufNumber}.${field}`, rule: 'R-REG-1', message: `R-REG-1: ${label} for ${subject.name} er obligatorisk ved kollektiv beskyttelse` });
      }
    }
  }
  return withoutDeclined(missing, context.declinedInformation);
}

/**
 * R-REG-2 / R-REG-3: each person's need in each of the four areas must be answered yes or no before
 * distribution — health needs were the municipalities' first complaint (the ffkf letter in seed 003:
 * "manglende opplysninger om helseforhold, kjæledyr, bil eller familierelasjoner"). A person
 * without an entry has every area unknown. One item per person, naming the areas still unknown.
 */
function specialNeedsMissing(filled: SettlementInfo, subjects: readonly { dufNumber: string; name: string }[]): MissingInfo[] {
  const missing: MissingInfo[] = [];
  for (const subject of subjects) {
    const needs = filled.persons.find((p) => p.dufNumber === subject.dufNumber)?.specialNeeds;
    const unknownAreas = specialNeedAreas.filter((area) => (needs?.[area].hasNeed ?? 'unknown') === 'unknown');
    if (unknownAreas.length === 0) continue;
    missing.push({
      field: `persons.${subject.dufNumber}.specialNeeds`,
      rule: 'R-REG-2',
      message:
        `R-REG-2: behov for tilrettelegging (særlig hensyn) for ${subject.name} er ukjent for ${listInNorwegian(unknownAreas.map((a) => specialNeedAreaLabels[a]))}; ` +
        'svar ja eller nei for hvert område før fordelingen sendes (ukjent er ikke «nei»)',
    });
  }
  return missing;
}

/**
 * Everything that must be known before IMDi may send the household to a municipality:
 * R-REG-2 for every household (and, given the household, every person's special needs),
 * R-REG-1 for collective protection and, given the household, R-REG-5 notes for unaccompanied
 * minors. An empty list means nothing is missing. The messages are in bokmål.
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
    message: `R-REG-2: ${what} er ukjent; en fordeling kan ikke sendes før det er besvart (ukjent er ikke «nei»)`,
  });
  // Without the household, the registered persons stand for it.
  const subjects = context.household
    ? context.household.persons.map((p) => ({ dufNumber: p.dufNumber, name: `${fullName(p)} (DUF ${p.dufNumber})` }))
    : filled.persons.map((p) => ({ dufNumber: p.dufNumber, name: `DUF ${p.dufNumber}` }));

  let missing: MissingInfo[] = [];
  if (filled.familyRelationsDescribed === 'unknown') {
    missing.push(unknown('familyRelationsDescribed', 'hvordan medlemmene av husstanden er i familie med hverandre'));
  } else if (filled.familyRelationsDescribed === 'no' && subjects.length > 1) {
    // R-REG-2: "Det skal videre gis informasjon om familierelasjon for personer som fordeles sammen"
    // (IMDi's answer to ffkf): "no" — nothing to describe — fits only a household of one.
    missing.push({
      field: 'familyRelationsDescribed',
      rule: 'R-REG-2',
      message:
        `R-REG-2: familierelasjonene er ikke beskrevet, men husstanden har ${subjects.length} personer; beskriv hvordan de er i familie ` +
        'med hverandre («nei» passer bare for en husstand på én person)',
    });
  }
  for (const [field, question] of householdAnswers) {
    if (filled[field].answer === 'unknown') missing.push(unknown(field, question));
  }
  if (filled.fromSpecialUnit.answer === 'unknown') {
    missing.push(unknown('fromSpecialUnit', 'om noen kommer fra en særskilt enhet (tilrettelagt avdeling, særskilt bo- og omsorgsløsning eller særskilt pleie- og omsorgsløsning)'));
  }
  missing.push(...specialNeedsMissing(filled, subjects));

  if (permitType === 'collective_protection') {
    // R-REG-1 names the same household facts; report them once, under the stricter rule.
    const collective = collectiveProtectionMissing(filled, context);
    missing = [...missing.filter((m) => !collective.some((c) => c.field === m.field)), ...collective];
  }

  for (const minor of context.household?.persons.filter((p) => p.unaccompaniedMinor) ?? []) {
    const note = filled.persons.find((p) => p.dufNumber === minor.dufNumber)?.unaccompaniedMinorNote;
    const who = `${fullName(minor)} (DUF ${minor.dufNumber})`;
    if (note === undefined) {
      missing.push({ field: `persons.${minor.dufNumber}.unaccompaniedMinorNote`, rule: 'R-REG-5', message: `R-REG-5: bosettingsnotatet for den enslige mindreårige ${who} mangler` });
    } else if (minor.companion !== undefined && note.companion === undefined) {
      missing.push({
        field: `persons.${minor.dufNumber}.unaccompaniedMinorNote.companion`,
        rule: 'R-REG-5',
        message: `R-REG-5: ${who} har følgeperson; notatet må beskrive relasjonen, hvor lenge de har kjent hverandre, tryggheten og ønsket om å bo sammen`,
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
      issues.push({ path: ['participants', i, 'dufNumber'], rule: 'R-INT-3', message: `DUF ${participant.dufNumber} er ikke medlem av denne husstanden` });
    } else if (participant.format === 'extended_unaccompanied_minor' && !person.unaccompaniedMinor) {
      issues.push({ path: ['participants', i, 'format'], rule: 'R-INT-3', message: `den utvidede samtalen er for enslige mindreårige; ${who(person)} er ikke enslig mindreårig` });
    }
  });
  record.childrenOfferedOwnInterview.forEach((duf, i) => {
    if (!byDuf.has(duf)) {
      issues.push({ path: ['childrenOfferedOwnInterview', i], rule: 'R-INT-3', message: `DUF ${duf} er ikke medlem av denne husstanden` });
    }
  });

  for (const person of permit.persons) {
    const age = ageOn(person.dateOfBirth, record.heldOn);
    const format = participation.get(person.dufNumber);
    if (person.unaccompaniedMinor) {
      if (format !== 'extended_unaccompanied_minor') {
        issues.push({ path: ['participants'], rule: 'R-INT-3', message: `den enslige mindreårige ${who(person)} skal ha en egen, utvidet samtale` });
      }
    } else if (age >= ADULT_AGE) {
      if (format === undefined) {
        issues.push({ path: ['participants'], rule: 'R-INT-3', message: `alle voksne skal delta; ${who(person)} (${age} år) er ikke ført opp` });
      }
    } else if (age >= OWN_INTERVIEW_AGE && format !== 'own' && !record.childrenOfferedOwnInterview.includes(person.dufNumber)) {
      issues.push({ path: ['childrenOfferedOwnInterview'], rule: 'R-INT-3', message: `barn over 12 år skal få tilbud om egen samtale; registrer at ${who(person)} (${age} år) fikk tilbudet` });
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
