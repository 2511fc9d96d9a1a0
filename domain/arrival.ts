/**
 * Arrival in the municipality (R-ARR-1..9): what the refugee service must do for each person, and
 * by when. The checklists are data; arrivalPlan() picks the items and deadlines that apply to one
 * person of a household.
 *
 * Choices where the sources give no number (domain.md, seeds 000 and 002):
 *  - "First day" (R-ARR-1) is due on the settlement date itself; no reminder, escalated after it.
 *  - "First days" (R-ARR-2) share the 8 days the refugee has to report the move (R-ARR-2's deadline).
 *  - "First weeks" (R-ARR-3) are 6 weeks, reminded a week before.
 *  - Items about the home and the household (pick-up, lease, insurance, …) are carried by the
 *    main person's journey only, so the household view shows each once.
 *  - Kindergarten (R-ARR-5): due 3 months after settlement, or earlier when the introduction
 *    programme is planned to start earlier.
 *  - The individual plan is first evaluated 6 months after the first team meeting, then 6 months
 *    after each evaluation (R-ARR-8 "at least twice a year"), while the programme lasts.
 *  - The extra grant's deadline (R-GRANT-3) is watched for persons with special needs recorded
 *    before settlement (R-REG-3); anyone else eligible may still apply within the 13 months.
 */
import type { InterpreterNeed, InterpreterUsed } from './arrival.schema';
import { addPeriod, deadlinePolicies, nextDueDate, type DeadlinePolicy } from './deadlines';
import { ageOn, type IsoDate } from './dates';
import { extraGrantDeadline, extraGrantExcludedBecause, type GrantProfile } from './grants';
import { ADULT_AGE, kindergartenAgeChildren, schoolAgeChildren } from './household';
import type { Person } from './permit';

/** The interpreter facts and the staff steps' inputs as the API parsed them (shapes in arrival.schema.ts). */
export type {
  CloseTaskInput,
  CompleteTaskInput,
  InterpreterNeed,
  InterpreterUsed,
  KindergartenPlaceInput,
  NirRegistrationInput,
  PlanEvaluationInput,
  ProgrammeEndInput,
  ProgrammeStartInput,
  SchoolStartInput,
  TeamMeetingInput,
} from './arrival.schema';

/** What the journey knows about a household member. */
export type JourneyPerson = Pick<
  Person,
  'dufNumber' | 'givenName' | 'familyName' | 'dateOfBirth' | 'citizenship' | 'languages' | 'relation' | 'unaccompaniedMinor'
>;

/** One person's journey: who, with whom, where and since when. Fixed for the whole journey. */
export type ArrivalProfile = GrantProfile & {
  caseId: string;
  person: JourneyPerson;
  household: readonly JourneyPerson[];
  municipalityNumber: string;
  /** Special needs were recorded before settlement (R-REG-3): the extra grant (R-GRANT-3) is expected. */
  specialNeeds: boolean;
  /** The household's planned introduction programme start, when known (R-ARR-5). */
  plannedProgrammeStart?: IsoDate;
};

// ---------------------------------------------------------------------------------------------
// Deadlines

