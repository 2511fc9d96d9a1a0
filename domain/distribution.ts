/**
 * Finding a municipality (seed 003, 2.6, Vedlegg 10): when IMDi may start, what a municipality
 * sees before it accepts, and who goes first.
 */
import { ageOn, type IsoDate } from './dates';
import type { EligibilityAssessment } from './eligibility';
import { children, fullName, isUnaccompaniedMinorCase } from './household';
import type { PermitGranted, PermitType, Person, Relation, Sex } from './permit';
import type { Answer, DeclinableField, MissingInfo, PersonInfo, SettlementInfo, SpecialNeeds, YesNoUnknown } from './settlement-info';

export type CompetenceMappingStatus = 'done' | 'not_applicable' | 'pending';
export type UnmetPrecondition = { rule: string; field?: string; message: string };

export type DistributionInput = {
  eligibility: EligibilityAssessment;
  interviewCompleted: boolean;
  competenceMapping: CompetenceMappingStatus;
  /** From missingForDistribution. */
  missingInfo: readonly MissingInfo[];
};

/** R-DIST-1 (and R-REG-2 via missingInfo): what still stops IMDi from distributing. Empty = may start. */
export function distributionPreconditions({ eligibility, interviewCompleted, competenceMapping, missingInfo }: DistributionInput): UnmetPrecondition[] {
  const unmet: UnmetPrecondition[] = [];
  if (eligibility.outcome !== 'eligible') {
    const state = eligibility.outcome === 'waiting_for_renewal' ? 'venter på førstegangsfornyelsen' : 'er vurdert som utenfor målgruppen';
    unmet.push({ rule: 'R-DIST-1', message: `R-DIST-1: husstanden må være i målgruppen for bosetting; saken ${state} (${eligibility.rule})` });
  }
  if (!interviewCompleted) {
    unmet.push({ rule: 'R-DIST-1', message: 'R-DIST-1: bosettingssamtalen er ikke gjennomført' });
  }
  if (competenceMapping === 'pending') {
    unmet.push({ rule: 'R-DIST-1', message: 'R-DIST-1: kompetansekartleggingen (R-HOST-1) er verken gjennomført eller registrert som ikke aktuell' });
  }
  for (const item of missingInfo) unmet.push({ rule: item.rule, field: item.field, message: item.message });
  return unmet;
}

// ─── R-DIST-5 priority ──────────────────────────────────────────────────────────────────────

export type PriorityGroup = 'unaccompanied_minor' | 'family_with_children' | 'resettlement' | 'none';

/** R-DIST-5: unaccompanied minors first, then families with children in reception, then
 *  resettlement refugees (who never live in reception, so a resettled family counts as resettlement). */
export function priorityGroup(persons: readonly Person[], permitType: PermitType, onDate: IsoDate): PriorityGroup {
  if (isUnaccompaniedMinorCase(persons)) return 'unaccompanied_minor';
  if (permitType === 'resettlement') return 'resettlement';
  if (children(persons, onDate).length > 0) return 'family_with_children';
  return 'none';
}

// ─── R-DIST-3 the anonymised profile ────────────────────────────────────────────────────────

export type CaseFacts = {
  permit: PermitGranted;
  settlementInfo?: SettlementInfo;
  /** R-INT-5: the fields the resident declined to answer; the municipality sees that they declined. */
  declinedInformation?: readonly DeclinableField[];
  /** Ages are given as on this date (the day the profile is sent). */
  onDate: IsoDate;
};

export type AnonymisedMember = {
  age: number;
  sex: Sex;
  relation: Relation;
  citizenship: string;
  languages: string[];
  unaccompaniedMinor: boolean;
  /** How the companion (følgeperson) is related — never their name. */
  companionRelation?: string;
  specialNeeds?: SpecialNeeds;
  dialysisSeveralTimesWeekly: boolean;
  medicationAssistedRehabilitation: boolean;
  highestEducation?: PersonInfo['highestEducation'];
  lastOccupation?: string;
  languageSkills?: PersonInfo['languageSkills'];
  unaccompaniedMinorNote?: {
    education: string;
    selfReliance: { level: string; justification: string };
    recommendedCare: { kind: string; justification: string };
    specialNeeds?: string;
    /** Family in Norway is told as a fact only: their names and addresses identify the minor. */
    hasFamilyInNorway: boolean;
    companion?: { relationship: string; knownFor: string; feelsSafe: YesNoUnknown; wishesToLiveTogether: YesNoUnknown; staffObservations: string; recommendation?: string };
  };
};

export type AnonymisedProfile = {
  permitType: PermitType;
  priorityGroup: PriorityGroup;
  members: AnonymisedMember[];
  household?: {
    familyRelationsDescribed: YesNoUnknown;
    familyRelations?: string;
    pets: Answer;
    car: Answer;
    drivingLicence: Answer;
    fromSpecialUnit: SettlementInfo['fromSpecialUnit'];
  };
  declinedInformation: DeclinableField[];
};

const REMOVED = '[removed]';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every identifying term that appears as a whole word in free text. */
function redactor(terms: readonly string[]): (text: string) => string {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, REMOVED);
}

