/**
 * The case's life outside the staff steps: how it starts, enters the interview stage, settles and
 * closes. Pure; the workflow runs the returned effects.
 */
import type { RecipientRef } from '../../notifications/request';
import type { IsoDate } from '../dates';
import { dueDate, goalClock, goalStatus, hostMunicipalityDutiesApply } from '../deadlines';
import { assessEligibility } from '../eligibility';
import { fullName, isUnaccompaniedMinorCase } from '../household';
import type { PermitGranted } from '../permit';
import { emptySettlementInfo } from '../settlement-info';
import { notify } from './effects';
import { closeDeadline, enterStage, isOpen, newChange, openDeadline, record, type CaseState, type Change, type Clock } from './state';

/** R-ELIG-1..4, then the interview stage (R-INT-1) — or the wait for renewal (R-ELIG-2). */
export function createCase(caseId: string, permit: PermitGranted, clock: Clock): { state: CaseState; change: Change } {
  const eligibility = assessEligibility(permit);
  const startsOn = permit.firstRenewalDate ?? permit.permitDate;
  const clockOfGoal = goalClock(startsOn, isUnaccompaniedMinorCase(permit.persons), permit.firstRenewalDate ? 'first_renewal' : 'permit');
  const state: CaseState = {
    caseId,
    permit,
    stage: 'interview',
    createdAt: clock.now,
    version: 1,
    eligibility,
    settlementInfo: emptySettlementInfo(),
    corrections: [],
    internalNotes: [],
    internalNotesTotal: 0,
    competenceMapping: { status: 'pending' },
    norwegianTraining: { status: 'pending' },
    functionReports: [],
    goal: { startsOn, goalDate: clockOfGoal.goalDate, atRiskDate: clockOfGoal.atRiskDate, status: goalStatus(clockOfGoal, clock.today) },
    offers: [],
    arrivals: [],
    deadlines: [],
    timeline: [],
    timelineTotal: 0,
    notificationsSent: 0,
    outbox: [],
    appliedSteps: [],
  };
  const change = newChange();
  if (eligibility.outcome === 'refused') {
    state.stage = 'refused';
    state.outcome = {
      reason: eligibility.reason,
      rule: eligibility.rule,
      on: clock.today,
      previousMunicipality: eligibility.rule === 'R-ELIG-4' ? eligibility.previousMunicipality : undefined,
    };
    record(state, change, clock, { kind: 'case', text: `Saken er opprettet; ikke i målgruppen: ${eligibility.reason}`, rule: eligibility.rule });
    return { state, change };
  }
  openGoalDeadline(state, clockOfGoal.title);
  if (eligibility.outcome === 'waiting_for_renewal') {
    state.stage = 'waiting_for_renewal';
    record(state, change, clock, { kind: 'case', text: `Saken er opprettet fra vedtak ${permit.permitId}; venter på første fornyelse (${eligibility.reason})`, rule: 'R-ELIG-2' });
    return { state, change };
  }
  // "Created" is the first entry of every case; what entering the stage sends comes after it.
  record(state, change, clock, { kind: 'case', text: `Saken er opprettet fra vedtak ${permit.permitId}`, rule: eligibility.rules[0] });
  enterInterviewStage(state, permit.firstRenewalDate ?? clock.today, clock, change);
  return { state, change };
}

/**
 * R-INT-1, R-INT-2, R-HOST-1, R-HOST-2: the clocks that start when the interview can be held.
 * Resettlement refugees (overføringsflyktninger) never live in a reception centre: no centre
 * interview; IMDi prepares their case straight away.
 */
export function enterInterviewStage(state: CaseState, from: IsoDate, clock: Clock, change: Change): void {
  const { permit } = state;
  if (permit.permitType === 'resettlement') {
    state.competenceMapping = { status: 'not_applicable', reason: 'Overføringsflyktninger kartlegges etter bosetting (R-HOST-1 gjelder ikke)' };
    state.norwegianTraining = { status: 'not_applicable' };
    enterStage(state, 'preparing', clock);
    return;
  }
  enterStage(state, 'interview', clock);
  openDeadline(state, 'R-INT-2', from);
  if (hostMunicipalityDutiesApply(permit.permitType, permit.persons, from)) {
    const decision = state.renewalDate ?? permit.decisionDate ?? permit.permitDate;
    openDeadline(state, 'R-HOST-1', decision);
    openDeadline(state, 'R-HOST-2', decision);
  } else {
    // Collective protection, no adults: mapping and training come after settlement.
    state.competenceMapping = { status: 'not_applicable', reason: 'R-HOST-1 gjelder ikke for denne tillatelsen eller husstanden før bosetting' };
    state.norwegianTraining = { status: 'not_applicable' };
  }
  const centre = centreOf(state);
  if (centre) change.effects.push(notify('R-INT-1', 'new-case', centre, { interviewDueDate: dueDate('R-INT-2', from), householdMembers: memberList(state) }));
}