/** The checklist groups' deadlines; R-ARR-4/5/8 and R-GRANT-3 come from deadlinePolicies. */
export const checklistDeadlinePolicies = {
  'R-ARR-1': {
    title: 'Første dag',
    description: 'Henting og følge til boligen, mat, penger til introduksjonsstønaden blir utbetalt, akutte helsebehov ivaretatt.',
    starts: 'bosettingen (ankomsten til kommunen)',
    due: { days: 0 },
    responsible: 'kommunen (flyktningtjenesten)',
    escalateTo: ['kommunen (flyktningtjenesten)'],
  },
  'R-ARR-2': {
    title: 'De første dagene',
    description:
      'Leiekontrakt gjennomgått med tolk og signert, innboforsikring, boveiledning, flytting meldt til folkeregisteret ' +
      '(flyktningen må gjøre det innen 8 dager), søknader om bostøtte, introduksjonsprogram og barnehageplass.',
    starts: 'bosettingen (ankomsten til kommunen)',
    due: deadlinePolicies['R-ARR-2'].due,
    remindBefore: deadlinePolicies['R-ARR-2'].remindBefore,
    responsible: 'kommunen (flyktningtjenesten)',
    escalateTo: ['kommunen (flyktningtjenesten)'],
  },
  'R-ARR-3': {
    title: 'De første ukene',
    description: 'Helseundersøkelse, fastlege, tannlege, lokalt frivillig arbeid, registrering i NIR og søknad om tilskudd for år 1.',
    starts: 'bosettingen (ankomsten til kommunen)',
    due: { days: 42 },
    remindBefore: { days: 7 },
    responsible: 'kommunen (flyktningtjenesten)',
    escalateTo: ['kommunen (flyktningtjenesten)'],
  },
} as const satisfies Record<string, DeadlinePolicy>;

export type ChecklistDeadlineId = 'first-day' | 'first-days' | 'first-weeks';
const checklistDeadlines: Record<ChecklistDeadlineId, keyof typeof checklistDeadlinePolicies> = {
  'first-day': 'R-ARR-1',
  'first-days': 'R-ARR-2',
  'first-weeks': 'R-ARR-3',
};

export type ArrivalDeadline = {
  /** Unique in the journey: 'first-day', 'school-start', 'plan-evaluation-2', … */
  id: string;
  rule: string;
  title: string;
  dueDate: IsoDate;
  /** Undefined for same-day duties and where the reminder would fall on or before the start. */
  remindDate?: IsoDate;
};

function deadlineFrom(id: string, rule: string, policy: DeadlinePolicy, from: IsoDate, title = policy.title): ArrivalDeadline {
  const due = addPeriod(from, policy.due);
  const remind = policy.remindBefore && addPeriod(due, policy.remindBefore, -1);
  return { id, rule, title, dueDate: due, remindDate: remind !== undefined && remind > from ? remind : undefined };
}

// ---------------------------------------------------------------------------------------------
// Tasks

/** The staff step that completes a task; each has its own update with its own checks. */
export type TaskStep =
  | 'checklist'
  | 'school_start'
  | 'kindergarten_place'
  | 'team_meeting'
  | 'plan_evaluation'
  | 'nir_registration'
  | 'programme_start'
  | 'grant_application';

export type ArrivalTask = {
  id: string;
  deadlineId: string;
  rule: string;
  title: string;
  step: TaskStep;
  /** A conversation with the refugee: the interpreter need is shown on it (R-ARR-9). */
  conversation: boolean;
};

type ChecklistAppliesTo = 'household' | 'everyone' | 'adult' | 'kindergarten_age';

type ChecklistItem = Omit<ArrivalTask, 'deadlineId'> & { deadline: ChecklistDeadlineId; appliesTo: ChecklistAppliesTo };

const item = (
  deadline: ChecklistDeadlineId,
  id: string,
  title: string,
  appliesTo: ChecklistAppliesTo,
  conversation: boolean,
  step: TaskStep = 'checklist',
  rule: string = checklistDeadlines[deadline],
): ChecklistItem => ({ deadline, id, title, appliesTo, conversation, step, rule });

