/**
 * Deadlines as data: one policy per rule id, read by the workflow to set timers and by the
 * supervisors' views to explain them.
 *
 * domain.md says "remind before" without a number. Chosen lead times, by length of the deadline:
 *  - 8–14 days → remind 3 days before (time to book an interpreter or a meeting);
 *  - 3 months → 14 days before;
 *  - 6 and 13 months → 1 month before;
 *  - the same day (R-MOVE-4, R-MOVE-5) → no reminder.
 * At the due date an unmet deadline is overdue and goes to `escalateTo` (empty where the source
 * names no one: it is then only flagged overdue).
 */
import { addDays, addMonths, mondayOfIsoWeek, type IsoDate, type IsoWeekString } from './dates';
import { adults } from './household';
import { DAYS_FROM_STEP_1_TO_STEP_2 } from './refusal';
import type { PermitType, Person } from './permit';

/** A length of time; months are calendar months (see addMonths). Negative = before the start. */
export type Period = { days: number } | { months: number };

export type DeadlinePolicy = {
  title: string;
  description: string;
  /** The event the deadline counts from. */
  starts: string;
  due: Period;
  remindBefore?: Period;
  /** Who is responsible for meeting it. */
  responsible: string;
  escalateTo: readonly string[];
  /** For recurring duties: the next one is due this long after the previous was met. */
  repeatEvery?: Period;
};