function identifyingTerms({ permit, settlementInfo }: CaseFacts): string[] {
  const names: string[] = [];
  const others = [permit.receptionCentre.id, permit.receptionCentre.name, permit.hostMunicipality.name];
  for (const p of permit.persons) {
    names.push(fullName(p), p.givenName, p.familyName);
    others.push(p.dufNumber, ...(p.nationalIdentityNumber ? [p.nationalIdentityNumber] : []));
    if (p.companion) names.push(p.companion.name);
  }
  for (const info of settlementInfo?.persons ?? []) {
    for (const relative of info.unaccompaniedMinorNote?.familyInNorway ?? []) {
      names.push(relative.name);
      others.push(relative.address);
    }
  }
  // A name is removed whole and by each of its parts: "Karim Haidari", "Karim", "Haidari".
  return [...names, ...names.flatMap((name) => name.split(/\s+/)), ...others];
}

function redactNeeds(needs: SpecialNeeds, redact: (text: string) => string): SpecialNeeds {
  const copy = (need: SpecialNeeds[keyof SpecialNeeds]) => (need.description === undefined ? { ...need } : { ...need, description: redact(need.description) });
  return {
    hearingSight: copy(needs.hearingSight),
    cognitiveFunction: copy(needs.cognitiveFunction),
    physicalFunction: copy(needs.physicalFunction),
    helpReceivedToday: copy(needs.helpReceivedToday),
  };
}

function redactAnswer(answer: Answer, redact: (text: string) => string): Answer {
  return answer.details === undefined ? { answer: answer.answer } : { answer: answer.answer, details: redact(answer.details) };
}

/**
 * R-DIST-3 / R-PRIV-1: what a municipality sees before it accepts — household composition,
 * languages, citizenship, settlement information and special needs; never names, DUF or national
 * identity numbers, dates of birth, or the reception centre (nor its host municipality). Those
 * values are also removed from free text, where a caseworker may have written them. Settlement
 * wishes and internal notes stay with IMDi.
 */
export function anonymisedProfile(facts: CaseFacts): AnonymisedProfile {
  const { permit, settlementInfo, onDate } = facts;
  const redact = redactor(identifyingTerms(facts));
  const optionalText = (text: string | undefined) => (text === undefined ? undefined : redact(text));

  const members = permit.persons.map((person): AnonymisedMember => {
    const info = settlementInfo?.persons.find((p) => p.dufNumber === person.dufNumber);
    const note = info?.unaccompaniedMinorNote;
    const member: AnonymisedMember = {
      age: ageOn(person.dateOfBirth, onDate),
      sex: person.sex,
      relation: person.relation,
      citizenship: person.citizenship,
      languages: [...person.languages],
      unaccompaniedMinor: person.unaccompaniedMinor,
      dialysisSeveralTimesWeekly: info?.dialysisSeveralTimesWeekly ?? false,
      medicationAssistedRehabilitation: info?.medicationAssistedRehabilitation ?? false,
    };
    if (person.companion) member.companionRelation = redact(person.companion.relation);
    if (info) {
      member.specialNeeds = redactNeeds(info.specialNeeds, redact);
      if (info.highestEducation) member.highestEducation = { ...info.highestEducation, field: optionalText(info.highestEducation.field) };
      if (info.lastOccupation !== undefined) member.lastOccupation = redact(info.lastOccupation);
      if (info.languageSkills) member.languageSkills = { englishLevel: info.languageSkills.englishLevel, other: info.languageSkills.other.map((l) => ({ ...l })) };
    }
    if (note) {
      member.unaccompaniedMinorNote = {
        education: redact(note.education),
        selfReliance: { level: note.selfReliance.level, justification: redact(note.selfReliance.justification) },
        recommendedCare: { kind: note.recommendedCare.kind, justification: redact(note.recommendedCare.justification) },
        specialNeeds: optionalText(note.specialNeeds),
        hasFamilyInNorway: note.familyInNorway.length > 0,
        companion: note.companion && {
          relationship: redact(note.companion.relationship),
          knownFor: redact(note.companion.knownFor),
          feelsSafe: note.companion.feelsSafe,
          wishesToLiveTogether: note.companion.wishesToLiveTogether,
          staffObservations: redact(note.companion.staffObservations),
          recommendation: optionalText(note.companion.recommendation),
        },
      };
    }
    return member;
  });

  const profile: AnonymisedProfile = {
    permitType: permit.permitType,
    priorityGroup: priorityGroup(permit.persons, permit.permitType, onDate),
    members,
    declinedInformation: [...(facts.declinedInformation ?? [])],
  };
  if (settlementInfo) {
    profile.household = {
      familyRelationsDescribed: settlementInfo.familyRelationsDescribed,
      familyRelations: optionalText(settlementInfo.familyRelations),
      pets: redactAnswer(settlementInfo.pets, redact),
      car: redactAnswer(settlementInfo.car, redact),
      drivingLicence: redactAnswer(settlementInfo.drivingLicence, redact),
      fromSpecialUnit: { ...settlementInfo.fromSpecialUnit },
    };
  }
  return profile;
}
