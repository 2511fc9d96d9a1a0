/**
 * One person's journey after arrival as plain data: its tasks and deadlines, the staff steps that
 * change it (each checked before it is accepted, each recorded with who, when and what), and the
 * views the municipality reads. The arrival-journey workflow holds a JourneyState and calls these
 * functions; nothing here reads a clock (today and now are passed in).
 */
import {
  arrivalPlan,
  interpreterNeedRefusal,
  interpreterRefusal,
  planEvaluation,
  type ArrivalDeadline,
  type ArrivalProfile,
  type ArrivalTask,
  type InterpreterNeed,
  type InterpreterUsed,
} from './arrival';
import { consentRefusal, describeConsent, consentStatus, withdrawalRefusal, type Consent, type ConsentStatus } from './consent';
import { ageOn, formatNorwegianDate as d, instantToDate, isValidIsoDate, type IsoDate, type IsoInstant } from './dates';
import {
  calendarYearOf,
  defaultRateBook,
  establishmentShare,
  grantApplicationId,
  describeGrant,
  grantApplicationRefusal,
  grantTimeline,
  lastSettlementYear,
  settlementYearOf,
  stipendPeriods,
  type EstablishmentShare,
  type GrantApplication,
  type GrantTimeline,
  type RateBook,
  type StipendPeriod,
} from './grants';
import { ADULT_AGE, fullName } from './household';
import type { JourneyStepInputs } from './journey.schema';

/** Who did a step (the API takes it from the caller's token). */
export type StaffRef = { id: string; role: string; organisation?: string };

/** Who did what, when: every accepted step leaves one. */
export type StepRecord = { by: StaffRef; at: IsoInstant; what: string; details?: Record<string, unknown> };

export type TaskStatus = 'open' | 'done' | 'not_applicable';
export type TaskState = ArrivalTask & { status: TaskStatus; record?: StepRecord };
export type DeadlineState = ArrivalDeadline & { remindedAt?: IsoInstant; escalatedAt?: IsoInstant };

export type JourneyState = {
  deadlines: DeadlineState[];
  tasks: TaskState[];
  interpreterNeed?: InterpreterNeed & { record: StepRecord };
  nir?: { registeredOn: IsoDate; record: StepRecord };
  programme: { startedOn?: IsoDate; endedOn?: IsoDate; endReason?: string };
  grantApplications: (GrantApplication & { record: StepRecord })[];
  /** The settlement notices (R-ARR-4..7) were sent: never again, also not after continue-as-new. */
  announced: boolean;
  /** R-PRIV-5: consents to share between municipal services. Absent in journeys started before consents existed. */
  consents?: (Consent & { record: StepRecord; withdrawal?: StepRecord })[];
};

