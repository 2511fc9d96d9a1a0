/**
 * One settlement case (bosettingssak): one household from the granted permit to the move — or to a
 * refusal, a self-settlement or a departure. Deterministic only: the rules come from domain/, all
 * I/O goes through activities.
 *
 * Shape: staff steps are updates whose validators refuse what the current state does not allow
 * (the STEPS table below says who may do what, when, under which rule). Every deadline is data in
 * the state, and one scheduler sends its reminder and escalation. A long wait continues as new
 * with the state, so histories stay bounded.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import { addDays, instantToDate, isoWeekYear, mondayOfIsoWeek } from '../domain/dates';
import { deadlinePolicies, dueDate, goalClock, goalStatus, hostMunicipalityDutiesApply, reminderDate, type DeadlineRuleId } from '../domain/deadlines';
import { anonymisedProfile, distributionPreconditions, priorityGroup } from '../domain/distribution';
import { assessEligibility } from '../domain/eligibility';
import { adults, fullName, isUnaccompaniedMinorCase, kindergartenAgeChildren, schoolAgeChildren } from '../domain/household';
import { travelPlan } from '../domain/moving';
import type { PermitGranted } from '../domain/permit';
import { refusalConsequences } from '../domain/refusal';
import { emptySettlementInfo, missingForDistribution } from '../domain/settlement-info';
import { interviewRecordSchemaFor } from '../domain/settlement-info.schema';
import { stepSchemas, type StepData, type StepName } from '../domain/steps.schema';
import type { MessageData, MessageType } from '../notifications/catalog';
import { notifyActivityOptions, type RecipientRef } from '../notifications/request';
import { dueAction, isOpen, nextInstant } from './deadlines';
import {
  caseStateQuery,
  refusalEndedSignal,
  refusalProgressSignal,
  stepUpdates,
  type Actor,
  type CaseState,
  type Deadline,
  type Role,
  type Stage,
  type StepCall,
  type TimelineEntry,
} from './messages';
import type { arrivalJourney } from './arrival-journey';
import { ARRIVAL_JOURNEY_WORKFLOW, arrivalJourneyInputs, arrivalJourneyWorkflowId, JOURNEY_IDS_WITHOUT_DUF, legacyArrivalJourneyWorkflowId } from './arrival-messages';
import type { settlementRefusal } from './refusal';

const { recordCaseSummary, reserveMunicipalityPlace, releaseMunicipalityPlace } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
// Messages give up after their retries and become a person's task (see send()).
const { notify } = proxyActivities<Activities>(notifyActivityOptions);

/** R-DIST-3: how long IMDi gives a municipality to answer an offer (our choice; the sources name none). */
const OFFER_ANSWER_DAYS = 14;

/** Continue as new well before the SDK's 10 240-event warning; a case waits months in places. */
export const MAX_HISTORY_EVENTS_PER_RUN = 2_000;

export type SettlementCaseInput = {
  caseId: string;
  permit: PermitGranted;
  /** The state carried over from the previous run (continue-as-new). */
  continued?: CaseState;
  /** Overrides MAX_HISTORY_EVENTS_PER_RUN (tests prove the hand-over with a small bound). */
  maxHistoryEvents?: number;
};

const FINAL_STAGES: readonly Stage[] = ['settled', 'closed', 'refused'];
const BEFORE_AGREEMENT: readonly Stage[] = ['waiting_for_renewal', 'interview', 'preparing', 'distribution'];
const AFTER_AGREEMENT: readonly Stage[] = ['agreed', 'moving', 'refusal'];

