/**
 * The zod schemas of what the reception centre registers for IMDi, for the API edge: the
 * settlement information (R-REG-1..7), the internal note (R-REG-3, R-INT-6), the function report
 * (R-REG-6) and the interview record (R-INT-3..5). The rules on the registered information are
 * plain functions in settlement-info.ts.
 *
 * Privacy by shape (R-REG-4): there is no field for a diagnosis, medication or medical record;
 * the strict schemas refuse such keys.
 */
import { z } from 'zod';
import { isoDateSchema } from './dates.schema';
import { dufNumberSchema } from './identifiers.schema';
import type { PermitGranted } from './permit';
import { booleanField, listOf, longText, oneOf, shortText, strictObject } from './schema';
import {
  careKinds,
  declinableFields,
  educationLevels,
  interviewFormats,
  interviewParticipationIssues,
  interviewTopics,
  languageLevels,
  selfRelianceLevels,
  specialUnitKinds,
  yesNoUnknownAnswers,
} from './settlement-info';

// ─── Building blocks ────────────────────────────────────────────────────────────────────────

/** R-REG-2: 'unknown' is an answer of its own and never means "no". */
export const yesNoUnknown = oneOf(yesNoUnknownAnswers);
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

const levelsWithField = new Set<string>(['vocational', 'bachelor', 'master_or_higher']);

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

// ─── The settlement interview ───────────────────────────────────────────────────────────────

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

/** interviewRecordSchema plus R-INT-3 against this household, for the API edge. */
export function interviewRecordSchemaFor(permit: Pick<PermitGranted, 'persons'>) {
  return interviewRecordSchema.superRefine((record, ctx) => {
    for (const issue of interviewParticipationIssues(record, permit)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });
}
