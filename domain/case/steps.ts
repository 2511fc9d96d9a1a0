/**
 * The settlement case's staff steps as pure reducers — who may take each step, when, under which
 * rule, and what it changes. `stepRefusal` says why a step is not allowed now (the workflow's update
 * validator and the API's list of open steps both read it); `applyStep` changes the state and
 * returns the effects the workflow runs as activities. No I/O, no clock but the one passed in.
 */
import { addDays, isoWeekYear, mondayOfIsoWeek } from '../dates';
import { distributionPreconditions, anonymisedProfile } from '../distribution';
import { assessEligibility, renewalDateProblem } from '../eligibility';
import { fullName, isUnaccompaniedMinorCase, kindergartenAgeChildren, schoolAgeChildren } from '../household';
import { arrivalProblem, travelPlan } from '../moving';
import { missingForDistribution } from '../settlement-info';
import type { StepData, StepName } from '../steps.schema';
import { notify } from './effects';
import { agreedMunicipality, arrivedDufNumbers, closeCase, enterInterviewStage, restartGoalClock, settleArrived, centreOf } from './lifecycle';
import { refusalStarted } from './refusal';
import {
  BEFORE_AGREEMENT,
  FINAL_STAGES,
  LIMITS,
  closeDeadline,
  enterStage,
  isOpen,
  mergeSettlementInfo,
  openDeadline,
  record,
  type Actor,
  type CaseState,
  type Change,
  type Clock,
  type Role,
  type Stage,
} from './state';

/** R-DIST-3: how long IMDi gives a municipality to answer an offer (our choice; the sources name none). */
export const OFFER_ANSWER_DAYS = 14;

/** A place a step must reserve in a municipality's decided number before it applies (R-DIST-2). */
export type PlaceNeeded = { municipalityNumber: string; municipalityName: string; year: number; persons: number };

type StepRule<S extends StepName> = {
  roles: readonly Role[];
  rule: string;
  /** The reason the step is not allowed now, or undefined when it is. */
  refuse: (state: CaseState, data: StepData<S>, actor: Actor, clock: Clock) => string | undefined;
  /** Reserved before `apply`; when the municipality is full, the step is refused with its answer. */
  place?: (state: CaseState, data: StepData<S>) => PlaceNeeded | undefined;
  /** Changes the state; returns the timeline text of the step (bokmål). */
  apply: (state: CaseState, data: StepData<S>, actor: Actor, clock: Clock, change: Change) => string;
  /** Who may read the step's timeline entry (internal notes: IMDi only, R-REG-3). */
  audience?: 'case' | 'imdi';
};

const STAGE_NAMES: Record<Stage, string> = {
  waiting_for_renewal: 'venter på første fornyelse',
  interview: 'bosettingssamtale',
  preparing: 'klargjøring',
  distribution: 'utsøking av kommune',
  agreed: 'avtalt bosetting',
  moving: 'flytting',
  refusal: 'bosettingsnekt',
  settled: 'bosatt',
  closed: 'avsluttet',
  refused: 'ikke i målgruppen',
};

export function stageName(stage: Stage): string {
  return STAGE_NAMES[stage];
}

function inStages(state: CaseState, stages: readonly Stage[], what: string): string | undefined {
  return stages.includes(state.stage)
    ? undefined
    : `${what} kan bare gjøres når saken er i ${stages.map((s) => `«${STAGE_NAMES[s]}»`).join(' eller ')}; saken er i «${STAGE_NAMES[state.stage]}».`;
}

function notFinal(state: CaseState): string | undefined {
  return FINAL_STAGES.includes(state.stage) ? `Saken er ${STAGE_NAMES[state.stage]}; ingen flere steg kan tas.` : undefined;
}

