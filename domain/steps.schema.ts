/**
 * The bodies of the settlement case's staff steps, as zod schemas: the API validates each body
 * at the edge (400 naming the field); the workflow checks the rules that need the case.
 */
import { z } from 'zod';
import type { SettlementInfoCorrection } from './case/state';
import { isoDateSchema, isoWeekSchema } from './dates.schema';
import { dufNumberSchema, municipalityNumberSchema } from './identifiers.schema';
import { departureSchema, travelSchema } from './moving.schema';
import { booleanField, listOf, longText, oneOf, shortText, strictObject } from './schema';
import { functionReportSchema, interviewRecordSchema, internalNoteSchema, personInfoSchema, settlementInfoSchema, specialNeedsSchema } from './settlement-info.schema';

/** R-ELIG-2: the first renewal lets a §38-5 family with ID doubt proceed to the interview. */
export const firstRenewalSchema = strictObject({ renewalDate: isoDateSchema });

/** R-HOST-1: done on a date, or not applicable with the reason (e.g. no adult with individual protection). */
export const competenceMappingSchema = z.discriminatedUnion('status', [
  strictObject({ status: z.literal('done'), doneOn: isoDateSchema }),
  strictObject({ status: z.literal('not_applicable'), reason: longText }),
]);

/** R-HOST-2 */
export const norwegianTrainingSchema = strictObject({ offeredOn: isoDateSchema });

/** R-DIST-3: IMDi offers the case to one municipality at a time. */
export const offerSchema = strictObject({ municipalityNumber: municipalityNumberSchema, municipalityName: shortText });

/** R-DIST-2, R-DIST-3, R-DIST-7: the municipality accepts with the expected settlement week, or declines with a reason. */
export const offerResponseSchema = z.discriminatedUnion('decision', [
  strictObject({ decision: z.literal('accept'), expectedSettlementWeek: isoWeekSchema }),
  strictObject({ decision: z.literal('decline'), reason: longText }),
]);

/** R-MOVE-7: the resident found housing; the municipality agreed it with IMDi. */
export const selfSettlementSchema = strictObject({
  municipalityNumber: municipalityNumberSchema,
  municipalityName: shortText,
  expectedSettlementWeek: isoWeekSchema,
});

/** R-EM-1, R-EM-2: the plans reviewed and signed by the minor and the representative, sent to the municipality. */
export const unaccompaniedMinorPlansSchema = strictObject({
  sentOn: isoDateSchema,
  signedByMinor: z.literal(true, { error: 'R-EM-1: the plans must be signed by the minor before they are sent' }),
  signedByRepresentative: z.literal(true, { error: 'R-EM-1: the plans must be signed by the representative or guardian before they are sent' }),
});

/** R-MOVE-1, R-MOVE-2 */
export const movingDateSchema = strictObject({ movingDate: isoDateSchema, travel: travelSchema });

/** R-REF-2: the resident refused; IMDi's letter gives a deadline to move. */
export const refusalSchema = strictObject({ refusedOn: isoDateSchema, moveDeadline: isoDateSchema }).refine((r) => r.moveDeadline >= r.refusedOn, {
  message: 'the deadline to move cannot be before the refusal',
  path: ['moveDeadline'],
});

/** R-REF-5, R-REF-6: what the bailiff's process ended in. */
export const refusalEndSchema = strictObject({ outcome: oneOf(['evicted', 'left']), on: isoDateSchema });

/**
 * R-MOVE-3: the municipality received the household — all of it, or the members named by DUF number
 * (the case stays open for the rest).
 */
export const arrivalSchema = strictObject({
  arrivedOn: isoDateSchema,
  allMembersArrived: booleanField(),
  members: listOf(dufNumberSchema).min(1).max(20).optional(),
}).superRefine((arrival, ctx) => {
  if (!arrival.allMembersArrived && !arrival.members) {
    ctx.addIssue({ code: 'custom', path: ['members'], message: 'oppgi DUF-nummeret til hver person som kom, når ikke alle kom (R-MOVE-3)' });
  }
  if (arrival.allMembersArrived && arrival.members) {
    ctx.addIssue({ code: 'custom', path: ['members'], message: 'utelat members når alle i husstanden kom' });
  }
});

/** The same fields, each optional and without its default: a correction names only what changes. */
function withoutDefaults<Shape extends z.ZodRawShape>(object: z.ZodObject<Shape>, keep: readonly string[] = []) {
  const shape = Object.fromEntries(
    Object.entries(object.shape).map(([key, field]) => {
      const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, keep.includes(key) ? bare : bare.optional()];
    }),
  );
  return z.strictObject(shape);
}

/**
 * R-INT-6: a correction of the frozen settlement information names only the fields that change; a
 * person is named by DUF number, and within a person's special needs only the needs given change.
 */
export const settlementInfoCorrectionSchema = withoutDefaults(settlementInfoSchema).extend({
  persons: listOf(withoutDefaults(personInfoSchema, ['dufNumber']).extend({ specialNeeds: withoutDefaults(specialNeedsSchema).optional() })).optional(),
}) as unknown as z.ZodType<SettlementInfoCorrection>;

/**
 * R-INT-6: after the interview, new information comes only as an internal note that alerts IMDi —
 * including corrections of named settlement-information fields (so unknowns can still be answered).
 */
export const internalNoteStepSchema = internalNoteSchema.extend({ correctedSettlementInfo: settlementInfoCorrectionSchema.optional() });

/** A task the case raised for a person (e.g. a message to deliver by hand) is done. */
export const closeTaskSchema = strictObject({ taskId: shortText, note: longText });

export const stepSchemas = {
  registerFirstRenewal: firstRenewalSchema,
  recordSettlementInfo: settlementInfoSchema,
  completeInterview: interviewRecordSchema,
  addInternalNote: internalNoteStepSchema,
  recordCompetenceMapping: competenceMappingSchema,
  recordNorwegianTraining: norwegianTrainingSchema,
  recordFunctionReport: functionReportSchema,
  offerToMunicipality: offerSchema,
  respondToOffer: offerResponseSchema,
  agreeSelfSettlement: selfSettlementSchema,
  recordUnaccompaniedMinorPlans: unaccompaniedMinorPlansSchema,
  agreeMovingDate: movingDateSchema,
  registerRefusal: refusalSchema,
  endRefusal: refusalEndSchema,
  registerDeparture: departureSchema,
  confirmArrival: arrivalSchema,
  closeTask: closeTaskSchema,
} as const;

export type StepName = keyof typeof stepSchemas;
export type StepInput<S extends StepName> = z.input<(typeof stepSchemas)[S]>;
export type StepData<S extends StepName> = z.output<(typeof stepSchemas)[S]>;