export async function settlementCase(input: SettlementCaseInput): Promise<CaseState> {
  const { caseId, permit } = input;
  const now = () => new Date().toISOString();
  const today = () => instantToDate(now());
  const state: CaseState = input.continued ?? newCaseState(caseId, permit, now());
  const em = isUnaccompaniedMinorCase(permit.persons);
  const centre: RecipientRef = { kind: 'reception_centre', id: permit.receptionCentre.id };
  const imdi: RecipientRef = { kind: 'imdi', id: 'imdi' };
  let busy = 0; // activities the scheduler has in flight; continue-as-new waits for them

  setHandler(caseStateQuery, () => state);
  setHandler(refusalProgressSignal, async ({ step, on }) => {
    if (!state.refusal) return;
    state.refusal.step = step;
    state.refusal.stepDates[`step${step}`] = on;
    await changed({ kind: 'timer', text: `Refusal step ${step} carried out`, rule: step === 1 ? 'R-REF-3' : step === 2 ? 'R-REF-4' : 'R-REF-5' });
  });

  // ─── Staff steps: who, when, what — and under which rule ───────────────────────────────────
  type Step<S extends StepName> = {
    roles: readonly Role[];
    rule: string;
    /** The reason the step is not allowed now, or undefined when it is. */
    refuse: (data: StepData<S>, actor: Actor) => string | undefined;
    apply: (data: StepData<S>, actor: Actor) => Promise<string>;
  };

  const inStages = (stages: readonly Stage[], what: string) =>
    stages.includes(state.stage) ? undefined : `${what} is only possible in stage ${stages.join(' / ')}; the case is in "${state.stage}".`;

  const STEPS: { [S in StepName]: Step<S> } = {
    registerFirstRenewal: {
      roles: ['udi', 'imdi'],
      rule: 'R-ELIG-2',
      refuse: () => inStages(['waiting_for_renewal'], 'Registering the first renewal'),
      apply: async ({ renewalDate }) => {
        state.renewalDate = renewalDate;
        await enterInterviewStage(renewalDate);
        return `First renewal granted ${renewalDate}: the settlement interview can be held`;
      },
    },
    recordSettlementInfo: {
      roles: ['mottak'],
      rule: 'R-REG-2',
      refuse: () =>
        state.interview
          ? 'The interview is completed and its data frozen (R-INT-6): add an internal note with the corrected information instead.'
          : inStages(['waiting_for_renewal', 'interview'], 'Recording settlement information'),
      apply: async (info) => {
        state.settlementInfo = info;
        openFunctionReportDeadlineIfNeeded();
        return 'Settlement-relevant information recorded';
      },
    },
    completeInterview: {
      roles: ['mottak'],
      rule: 'R-INT-2',
      refuse: (record) =>
        inStages(['interview'], 'Completing the settlement interview') ?? zodReason(interviewRecordSchemaFor(permit).safeParse(record)),
      apply: async (record, actor) => {
        state.interview = { completedAt: now(), completedBy: actor, record };
        state.stage = 'preparing';
        closeDeadline('R-INT-2', 'met');
        return 'Settlement interview completed; its data is now frozen (R-INT-6)';
      },
    },
    addInternalNote: {
      roles: ['mottak', 'imdi'],
      rule: 'R-INT-6',
      refuse: () => (FINAL_STAGES.includes(state.stage) ? `The case is ${state.stage}; no notes can be added.` : undefined),
      apply: async ({ text, riskToSelfOrOthers, correctedSettlementInfo }, actor) => {
        state.internalNotes.push({ at: now(), by: actor, text, riskToSelfOrOthers });
        if (correctedSettlementInfo) {
          state.settlementInfo = correctedSettlementInfo;
          openFunctionReportDeadlineIfNeeded();
        }
        // R-INT-6: the note alerts IMDi. R-REG-3: the risk stays in the note; the alert only says there is one.
        await send('R-INT-6', 'internal-note', imdi, { note: { text, riskToSelfOrOthers }, writtenBy: `${actor.id} (${actor.role})` });
        return correctedSettlementInfo ? 'Internal note with corrected settlement information; IMDi alerted' : 'Internal note added; IMDi alerted';
      },
    },
    recordCompetenceMapping: {
      roles: ['kommune', 'mottak', 'imdi'],
      rule: 'R-HOST-1',
      refuse: () =>
        state.competenceMapping.status !== 'pending'
          ? `Competence mapping is already recorded as ${state.competenceMapping.status}.`
          : FINAL_STAGES.includes(state.stage) ? `The case is ${state.stage}.` : undefined,
      apply: async (mapping) => {
        state.competenceMapping = mapping.status === 'done' ? { status: 'done', doneOn: mapping.doneOn } : { status: 'not_applicable', reason: mapping.reason };
        closeDeadline('R-HOST-1', mapping.status === 'done' ? 'met' : 'not_applicable');
        return mapping.status === 'done' ? `Competence mapping done ${mapping.doneOn}` : `Competence mapping not applicable: ${mapping.reason}`;
      },
    },
    recordNorwegianTraining: {
      roles: ['kommune', 'mottak'],
      rule: 'R-HOST-2',
      refuse: () => (state.norwegianTraining.status !== 'pending' ? `Norwegian training is already ${state.norwegianTraining.status}.` : undefined),
      apply: async ({ offeredOn }) => {
        state.norwegianTraining = { status: 'offered', offeredOn };
        closeDeadline('R-HOST-2', 'met');
        return `Norwegian training offered ${offeredOn}`;
      },
    },
    recordFunctionReport: {
      roles: ['mottak'],
      rule: 'R-REG-6',
      refuse: () =>
        state.settlementInfo.fromSpecialUnit.answer !== 'yes'
          ? 'Function reports are for residents of special care units; the case records none.'
          : FINAL_STAGES.includes(state.stage) || state.stage === 'moving' ? `The case is ${state.stage}; no report is due.` : undefined,
      apply: async (report) => {
        state.functionReports.push(report);
        closeDeadline(currentFunctionReportDeadline()?.id ?? '', 'met');
        openDeadline('R-REG-6', report.recordedOn, `R-REG-6#${state.functionReports.length + 1}`);
        return report.outcome === 'no_change' ? 'Function report: no change' : 'Updated function report sent to IMDi';
      },
    },
    offerToMunicipality: {
      roles: ['imdi'],
      rule: 'R-DIST-1',
      refuse: ({ municipalityNumber }) => {
        if (state.agreement) return `The resident gets one offer only (R-DIST-4): the case is already agreed with ${state.agreement.municipalityName}.`;
        const stage = inStages(['preparing', 'distribution'], 'Offering the case to a municipality');
        if (stage) return stage;
        const pending = state.offers.find((o) => o.status === 'pending');
        if (pending) return `The case is already offered to ${pending.municipalityName}; it is offered to one municipality at a time (R-DIST-3).`;
        if (state.offers.some((o) => o.municipalityNumber === municipalityNumber && o.status === 'declined')) {
          return `Municipality ${municipalityNumber} has already declined this case.`;
        }
        const unmet = distributionPreconditions({
          eligibility: state.eligibility,
          interviewCompleted: state.interview !== undefined,
          competenceMapping: state.competenceMapping.status,
          missingInfo: missingInfo(),
        });
        return unmet.length ? `The case cannot be distributed yet: ${unmet.map((u) => u.message).join('; ')}` : undefined;
      },
      apply: async ({ municipalityNumber, municipalityName }, actor) => {
        state.offers.push({ municipalityNumber, municipalityName, offeredAt: now(), offeredBy: actor, status: 'pending' });
        state.stage = 'distribution';
        // R-DIST-3: the municipality sees only the anonymised profile until it accepts.
        const profile = anonymisedProfile({ permit, settlementInfo: state.settlementInfo, declinedInformation: state.interview?.record.declinedInformation, onDate: today() });
        await send('R-DIST-3', 'distribution-offer', { kind: 'municipality', id: municipalityNumber }, { profile, respondBy: addDays(today(), OFFER_ANSWER_DAYS) });
        return `Offered to ${municipalityName} (${municipalityNumber})`;
      },
    },
    respondToOffer: {
      roles: ['kommune'],
      rule: 'R-DIST-2',
      refuse: (_response, actor) => {
        const pending = state.offers.find((o) => o.status === 'pending');
        if (!pending) return `There is no open offer to answer; the case is in "${state.stage}".`;
        if (actor.organisation !== pending.municipalityNumber) return `The case is offered to ${pending.municipalityName}, not to municipality ${actor.organisation ?? '(none)'}.`;
        return undefined;
      },
      apply: async (response, actor) => {
        const offer = state.offers.find((o) => o.status === 'pending')!;
        if (response.decision === 'decline') {
          Object.assign(offer, { status: 'declined', decidedAt: now(), decidedBy: actor, declineReason: response.reason });
          return `${offer.municipalityName} declined: ${response.reason}`;
        }
        // R-DIST-2: the place is taken by one conditional write; a full municipality cannot accept.
        await takePlace(offer.municipalityNumber, offer.municipalityName, response.expectedSettlementWeek);
        Object.assign(offer, { status: 'accepted', decidedAt: now(), decidedBy: actor });
        await agree({ kind: 'distribution', municipalityNumber: offer.municipalityNumber, municipalityName: offer.municipalityName, expectedSettlementWeek: response.expectedSettlementWeek, agreedAt: now() });
        return `${offer.municipalityName} accepted; expected settlement week ${response.expectedSettlementWeek}`;
      },
    },
    agreeSelfSettlement: {
      roles: ['imdi'],
      rule: 'R-MOVE-7',
      refuse: () => {
        const stage = inStages(['interview', 'preparing', 'distribution'], 'Agreeing a self-settlement');
        if (stage) return stage;
        const pending = state.offers.find((o) => o.status === 'pending');
        return pending ? `The case is offered to ${pending.municipalityName}; wait for its answer first.` : undefined;
      },
      apply: async ({ municipalityNumber, municipalityName, expectedSettlementWeek }) => {
        await takePlace(municipalityNumber, municipalityName, expectedSettlementWeek);
        await agree({ kind: 'self_settlement', municipalityNumber, municipalityName, expectedSettlementWeek, agreedAt: now() });
        return `Agreed self-settlement in ${municipalityName}, week ${expectedSettlementWeek}`;
      },
    },
    recordUnaccompaniedMinorPlans: {
      roles: ['mottak'],
      rule: 'R-EM-1',
      refuse: () => {
        if (!em) return 'Only an unaccompanied minor has a mapping plan and action plan to send.';
        if (state.unaccompaniedMinorPlans) return `The plans were already sent ${state.unaccompaniedMinorPlans.sentOn}.`;
        return inStages(['agreed', 'moving'], 'Sending the plans');
      },
      apply: async ({ sentOn }) => {
        state.unaccompaniedMinorPlans = { sentOn };
        closeDeadline('R-EM-1', 'met');
        return `Mapping plan and action plan (IKTP), signed, sent to the municipality ${sentOn}`;
      },
    },
    agreeMovingDate: {
      roles: ['mottak', 'kommune'],
      rule: 'R-MOVE-1',
      refuse: ({ movingDate }, actor) =>
        inStages(['agreed', 'moving', 'refusal'], 'Agreeing the moving date') ??
        (actor.role === 'kommune' && actor.organisation !== state.agreement?.municipalityNumber ? 'Only the settling municipality agrees the moving date with the centre.' : undefined) ??
        (movingDate < today() ? `The moving date ${movingDate} is in the past.` : undefined),
      apply: async ({ movingDate, travel }, actor) => {
        const resumed = state.stage === 'refusal';
        state.moving = { movingDate, travel: travelPlan(travel), agreedBy: actor };
        state.stage = 'moving';
        if (resumed) await endRefusal('moved'); // R-REF-6: moving at any step ends the refusal
        if (em) await sendMovingNotices(movingDate);
        return `${resumed ? 'The resident will move after all; refusal ended. ' : ''}Moving date agreed: ${movingDate}`;
      },
    },
    registerRefusal: {
      roles: ['mottak'],
      rule: 'R-REF-2',
      refuse: () => inStages(['agreed', 'moving'], 'Registering a refusal'),
      apply: async ({ refusedOn, moveDeadline }) => {
        state.refusal = { refusedOn, moveDeadline, step: 0, stepDates: {}, consequences: refusalConsequences };
        state.stage = 'refusal';
        return `The resident refused the settlement offer; deadline to move ${moveDeadline}`;
      },
    },
    endRefusal: {
      roles: ['udi', 'mottak'],
      rule: 'R-REF-6',
      refuse: ({ outcome }) =>
        inStages(['refusal'], 'Ending a refusal') ??
        (outcome === 'evicted' && (state.refusal?.step ?? 0) < 3 ? 'An eviction follows the request to the bailiff (step 3), which has not been sent.' : undefined),
      apply: async ({ outcome, on }) => {
        await endRefusal(outcome);
        await close(outcome === 'evicted' ? 'Evicted after refusing settlement' : 'Left the reception centre after refusing settlement', 'R-REF-6', on);
        return `Refusal ended: ${outcome}`;
      },
    },
    registerDeparture: {
      roles: ['mottak'],
      rule: 'R-MOVE-4',
      refuse: ({ reason }) => {
        if (FINAL_STAGES.includes(state.stage)) return `The case is ${state.stage}.`;
        if (reason === 'agreed_settlement' && state.stage !== 'moving') return `A departure for agreed settlement needs an agreed moving date; the case is in "${state.stage}".`;
        return undefined;
      },
      apply: async (departure) => {
        state.departure = departure;
        if (departure.reason === 'agreed_settlement') return `Departed ${departure.date} for agreed settlement (R-MOVE-4)`;
        if (BEFORE_AGREEMENT.includes(state.stage)) {
          // R-MOVE-6: moving out before IMDi reached an agreement closes the case as self-established.
          const reason = departure.reason === 'left_norway' ? 'Left Norway before settlement' : 'Settled on own initiative (bosetting på eget initiativ); no offer, the right to the introduction programme may be lost';
          await close(reason, departure.reason === 'left_norway' ? 'R-MOVE-5' : 'R-MOVE-6', departure.date);
          return reason;
        }
        if (departure.reason === 'left_norway') {
          // R-MOVE-5: IMDi hears the same day, also when the resident means to come back in time.
          await send('R-MOVE-5', 'departure-abroad', imdi, { departedOn: departure.date, agreedMunicipality: agreedMunicipality(), intendsToReturn: departure.intendsToReturn ? 'yes' : 'no' });
          if (departure.intendsToReturn) return `Left Norway ${departure.date}, intends to return before the agreed week; IMDi told`;
        }
        if (state.stage === 'refusal') await endRefusal('left');
        await close(`Left the reception centre after the agreement (${departure.reason})`, 'R-MOVE-5', departure.date);
        return `Departure registered: ${departure.reason}`;
      },
    },
    confirmArrival: {
      roles: ['kommune'],
      rule: 'R-MOVE-3',
      refuse: (_arrival, actor) =>
        inStages(['moving', 'refusal'], 'Confirming the arrival') ??
        (actor.organisation !== state.agreement?.municipalityNumber ? `Only ${state.agreement?.municipalityName ?? 'the settling municipality'} confirms the arrival.` : undefined),
      apply: async ({ arrivedOn }, actor) => {
        if (state.stage === 'refusal') await endRefusal('moved');
        state.arrival = { arrivedOn, confirmedBy: actor };
        state.stage = 'settled';
        state.outcome = { reason: `Settled in ${state.agreement!.municipalityName}`, rule: 'R-MOVE-3', on: arrivedOn };
        for (const d of state.deadlines.filter(isOpen)) d.status = d.rule === 'R-GOAL-1' ? 'met' : 'not_applicable';
        // R-ARR-6, R-ARR-7: health and NAV hear of every new settlement, with their minimum.
        const municipality = state.agreement!.municipalityNumber;
        await send('R-ARR-6', 'health-settlement', { kind: 'health', id: municipality }, {
          receptionCentre: permit.receptionCentre.name,
          persons: permit.persons.map((p) => ({ name: fullName(p), dateOfBirth: p.dateOfBirth, nationality: p.citizenship })),
        });
        await send('R-ARR-7', 'nav-settlement', { kind: 'nav', id: municipality }, {
          municipality: agreedMunicipality(),
          settlementDate: arrivedOn,
          persons: permit.persons.map((p) => ({ name: fullName(p), dateOfBirth: p.dateOfBirth, dufNumber: p.dufNumber, nationalIdentityNumber: p.nationalIdentityNumber })),
          mappingFormEnclosed: false,
        });
        // Each person's journey in the municipality (R-ARR, R-GRANT) starts now and runs on its own.
        // patched(): cases recorded before journeys existed replay without starting them.
        if (patched('start-arrival-journeys')) await startArrivalJourneys(arrivedOn);
        return `Arrival in ${state.agreement!.municipalityName} confirmed ${arrivedOn}`;
      },
    },
    closeTask: {
      roles: ['mottak', 'imdi', 'kommune'],
      rule: 'manual-delivery', // issue 5: a message that could not be delivered is a person's task
      refuse: ({ taskId }) =>
        state.deadlines.some((d) => d.id === taskId && d.id.startsWith('delivery#') && isOpen(d))
          ? undefined
          : `There is no open task ${taskId} to close; deadlines close by doing their step.`,
      apply: async ({ taskId, note }) => {
        closeDeadline(taskId, 'met');
        return `Task ${taskId} done: ${note}`;
      },
    },
  };

  for (const name of Object.keys(STEPS) as StepName[]) registerStep(name);

  function registerStep<S extends StepName>(name: S): void {
    const step = STEPS[name] as Step<S>;
    const schema = stepSchemas[name];
    setHandler(
      stepUpdates[name] as unknown as UpdateDefinition<CaseState, [StepCall<S>]>,
      async ({ actor, input: body }: StepCall<S>) => {
        const data = schema.parse(body) as StepData<S>;
        const text = await step.apply(data, actor);
        await changed({ kind: 'step', text, rule: step.rule, actor });
        return state;
      },
      {
        validator: ({ actor, input: body }: StepCall<S>) => {
          if (!step.roles.includes(actor.role as Role)) throw new Error(`The role "${actor.role}" may not ${name}; allowed: ${step.roles.join(', ')}.`);
          const parsed = schema.safeParse(body);
          if (!parsed.success) throw new Error(`Invalid input: ${zodReason(parsed)}`);
          const reason = step.refuse(parsed.data as StepData<S>, actor);
          if (reason) throw new Error(reason);
        },
      },
    );
  }

  // ─── Life of the case ──────────────────────────────────────────────────────────────────────
  if (!input.continued) await created();
  // Both run alongside the steps for as long as this run lives; a continued run starts them again.
  void runDeadlines();
  void runRefusals();
  const maxHistoryEvents = input.maxHistoryEvents ?? MAX_HISTORY_EVENTS_PER_RUN;
  const historyFull = () => workflowInfo().historyLength > maxHistoryEvents || workflowInfo().continueAsNewSuggested;
  await condition(() => FINAL_STAGES.includes(state.stage) || historyFull());
  await condition(() => allHandlersFinished() && busy === 0);
  if (!FINAL_STAGES.includes(state.stage)) {
    await continueAsNew<typeof settlementCase>({ caseId, permit, continued: state, maxHistoryEvents: input.maxHistoryEvents });
  }
  return state;

  /** R-ELIG-1..4, then the interview stage (R-INT-1) — or the wait for renewal (R-ELIG-2). */
  async function created(): Promise<void> {
    const eligibility = state.eligibility;
    if (eligibility.outcome === 'refused') {
      state.stage = 'refused';
      state.outcome = {
        reason: eligibility.reason,
        rule: eligibility.rule,
        on: today(),
        previousMunicipality: eligibility.rule === 'R-ELIG-4' ? eligibility.previousMunicipality : undefined,
      };
      await changed({ kind: 'case', text: `Not in the target group: ${eligibility.reason}`, rule: eligibility.rule });
      return;
    }
    openGoalDeadline();
    if (eligibility.outcome === 'waiting_for_renewal') {
      state.stage = 'waiting_for_renewal';
      await changed({ kind: 'case', text: `Case created from permit ${permit.permitId}; waiting for the first renewal (${eligibility.reason})`, rule: 'R-ELIG-2' });
      return;
    }
    await enterInterviewStage(instantToDate(state.createdAt));
    await changed({ kind: 'case', text: `Case created from permit ${permit.permitId}`, rule: eligibility.rules[0] });
  }

  /** R-INT-1, R-INT-2, R-HOST-1, R-HOST-2: the clocks that start when the interview can be held. */
  async function enterInterviewStage(from: string): Promise<void> {
    state.stage = 'interview';
    openDeadline('R-INT-2', from);
    if (hostMunicipalityDutiesApply(permit.permitType, permit.persons, from)) {
      const decision = state.renewalDate ?? permit.decisionDate;
      openDeadline('R-HOST-1', decision);
      openDeadline('R-HOST-2', decision);
    } else {
      // Collective protection, resettlement, no adults: mapping and training come after settlement.
      state.competenceMapping = { status: 'not_applicable', reason: 'R-HOST-1 does not apply to this permit or household before settlement' };
      state.norwegianTraining = { status: 'not_applicable' };
    }
    await send('R-INT-1', 'new-case', centre, { interviewDueDate: dueDate('R-INT-2', from), householdMembers: members() });
  }

  /** R-DIST-7, R-DIST-4, R-EM-1, R-EM-2, R-ARR-4, R-ARR-5: what follows an agreement. */
  async function agree(agreement: NonNullable<CaseState['agreement']>): Promise<void> {
    state.agreement = agreement;
    state.stage = 'agreed';
    const municipality = agreedMunicipality();
    const { expectedSettlementWeek } = agreement;
    await send('R-DIST-7', 'distribution-accepted', centre, { municipality, expectedSettlementWeek });
    // R-DIST-7: the sources disagree whether the resident is told the week; the letter leaves it out.
    await send('R-DIST-7', 'settlement-decision', { kind: 'resident', id: caseId }, {
      municipality,
      // The letter speaks to the adults by name, c/o the centre they live at.
      householdMembers: permit.persons.map((p) => ({ name: fullName(p), dufNumber: p.dufNumber, dateOfBirth: p.dateOfBirth })),
      receptionCentre: permit.receptionCentre,
    });
    const onDate = mondayOfIsoWeek(expectedSettlementWeek);
    const child = (p: (typeof permit.persons)[number]) => ({ name: fullName(p), dateOfBirth: p.dateOfBirth });
    const pupil = (p: (typeof permit.persons)[number]) => ({ ...child(p), languages: p.languages });
    const pupils = schoolAgeChildren(permit.persons, onDate);
    if (pupils.length) await send('R-ARR-4', 'school-assignment', { kind: 'school', id: municipality.number }, { children: pupils.map(pupil), municipality, expectedSettlementWeek });
    const toddlers = kindergartenAgeChildren(permit.persons, onDate);
    if (toddlers.length) await send('R-ARR-5', 'kindergarten-assignment', { kind: 'kindergarten', id: municipality.number }, { children: toddlers.map(pupil), municipality, expectedSettlementWeek });
    if (em) {
      openDeadline('R-EM-1', onDate); // counts back from the Monday of the expected week
      // R-EM-2: the representative hears of the planned move as soon as possible.
      for (const minor of permit.persons.filter((p) => p.unaccompaniedMinor)) {
        await send('R-EM-2', 'em-moving-notice', { kind: 'guardian', id: caseId }, { minor: child(minor), municipality, expectedSettlementWeek });
      }
    }
  }

  async function startArrivalJourneys(settlementDate: string): Promise<void> {
    const agreement = state.agreement!;
    const withSpecialNeeds = state.settlementInfo.persons
      .filter((p) => Object.values(p.specialNeeds).some((need) => need.hasNeed === 'yes'))
      .map((p) => p.dufNumber);
    const inputs = arrivalJourneyInputs(caseId, permit, {
      settlementDate,
      municipality: { municipalityNumber: agreement.municipalityNumber, name: agreement.municipalityName },
      settlementKind: agreement.kind === 'self_settlement' ? 'agreed_self_settlement' : 'agreed',
      specialNeedsDufNumbers: withSpecialNeeds,
    });
    for (const [index, journey] of inputs.entries()) {
      await startChild<typeof arrivalJourney>(ARRIVAL_JOURNEY_WORKFLOW, {
        // Workflow ids are not encrypted: named by the member's place, not the DUF number (privacy).
        workflowId: patched(JOURNEY_IDS_WITHOUT_DUF) ? arrivalJourneyWorkflowId(caseId, index + 1) : legacyArrivalJourneyWorkflowId(caseId, journey.dufNumber),
        args: [journey],
        parentClosePolicy: ParentClosePolicy.ABANDON, // the case ends at settlement; the journeys go on for years
      });
    }
  }

  /** R-EM-2: the centre's moving notices by post to the county governor and the school. */
  async function sendMovingNotices(movingDate: string): Promise<void> {
    const municipality = agreedMunicipality();
    for (const minor of permit.persons.filter((p) => p.unaccompaniedMinor)) {
      const notice = { minor: { name: fullName(minor), dateOfBirth: minor.dateOfBirth }, municipality, movingDate };
      await send('R-EM-2', 'em-moving-notice', { kind: 'county_governor', id: municipality.number }, notice);
      await send('R-EM-2', 'em-moving-notice', { kind: 'school', id: municipality.number }, notice);
    }
  }

  function agreedMunicipality() {
    return { number: state.agreement!.municipalityNumber, name: state.agreement!.municipalityName };
  }

  function members() {
    return permit.persons.map((p) => ({ name: fullName(p), dufNumber: p.dufNumber }));
  }

  /** R-DIST-2: a place in the decided number of the year the household is expected to settle. */
  async function takePlace(municipalityNumber: string, municipalityName: string, expectedSettlementWeek: string): Promise<void> {
    const year = settlementYear(expectedSettlementWeek);
    const persons = permit.persons.length; // R-DIST-2: the decided number counts persons, not households
    const reservation = await reserveMunicipalityPlace({ municipalityNumber, year, caseId, persons });
    if (reservation.outcome === 'reserved') return;
    throw ApplicationFailure.nonRetryable(
      reservation.outcome === 'full'
        ? `${municipalityName} har ${placesFree(reservation.free)} for ${year}, husstanden er ${persons === 1 ? '1 person' : `${persons} personer`} (R-DIST-2).`
        : `${municipalityName} har ikke vedtak om bosetting for ${year} (R-DIST-2).`,
      'MunicipalityFull',
    );
  }

  /** Bokmål: "1 ledig plass", "2 ledige plasser"; below 0 (decided number lowered under used) is none free. */
  function placesFree(free: number): string {
    return free === 1 ? '1 ledig plass' : `${Math.max(free, 0)} ledige plasser`;
  }

  async function close(reason: string, rule: string, on: string): Promise<void> {
    state.stage = 'closed';
    state.outcome = { reason, rule, on };
    for (const d of state.deadlines.filter(isOpen)) d.status = 'not_applicable';
    if (state.agreement) {
      const { municipalityNumber } = state.agreement;
      await releaseMunicipalityPlace({ municipalityNumber, year: settlementYear(state.agreement.expectedSettlementWeek), caseId, persons: permit.persons.length });
    }
  }

  // ─── Deadlines: one scheduler for every reminder and escalation ────────────────────────────
  async function runDeadlines(): Promise<void> {
    for (;;) {
      if (FINAL_STAGES.includes(state.stage)) return;
      for (const deadline of state.deadlines) {
        const action = dueAction(deadline, Date.now());
        if (!action) continue;
        deadline.status = action === 'remind' ? 'reminded' : 'overdue'; // before the I/O: never twice
        busy += 1;
        try {
          await (action === 'remind' ? remind(deadline) : escalate(deadline));
        } finally {
          busy -= 1;
        }
      }
      const next = Math.min(...state.deadlines.map(nextInstant).filter((t): t is number => t !== undefined));
      const version = state.version;
      const woken = () => state.version !== version || FINAL_STAGES.includes(state.stage);
      if (Number.isFinite(next)) await condition(woken, Math.max(next - Date.now(), 1));
      else await condition(woken);
    }
  }

  /** Before the due date: the responsible party is reminded (domain/deadlines.ts names who). */
  async function remind(deadline: Deadline): Promise<void> {
    if (deadline.rule === 'R-GOAL-1') {
      state.goal.status = 'at_risk';
      await changed({ kind: 'timer', text: `At risk of missing the settlement goal of ${deadline.dueDate}`, rule: 'R-GOAL-1' });
      return;
    }
    switch (deadline.rule) {
      case 'R-INT-2':
        await send('R-INT-2', 'interview-reminder', centre, { interviewDueDate: deadline.dueDate });
        break;
      case 'R-HOST-1':
        await send('R-HOST-1', 'mapping-reminder', { kind: 'host_municipality', id: permit.hostMunicipality.municipalityNumber }, { mappingDueDate: deadline.dueDate, adults: adultMembers() });
        break;
      case 'R-EM-1':
        await send('R-EM-1', 'em-plans-due', centre, { plansDueDate: deadline.dueDate, expectedSettlementWeek: state.agreement!.expectedSettlementWeek, municipality: agreedMunicipality() });
        break;
    }
    await changed({ kind: 'timer', text: `Reminder: ${deadline.title} by ${deadline.dueDate}`, rule: deadline.rule });
  }

  /** After the due date: flagged overdue, and escalated to whom the rule names. */
  async function escalate(deadline: Deadline): Promise<void> {
    if (deadline.rule === 'R-GOAL-1') {
      state.goal.status = 'late';
      await changed({ kind: 'timer', text: `Late: not settled by the goal date ${deadline.dueDate}`, rule: 'R-GOAL-1' });
      return;
    }
    const escalatedTo: string[] = [];
    switch (deadline.rule) {
      case 'R-INT-2': // the centre's leader and UDI's regional office
        for (const recipient of [{ kind: 'reception_centre_leader', id: permit.receptionCentre.id }, { kind: 'udi_regional_office', id: permit.hostMunicipality.municipalityNumber }] as const) {
          await send('R-INT-2', 'interview-overdue', recipient, { interviewDueDate: deadline.dueDate });
          escalatedTo.push(recipient.kind);
        }
        break;
      case 'R-HOST-1': // "if still not done, IMDi is contacted"
        await send('R-HOST-1', 'mapping-overdue', imdi, { mappingDueDate: deadline.dueDate, hostMunicipality: { number: permit.hostMunicipality.municipalityNumber, name: permit.hostMunicipality.name } });
        escalatedTo.push('imdi');
        break;
      case 'R-EM-1':
        await send('R-EM-1', 'em-plans-overdue', imdi, { plansDueDate: deadline.dueDate, expectedSettlementWeek: state.agreement!.expectedSettlementWeek, municipality: agreedMunicipality() });
        escalatedTo.push('imdi');
        break;
    }
    await changed({
      kind: 'timer',
      text: `Overdue: ${deadline.title} was due ${deadline.dueDate}${escalatedTo.length ? `; escalated to ${escalatedTo.join(', ')}` : ''}`,
      rule: deadline.rule,
    });
  }

  function adultMembers() {
    return adults(permit.persons, today()).map((p) => ({ name: fullName(p), dufNumber: p.dufNumber }));
  }

  /** A deadline of domain/deadlines.ts, counted from `from` (its policy says from what). */
  function openDeadline(rule: DeadlineRuleId, from: string, id: string = rule): void {
    if (state.deadlines.some((d) => d.id === id)) return;
    const policy = deadlinePolicies[rule];
    state.deadlines.push({ id, rule, title: policy.title, dueDate: dueDate(rule, from), remindDate: reminderDate(rule, from), status: 'open' });
  }

  /** R-GOAL-1 as a deadline: "reminded" = at risk, "overdue" = late, met when settled. */
  function openGoalDeadline(): void {
    const clock = goalClock(permit.permitDate, em);
    if (state.deadlines.some((d) => d.id === 'R-GOAL-1')) return;
    state.deadlines.push({ id: 'R-GOAL-1', rule: 'R-GOAL-1', title: `Settled within ${em ? 3 : 6} months of the permit`, dueDate: clock.goalDate, remindDate: clock.atRiskDate, status: 'open' });
  }

  function closeDeadline(id: string, status: 'met' | 'not_applicable'): void {
    const deadline = state.deadlines.find((d) => d.id === id && isOpen(d));
    if (!deadline) return;
    deadline.status = status;
    deadline.closedAt = now();
  }

  /** R-REG-6: residents of a special care unit owe a function report every 6 months while waiting. */
  function openFunctionReportDeadlineIfNeeded(): void {
    if (state.settlementInfo.fromSpecialUnit.answer !== 'yes' || currentFunctionReportDeadline()) return;
    const last = state.functionReports.at(-1)?.recordedOn ?? instantToDate(state.createdAt);
    openDeadline('R-REG-6', last, `R-REG-6#${state.functionReports.length + 1}`);
  }

  function currentFunctionReportDeadline(): Deadline | undefined {
    return state.deadlines.find((d) => d.rule === 'R-REG-6' && isOpen(d));
  }

  function missingInfo() {
    return missingForDistribution(state.settlementInfo, permit.permitType, {
      household: { persons: permit.persons, onDate: today() },
      declinedInformation: state.interview?.record.declinedInformation,
    });
  }

  // ─── Refusal: a child workflow per refusal (R-REF-1..6) ────────────────────────────────────
  async function runRefusals(): Promise<void> {
    for (;;) {
      await condition(() => state.refusal !== undefined && state.refusal.outcome === undefined && !state.refusal.childStarted);
      const refusal = state.refusal!;
      refusal.childStarted = true; // in the state: a continued run does not start it again
      await startChild<typeof settlementRefusal>('settlementRefusal', {
          workflowId: refusalWorkflowId(),
          args: [{ caseId, permit, agreement: state.agreement!, refusedOn: refusal.refusedOn, moveDeadline: refusal.moveDeadline }],
          // The refusal runs on when this run continues as new.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
    }
  }

  async function endRefusal(outcome: 'moved' | 'evicted' | 'left'): Promise<void> {
    if (!state.refusal || state.refusal.outcome) return;
    state.refusal.outcome = outcome;
    await getExternalWorkflowHandle(refusalWorkflowId()).signal(refusalEndedSignal, { outcome, on: today() });
  }

  function refusalWorkflowId(): string {
    return `${caseId}-refusal-${state.refusal!.refusedOn}`;
  }

  // ─── Recording ─────────────────────────────────────────────────────────────────────────────
  /**
   * Hands a message to the notifications layer. A message that cannot be delivered never fails the
   * case: it becomes a task for the caseworker, due today.
   */
  async function send<T extends MessageType>(rule: string, type: T, recipient: RecipientRef, data: MessageData<T>): Promise<void> {
    state.notificationsSent += 1;
    const notificationId = `${caseId}:${state.notificationsSent}:${type}`;
    try {
      await notify({ notificationId, caseId, rule, type, recipient, data: data as Record<string, unknown> });
      state.timeline.push({ at: now(), kind: 'notification', text: `${type} → ${recipient.kind} ${recipient.id}`, rule });
    } catch (error) {
      const reason = error instanceof ActivityFailure ? (error.cause?.message ?? error.message) : String(error);
      state.deadlines.push({ id: `delivery#${state.notificationsSent}`, rule, title: `Deliver "${type}" to ${recipient.kind} ${recipient.id} by hand: ${reason}`, dueDate: today(), status: 'open' });
      state.timeline.push({ at: now(), kind: 'notification', text: `${type} → ${recipient.kind} ${recipient.id} could not be delivered: ${reason}`, rule });
    }
  }

  /** Records a change in the timeline and writes the newest version to the read model. */
  async function changed(entry: Omit<TimelineEntry, 'at'>): Promise<void> {
    state.timeline.push({ at: now(), ...entry });
    state.version += 1;
    state.goal.status = state.stage === 'settled' ? state.goal.status : goalStatus(state.goal, today());
    await recordCaseSummary({
      caseId,
      permitId: permit.permitId,
      permitType: permit.permitType,
      permitDate: permit.permitDate,
      stage: state.stage,
      receptionCentreId: permit.receptionCentre.id,
      receptionCentreName: permit.receptionCentre.name,
      municipalityNumber: state.agreement?.municipalityNumber,
      hostMunicipalityNumber: permit.hostMunicipality.municipalityNumber,
      priorityGroup: priorityGroup(permit.persons, permit.permitType, permit.permitDate),
      goalStatus: state.goal.status,
      householdSize: permit.persons.length,
      openTasks: state.deadlines.filter(isOpen).map((d) => ({ id: d.id, title: d.title, rule: d.rule, dueDate: d.dueDate })),
      createdAt: state.createdAt,
      updatedAt: now(),
      version: state.version,
    });
  }
}

function newCaseState(caseId: string, permit: PermitGranted, createdAt: string): CaseState {
  const clock = goalClock(permit.permitDate, isUnaccompaniedMinorCase(permit.persons));
  return {
    caseId,
    permit,
    stage: 'interview',
    createdAt,
    version: 0,
    eligibility: assessEligibility(permit),
    settlementInfo: emptySettlementInfo(),
    internalNotes: [],
    competenceMapping: { status: 'pending' },
    norwegianTraining: { status: 'pending' },
    functionReports: [],
    goal: { goalDate: clock.goalDate, atRiskDate: clock.atRiskDate, status: goalStatus(clock, instantToDate(createdAt)) },
    offers: [],
    deadlines: [],
    timeline: [],
    notificationsSent: 0,
  };
}

/** R-DIST-2: a place counts in the ISO week-numbering year of the expected week (2026-W01 is 2026). */
function settlementYear(isoWeek: string): number {
  return isoWeekYear(isoWeek);
}

function zodReason(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string | undefined {
  if (result.success || !result.error) return undefined;
  return result.error.issues.map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`).join('; ');
}