export function startJourney(profile: ArrivalProfile): JourneyState {
  const plan = arrivalPlan(profile);
  return {
    deadlines: plan.deadlines.map((d) => ({ ...d })),
    tasks: plan.tasks.map((t) => ({ ...t, status: 'open' })),
    programme: {},
    grantApplications: [],
    announced: false,
    consents: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Staff steps

/** The staff steps of a journey; the API validates each step's body with journeyStepSchemas (journey.schema.ts). */
export const journeyStepKinds = [
  'complete_task',
  'close_task',
  'school_start',
  'kindergarten_place',
  'team_meeting',
  'plan_evaluation',
  'programme_start',
  'programme_end',
  'nir_registration',
  'grant_application',
  'interpreter_need',
  'consent',
  'consent_withdrawal',
] as const;

export type JourneyStepKind = (typeof journeyStepKinds)[number];
export type JourneyStepInput<K extends JourneyStepKind> = JourneyStepInputs[K];
export type JourneyStep = { [K in JourneyStepKind]: { kind: K; input: JourneyStepInput<K> } }[JourneyStepKind];

/** A step of `kind` with an input the API has already validated against its schema. */
export function journeyStep<K extends JourneyStepKind>(kind: K, input: JourneyStepInput<K>): JourneyStep {
  return { kind, input } as JourneyStep;
}

const openTask = (state: JourneyState, id: string) => state.tasks.find((t) => t.id === id && t.status === 'open');

// The texts below are read by the municipality's staff: bokmål, dates as dd.mm.åååå.
function describeClosed(task: TaskState): string {
  const by = task.record ? ` av ${task.record.by.id} ${d(instantToDate(task.record.at))}` : '';
  return task.status === 'done' ? `«${task.title}» er allerede utført${by}` : `«${task.title}» er allerede lukket som ikke aktuell${by}`;
}

function dateRefusal(what: string, date: IsoDate, profile: ArrivalProfile, today: IsoDate, notBefore = profile.settlementDate): string | undefined {
  if (!isValidIsoDate(date)) return `${what} («${date}») er ikke en dato på formen ÅÅÅÅ-MM-DD`;
  if (date < notBefore) return `${what} (${d(date)}) kan ikke være før ${d(notBefore)}`;
  if (date > today) return `${what} (${d(date)}) er fram i tid; registrer det når det har skjedd (i dag er ${d(today)})`;
  return undefined;
}

/** The date the plan was last made or evaluated (R-ARR-8), or undefined before the first team meeting. */
function lastPlanDate(state: JourneyState): IsoDate | undefined {
  const evaluation = state.tasks.filter((t) => t.step === 'plan_evaluation' && t.status === 'done').at(-1);
  const evaluated = evaluation?.record?.details?.evaluatedOn;
  if (typeof evaluated === 'string') return evaluated;
  const meeting = state.tasks.find((t) => t.id === 'team-meeting' && t.status === 'done');
  const held = meeting?.record?.details?.heldOn;
  return typeof held === 'string' ? held : undefined;
}

const stepTaskIds: Partial<Record<JourneyStepKind, string>> = {
  school_start: 'school-start',
  kindergarten_place: 'kindergarten-place',
  team_meeting: 'team-meeting',
};

const stepNames: Record<ArrivalTask['step'], string> = {
  checklist: 'krysse det av',
  school_start: 'registrere skolestarten',
  kindergarten_place: 'registrere barnehageplassen',
  team_meeting: 'registrere teammøtet',
  plan_evaluation: 'registrere evalueringen av planen',
  nir_registration: 'registrere personen i NIR',
  programme_start: 'registrere programstarten',
  grant_application: 'registrere tilskuddssøknaden',
};

/** Why a step is not allowed now, or undefined when it is. Every reason names its rule where one applies. */
export function stepRefusal(profile: ArrivalProfile, state: JourneyState, step: JourneyStep, today: IsoDate, book: RateBook = defaultRateBook): string | undefined {
  const name = fullName(profile.person);
  const interpreter = (used: InterpreterUsed | undefined) => (used ? interpreterRefusal(used) : undefined);

  switch (step.kind) {
    case 'complete_task':
    case 'close_task': {
      const task = state.tasks.find((t) => t.id === step.input.taskId);
      if (!task) {
        const open = state.tasks.filter((t) => t.status === 'open').map((t) => t.id);
        return `Oppfølgingen av ${name} har ingen oppgave «${step.input.taskId}»; åpne oppgaver: ${open.join(', ') || 'ingen'}`;
      }
      if (task.status !== 'open') return describeClosed(task);
      if (step.kind === 'close_task') {
        return task.step === 'nir_registration' ? 'Registreringen i NIR kan ikke lukkes som ikke aktuell: tilskuddene avhenger av den (R-GRANT-1)' : undefined;
      }
      if (task.step !== 'checklist') return `«${task.title}» fullføres ved å ${stepNames[task.step]}, ikke som et punkt på sjekklisten`;
      return interpreter(step.input.interpreter);
    }

    case 'school_start':
    case 'kindergarten_place':
    case 'team_meeting': {
      const taskId = stepTaskIds[step.kind]!;
      const task = state.tasks.find((t) => t.id === taskId);
      if (!task) {
        if (step.kind === 'school_start') return `${name} var ikke i skolealder ved bosettingen (fra kalenderåret barnet fyller 6 år) (R-ARR-4)`;
        if (step.kind === 'kindergarten_place') return `${name} var ikke i barnehagealder ved bosettingen (R-ARR-5)`;
        return `${name} var ikke voksen ved bosettingen; det tverrfaglige teamet og den individuelle planen gjelder deltakere i introduksjonsprogrammet (R-ARR-8)`;
      }
      if (task.status !== 'open') return describeClosed(task);
      if (step.kind === 'school_start') return dateRefusal('Skolestarten', step.input.startDate, profile, today);
      if (step.kind === 'kindergarten_place') return dateRefusal('Starten i barnehage eller annet tilsyn', step.input.startDate, profile, today);
      return dateRefusal('Teammøtet', step.input.heldOn, profile, today) ?? interpreter(step.input.interpreter);
    }

    case 'plan_evaluation': {
      const since = lastPlanDate(state);
      if (since === undefined) return 'Den individuelle planen lages i det første møtet i det tverrfaglige teamet; registrer det møtet først (R-ARR-8)';
      if (state.programme.endedOn !== undefined) return `Introduksjonsprogrammet ble avsluttet ${d(state.programme.endedOn)}; planen evalueres ikke lenger (R-ARR-8)`;
      if (!state.tasks.some((t) => t.step === 'plan_evaluation' && t.status === 'open')) return 'Ingen evaluering av planen er åpen (R-ARR-8)';
      return dateRefusal('Evalueringen', step.input.evaluatedOn, profile, today, since) ?? interpreter(step.input.interpreter);
    }

    case 'programme_start': {
      if (state.programme.startedOn !== undefined) return `Introduksjonsprogrammet startet allerede ${d(state.programme.startedOn)}`;
      if (!isValidIsoDate(step.input.startDate)) return dateRefusal('Programstarten', step.input.startDate, profile, today);
      if (ageOn(profile.person.dateOfBirth, step.input.startDate) < ADULT_AGE) return `${name} er under ${ADULT_AGE} år ${d(step.input.startDate)}; introduksjonsprogrammet er for voksne`;
      if (!state.nir) return 'Registrer personen i NIR først: programstarten registreres der (R-ARR-3, R-GRANT-1)';
      return dateRefusal('Programstarten', step.input.startDate, profile, today);
    }

    case 'programme_end': {
      const started = state.programme.startedOn;
      if (started === undefined) return 'Introduksjonsprogrammet har ikke startet';
      if (state.programme.endedOn !== undefined) return `Introduksjonsprogrammet ble allerede avsluttet ${d(state.programme.endedOn)}`;
      return dateRefusal('Programslutten', step.input.endedOn, profile, today, started);
    }

    case 'nir_registration':
      if (state.nir) return `${name} ble allerede registrert i NIR ${d(state.nir.registeredOn)}`;
      return dateRefusal('Registreringen i NIR', step.input.registeredOn, profile, today);

    case 'grant_application':
      return grantApplicationRefusal(step.input, profile, { nirRegistered: state.nir !== undefined, applications: state.grantApplications }, today, book);

    case 'interpreter_need':
      return interpreterNeedRefusal(step.input);

    case 'consent':
      return consentRefusal(state.consents ?? [], step.input);

    case 'consent_withdrawal':
      return withdrawalRefusal(state.consents ?? [], step.input.consentId, step.input.withdrawnOn, today);
  }
}

/**
 * Applies an allowed step (check stepRefusal first). Returns the deadlines it opened, so the
 * caller can start watching them.
 */
export function applyStep(profile: ArrivalProfile, state: JourneyState, step: JourneyStep, by: StaffRef, at: IsoInstant): ArrivalDeadline[] {
  const today = instantToDate(at);
  const opened: ArrivalDeadline[] = [];
  const record = (what: string, details?: Record<string, unknown>): StepRecord => ({ by, at, what, ...(details ? { details: compact(details) } : {}) });
  const finish = (task: TaskState | undefined, status: TaskStatus, what: string, details?: Record<string, unknown>) => {
    if (!task) return;
    task.status = status;
    task.record = record(what, details);
  };
  const openEvaluation = (lastMetOn: IsoDate) => {
    if (state.programme.endedOn !== undefined) return;
    const n = state.tasks.filter((t) => t.step === 'plan_evaluation').length + 1;
    const plan = planEvaluation(n, lastMetOn);
    state.deadlines.push(...plan.deadlines.map((d) => ({ ...d })));
    state.tasks.push(...plan.tasks.map((t) => ({ ...t, status: 'open' as const })));
    opened.push(...plan.deadlines);
  };

  switch (step.kind) {
    case 'complete_task': {
      const task = openTask(state, step.input.taskId);
      finish(task, 'done', `Utført: ${task?.title}`, { note: step.input.note, interpreter: step.input.interpreter });
      break;
    }
    case 'close_task': {
      const task = openTask(state, step.input.taskId);
      finish(task, 'not_applicable', `Lukket som ikke aktuell: ${task?.title}`, { reason: step.input.reason });
      // R-ARR-8: a skipped evaluation does not stop the next one.
      if (task?.step === 'plan_evaluation') openEvaluation(today);
      break;
    }
    case 'school_start':
      finish(openTask(state, 'school-start'), 'done', `Begynte på ${step.input.school} ${d(step.input.startDate)}`, { ...step.input });
      break;
    case 'kindergarten_place': {
      const what = step.input.kind === 'kindergarten' ? 'Barnehageplass' : 'Annet tilsyn';
      finish(openTask(state, 'kindergarten-place'), 'done', `${what} hos ${step.input.provider} fra ${d(step.input.startDate)}`, { ...step.input });
      break;
    }
    case 'team_meeting':
      finish(openTask(state, 'team-meeting'), 'done', `Første møte i det tverrfaglige teamet holdt ${d(step.input.heldOn)}`, { ...step.input });
      openEvaluation(step.input.heldOn);
      break;
    case 'plan_evaluation': {
      const task = state.tasks.find((t) => t.step === 'plan_evaluation' && t.status === 'open');
      finish(task, 'done', `Den individuelle planen evaluert ${d(step.input.evaluatedOn)}`, { ...step.input });
      openEvaluation(step.input.evaluatedOn);
      break;
    }
    case 'programme_start':
      state.programme.startedOn = step.input.startDate;
      finish(openTask(state, 'programme-start-in-nir'), 'done', `Oppstart i introduksjonsprogrammet (${d(step.input.startDate)}) registrert i NIR`, { ...step.input });
      break;
    case 'programme_end': {
      state.programme.endedOn = step.input.endedOn;
      state.programme.endReason = step.input.reason;
      for (const task of state.tasks.filter((t) => t.step === 'plan_evaluation' && t.status === 'open')) {
        finish(task, 'not_applicable', `Introduksjonsprogrammet avsluttet ${d(step.input.endedOn)}`, { reason: step.input.reason });
      }
      break;
    }
    case 'nir_registration':
      state.nir = { registeredOn: step.input.registeredOn, record: record(`Registrert i NIR ${d(step.input.registeredOn)}`) };
      finish(openTask(state, 'nir-registration'), 'done', `Registrert i NIR ${d(step.input.registeredOn)}`, { ...step.input });
      break;
    case 'grant_application': {
      const request = step.input;
      const yearly = request.grant === 'integration' || request.grant === 'unaccompanied_minor';
      // The extra grant belongs to the year it is applied for in (year 1 or 2, R-GRANT-3); other one-time grants to year 1.
      const settlementYear = yearly ? (request.settlementYear ?? 1) : request.grant === 'extra' ? Math.max(1, settlementYearOf(today, profile.settlementDate)) : 1;
      const application: GrantApplication = compact({
        id: grantApplicationId(request),
        grant: request.grant,
        settlementYear,
        variant: request.variant,
        amountRequested: request.amountRequested,
        appliedOn: today,
      });
      const what = `Søkt om ${describeGrant(application.grant, application.settlementYear).toLowerCase()}`;
      state.grantApplications.push({ ...application, record: record(what, { ...request }) });
      if (application.id === 'integration:1') finish(openTask(state, 'integration-grant-year-1'), 'done', what);
      if (application.grant === 'extra') finish(openTask(state, 'extra-grant'), 'done', what, { ...request });
      break;
    }
    case 'interpreter_need':
      state.interpreterNeed = { ...step.input, record: record(step.input.needed ? `Trenger tolk (${step.input.language})` : 'Trenger ikke tolk', { ...step.input }) };
      break;
    case 'consent': {
      const consents = (state.consents ??= []);
      const consent = compact({ ...step.input, id: `samtykke-${consents.length + 1}`, services: [...new Set(step.input.services)] });
      consents.push({ ...consent, record: record(describeConsent(consent)) });
      break;
    }
    case 'consent_withdrawal': {
      const consent = state.consents?.find((c) => c.id === step.input.consentId);
      if (!consent) break;
      consent.withdrawnOn = step.input.withdrawnOn;
      consent.withdrawal = record(`Samtykket trukket tilbake ${d(step.input.withdrawnOn)}`);
      break;
    }
  }
  return opened;
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------------------------------------
// Deadlines as they stand

export type DeadlineStatus = 'open' | 'reminded' | 'overdue' | 'met' | 'not_applicable';

export function deadlineTasks(state: JourneyState, deadlineId: string): TaskState[] {
  return state.tasks.filter((t) => t.deadlineId === deadlineId);
}

/** A deadline is settled once none of its tasks is open. */
export function isDeadlineSettled(state: JourneyState, deadlineId: string): boolean {
  return deadlineTasks(state, deadlineId).every((t) => t.status !== 'open');
}

export function deadlineStatus(state: JourneyState, deadline: DeadlineState): DeadlineStatus {
  const tasks = deadlineTasks(state, deadline.id);
  if (tasks.every((t) => t.status !== 'open')) return tasks.some((t) => t.status === 'done') ? 'met' : 'not_applicable';
  if (deadline.escalatedAt) return 'overdue';
  if (deadline.remindedAt) return 'reminded';
  return 'open';
}

// ---------------------------------------------------------------------------------------------
// Views

export type InterpreterBadge = { language: string; note?: string; rule: 'R-ARR-9' };

export type OpenTaskView = {
  taskId: string;
  title: string;
  rule: string;
  deadlineId: string;
  dueDate: IsoDate;
  remindDate?: IsoDate;
  overdue: boolean;
  /** Shown on every task that involves a conversation, when the person needs an interpreter (R-ARR-9). */
  interpreter?: InterpreterBadge;
};

export type DeadlineView = DeadlineState & { status: DeadlineStatus; openTasks: number };

export type JourneyGrants = GrantTimeline & {
  /** Introduction stipend from the programme start (R-GRANT-4); empty until it starts. */
  stipend: StipendPeriod[];
  establishment: EstablishmentShare;
};

export type JourneyView = {
  caseId: string;
  dufNumber: string;
  name: string;
  relation: string;
  dateOfBirth: IsoDate;
  settlementDate: IsoDate;
  municipalityNumber: string;
  today: IsoDate;
  /** "År 1" is the calendar year of settlement. */
  settlementYear: number;
  lastSettlementYear: number;
  /** The last day of the journey (31 December of its last settlement year). */
  endsOn: IsoDate;
  interpreterNeed?: JourneyState['interpreterNeed'];
  nir?: JourneyState['nir'];
  programme: JourneyState['programme'];
  openTasks: OpenTaskView[];
  deadlines: DeadlineView[];
  tasks: TaskState[];
  grants: JourneyGrants;
  /** R-PRIV-5: every consent recorded, with whether it holds today. */
  consents: (NonNullable<JourneyState['consents']>[number] & { status: ConsentStatus })[];
};

export function interpreterBadge(state: Pick<JourneyState, 'interpreterNeed'>): InterpreterBadge | undefined {
  const need = state.interpreterNeed;
  if (!need?.needed || need.language === undefined) return undefined;
  return { language: need.language, ...(need.note !== undefined ? { note: need.note } : {}), rule: 'R-ARR-9' };
}

export function openTasksView(state: JourneyState): OpenTaskView[] {
  const badge = interpreterBadge(state);
  return state.tasks
    .filter((t) => t.status === 'open')
    .flatMap((task) => {
      const deadline = state.deadlines.find((d) => d.id === task.deadlineId);
      if (!deadline) return [];
      const view: OpenTaskView = {
        taskId: task.id,
        title: task.title,
        rule: task.rule,
        deadlineId: deadline.id,
        dueDate: deadline.dueDate,
        ...(deadline.remindDate !== undefined ? { remindDate: deadline.remindDate } : {}),
        overdue: deadline.escalatedAt !== undefined,
        ...(task.conversation && badge ? { interpreter: badge } : {}),
      };
      return [view];
    })
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

export function deadlinesView(state: JourneyState): DeadlineView[] {
  return state.deadlines
    .map((d) => ({ ...d, status: deadlineStatus(state, d), openTasks: deadlineTasks(state, d.id).filter((t) => t.status === 'open').length }))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

export function journeyEndsOn(profile: ArrivalProfile): IsoDate {
  return `${calendarYearOf(lastSettlementYear(profile), profile.settlementDate)}-12-31`;
}

export function journeyGrants(profile: ArrivalProfile, state: JourneyState, today: IsoDate, book: RateBook = defaultRateBook): JourneyGrants {
  const timeline = grantTimeline(profile, { nirRegistered: state.nir !== undefined, applications: state.grantApplications }, today, book);
  const { startedOn, endedOn } = state.programme;
  const stipend = startedOn === undefined ? [] : stipendPeriods(profile.person.dateOfBirth, startedOn, endedOn ?? journeyEndsOn(profile), book);
  return { ...timeline, stipend, establishment: establishmentShare(profile, profile.municipalityNumber, book) };
}

export function journeyView(profile: ArrivalProfile, state: JourneyState, today: IsoDate, book: RateBook = defaultRateBook): JourneyView {
  return {
    caseId: profile.caseId,
    dufNumber: profile.person.dufNumber,
    name: fullName(profile.person),
    relation: profile.person.relation,
    dateOfBirth: profile.person.dateOfBirth,
    settlementDate: profile.settlementDate,
    municipalityNumber: profile.municipalityNumber,
    today,
    settlementYear: settlementYearOf(today, profile.settlementDate),
    lastSettlementYear: lastSettlementYear(profile),
    endsOn: journeyEndsOn(profile),
    ...(state.interpreterNeed ? { interpreterNeed: state.interpreterNeed } : {}),
    ...(state.nir ? { nir: state.nir } : {}),
    programme: state.programme,
    openTasks: openTasksView(state),
    deadlines: deadlinesView(state),
    tasks: state.tasks,
    grants: journeyGrants(profile, state, today, book),
    consents: (state.consents ?? []).map((c) => ({ ...c, status: consentStatus(c, today) })),
  };
}

// ---------------------------------------------------------------------------------------------
// The household: its members' journeys joined

type Member = { dufNumber: string; name: string };

export type HouseholdJourneyView = {
  caseId: string;
  members: (Member & { relation: string; settlementYear: number; openTasks: number; overdueTasks: number; interpreter?: InterpreterBadge })[];
  /** Every member's open tasks, earliest due first. */
  openTasks: (OpenTaskView & Member)[];
  /** Deadlines still running or overdue, earliest first. */
  deadlines: (DeadlineView & Member)[];
  grants: {
    /** Known grant amounts per settlement year, all members together. */
    bySettlementYear: { settlementYear: number; calendarYear: number; amount: number; estimated: boolean }[];
    total: number;
    /** Establishment support maxima from the municipality's policy (R-GRANT-5). */
    establishment: { policy?: string; furniture: number; clothes: number; total: number };
  };
};

const byDueDate = (a: { dueDate: string }, b: { dueDate: string }) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0);

/** Joins the journeys of one household's members (each from its own workflow). */
export function householdJourneyView(views: readonly JourneyView[]): HouseholdJourneyView {
  const caseIds = [...new Set(views.map((v) => v.caseId))];
  if (caseIds.length !== 1) throw new RangeError(`a household view joins the journeys of one case; got ${caseIds.length === 0 ? 'none' : caseIds.join(', ')}`);
  const member = (v: JourneyView): Member => ({ dufNumber: v.dufNumber, name: v.name });

  const byYear = new Map<number, HouseholdJourneyView['grants']['bySettlementYear'][number]>();
  for (const total of views.flatMap((v) => v.grants.totals)) {
    const sum = byYear.get(total.settlementYear) ?? { settlementYear: total.settlementYear, calendarYear: total.calendarYear, amount: 0, estimated: false };
    sum.amount += total.amount;
    sum.estimated ||= total.estimated;
    byYear.set(total.settlementYear, sum);
  }
  const bySettlementYear = [...byYear.values()].sort((a, b) => a.settlementYear - b.settlementYear);

  const shares = views.map((v) => v.grants.establishment);
  const furniture = shares.reduce((sum, s) => sum + (s.policy === undefined ? 0 : s.furniture), 0);
  const clothes = shares.reduce((sum, s) => sum + (s.policy === undefined ? 0 : s.clothes), 0);
  const policy = shares.find((s) => s.policy !== undefined)?.policy;

  return {
    caseId: caseIds[0]!,
    members: views.map((v) => ({
      ...member(v),
      relation: v.relation,
      settlementYear: v.settlementYear,
      openTasks: v.openTasks.length,
      overdueTasks: v.openTasks.filter((t) => t.overdue).length,
      ...(interpreterOf(v) ? { interpreter: interpreterOf(v) } : {}),
    })),
    openTasks: views.flatMap((v) => v.openTasks.map((t) => ({ ...t, ...member(v) }))).sort(byDueDate),
    deadlines: views
      .flatMap((v) => v.deadlines.filter((d) => d.status === 'open' || d.status === 'reminded' || d.status === 'overdue').map((d) => ({ ...d, ...member(v) })))
      .sort(byDueDate),
    grants: {
      bySettlementYear,
      total: bySettlementYear.reduce((sum, y) => sum + y.amount, 0),
      establishment: { ...(policy !== undefined ? { policy } : {}), furniture, clothes, total: furniture + clothes },
    },
  };
}

function interpreterOf(view: JourneyView): InterpreterBadge | undefined {
  return view.interpreterNeed && interpreterBadge({ interpreterNeed: view.interpreterNeed });
}