/** R-DIST-1, R-REG-2, R-REG-5: what must hold before a case can be offered or agreed anywhere. */
function distributionBlocked(state: CaseState, clock: Clock): string | undefined {
  const unmet = distributionPreconditions({
    eligibility: state.eligibility,
    interviewCompleted: state.interview !== undefined || state.permit.permitType === 'resettlement',
    competenceMapping: state.competenceMapping.status,
    missingInfo: missingForDistribution(state.settlementInfo, state.permit.permitType, {
      household: { persons: state.permit.persons, onDate: clock.today },
      declinedInformation: state.interview?.record.declinedInformation,
    }),
  });
  return unmet.length ? `Saken kan ikke sendes til kommuner ennå: ${unmet.map((u) => u.message).join('; ')}` : undefined;
}

function pendingOffer(state: CaseState) {
  return state.offers.find((o) => o.status === 'pending');
}

export const STEPS: { [S in StepName]: StepRule<S> } = {
  registerFirstRenewal: {
    roles: ['udi', 'imdi'],
    rule: 'R-ELIG-2',
    refuse: (state, { renewalDate }, _actor, clock) =>
      inStages(state, ['waiting_for_renewal'], 'Første fornyelse') ?? renewalDateProblem({ permitDate: state.permit.permitDate, renewalDate, today: clock.today }),
    apply: (state, { renewalDate }, _actor, clock, change) => {
      state.renewalDate = renewalDate;
      // R-ELIG-2: eligibility is assessed again with the renewal; the goal clock starts from it.
      state.eligibility = assessEligibility({ ...state.permit, firstRenewalDate: renewalDate });
      restartGoalClock(state, renewalDate, clock);
      enterInterviewStage(state, renewalDate, clock, change);
      return `Første fornyelse innvilget ${renewalDate}: bosettingssamtalen kan holdes`;
    },
  },
  recordSettlementInfo: {
    roles: ['mottak', 'imdi'],
    rule: 'R-REG-2',
    refuse: (state, _data, actor) =>
      state.interview
        ? 'Bosettingssamtalen er gjennomført og opplysningene er låst (R-INT-6): legg til et internt notat med rettelsene i stedet.'
        : actor.role === 'imdi' && state.permit.permitType !== 'resettlement'
          ? 'IMDi registrerer bosettingsopplysninger bare for overføringsflyktninger; for andre gjør mottaket det.'
          : inStages(state, ['waiting_for_renewal', 'interview', 'preparing'], 'Bosettingsopplysninger'),
    apply: (state, info) => {
      state.settlementInfo = info;
      openFunctionReportDeadlineIfNeeded(state);
      return 'Bosettingsrelevante opplysninger registrert';
    },
  },
  completeInterview: {
    roles: ['mottak'],
    rule: 'R-INT-2',
    refuse: (state) => inStages(state, ['interview'], 'Bosettingssamtalen'),
    apply: (state, record, actor, clock) => {
      state.interview = { completedAt: clock.now, completedBy: actor, record };
      state.frozenSettlementInfo = state.settlementInfo;
      closeDeadline(state, 'R-INT-2', 'met', clock);
      enterStage(state, 'preparing', clock);
      return 'Bosettingssamtalen er gjennomført; opplysningene er nå låst (R-INT-6)';
    },
  },
  addInternalNote: {
    roles: ['mottak', 'imdi'],
    rule: 'R-INT-6',
    audience: 'imdi',
    refuse: (state) => notFinal(state),
    apply: (state, { text, riskToSelfOrOthers, correctedSettlementInfo }, actor, clock, change) => {
      state.internalNotes.push({ at: clock.now, by: actor, text, riskToSelfOrOthers });
      state.internalNotesTotal += 1;
      if (state.internalNotes.length > LIMITS.internalNotes) state.internalNotes.splice(0, state.internalNotes.length - LIMITS.internalNotes);
      let corrected = '';
      if (correctedSettlementInfo) {
        // R-INT-6: only the named fields change; the frozen original stays as it was.
        const { merged, fields } = mergeSettlementInfo(state.settlementInfo, correctedSettlementInfo);
        state.settlementInfo = merged;
        state.corrections.push({ at: clock.now, by: actor, fields });
        if (state.corrections.length > LIMITS.corrections) state.corrections.shift();
        openFunctionReportDeadlineIfNeeded(state);
        record(state, change, clock, { kind: 'note', text: `Bosettingsopplysninger rettet: ${Object.keys(fields).join(', ')}`, rule: 'R-INT-6', actor, audience: 'imdi', details: { fields } });
        corrected = ' med rettede bosettingsopplysninger';
      }
      // R-INT-6: the note alerts IMDi. R-REG-3: the risk stays in the note; the alert only says there is one.
      change.effects.push(notify('R-INT-6', 'internal-note', { kind: 'imdi', id: 'imdi' }, { note: { text, riskToSelfOrOthers }, writtenBy: `${actor.id} (${actor.role})` }));
      return `Internt notat${corrected}; IMDi varslet`;
    },
  },
  recordCompetenceMapping: {
    roles: ['kommune', 'mottak', 'imdi'],
    rule: 'R-HOST-1',
    refuse: (state, _data, actor) =>
      state.competenceMapping.status !== 'pending'
        ? `Kompetansekartleggingen er allerede registrert (${state.competenceMapping.status === 'done' ? 'gjennomført' : 'ikke aktuell'}).`
        : actor.role === 'kommune' && actor.organisation !== state.permit.hostMunicipality.municipalityNumber
          ? `Kartleggingen registreres av vertskommunen ${state.permit.hostMunicipality.name}.`
          : notFinal(state),
    apply: (state, mapping, _actor, clock) => {
      state.competenceMapping = mapping.status === 'done' ? { status: 'done', doneOn: mapping.doneOn } : { status: 'not_applicable', reason: mapping.reason };
      closeDeadline(state, 'R-HOST-1', mapping.status === 'done' ? 'met' : 'not_applicable', clock);
      return mapping.status === 'done' ? `Kompetansekartlegging gjennomført ${mapping.doneOn}` : `Kompetansekartlegging ikke aktuell: ${mapping.reason}`;
    },
  },
  recordNorwegianTraining: {
    roles: ['kommune', 'mottak'],
    rule: 'R-HOST-2',
    refuse: (state, _data, actor) =>
      state.norwegianTraining.status !== 'pending'
        ? `Norskopplæringen er allerede registrert (${state.norwegianTraining.status === 'offered' ? 'tilbudt' : 'ikke aktuell'}).`
        : actor.role === 'kommune' && actor.organisation !== state.permit.hostMunicipality.municipalityNumber
          ? `Norskopplæringen registreres av vertskommunen ${state.permit.hostMunicipality.name}.`
          : notFinal(state),
    apply: (state, { offeredOn }, _actor, clock) => {
      state.norwegianTraining = { status: 'offered', offeredOn };
      closeDeadline(state, 'R-HOST-2', 'met', clock);
      return `Opplæring i norsk tilbudt ${offeredOn}`;
    },
  },
  recordFunctionReport: {
    roles: ['mottak'],
    rule: 'R-REG-6',
    refuse: (state) =>
      state.settlementInfo.fromSpecialUnit.answer !== 'yes'
        ? 'Funksjonsrapporter gjelder beboere i tilrettelagt avdeling; saken har ingen.'
        : inStages(state, ['waiting_for_renewal', 'interview', 'preparing', 'distribution', 'agreed'], 'Funksjonsrapporten'),
    apply: (state, report, _actor, clock) => {
      state.functionReports.push(report);
      if (state.functionReports.length > LIMITS.corrections) state.functionReports.shift();
      const current = state.deadlines.find((d) => d.rule === 'R-REG-6' && isOpen(d));
      if (current) closeDeadline(state, current.id, 'met', clock);
      openDeadline(state, 'R-REG-6', report.recordedOn, `R-REG-6#${state.deadlines.filter((d) => d.rule === 'R-REG-6').length + 1}`);
      return report.outcome === 'no_change' ? 'Funksjonsrapport: ingen endring' : 'Oppdatert funksjonsrapport sendt til IMDi';
    },
  },
  offerToMunicipality: {
    roles: ['imdi'],
    rule: 'R-DIST-1',
    refuse: (state, { municipalityNumber }, _actor, clock) => {
      if (state.agreement) return `Beboeren får bare ett tilbud (R-DIST-4): saken er allerede avtalt med ${state.agreement.municipalityName}.`;
      const pending = pendingOffer(state);
      if (pending) return `Saken er allerede sendt til ${pending.municipalityName}; den sendes til én kommune om gangen (R-DIST-3).`;
      if (state.offers.some((o) => o.municipalityNumber === municipalityNumber && o.status === 'declined')) {
        return `Kommune ${municipalityNumber} har allerede sagt nei til denne saken.`;
      }
      return inStages(state, ['preparing', 'distribution'], 'Å sende saken til en kommune') ?? distributionBlocked(state, clock);
    },
    apply: (state, { municipalityNumber, municipalityName }, actor, clock, change) => {
      state.offers.push({ municipalityNumber, municipalityName, offeredAt: clock.now, offeredBy: actor, status: 'pending' });
      enterStage(state, 'distribution', clock);
      // R-DIST-3: the municipality sees only the anonymised profile until it accepts.
      const profile = anonymisedProfile({ permit: state.permit, settlementInfo: state.settlementInfo, declinedInformation: state.interview?.record.declinedInformation, onDate: clock.today });
      change.effects.push(notify('R-DIST-3', 'distribution-offer', { kind: 'municipality', id: municipalityNumber }, { profile, respondBy: addDays(clock.today, OFFER_ANSWER_DAYS) }));
      return `Sendt til ${municipalityName} (${municipalityNumber})`;
    },
  },
  respondToOffer: {
    roles: ['kommune'],
    rule: 'R-DIST-2',
    refuse: (state, _response, actor) => {
      const pending = pendingOffer(state);
      if (!pending) return `Saken har ikke noe åpent tilbud å svare på; den er i «${STAGE_NAMES[state.stage]}».`;
      if (actor.organisation !== pending.municipalityNumber) return `Saken er sendt til ${pending.municipalityName}, ikke til kommune ${actor.organisation ?? '(ingen)'}.`;
      return undefined;
    },
    place: (state, response) => {
      const pending = pendingOffer(state);
      if (response.decision !== 'accept' || !pending) return undefined;
      return { municipalityNumber: pending.municipalityNumber, municipalityName: pending.municipalityName, year: isoWeekYear(response.expectedSettlementWeek), persons: state.permit.persons.length };
    },
    apply: (state, response, actor, clock, change) => {
      const offer = pendingOffer(state)!;
      if (response.decision === 'decline') {
        Object.assign(offer, { status: 'declined', decidedAt: clock.now, decidedBy: actor, declineReason: response.reason });
        record(state, change, clock, { kind: 'step', text: `${offer.municipalityName} sa nei: ${response.reason}`, rule: 'R-DIST-2', actor, audience: 'imdi' });
        return `${offer.municipalityName} svarte på tilbudet`;
      }
      Object.assign(offer, { status: 'accepted', decidedAt: clock.now, decidedBy: actor });
      agree(state, { kind: 'distribution', municipalityNumber: offer.municipalityNumber, municipalityName: offer.municipalityName, expectedSettlementWeek: response.expectedSettlementWeek }, clock, change);
      return `${offer.municipalityName} sa ja; forventet bosetting uke ${response.expectedSettlementWeek}`;
    },
  },
  agreeSelfSettlement: {
    roles: ['imdi'],
    rule: 'R-MOVE-7',
    refuse: (state, _data, _actor, clock) => {
      const pending = pendingOffer(state);
      if (pending) return `Saken er sendt til ${pending.municipalityName}; vent på svaret først.`;
      // R-MOVE-7: the same preconditions as an offer (R-DIST-1, R-REG-2, R-REG-5).
      return inStages(state, ['preparing', 'distribution'], 'Avtalt selvbosetting') ?? distributionBlocked(state, clock);
    },
    place: (state, { municipalityNumber, municipalityName, expectedSettlementWeek }) => ({
      municipalityNumber,
      municipalityName,
      year: isoWeekYear(expectedSettlementWeek),
      persons: state.permit.persons.length,
    }),
    apply: (state, { municipalityNumber, municipalityName, expectedSettlementWeek }, _actor, clock, change) => {
      agree(state, { kind: 'self_settlement', municipalityNumber, municipalityName, expectedSettlementWeek }, clock, change);
      return `Avtalt selvbosetting i ${municipalityName}, uke ${expectedSettlementWeek}`;
    },
  },
  recordUnaccompaniedMinorPlans: {
    roles: ['mottak'],
    rule: 'R-EM-1',
    refuse: (state) => {
      if (!isUnaccompaniedMinorCase(state.permit.persons)) return 'Bare enslige mindreårige har kartleggingsplan og tiltaksplan som skal sendes.';
      if (state.unaccompaniedMinorPlans) return `Planene ble allerede sendt ${state.unaccompaniedMinorPlans.sentOn}.`;
      return inStages(state, ['agreed', 'moving'], 'Å sende planene');
    },
    apply: (state, { sentOn }, _actor, clock) => {
      state.unaccompaniedMinorPlans = { sentOn };
      closeDeadline(state, 'R-EM-1', 'met', clock);
      return `Kartleggingsplan og tiltaksplan (IKTP), signert, sendt til kommunen ${sentOn}`;
    },
  },
  agreeMovingDate: {
    roles: ['mottak', 'kommune'],
    rule: 'R-MOVE-1',
    refuse: (state, { movingDate }, actor, clock) =>
      inStages(state, ['agreed', 'moving', 'refusal'], 'Flyttedato') ??
      (actor.role === 'kommune' && actor.organisation !== state.agreement?.municipalityNumber ? 'Bare bosettingskommunen avtaler flyttedatoen med mottaket.' : undefined) ??
      (movingDate < clock.today ? `Flyttedatoen ${movingDate} er passert.` : undefined),
    apply: (state, { movingDate, travel }, actor, clock, change) => {
      const resumed = state.stage === 'refusal';
      state.moving = { movingDate, travel: travelPlan(travel), agreedBy: actor };
      if (resumed && state.refusal) state.refusal.outcome = 'moved'; // R-REF-6: moving at any step ends the refusal
      enterStage(state, 'moving', clock);
      if (isUnaccompaniedMinorCase(state.permit.persons)) sendMovingNotices(state, movingDate, change);
      return `${resumed ? 'Beboeren flytter likevel; bosettingsnekten er avsluttet. ' : ''}Flyttedato avtalt: ${movingDate}`;
    },
  },
  registerRefusal: {
    roles: ['mottak'],
    rule: 'R-REF-2',
    refuse: (state, { refusedOn }, _actor, clock) =>
      inStages(state, ['agreed', 'moving'], 'Bosettingsnekt') ?? (refusedOn > clock.today ? `Nekten (${refusedOn}) kan ikke være fram i tid.` : undefined),
    apply: (state, { refusedOn, moveDeadline }, _actor, clock, change) => {
      enterStage(state, 'refusal', clock);
      refusalStarted(state, { refusedOn, moveDeadline }, clock, change);
      return `Beboeren takket nei til bosettingstilbudet; frist for å flytte ${moveDeadline}`;
    },
  },
  endRefusal: {
    roles: ['udi', 'mottak'],
    rule: 'R-REF-6',
    refuse: (state, { outcome }) =>
      inStages(state, ['refusal'], 'Å avslutte bosettingsnekten') ??
      (outcome === 'evicted' && (state.refusal?.step ?? 0) < 3 ? 'En utkastelse følger begjæringen til namsmannen (trinn 3), som ikke er sendt.' : undefined),
    apply: (state, { outcome, on }, _actor, clock, change) => {
      state.refusal!.outcome = outcome;
      closeCase(state, outcome === 'evicted' ? 'Kastet ut etter bosettingsnekt' : 'Forlot mottaket etter bosettingsnekt', 'R-REF-6', on, clock, change);
      return `Bosettingsnekten avsluttet: ${outcome === 'evicted' ? 'utkastet' : 'flyttet ut'}`;
    },
  },
  registerDeparture: {
    roles: ['mottak'],
    rule: 'R-MOVE-4',
    refuse: (state, { reason }) => {
      const final = notFinal(state);
      if (final) return final;
      if (reason === 'agreed_settlement' && state.stage !== 'moving') return `Utflytting til avtalt bosetting krever en avtalt flyttedato; saken er i «${STAGE_NAMES[state.stage]}».`;
      return undefined;
    },
    apply: (state, departure, _actor, clock, change) => {
      state.departure = departure;
      if (departure.reason === 'agreed_settlement') return `Flyttet ut ${departure.date} til avtalt bosetting (R-MOVE-4)`;
      if (BEFORE_AGREEMENT.includes(state.stage)) {
        // R-MOVE-6: moving out before IMDi reached an agreement closes the case as self-established.
        const reason =
          departure.reason === 'left_norway'
            ? 'Forlot Norge før bosetting'
            : 'Bosatt på eget initiativ; ikke noe tilbud, retten til introduksjonsprogram kan falle bort';
        closeCase(state, reason, departure.reason === 'left_norway' ? 'R-MOVE-5' : 'R-MOVE-6', departure.date, clock, change);
        return reason;
      }
      if (departure.reason === 'left_norway') {
        // R-MOVE-5: IMDi hears the same day, also when the resident means to come back in time.
        change.effects.push(notify('R-MOVE-5', 'departure-abroad', { kind: 'imdi', id: 'imdi' }, { departedOn: departure.date, agreedMunicipality: agreedMunicipality(state), intendsToReturn: departure.intendsToReturn ? 'yes' : 'no' }));
        if (departure.intendsToReturn) return `Forlot Norge ${departure.date}, vil komme tilbake før avtalt uke; IMDi varslet`;
      }
      if (state.refusal && !state.refusal.outcome) state.refusal.outcome = 'left';
      closeCase(state, `Forlot mottaket etter avtalen (${departure.reason})`, 'R-MOVE-5', departure.date, clock, change);
      return `Utflytting registrert: ${departure.reason}`;
    },
  },
  confirmArrival: {
    roles: ['kommune'],
    rule: 'R-MOVE-3',
    refuse: (state, { arrivedOn, members }, actor, clock) => {
      const stage = inStages(state, ['agreed', 'moving', 'refusal'], 'Mottak i kommunen');
      if (stage) return stage;
      if (actor.organisation !== state.agreement?.municipalityNumber) return `Bare ${state.agreement?.municipalityName ?? 'bosettingskommunen'} bekrefter ankomsten.`;
      const dateProblem = arrivalProblem({ permitDate: state.permit.permitDate, agreedMovingDate: state.moving?.movingDate, arrivedOn, today: clock.today });
      if (dateProblem) return dateProblem;
      const arrived = arrivedDufNumbers(state);
      for (const duf of members ?? []) {
        if (!state.permit.persons.some((p) => p.dufNumber === duf)) return `DUF-nummer ${duf} hører ikke til husstanden.`;
        if (arrived.has(duf)) return `Personen med DUF-nummer ${duf} er allerede registrert som ankommet.`;
      }
      return undefined;
    },
    apply: (state, { arrivedOn, allMembersArrived, members }, actor, clock, change) => {
      const arrived = arrivedDufNumbers(state);
      const now = allMembersArrived
        ? state.permit.persons.map((p) => p.dufNumber).filter((duf) => !arrived.has(duf))
        : (members ?? []);
      if (state.refusal && !state.refusal.outcome) state.refusal.outcome = 'moved';
      state.arrivals.push({ arrivedOn, dufNumbers: now, confirmedBy: actor });
      return settleArrived(state, arrivedOn, now, clock, change);
    },
  },
  closeTask: {
    roles: ['mottak', 'imdi', 'kommune'],
    rule: 'manual-delivery', // a message that could not be delivered is a person's task
    refuse: (state, { taskId }) =>
      state.deadlines.some((d) => d.id === taskId && d.id.startsWith('delivery#') && isOpen(d))
        ? undefined
        : `Det finnes ingen åpen oppgave ${taskId} å lukke; frister lukkes ved å gjøre steget sitt.`,
    apply: (state, { taskId, note }, _actor, clock) => {
      closeDeadline(state, taskId, 'met', clock);
      return `Oppgave ${taskId} utført: ${note}`;
    },
  },
};

