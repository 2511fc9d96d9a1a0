/**
 * The settlement case's state (bosettingssak) and the small helpers every step uses to change it.
 * Pure: no Temporal, no I/O, no zod. The workflow carries this state; the API reads it through the
 * per-role views (api/case-views.ts).
 */
import type { IsoDate, IsoInstant } from '../dates';
import { deadlinePolicies, dueDate, reminderDate, type DeadlineRuleId, type GoalStatus } from '../deadlines';
import type { EligibilityAssessment } from '../eligibility';
import type { Address, DepartureReason, TravelPlan } from '../moving';
import type { PermitGranted } from '../permit';
import type { RefusalOutcome } from '../refusal';
import type { InterviewRecord, SettlementInfo } from '../settlement-info';
import type { PersonInfo, SpecialNeeds } from '../settlement-info.schema';
import type { Effect, NotifyEffect } from './effects';

/**
 * The shape of the case's state and history. Format 2 (issue 9: pure reducers, refusal inside the
 * case, places in persons, per-role timeline) cannot replay format 1's histories nor read its state:
 * a run carries its format, and a run of another format fails with the reason (workflow), the
 * embedded data directory of another format is set aside (runtime/data-format.ts).
 */
export const DATA_FORMAT = 2;

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

export const FINAL_STAGES: readonly Stage[] = ['settled', 'closed', 'refused'];
export const BEFORE_AGREEMENT: readonly Stage[] = ['waiting_for_renewal', 'interview', 'preparing', 'distribution'];

export const roles = ['udi', 'mottak', 'imdi', 'kommune', 'supervisor'] as const;
export type Role = (typeof roles)[number];

/** Who did a staff step: taken from the caller's token by the API, never from the request body. */
export type Actor = { id: string; role: Role | 'system'; organisation?: string };

/** `missed`: the duty was done, but after its due date (R-GOAL-1: settled after the goal date). */
export type DeadlineStatus = 'open' | 'reminded' | 'overdue' | 'met' | 'missed' | 'not_applicable';

/** Who must act on a deadline or task; the inbox of that organisation lists it. */
export type Party = 'reception_centre' | 'imdi' | 'udi' | 'host_municipality' | 'municipality';

export type Deadline = {
  /** Unique within the case, e.g. R-INT-2 or R-REG-6#2 for the second function report. */
  id: string;
  rule: string;
  title: string;
  dueDate: IsoDate;
  remindDate?: IsoDate;
  status: DeadlineStatus;
  party: Party;
  closedAt?: IsoInstant;
};

/** Who may read a timeline entry: everyone with a view of the case, or IMDi (and supervisors) only. */
export type Audience = 'case' | 'imdi';

export type TimelineEntry = {
  /** 1, 2, 3 … in the order things happened; never reused (the window below drops old ones). */
  seq: number;
  at: IsoInstant;
  kind: 'case' | 'step' | 'timer' | 'notification' | 'note';
  text: string;
  rule?: string;
  actor?: Actor;
  audience: Audience;
  /** What changed, for the supervisor (e.g. a correction's before and after). */
  details?: Record<string, unknown>;
};

export type Offer = {
  municipalityNumber: string;
  municipalityName: string;
  offeredAt: IsoInstant;
  offeredBy: Actor;
  status: 'pending' | 'accepted' | 'declined';
  decidedAt?: IsoInstant;
  decidedBy?: Actor;
  declineReason?: string;
};

export type Agreement = {
  kind: 'distribution' | 'self_settlement';
  municipalityNumber: string;
  municipalityName: string;
  expectedSettlementWeek: string;
  agreedAt: IsoInstant;
  /** The persons whose places were reserved in the decided number (R-DIST-2). */
  reservedPersons: number;
  reservedYear: number;
};

export type InternalNote = { at: IsoInstant; by: Actor; text: string; riskToSelfOrOthers?: unknown };

/** R-INT-6: the fields a correction names; a person by DUF number, within it only the needs given. */
export type SettlementInfoCorrection = Partial<Omit<SettlementInfo, 'persons'>> & {
  persons?: (Partial<Omit<PersonInfo, 'specialNeeds' | 'dufNumber'>> & { dufNumber: string; specialNeeds?: Partial<SpecialNeeds> })[];
};