export const deadlinePolicies = {
  'R-INT-2': {
    title: 'Bosettingssamtale gjennomført',
    description: 'The settlement interview (bosettingssamtale) is held within 14 days of the case being created.',
    starts: 'case created',
    due: { days: 14 },
    remindBefore: { days: 3 },
    responsible: 'reception centre (bosettingsansvarlig)',
    escalateTo: ['reception centre leader', 'UDI regional office'],
  },
  'R-HOST-1': {
    title: 'Kompetansekartlegging gjennomført',
    description:
      'The host municipality maps the competence (kompetansekartlegging) of adults with individual protection within 14 days ' +
      'of the permit decision date. The centre reminds the host municipality; if still not done, IMDi is contacted.',
    starts: 'permit decision date (vedtaksdato)',
    due: { days: 14 },
    remindBefore: { days: 3 },
    responsible: 'host municipality (vertskommune)',
    escalateTo: ['IMDi'],
  },
  'R-HOST-2': {
    title: 'Opplæring i norsk og samfunnskunnskap tilbudt',
    description:
      'Training in Norwegian and social studies is offered as soon as possible and within 3 months after the right and duty ' +
      'arises (individual protection only; collective protection has no right before settlement).',
    starts: 'permit decision date (the right and duty arises)',
    due: { months: 3 },
    remindBefore: { days: 14 },
    responsible: 'host municipality (vertskommune)',
    escalateTo: [],
  },
  'R-EM-1': {
    title: 'Kartleggingsplan og tiltaksplan (IKTP) sendt til kommunen',
    description:
      'For an unaccompanied minor, the mapping plan and action plan (IKTP), reviewed and signed by the minor and the ' +
      'representative or guardian, reach the municipality at the latest 2 weeks before the expected settlement week.',
    starts: 'Monday of the expected settlement week',
    due: { days: -14 },
    remindBefore: { days: 7 },
    responsible: 'reception centre (bosettingsansvarlig)',
    escalateTo: ['IMDi'],
  },
  // R-REF-3..5: the refusal steps as deadlines on the case, so /v1/deadlines shows them. Their dates
  // come from refusalSchedule (domain/refusal.ts); `due` here is each step's earliest date counted
  // from the step before, and refusalSchedule never gives an earlier one.
  'R-REF-3': {
    title: 'Trinn 1: brev om konsekvenser av bosettingsnekt og varsel om stans i basis',
    description:
      "Step 1 (Vedlegg 7): when IMDi has told UDI the resident's deadline to move, UDI writes to each adult on the consequences " +
      "of not moving by IMDi's deadline and gives notice that the basic allowance will stop (stop applies to adults, never children).",
    starts: 'refusal registered (IMDi sets the move deadline)',
    due: { days: 0 },
    responsible: 'UDI',
    escalateTo: [],
  },
  'R-REF-4': {
    title: 'Trinn 2: varsel om utkastelse og stans i basis',
    description:
      "Step 2: if the resident has not moved by IMDi's deadline — and at the earliest 14 days after step 1 (2.9.1) — the centre tells " +
      'UDI and IMDi; UDI sends the notice of eviction (the right to a place has run out), the basic allowance stops, and IMDi asks ' +
      'the municipality again to keep the offer open.',
    starts: 'step 1 letter sent by UDI',
    due: { days: DAYS_FROM_STEP_1_TO_STEP_2 },
    remindBefore: { days: 3 },
    responsible: 'resident (the centre follows up)',
    escalateTo: ['UDI regional office', 'IMDi'],
  },
  'R-REF-5': {
    title: 'Trinn 3: begjæring om tvangsfravikelse sendt til namsmannen',
    description:
      'Step 3: UDI sends the request for forced eviction to the bailiff at the same time as the notice of eviction ' +
      '(samtidig: 2.9.1 and Vedlegg 7, Trinn 3); the bailiff takes over.',
    starts: 'step 2 notice of eviction',
    due: { days: 0 },
    responsible: 'UDI',
    escalateTo: [],
  },
  'R-REG-6': {
    title: 'Oppdatert funksjonsrapport sendt til IMDi',
    description:
      'A resident of a special care unit gets an updated function report (funksjonsrapport) to IMDi at least every 6 months ' +
      'while waiting; if nothing changed, "no change" is recorded instead.',
    starts: 'arrival at the special care unit, then the previous report',
    due: { months: 6 },
    remindBefore: { months: 1 },
    responsible: 'reception centre (special care unit)',
    escalateTo: [],
    repeatEvery: { months: 6 },
  },
  'R-MOVE-4': {
    title: 'Utflytting registrert',
    description:
      "The departure is registered on the day of travel, with reason 'Avtalt bosetting' and the new address (street, postcode, town, county).",
    starts: 'departure from the reception centre',
    due: { days: 0 },
    responsible: 'reception centre',
    escalateTo: [],
  },
  'R-MOVE-5': {
    title: 'IMDi varslet om utreise fra Norge',
    description:
      'A resident who leaves Norway after a settlement agreement is reported to IMDi the same day, also when they mean to return before the agreed week.',
    starts: 'departure from Norway',
    due: { days: 0 },
    responsible: 'reception centre',
    escalateTo: [],
  },
  'R-ARR-2': {
    title: 'Flytting meldt til Folkeregisteret',
    description: 'The refugee reports the move to the population register (Folkeregisteret) within 8 days; the refugee service helps.',
    starts: 'arrival in the municipality',
    due: { days: 8 },
    remindBefore: { days: 3 },
    responsible: 'refugee, helped by the refugee service (flyktningetjeneste)',
    escalateTo: [],
  },
  'R-ARR-4': {
    title: 'Barn i skolepliktig alder har begynt på skolen',
    description:
      'Children of school age (from the calendar year they turn 6) start school within 3 months of settlement; the refugee ' +
      'service notifies the school when the family is assigned.',
    starts: 'settlement (arrival in the municipality)',
    due: { months: 3 },
    remindBefore: { days: 14 },
    responsible: 'municipality (refugee service and school)',
    escalateTo: [],
  },
  'R-ARR-5': {
    title: 'Barnehageplass eller annet tilbud om barnepass på plass',
    description:
      'A kindergarten place, or other childcare, within 3 months of settlement and by the start of the introduction programme.',
    starts: 'settlement (arrival in the municipality)',
    due: { months: 3 },
    remindBefore: { days: 14 },
    responsible: 'municipality (refugee service and kindergarten)',
    escalateTo: [],
  },
  'R-ARR-8': {
    title: 'Første møte i det tverrfaglige teamet; individuell plan evaluert',
    description:
      'The first meeting with the interdisciplinary team is within 3 months of settlement; after that the individual plan is ' +
      'evaluated at least twice a year.',
    starts: 'settlement (arrival in the municipality), then the previous evaluation',
    due: { months: 3 },
    remindBefore: { days: 14 },
    responsible: 'municipality (refugee service)',
    escalateTo: [],
    repeatEvery: { months: 6 },
  },
  'R-GRANT-3': {
    title: 'Søknad om ekstratilskudd sendt',
    description:
      'The extra grant for serious known disabilities or behavioural problems is applied for within 13 months of the first ' +
      'settlement date, after the year-1 integration grant (not for family reunification or self-settlement).',
    starts: 'settlement date (first day in the municipality)',
    due: { months: 13 },
    remindBefore: { months: 1 },
    responsible: 'municipality',
    escalateTo: [],
  },
} as const satisfies Record<string, DeadlinePolicy>;