export const stepNames = Object.keys(STEPS) as StepName[];

/** Why `actor` may not take `step` now — the role first, then the case's rule; undefined when allowed. */
export function stepRefusal<S extends StepName>(state: CaseState, step: S, data: StepData<S>, actor: Actor, clock: Clock): string | undefined {
  const rule = STEPS[step] as StepRule<S>;
  if (!rule.roles.includes(actor.role as Role)) return `Rollen «${actor.role}» kan ikke ta dette steget; det kan: ${rule.roles.join(', ')}.`;
  return rule.refuse(state, data, actor, clock);
}

export function placeNeeded<S extends StepName>(state: CaseState, step: S, data: StepData<S>): PlaceNeeded | undefined {
  return (STEPS[step] as StepRule<S>).place?.(state, data);
}

/** Applies an allowed step: the state changes in place; the change lists its timeline entries and effects. */
export function applyStep<S extends StepName>(state: CaseState, step: S, data: StepData<S>, actor: Actor, clock: Clock, change: Change, place?: PlaceNeeded): string {
  const rule = STEPS[step] as StepRule<S>;
  const text = rule.apply(state, data, actor, clock, change);
  if (place && state.agreement) Object.assign(state.agreement, { reservedPersons: place.persons, reservedYear: place.year });
  state.version += 1;
  record(state, change, clock, { kind: 'step', text, rule: rule.rule, actor, audience: rule.audience });
  return text;
}

