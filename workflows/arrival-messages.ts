/**
 * The arrival journey's input, queries and updates. The API and the settlement case import these
 * definitions, so callers and the workflow can never disagree on a name or a type.
 *
 * One journey per person, started when the municipality confirms the household's arrival
 * (R-MOVE-3), as a child of the settlement case with ParentClosePolicy ABANDON:
 *
 *   for (const input of arrivalJourneyInputs(caseId, permit, arrival)) {
 *     await startChild(ARRIVAL_JOURNEY_WORKFLOW, {
 *       workflowId: arrivalJourneyWorkflowId(caseId, memberNumber),
 *       args: [input],
 *       parentClosePolicy: ParentClosePolicy.ABANDON,
 *     });
 *   }
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { JourneyPerson } from '../domain/arrival';
import type { IsoDate, IsoInstant } from '../domain/dates';
import type { GrantApplicationRequest, SettlementKind } from '../domain/grants';
import type { DeadlineView, JourneyGrants, JourneyStepInput, JourneyView, OpenTaskView } from '../domain/journey';
import type { PermitGranted, PermitType } from '../domain/permit';
import type { Actor } from './messages';

export const ARRIVAL_JOURNEY_WORKFLOW = 'arrivalJourney';

/**
 * One journey per person of a case, named by the person's place in the permit's list of persons
 * (1, 2, …). Workflow ids are not encrypted (Temporal shows and indexes them), so they never carry
 * a DUF number.
 */
export function arrivalJourneyWorkflowId(caseId: string, memberNumber: number): string {
  return `arrival-journey-${caseId}-m${memberNumber}`;
}

/** The id of journeys started before the patch `JOURNEY_IDS_WITHOUT_DUF`: still found by the API (arrival-client.ts). */
export function legacyArrivalJourneyWorkflowId(caseId: string, dufNumber: string): string {
  return `arrival-journey-${caseId}-${dufNumber}`;
}

/** patched() id of the settlement case's switch to arrivalJourneyWorkflowId. */
export const JOURNEY_IDS_WITHOUT_DUF = 'journey-ids-without-duf';

export type ArrivalJourneyInput = {
  caseId: string;
  /** Whose journey this is; one of `household`. */
  dufNumber: string;
  /** Everyone settled together, this person included. */
  household: JourneyPerson[];
  permitType: PermitType;
  settlementKind: SettlementKind;
  /** The day the household arrived in the municipality (R-MOVE-3); every deadline counts from it. */
  settlementDate: IsoDate;
  municipality: { municipalityNumber: string; name: string };
  /** Where the household lived before; none for resettlement refugees arriving from abroad (R-ARR-6). */
  receptionCentre?: { id: string; name: string };
  /** Special needs were recorded for this person before settlement (R-REG-3): the extra grant deadline is watched. */
  specialNeeds?: boolean;
  /** The household's planned introduction programme start, when known (R-ARR-5). */
  plannedProgrammeStart?: IsoDate;
};

/** What the settlement case knows when the municipality confirms the arrival. */
export type ArrivalConfirmed = {
  settlementDate: IsoDate;
  municipality: { municipalityNumber: string; name: string };
  settlementKind: SettlementKind;
  specialNeedsDufNumbers?: readonly string[];
  plannedProgrammeStart?: IsoDate;
};

/** One journey input per household member. */
export function arrivalJourneyInputs(caseId: string, permit: PermitGranted, arrival: ArrivalConfirmed): ArrivalJourneyInput[] {
  const household: JourneyPerson[] = permit.persons.map((p) => ({
    dufNumber: p.dufNumber,
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    citizenship: p.citizenship,
    languages: p.languages,
    relation: p.relation,
    unaccompaniedMinor: p.unaccompaniedMinor,
  }));
  return household.map((person) => ({
    caseId,
    dufNumber: person.dufNumber,
    household,
    permitType: permit.permitType,
    settlementKind: arrival.settlementKind,
    settlementDate: arrival.settlementDate,
    municipality: arrival.municipality,
    // Resettlement refugees come straight from abroad, not from a reception centre.
    ...(permit.permitType === 'resettlement' ? {} : { receptionCentre: permit.receptionCentre }),
    specialNeeds: arrival.specialNeedsDufNumbers?.includes(person.dufNumber) ?? false,
    ...(arrival.plannedProgrammeStart !== undefined ? { plannedProgrammeStart: arrival.plannedProgrammeStart } : {}),
  }));
}