/** R-INT-6: one attributed correction of named settlement-information fields after the interview. */
export type Correction = { at: IsoInstant; by: Actor; fields: Record<string, { before: unknown; after: unknown }> };

/** A staff step the case applied, kept so a retry with the same Idempotency-Key applies once. */
export type AppliedStep = { key: string; step: string; actorId: string; at: IsoInstant; outcome: string; version: number };

export type CaseState = {
  caseId: string;
  permit: PermitGranted;
  stage: Stage;
  createdAt: IsoInstant;
  /** Grows by one on every change; the read model keeps only the newest version. */
  version: number;
  eligibility: EligibilityAssessment;
  /** Why the case ended, when it has (refused, closed, settled). */
  outcome?: { reason: string; rule?: string; on: IsoDate; previousMunicipality?: { municipalityNumber: string; municipalityName: string } };
  renewalDate?: IsoDate;
  interview?: { completedAt: IsoInstant; completedBy: Actor; record: InterviewRecord };
  /** The settlement information as it stands now: the frozen original with every correction merged. */
  settlementInfo: SettlementInfo;
  /** R-INT-6: the information as it was when the interview froze it. */
  frozenSettlementInfo?: SettlementInfo;
  corrections: Correction[];
  /** The newest internal notes (the full set is in the read model's timeline). */
  internalNotes: InternalNote[];
  internalNotesTotal: number;
  competenceMapping: { status: 'pending' | 'done' | 'not_applicable'; doneOn?: IsoDate; reason?: string };
  norwegianTraining: { status: 'pending' | 'offered' | 'not_applicable'; offeredOn?: IsoDate };
  functionReports: { recordedOn: IsoDate; outcome: string }[];
  /** R-GOAL-1; `startsOn` is the permit date, or the first renewal for R-ELIG-2 families. */
  goal: { startsOn: IsoDate; goalDate: IsoDate; atRiskDate: IsoDate; status: GoalStatus };
  offers: Offer[];
  agreement?: Agreement;
  unaccompaniedMinorPlans?: { sentOn: IsoDate };
  moving?: { movingDate: IsoDate; travel: TravelPlan; agreedBy: Actor };
  refusal?: {
    refusedOn: IsoDate;
    moveDeadline: IsoDate;
    step: 0 | 1 | 2 | 3;
    stepDates: { step1: IsoDate; step2: IsoDate; step3: IsoDate };
    outcome?: RefusalOutcome;
    /** R-REF-6: what the refuser loses and keeps, recorded on the case. */
    consequences: { loses: readonly string[]; keeps: readonly string[] };
  };
  departure?: { date: IsoDate; reason: DepartureReason; address?: Address; intendsToReturn?: boolean };
  /** R-MOVE-3: who arrived when; the case is settled when every member has. */
  arrivals: { arrivedOn: IsoDate; dufNumbers: string[]; confirmedBy: Actor }[];
  deadlines: Deadline[];
  /** The newest entries; every entry also goes to the read model (the full history). */
  timeline: TimelineEntry[];
  timelineTotal: number;
  /** Numbers each notification, so its id is stable across activity retries and never reused. */
  notificationsSent: number;
  /** Messages decided but not yet handed to the notifications layer (sent after the step answers). */
  outbox: { n: number; effect: NotifyEffect }[];
  appliedSteps: AppliedStep[];
};

/** Bounds on what the workflow carries (the read model keeps everything). */
export const LIMITS = { timeline: 100, internalNotes: 20, appliedSteps: 500, corrections: 50 } as const;

/** What a reducer may read besides the state: the workflow's clock. */
export type Clock = { now: IsoInstant; today: IsoDate };

/** A change of the case: the state is changed in place; what must happen outside is returned. */
export type Change = { effects: Effect[]; entries: TimelineEntry[] };

export function newChange(): Change {
  return { effects: [], entries: [] };
}

/** Records a timeline entry (kept in a bounded window; the change hands it to the read model). */
export function record(state: CaseState, change: Change, clock: Clock, entry: Omit<TimelineEntry, 'seq' | 'at' | 'audience'> & { audience?: Audience }): void {
  state.timelineTotal += 1;
  const full: TimelineEntry = { seq: state.timelineTotal, at: clock.now, audience: 'case', ...entry };
  state.timeline.push(full);
  if (state.timeline.length > LIMITS.timeline) state.timeline.splice(0, state.timeline.length - LIMITS.timeline);
  change.entries.push(full);
}