/** R-GOAL-1 as a deadline: "reminded" = at risk, "overdue" = late, met or missed when settled. */
function openGoalDeadline(state: CaseState, title: string): void {
  if (state.deadlines.some((d) => d.id === 'R-GOAL-1')) return;
  state.deadlines.push({
    id: 'R-GOAL-1',
    rule: 'R-GOAL-1',
    title,
    dueDate: state.goal.goalDate,
    remindDate: state.goal.atRiskDate,
    status: 'open',
    party: 'imdi',
  });
}

/** R-ELIG-2: for a §38-5 family the goal clock starts at the first renewal, not the first grant. */
export function restartGoalClock(state: CaseState, startsOn: IsoDate, clock: Clock): void {
  const next = goalClock(startsOn, isUnaccompaniedMinorCase(state.permit.persons), 'first_renewal');
  state.goal = { startsOn, goalDate: next.goalDate, atRiskDate: next.atRiskDate, status: goalStatus(next, clock.today) };
  state.deadlines = state.deadlines.filter((d) => d.id !== 'R-GOAL-1');
  openGoalDeadline(state, next.title);
}

/** Ends the case; the place it held in a municipality's decided number goes back (R-DIST-2). */
export function closeCase(state: CaseState, reason: string, rule: string, on: IsoDate, clock: Clock, change: Change): void {
  enterStage(state, 'closed', clock);
  state.outcome = { reason, rule, on };
  for (const d of state.deadlines.filter(isOpen)) closeDeadline(state, d.id, 'not_applicable', clock);
  const { agreement } = state;
  if (agreement && agreement.reservedPersons > 0) {
    change.effects.push({ kind: 'release', municipalityNumber: agreement.municipalityNumber, year: agreement.reservedYear, persons: agreement.reservedPersons });
  }
}

/**
 * R-MOVE-3: the members who arrived are settled — health and NAV hear of them (R-ARR-6, R-ARR-7),
 * their journeys start. When every member has arrived the case is settled and the goal (R-GOAL-1)
 * is met, or missed when the last arrival came after the goal date.
 */
export function settleArrived(state: CaseState, arrivedOn: IsoDate, dufNumbers: string[], clock: Clock, change: Change): string {
  const agreement = state.agreement!;
  const persons = state.permit.persons.filter((p) => dufNumbers.includes(p.dufNumber));
  const municipality = agreedMunicipality(state);
  change.effects.push(
    notify('R-ARR-6', 'health-settlement', { kind: 'health', id: municipality.number }, {
      receptionCentre: state.permit.receptionCentre?.name ?? 'Overføringsflyktning (ikke i mottak)',
      persons: persons.map((p) => ({ name: fullName(p), dateOfBirth: p.dateOfBirth, nationality: p.citizenship })),
    }),
    notify('R-ARR-7', 'nav-settlement', { kind: 'nav', id: municipality.number }, {
      municipality,
      settlementDate: arrivedOn,
      persons: persons.map((p) => ({ name: fullName(p), dateOfBirth: p.dateOfBirth, dufNumber: p.dufNumber, nationalIdentityNumber: p.nationalIdentityNumber })),
      mappingFormEnclosed: false,
    }),
    { kind: 'startJourneys', settlementDate: arrivedOn, dufNumbers },
  );
  const waiting = state.permit.persons.filter((p) => !arrivedDufNumbers(state).has(p.dufNumber));
  if (waiting.length > 0) {
    if (state.stage === 'refusal') enterStage(state, 'moving', clock);
    return `${persons.length} av ${state.permit.persons.length} i husstanden kom til ${agreement.municipalityName} ${arrivedOn}; saken venter på resten`;
  }
  // R-GOAL-1: met when the last member arrived by the goal date; missed (late) after it.
  const late = arrivedOn > state.goal.goalDate;
  state.goal.status = late ? 'late' : state.goal.status === 'late' ? 'on_track' : state.goal.status;
  closeDeadline(state, 'R-GOAL-1', late ? 'missed' : 'met', clock);
  enterStage(state, 'settled', clock); // every other deadline no longer applies
  state.outcome = { reason: `Bosatt i ${agreement.municipalityName}`, rule: 'R-MOVE-3', on: arrivedOn };
  return `Ankomst til ${agreement.municipalityName} bekreftet ${arrivedOn}${late ? ` — etter målet for bosetting (${state.goal.goalDate})` : ''}`;
}

export function arrivedDufNumbers(state: CaseState): Set<string> {
  return new Set(state.arrivals.flatMap((a) => a.dufNumbers));
}

/** The date the last member arrived: the end of the goal clock (R-GOAL-1). */
export function settledOn(state: CaseState): IsoDate | undefined {
  return state.stage === 'settled' ? state.arrivals.at(-1)?.arrivedOn : undefined;
}

export function agreedMunicipality(state: CaseState) {
  return { number: state.agreement!.municipalityNumber, name: state.agreement!.municipalityName };
}

export function memberList(state: CaseState) {
  return state.permit.persons.map((p) => ({ name: fullName(p), dufNumber: p.dufNumber }));
}

/** The reception centre the household lives in; resettlement refugees have none. */
export function centreOf(state: CaseState): RecipientRef | undefined {
  return state.permit.receptionCentre ? { kind: 'reception_centre', id: state.permit.receptionCentre.id } : undefined;
}