/** R-ARR-1..3 (seed 000, "Første dag / De første dagene / De første ukene"). */
export const arrivalChecklist: readonly ChecklistItem[] = [
  item('first-day', 'pick-up', 'Hentet ved ankomst og fulgt til boligen', 'household', true),
  item('first-day', 'first-day-food', 'Mat servert den første dagen', 'household', false),
  item('first-day', 'money-until-stipend', 'Penger, eller en måte å kjøpe mat og nødvendigheter på, til introduksjonsstønaden blir utbetalt', 'household', true),
  item('first-day', 'urgent-health', 'Akutte helsebehov sjekket; innleggelse eller henvisning ved behov', 'everyone', true),

  item('first-days', 'lease', 'Leiekontrakten gjennomgått med tolk og signert av flyktningen som leietaker', 'household', true),
  item('first-days', 'contents-insurance', 'Innboforsikring tegnet', 'household', false),
  item('first-days', 'housing-guidance', 'Boveiledning: brannslukker, røykvarsler, renhold, oppvarming om vinteren', 'household', true),
  item('first-days', 'population-register', 'Flytting meldt til folkeregisteret (innen 8 dager)', 'everyone', true),
  item('first-days', 'housing-allowance', 'Bostøtte (Husbanken) søkt', 'household', true),
  item('first-days', 'programme-application', 'Introduksjonsprogram søkt', 'adult', true),
  item('first-days', 'kindergarten-application', 'Barnehageplass søkt', 'kindergarten_age', true),

  item('first-weeks', 'health-examination', 'Helseundersøkelse', 'everyone', true),
  item('first-weeks', 'gp', 'Fastlege tildelt', 'everyone', false),
  item('first-weeks', 'dentist', 'Tannlege: nødvendig behandling startet', 'everyone', true),
  item('first-weeks', 'local-volunteering', 'Introdusert for lokalt frivillig arbeid (lag og foreninger, frivilligsentral, flyktningguide)', 'household', true),
  item('first-weeks', 'nir-registration', 'Registrert i NIR (nødvendig for riktige tilskudd)', 'everyone', false, 'nir_registration', 'R-GRANT-1'),
  item('first-weeks', 'programme-start-in-nir', 'Oppstart i introduksjonsprogrammet registrert i NIR', 'adult', false, 'programme_start'),
  item('first-weeks', 'integration-grant-year-1', 'Integreringstilskudd for år 1 søkt', 'everyone', false, 'grant_application', 'R-GRANT-1'),
];

export function isAdultAtSettlement(profile: Pick<ArrivalProfile, 'person' | 'settlementDate'>): boolean {
  return ageOn(profile.person.dateOfBirth, profile.settlementDate) >= ADULT_AGE;
}

export function isSchoolAgeAtSettlement(profile: Pick<ArrivalProfile, 'person' | 'settlementDate'>): boolean {
  return schoolAgeChildren([profile.person], profile.settlementDate).length === 1;
}

export function isKindergartenAgeAtSettlement(profile: Pick<ArrivalProfile, 'person' | 'settlementDate'>): boolean {
  return kindergartenAgeChildren([profile.person], profile.settlementDate).length === 1;
}

function applies(appliesTo: ChecklistAppliesTo, profile: ArrivalProfile): boolean {
  switch (appliesTo) {
    case 'household':
      return profile.person.relation === 'main';
    case 'everyone':
      return true;
    case 'adult':
      return isAdultAtSettlement(profile);
    case 'kindergarten_age':
      return isKindergartenAgeAtSettlement(profile);
  }
}

export type ArrivalPlan = { deadlines: ArrivalDeadline[]; tasks: ArrivalTask[] };