/**
 * The steps a caller could take, each with whether it is open now and why not — read from STEPS,
 * so the workbench offers exactly what the workflow will accept. Steps whose refusal depends on the
 * body (e.g. a date) are judged on the case alone: `needsInput` says the body is checked on submit.
 */
export function availableSteps(state: CaseState, actor: Actor, clock: Clock): { step: StepName; rule: string; open: boolean; reason?: string }[] {
  return stepNames
    .filter((step) => STEPS[step].roles.includes(actor.role as Role))
    .map((step) => {
      const reason = caseRefusal(state, step, actor, clock);
      return { step, rule: STEPS[step].rule, open: reason === undefined, ...(reason ? { reason } : {}) };
    });
}

/** A step's refusal from the case alone, with a neutral body (dates of today, first candidate ids). */
function caseRefusal(state: CaseState, step: StepName, actor: Actor, clock: Clock): string | undefined {
  const probe: Record<string, unknown> = {
    renewalDate: clock.today,
    movingDate: clock.today,
    refusedOn: clock.today,
    moveDeadline: clock.today,
    arrivedOn: clock.today,
    allMembersArrived: true,
    reason: 'other',
    outcome: 'left',
    taskId: state.deadlines.find((d) => d.id.startsWith('delivery#') && isOpen(d))?.id ?? '',
    decision: 'decline',
  };
  if (step === 'registerFirstRenewal' && state.stage === 'waiting_for_renewal') return undefined;
  if (step === 'closeTask' && !probe.taskId) return 'Saken har ingen åpne oppgaver å lukke.';
  return stepRefusal(state, step, probe as never, actor, clock);
}

