/**
 * The settlement case's messages and the shape of its state. The API imports these definitions,
 * so the workflow and its callers can never disagree on a name or a type.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { StepData, StepName } from '../domain/steps.schema';
import type { Actor, CaseState } from '../domain/case/state';

export const SETTLEMENT_CASE_WORKFLOW = 'settlementCase';

export type { Actor, Agreement, AppliedStep, Audience, CaseState, Deadline, DeadlineStatus, Offer, Party, Role, Stage, TimelineEntry } from '../domain/case/state';
export { roles } from '../domain/case/state';

/**
 * Every staff step carries who did it, the step's body as the API validated it (domain/steps.schema.ts),
 * and the caller's Idempotency-Key: the case keeps the keys it applied, bound to the step and the
 * caller, so a retry applies once — also after continue-as-new.
 */
export type StepCall<S extends StepName> = { actor: Actor; input: StepData<S>; idempotencyKey?: string };

/** What a step answers: its outcome and the case's new version (the API reads the case per role). */
export type StepResult = { step: StepName; outcome: string; version: number; repeated?: boolean };

function step<S extends StepName>(name: S) {
  return defineUpdate<StepResult, [StepCall<S>]>(name);
}

/** The Temporal update id of a step: de-duplicates a retry while the run lives (the state does after). */
export function stepUpdateId(step: StepName, actor: Actor, idempotencyKey: string): string {
  return `${step}:${actor.role}:${actor.id}:${idempotencyKey}`;
}

/** One update per staff step; the workflow's validators refuse a step not allowed now, with the reason. */
export const stepUpdates = {
  registerFirstRenewal: step('registerFirstRenewal'),
  recordSettlementInfo: step('recordSettlementInfo'),
  completeInterview: step('completeInterview'),
  addInternalNote: step('addInternalNote'),
  recordCompetenceMapping: step('recordCompetenceMapping'),
  recordNorwegianTraining: step('recordNorwegianTraining'),
  recordFunctionReport: step('recordFunctionReport'),
  offerToMunicipality: step('offerToMunicipality'),
  respondToOffer: step('respondToOffer'),
  agreeSelfSettlement: step('agreeSelfSettlement'),
  recordUnaccompaniedMinorPlans: step('recordUnaccompaniedMinorPlans'),
  agreeMovingDate: step('agreeMovingDate'),
  registerRefusal: step('registerRefusal'),
  endRefusal: step('endRefusal'),
  registerDeparture: step('registerDeparture'),
  confirmArrival: step('confirmArrival'),
  closeTask: step('closeTask'),
} satisfies { [S in StepName]: ReturnType<typeof step<S>> };


export const caseStateQuery = defineQuery<CaseState>('caseState');

