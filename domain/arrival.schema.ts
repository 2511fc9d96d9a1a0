/**
 * The zod schemas of the arrival journey's inputs (R-ARR-1..9), for the API edge: the interpreter
 * facts (R-ARR-9) and each staff step's body. The rules are plain functions in arrival.ts and
 * journey.ts; the workflow checks those, not these.
 */
import { z } from 'zod';
import { childcareKinds, interpreterNeedRefusal, interpreterQualifications } from './arrival';
import { consentServices } from './consent';
import { isoDateSchema } from './dates.schema';
import { booleanField, listOf, longText, oneOf, shortText, strictObject } from './schema';

// ---------------------------------------------------------------------------------------------
// Interpreters (R-ARR-9)

export const interpreterNeedSchema = strictObject({
  needed: booleanField(),
  /** The language the interpreter must speak, e.g. 'Arabic'. */
  language: shortText.optional(),
  note: longText.optional(),
}).superRefine((need, ctx) => {
  const refusal = interpreterNeedRefusal(need);
  if (refusal) ctx.addIssue({ code: 'custom', path: ['language'], message: refusal });
});
export type InterpreterNeed = z.output<typeof interpreterNeedSchema>;

/** Who interpreted a conversation. */
export const interpreterUsedSchema = strictObject({
  name: shortText,
  qualification: oneOf(interpreterQualifications),
  familyMember: booleanField(),
  child: booleanField(),
  /** forvaltningsloven § 11e: only to avoid loss of life or serious harm, or in another emergency. */
  emergency: longText.optional(),
});
export type InterpreterUsed = z.output<typeof interpreterUsedSchema>;

// ---------------------------------------------------------------------------------------------
// Staff steps: the input of each, as the API receives it (the actor comes from the caller's token)

const note = longText.optional();

export const completeTaskSchema = strictObject({ taskId: shortText, note, interpreter: interpreterUsedSchema.optional() });
export const closeTaskSchema = strictObject({ taskId: shortText, reason: longText });
export const schoolStartSchema = strictObject({ school: shortText, startDate: isoDateSchema, note });
export const kindergartenPlaceSchema = strictObject({ kind: oneOf(childcareKinds), provider: shortText, startDate: isoDateSchema, note });
export const teamMeetingSchema = strictObject({ heldOn: isoDateSchema, note, interpreter: interpreterUsedSchema.optional() });
export const planEvaluationSchema = strictObject({ evaluatedOn: isoDateSchema, note, interpreter: interpreterUsedSchema.optional() });
export const programmeStartSchema = strictObject({ startDate: isoDateSchema });
export const programmeEndSchema = strictObject({ endedOn: isoDateSchema, reason: longText });
export const nirRegistrationSchema = strictObject({ registeredOn: isoDateSchema });
/** R-PRIV-5: which services may share, for which period, with what limitations. */
export const consentSchema = strictObject({
  services: listOf(oneOf(consentServices)).max(consentServices.length),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.optional(),
  limitations: longText.optional(),
});
/** R-PRIV-5: the person withdraws a consent (from the day given, at the latest today). */
export const consentWithdrawalSchema = strictObject({ consentId: shortText, withdrawnOn: isoDateSchema });

export type CompleteTaskInput = z.output<typeof completeTaskSchema>;
export type CloseTaskInput = z.output<typeof closeTaskSchema>;
export type SchoolStartInput = z.output<typeof schoolStartSchema>;
export type KindergartenPlaceInput = z.output<typeof kindergartenPlaceSchema>;
export type TeamMeetingInput = z.output<typeof teamMeetingSchema>;
export type PlanEvaluationInput = z.output<typeof planEvaluationSchema>;
export type ProgrammeStartInput = z.output<typeof programmeStartSchema>;
export type ProgrammeEndInput = z.output<typeof programmeEndSchema>;
export type NirRegistrationInput = z.output<typeof nirRegistrationSchema>;