/** Who is responsible for each deadline rule the case opens. */
const PARTY: Record<string, Party> = {
  'R-INT-2': 'reception_centre',
  'R-HOST-1': 'host_municipality',
  'R-HOST-2': 'host_municipality',
  'R-REG-6': 'reception_centre',
  'R-EM-1': 'reception_centre',
  'R-GOAL-1': 'imdi',
  'R-REF-4': 'udi',
  'R-REF-5': 'udi',
};

/** A deadline of domain/deadlines.ts, counted from `from` (its policy says from what). */
export function openDeadline(state: CaseState, rule: DeadlineRuleId, from: IsoDate, id: string = rule): void {
  if (state.deadlines.some((d) => d.id === id)) return;
  state.deadlines.push({
    id,
    rule,
    title: deadlinePolicies[rule].title,
    dueDate: dueDate(rule, from),
    remindDate: reminderDate(rule, from),
    status: 'open',
    party: PARTY[rule] ?? 'imdi',
  });
}

export function isOpen(deadline: Deadline): boolean {
  return deadline.status === 'open' || deadline.status === 'reminded' || deadline.status === 'overdue';
}

export function closeDeadline(state: CaseState, id: string, status: 'met' | 'missed' | 'not_applicable', clock: Clock): void {
  const deadline = state.deadlines.find((d) => d.id === id && isOpen(d));
  if (!deadline) return;
  deadline.status = status;
  deadline.closedAt = clock.now;
}

export function openDeadlines(state: CaseState): Deadline[] {
  return state.deadlines.filter(isOpen);
}

/**
 * The stages in which each deadline rule still applies. Whenever the case changes stage, open
 * deadlines outside their stages are void (R-MOVE-7: an agreed case no longer owes an interview).
 */
const APPLIES_IN: Record<string, readonly Stage[]> = {
  'R-INT-2': ['interview'],
  'R-HOST-1': ['interview', 'preparing', 'distribution', 'agreed', 'moving', 'refusal'],
  'R-HOST-2': ['interview', 'preparing', 'distribution', 'agreed', 'moving', 'refusal'],
  'R-REG-6': ['waiting_for_renewal', 'interview', 'preparing', 'distribution', 'agreed'],
  'R-EM-1': ['agreed', 'moving'],
  'R-GOAL-1': ['waiting_for_renewal', 'interview', 'preparing', 'distribution', 'agreed', 'moving', 'refusal'],
  'R-REF-4': ['refusal'],
  'R-REF-5': ['refusal'],
};

export function enterStage(state: CaseState, stage: Stage, clock: Clock): void {
  state.stage = stage;
  for (const deadline of openDeadlines(state)) {
    const stages = APPLIES_IN[deadline.rule];
    if (stages && !stages.includes(stage)) closeDeadline(state, deadline.id, 'not_applicable', clock);
  }
}

/** R-INT-6: a partial correction changes the named fields only; persons are matched by DUF number. */
export function mergeSettlementInfo(current: SettlementInfo, correction: SettlementInfoCorrection): { merged: SettlementInfo; fields: Correction['fields'] } {
  const merged: SettlementInfo = { ...current, persons: current.persons.map((p) => ({ ...p })) };
  const fields: Correction['fields'] = {};
  for (const [key, after] of Object.entries(correction) as [keyof SettlementInfo, unknown][]) {
    if (after === undefined) continue;
    if (key === 'persons') {
        for (const person of after as NonNullable<SettlementInfoCorrection['persons']>) {
        const index = merged.persons.findIndex((p) => p.dufNumber === person.dufNumber);
        const before = index >= 0 ? merged.persons[index] : undefined;
        const { specialNeeds, ...rest } = person;
        const next = { ...(before ?? {}), ...stripUndefined(rest) } as SettlementInfo['persons'][number];
        if (specialNeeds) next.specialNeeds = { ...(before?.specialNeeds ?? {}), ...stripUndefined(specialNeeds) } as SettlementInfo['persons'][number]['specialNeeds'];
        if (index >= 0) merged.persons[index] = next;
        else merged.persons.push(next);
        fields[`persons[${person.dufNumber}]`] = { before, after: next };
      }
      continue;
    }
    fields[key] = { before: current[key], after };
    (merged as Record<string, unknown>)[key] = after;
  }
  return { merged, fields };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