/** Everything one person's journey starts with: the checklists, school or kindergarten, the team meeting, the extra grant. */
export function arrivalPlan(profile: ArrivalProfile): ArrivalPlan {
  const from = profile.settlementDate;
  const deadlines: ArrivalDeadline[] = [];
  const tasks: ArrivalTask[] = [];

  for (const [deadlineId, rule] of Object.entries(checklistDeadlines) as [ChecklistDeadlineId, keyof typeof checklistDeadlinePolicies][]) {
    const items = arrivalChecklist.filter((i) => i.deadline === deadlineId && applies(i.appliesTo, profile));
    if (items.length === 0) continue;
    deadlines.push(deadlineFrom(deadlineId, rule, checklistDeadlinePolicies[rule], from));
    for (const { deadline, appliesTo: _appliesTo, ...task } of items) tasks.push({ ...task, deadlineId: deadline });
  }

  const single = (deadline: ArrivalDeadline, step: TaskStep, conversation: boolean, title = deadline.title) => {
    deadlines.push(deadline);
    tasks.push({ id: deadline.id, deadlineId: deadline.id, rule: deadline.rule, title, step, conversation });
  };

  if (isSchoolAgeAtSettlement(profile)) {
    single(deadlineFrom('school-start', 'R-ARR-4', deadlinePolicies['R-ARR-4'], from, 'Startet på skolen'), 'school_start', true);
  }
  if (isKindergartenAgeAtSettlement(profile)) {
    const deadline = deadlineFrom('kindergarten-place', 'R-ARR-5', deadlinePolicies['R-ARR-5'], from, 'Barnehageplass eller annet tilsyn på plass');
    const programmeStart = profile.plannedProgrammeStart;
    if (programmeStart !== undefined && programmeStart >= from && programmeStart < deadline.dueDate) {
      // R-ARR-5: by the start of the introduction programme when that comes first.
      const remind = addPeriod(programmeStart, deadlinePolicies['R-ARR-5'].remindBefore, -1);
      deadline.dueDate = programmeStart;
      deadline.remindDate = remind > from ? remind : undefined;
    }
    single(deadline, 'kindergarten_place', true);
  }
  if (isAdultAtSettlement(profile)) {
    single(deadlineFrom('team-meeting', 'R-ARR-8', deadlinePolicies['R-ARR-8'], from, 'Første møte med det tverrfaglige teamet'), 'team_meeting', true);
  }
  if (profile.specialNeeds && extraGrantExcludedBecause(profile) === undefined) {
    const deadline = deadlineFrom('extra-grant', 'R-GRANT-3', deadlinePolicies['R-GRANT-3'], from, 'Ekstratilskudd søkt');
    deadline.dueDate = extraGrantDeadline(from);
    single(deadline, 'grant_application', false);
  }
  return { deadlines, tasks };
}

/** R-ARR-8: evaluation number `n` of the individual plan, due 6 months after the previous meeting or evaluation. */
export function planEvaluation(n: number, lastMetOn: IsoDate): ArrivalPlan {
  const dueDate = nextDueDate('R-ARR-8', lastMetOn);
  const remindDate = addPeriod(dueDate, deadlinePolicies['R-ARR-8'].remindBefore, -1);
  const id = `plan-evaluation-${n}`;
  const title = `Den individuelle planen evaluert (${n}. evaluering)`;
  return {
    deadlines: [{ id, rule: 'R-ARR-8', title, dueDate, remindDate }],
    tasks: [{ id, deadlineId: id, rule: 'R-ARR-8', title, step: 'plan_evaluation', conversation: true }],
  };
}

// ---------------------------------------------------------------------------------------------
// Interpreters (R-ARR-9)

/** R-ARR-9: a need for an interpreter names the language the interpreter must speak. */
export function interpreterNeedRefusal(need: InterpreterNeed): string | undefined {
  return need.needed && need.language === undefined ? 'oppgi språket tolken må snakke (R-ARR-9)' : undefined;
}

export const interpreterQualifications = ['qualified', 'certified_translator', 'other'] as const;

/** R-ARR-9: children never interpret and family does not interpret, unless it is an emergency. */
export function interpreterRefusal(used: InterpreterUsed): string | undefined {
  if (used.emergency !== undefined) return undefined;
  if (used.child) {
    return 'Barn skal ikke brukes som tolk mellom det offentlige og flyktningen (forvaltningsloven § 11e) unntatt i nødssituasjoner; bestill en kvalifisert tolk, eller registrer nødssituasjonen (R-ARR-9)';
  }
  if (used.familyMember) {
    return 'Familiemedlemmer skal ikke tolke i møter med det offentlige; bestill en kvalifisert tolk, eller registrer nødssituasjonen (R-ARR-9)';
  }
  return undefined;
}

/** R-ARR-5: a kindergarten place, or other childcare. */
export const childcareKinds = ['kindergarten', 'other_childcare'] as const;