/** R-DIST-7, R-DIST-4, R-EM-1, R-EM-2, R-ARR-4, R-ARR-5: what follows an agreement. */
function agree(state: CaseState, agreement: Omit<NonNullable<CaseState['agreement']>, 'agreedAt' | 'reservedPersons' | 'reservedYear'>, clock: Clock, change: Change): void {
  state.agreement = { ...agreement, agreedAt: clock.now, reservedPersons: 0, reservedYear: isoWeekYear(agreement.expectedSettlementWeek) };
  enterStage(state, 'agreed', clock);
  const municipality = agreedMunicipality(state);
  const { expectedSettlementWeek } = agreement;
  const { permit } = state;
  const centre = centreOf(state);
  if (centre) {
    change.effects.push(notify('R-DIST-7', 'distribution-accepted', centre, { municipality, expectedSettlementWeek }));
    // R-DIST-7: the sources disagree whether the resident is told the week; the letter leaves it out.
    change.effects.push(
      notify('R-DIST-7', 'settlement-decision', { kind: 'resident', id: state.caseId }, {
        municipality,
        householdMembers: permit.persons.map((p) => ({ name: fullName(p), dufNumber: p.dufNumber, dateOfBirth: p.dateOfBirth })),
        receptionCentre: permit.receptionCentre!,
      }),
    );
  }
  const onDate = mondayOfIsoWeek(expectedSettlementWeek);
  const child = (p: (typeof permit.persons)[number]) => ({ name: fullName(p), dateOfBirth: p.dateOfBirth });
  const pupil = (p: (typeof permit.persons)[number]) => ({ ...child(p), languages: p.languages });
  const pupils = schoolAgeChildren(permit.persons, onDate);
  if (pupils.length) change.effects.push(notify('R-ARR-4', 'school-assignment', { kind: 'school', id: municipality.number }, { children: pupils.map(pupil), municipality, expectedSettlementWeek }));
  const toddlers = kindergartenAgeChildren(permit.persons, onDate);
  if (toddlers.length) change.effects.push(notify('R-ARR-5', 'kindergarten-assignment', { kind: 'kindergarten', id: municipality.number }, { children: toddlers.map(pupil), municipality, expectedSettlementWeek }));
  if (isUnaccompaniedMinorCase(permit.persons)) {
    openDeadline(state, 'R-EM-1', onDate); // counts back from the Monday of the expected week
    // R-EM-2: the representative hears of the planned move as soon as possible.
    for (const minor of permit.persons.filter((p) => p.unaccompaniedMinor)) {
      change.effects.push(notify('R-EM-2', 'em-moving-notice', { kind: 'guardian', id: state.caseId }, { minor: child(minor), municipality, expectedSettlementWeek }));
    }
  }
}