export type DeadlineRuleId = keyof typeof deadlinePolicies;

function policyOf(ruleId: DeadlineRuleId): DeadlinePolicy {
  const policy: DeadlinePolicy | undefined = deadlinePolicies[ruleId];
  if (!policy) throw new RangeError(`no deadline policy for rule '${ruleId}'`);
  return policy;
}

export function addPeriod(date: IsoDate, period: Period, sign: 1 | -1 = 1): IsoDate {
  return 'days' in period ? addDays(date, sign * period.days) : addMonths(date, sign * period.months);
}

/** When the duty is due, counted from the policy's start event. */
export function dueDate(ruleId: DeadlineRuleId, fromDate: IsoDate): IsoDate {
  return addPeriod(fromDate, policyOf(ruleId).due);
}

/** When to remind, or undefined for same-day duties. May lie in the past: then remind at once. */
export function reminderDate(ruleId: DeadlineRuleId, fromDate: IsoDate): IsoDate | undefined {
  const { remindBefore } = policyOf(ruleId);
  return remindBefore && addPeriod(dueDate(ruleId, fromDate), remindBefore, -1);
}

/** For recurring duties (R-REG-6, R-ARR-8): the next due date after the duty was last met. */
export function nextDueDate(ruleId: DeadlineRuleId, lastMetOn: IsoDate): IsoDate {
  const { repeatEvery } = policyOf(ruleId);
  if (!repeatEvery) throw new RangeError(`rule '${ruleId}' does not recur`);
  return addPeriod(lastMetOn, repeatEvery);
}

/** R-EM-1 from the expected settlement week: the Monday of that week minus 14 days. */
export function unaccompaniedMinorPlansDueDate(expectedSettlementWeek: IsoWeekString): IsoDate {
  return dueDate('R-EM-1', mondayOfIsoWeek(expectedSettlementWeek));
}

/**
 * R-HOST-1 / R-HOST-2 apply to adults with an individual permit who live in a reception centre:
 * not to collective protection (mapping and training come after settlement) nor to resettlement
 * refugees (they come straight to the municipality). Otherwise record the mapping as not applicable.
 */
export function hostMunicipalityDutiesApply(permitType: PermitType, persons: readonly Pick<Person, 'dateOfBirth'>[], onDate: IsoDate): boolean {
  return permitType !== 'collective_protection' && permitType !== 'resettlement' && adults(persons, onDate).length > 0;
}

export type GoalClock = { goalDate: IsoDate; atRiskDate: IsoDate; rule: 'R-GOAL-1'; title: string };
export type GoalStatus = 'on_track' | 'at_risk' | 'late';
/** What the goal clock counts from: the permit date, or the first renewal for a § 38-5 ID-doubt
 *  family with children (R-ELIG-2: they enter the target group only then). */
export type GoalClockStart = 'permit' | 'first_renewal';

/**
 * R-GOAL-1: settled within 6 months of `from` (at risk from 5); an unaccompanied minor within 3
 * months (at risk from 2). `from` is the permit date — or, for an R-ELIG-2 family, the date of the
 * first renewal, since the family cannot be settled before it (pass `startsAt: 'first_renewal'` so
 * the title says so). The goal is a signal; it never closes a case.
 */
export function goalClock(from: IsoDate, unaccompaniedMinor: boolean, startsAt: GoalClockStart = 'permit'): GoalClock {
  const [goalMonths, atRiskMonths] = unaccompaniedMinor ? [3, 2] : [6, 5];
  const since = startsAt === 'first_renewal' ? 'førstegangsfornyelsen' : 'vedtaket om oppholdstillatelse';
  return {
    goalDate: addMonths(from, goalMonths),
    atRiskDate: addMonths(from, atRiskMonths),
    rule: 'R-GOAL-1',
    title: `Bosatt innen ${goalMonths} måneder etter ${since}`,
  };
}

/** R-GOAL-1: on the goal date itself the goal is still reachable (at risk); late from the day after. */
export function goalStatus(clock: Pick<GoalClock, 'goalDate' | 'atRiskDate'>, today: IsoDate): GoalStatus {
  if (today > clock.goalDate) return 'late';
  if (today >= clock.atRiskDate) return 'at_risk';
  return 'on_track';
}
