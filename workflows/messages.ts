/**
 * The settlement case's messages and the shape of its state. The API imports these definitions,
 * so the workflow and its callers can never disagree on a name or a type.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EligibilityAssessment } from '../domain/eligibility';
import type { GoalStatus } from '../domain/deadlines';
import type { Address, DepartureReason, TravelPlan } from '../domain/moving';
import type { PermitGranted } from '../domain/permit';
import type { RefusalOutcome } from '../domain/refusal';
import type { InterviewRecord, SettlementInfo } from '../domain/settlement-info';
import type { StepInput, StepName } from '../domain/steps.schema';

export const SETTLEMENT_CASE_WORKFLOW = 'settlementCase';
export const SETTLEMENT_REFUSAL_WORKFLOW = 'settlementRefusal';

export type Stage =
  | 'waiting_for_renewal'
  | 'interview'
  | 'preparing'
  | 'distribution'
  | 'agreed'
  | 'moving'
  | 'refusal'
  | 'settled'
  | 'closed'
  | 'refused';

export const roles = ['udi', 'mottak', 'imdi', 'kommune', 'supervisor'] as const;
export type Role = (typeof roles)[number];

/** Who did a staff step: taken from the caller's token by the API, never from the request body. */
export type Actor = { id: string; role: Role | 'system'; organisation?: string };

export type DeadlineStatus = 'open' | 'reminded' | 'overdue' | 'met' | 'not_applicable';

export type Deadline = {
  /** Unique within the case, e.g. R-INT-2 or R-REG-6#2 for the second function report. */
  id: string;
  rule: string;
  title: string;
  dueDate: string;
  remindDate?: string;
  status: DeadlineStatus;
  closedAt?: string;
};

export type TimelineEntry = {
  at: string;
  kind: 'case' | 'step' | 'timer' | 'notification' | 'note';
  text: string;
  rule?: string;
  actor?: Actor;
};

export type Offer = {
  municipalityNumber: string;
  municipalityName: string;
  offeredAt: string;
  offeredBy: Actor;
  status: 'pending' | 'accepted' | 'declined';
  decidedAt?: string;
  decidedBy?: Actor;
  declineReason?: string;
};

export type Agreement = {
  kind: 'distribution' | 'self_settlement';
  municipalityNumber: string;
  municipalityName: string;
  expectedSettlementWeek: string;
  agreedAt: string;
};

export type CaseState = {
  caseId: string;
  permit: PermitGranted;
  stage: Stage;
  createdAt: string;
  /** Grows by one on every change; the read model keeps only the newest version. */
  version: number;
  eligibility: EligibilityAssessment;
  /** Why the case ended, when it has (refused, closed, settled). */
  outcome?: { reason: string; rule?: string; on: string; previousMunicipality?: { municipalityNumber: string; municipalityName: string } };
  renewalDate?: string;
  interview?: { completedAt: string; completedBy: Actor; record: InterviewRecord };
  settlementInfo: SettlementInfo;
  internalNotes: { at: string; by: Actor; text: string; riskToSelfOrOthers?: unknown }[];
  competenceMapping: { status: 'pending' | 'done' | 'not_applicable'; doneOn?: string; reason?: string };
  norwegianTraining: { status: 'pending' | 'offered' | 'not_applicable'; offeredOn?: string };
  functionReports: { recordedOn: string; outcome: string }[];
  goal: { goalDate: string; atRiskDate: string; status: GoalStatus };
  offers: Offer[];
  agreement?: Agreement;
  unaccompaniedMinorPlans?: { sentOn: string };
  moving?: { movingDate: string; travel: TravelPlan; agreedBy: Actor };
  refusal?: {
    refusedOn: string;
    moveDeadline: string;
    step: 0 | 1 | 2 | 3;
    stepDates: { step1?: string; step2?: string; step3?: string };
    outcome?: RefusalOutcome;
    /** R-REF-6: what the refuser loses and keeps, recorded on the case. */
    consequences: { loses: readonly string[]; keeps: readonly string[] };
    /** The refusal's child workflow was started (kept across continue-as-new). */
    childStarted?: boolean;
  };
  departure?: { date: string; reason: DepartureReason; address?: Address; intendsToReturn?: boolean };
  arrival?: { arrivedOn: string; confirmedBy: Actor };
  deadlines: Deadline[];
  timeline: TimelineEntry[];
  /** Numbers each notification, so its id is stable across activity retries and never reused. */
  notificationsSent: number;
};

/** Every staff step carries who did it and the step's body (validated by domain/steps.ts). */
export type StepCall<S extends StepName> = { actor: Actor; input: StepInput<S> };

function step<S extends StepName>(name: S) {
  return defineUpdate<CaseState, [StepCall<S>]>(name);
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

/** The refusal child workflow tells its case how far it has come (R-REF-3..5). */
export type RefusalProgress = { step: 1 | 2 | 3; on: string };
export const refusalProgressSignal = defineSignal<[RefusalProgress]>('refusalProgress');
/** The case tells its refusal child that the resident moved, was evicted or left (R-REF-6). */
export const refusalEndedSignal = defineSignal<[{ outcome: RefusalOutcome; on: string }]>('refusalEnded');