/** R-EM-2: the centre's moving notices by post to the county governor and the school. */
function sendMovingNotices(state: CaseState, movingDate: string, change: Change): void {
  const municipality = agreedMunicipality(state);
  for (const minor of state.permit.persons.filter((p) => p.unaccompaniedMinor)) {
    const notice = { minor: { name: fullName(minor), dateOfBirth: minor.dateOfBirth }, municipality, movingDate };
    change.effects.push(notify('R-EM-2', 'em-moving-notice', { kind: 'county_governor', id: municipality.number }, notice));
    change.effects.push(notify('R-EM-2', 'em-moving-notice', { kind: 'school', id: municipality.number }, notice));
  }
}

/** R-REG-6: residents of a special care unit owe a function report every 6 months while waiting. */
export function openFunctionReportDeadlineIfNeeded(state: CaseState): void {
  if (state.settlementInfo.fromSpecialUnit.answer !== 'yes') return;
  if (state.deadlines.some((d) => d.rule === 'R-REG-6' && isOpen(d))) return;
  const last = state.functionReports.at(-1)?.recordedOn ?? state.createdAt.slice(0, 10);
  openDeadline(state, 'R-REG-6', last, `R-REG-6#${state.deadlines.filter((d) => d.rule === 'R-REG-6').length + 1}`);
}

