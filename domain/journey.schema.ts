/**
 * The zod schemas of the journey's staff steps, for the API edge: each route validates its body
 * with one of these (400 naming the field). The workflow trusts that shape and checks the rules
 * (journey.ts stepRefusal), so it carries no zod.
 */
import type { z } from 'zod';
import {
  closeTaskSchema,
  completeTaskSchema,
  consentSchema,
  consentWithdrawalSchema,
  interpreterNeedSchema,
  kindergartenPlaceSchema,
  nirRegistrationSchema,
  planEvaluationSchema,
  programmeEndSchema,
  programmeStartSchema,
  schoolStartSchema,
  teamMeetingSchema,
} from './arrival.schema';
import { grantApplicationSchema } from './grants.schema';
import { journeyStep, type JourneyStep, type JourneyStepKind } from './journey';

export const journeyStepSchemas = {
  complete_task: completeTaskSchema,
  close_task: closeTaskSchema,
  school_start: schoolStartSchema,
  kindergarten_place: kindergartenPlaceSchema,
  team_meeting: teamMeetingSchema,
  plan_evaluation: planEvaluationSchema,
  programme_start: programmeStartSchema,
  programme_end: programmeEndSchema,
  nir_registration: nirRegistrationSchema,
  grant_application: grantApplicationSchema,
  interpreter_need: interpreterNeedSchema,
  consent: consentSchema,
  consent_withdrawal: consentWithdrawalSchema,
} as const satisfies Record<JourneyStepKind, z.ZodType>;

export type JourneyStepInputs = { [K in JourneyStepKind]: z.output<(typeof journeyStepSchemas)[K]> };

/** Parses a step's input with its schema; the message names each wrong field. */
export function parseStep<K extends JourneyStepKind>(kind: K, input: unknown): { ok: true; step: JourneyStep } | { ok: false; message: string } {
  const parsed = journeyStepSchemas[kind].safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`).join('; ');
    return { ok: false, message: `The step's input is not valid: ${issues}` };
  }
  return { ok: true, step: journeyStep(kind, parsed.data as JourneyStepInputs[K]) };
}