/** One run of the journey (the journey continues as new every 1 January, R-GRANT's settlement years). */
export type RunRecord = { runId: string; startedAt: IsoInstant; endedAt?: IsoInstant; historyLength?: number };

export type RunInfo = {
  runId: string;
  /** 1 for the first run, counting every continue-as-new. */
  runIndex: number;
  /** Events in this run's history so far (workflowInfo().historyLength). */
  historyLength: number;
  /** Runs before this one, with the length each reached (the last RUNS_KEPT). */
  previousRuns: RunRecord[];
};

export type JourneyOutcome = { dufNumber: string; endedOn: IsoDate; openTasks: number; runs: number };

/**
 * The day grant statuses are counted for. Defaults to the workflow's own clock, which only moves
 * when the journey wakes (a timer, a step), so callers pass the caller's today.
 */
export type AsOf = { asOf?: IsoDate };

export const journeyQuery = defineQuery<JourneyView, [AsOf?]>('journey');
export const openTasksQuery = defineQuery<OpenTaskView[]>('journeyOpenTasks');
export const deadlinesQuery = defineQuery<DeadlineView[]>('journeyDeadlines');
export const grantTimelineQuery = defineQuery<JourneyGrants, [AsOf?]>('journeyGrantTimeline');
export const runInfoQuery = defineQuery<RunInfo>('journeyRunInfo');

/** Every staff step carries who did it; the API sets it from the caller's token. */
export type StepUpdate<Input> = { actor: Actor } & Input;

export const completeTaskUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'complete_task'>>]>('completeTask');
export const closeTaskNotApplicableUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'close_task'>>]>('closeTaskNotApplicable');
export const recordSchoolStartUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'school_start'>>]>('recordSchoolStart');
export const recordKindergartenPlaceUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'kindergarten_place'>>]>('recordKindergartenPlace');
export const recordTeamMeetingUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'team_meeting'>>]>('recordTeamMeeting');
export const recordPlanEvaluationUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'plan_evaluation'>>]>('recordPlanEvaluation');
export const recordProgrammeStartUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'programme_start'>>]>('recordProgrammeStart');
export const endProgrammeUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'programme_end'>>]>('endProgramme');
export const registerInNirUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'nir_registration'>>]>('registerInNir');
export const applyForGrantUpdate = defineUpdate<JourneyView, [StepUpdate<GrantApplicationRequest>]>('applyForGrant');
export const recordInterpreterNeedUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'interpreter_need'>>]>('recordInterpreterNeed');
/** R-PRIV-5: consent to share between municipal services, and its withdrawal. */
export const recordConsentUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'consent'>>]>('recordConsent');
export const withdrawConsentUpdate = defineUpdate<JourneyView, [StepUpdate<JourneyStepInput<'consent_withdrawal'>>]>('withdrawConsent');

/** The updates by step kind: the workflow registers them in one loop. */
export const stepUpdates = {
  complete_task: completeTaskUpdate,
  close_task: closeTaskNotApplicableUpdate,
  school_start: recordSchoolStartUpdate,
  kindergarten_place: recordKindergartenPlaceUpdate,
  team_meeting: recordTeamMeetingUpdate,
  plan_evaluation: recordPlanEvaluationUpdate,
  programme_start: recordProgrammeStartUpdate,
  programme_end: endProgrammeUpdate,
  nir_registration: registerInNirUpdate,
  grant_application: applyForGrantUpdate,
  interpreter_need: recordInterpreterNeedUpdate,
  consent: recordConsentUpdate,
  consent_withdrawal: withdrawConsentUpdate,
} as const;
