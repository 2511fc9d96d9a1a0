/** Arrival plans, staff steps and the views of a journey (R-ARR-1..9), without Temporal. */
import { describe, expect, it } from 'vitest';
import { arrivalPlan, interpreterRefusal, planEvaluation } from '../../domain/arrival';
import {
  applyStep,
  householdJourneyView,
  journeyView,
  openTasksView,
  startJourney,
  stepRefusal,
  type JourneyState,
  type JourneyStep,
  type JourneyStepKind,
} from '../../domain/journey';
import { parseStep } from '../../domain/journey.schema';
import type { ArrivalProfile } from '../../domain/arrival';
import { family, member, profileOf } from '../fixtures/arrival';

const settled = '2026-03-02';
const f = family(settled);
const household = [f.main, f.spouse, f.schoolChild, f.toddler];
const staff = { id: 'kommune-sel-1', role: 'kommune', organisation: 'Sel flyktningetjeneste' };
const qualified = { name: 'Interpreter AS', qualification: 'qualified', familyMember: false, child: false } as const;

function step<K extends JourneyStepKind>(kind: K, input: unknown): JourneyStep {
  const parsed = parseStep(kind, input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.step;
}

/** Checks and applies a step on `today`, as the workflow does; returns the refusal if any. */
function act(profile: ArrivalProfile, state: JourneyState, s: JourneyStep, today: string): string | undefined {
  const refusal = stepRefusal(profile, state, s, today);
  if (refusal === undefined) applyStep(profile, state, s, staff, `${today}T10:00:00.000Z`);
  return refusal;
}

describe('the arrival plan of each household member', () => {
  it('R-ARR-1, R-ARR-2, R-ARR-3: the main person carries the household items; due on the day, after 8 days, after 6 weeks', () => {
    const plan = arrivalPlan(profileOf(f.main, household, settled));
    expect(plan.deadlines.filter((d) => d.id.startsWith('first'))).toEqual([
      { id: 'first-day', rule: 'R-ARR-1', title: 'Første dag', dueDate: '2026-03-02', remindDate: undefined },
      { id: 'first-days', rule: 'R-ARR-2', title: 'De første dagene', dueDate: '2026-03-10', remindDate: '2026-03-07' },
      { id: 'first-weeks', rule: 'R-ARR-3', title: 'De første ukene', dueDate: '2026-04-13', remindDate: '2026-04-06' },
    ]);
    const ids = plan.tasks.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['pick-up', 'lease', 'contents-insurance', 'population-register', 'programme-application', 'health-examination', 'nir-registration']));
    expect(ids).not.toContain('kindergarten-application');
  });

  it('R-ARR-1..3: the spouse has the personal items only; the household ones are the main person\'s', () => {
    const ids = arrivalPlan(profileOf(f.spouse, household, settled)).tasks.map((t) => t.id);
    expect(ids).toContain('population-register');
    expect(ids).toContain('programme-application');
    expect(ids).not.toContain('pick-up');
    expect(ids).not.toContain('lease');
  });

  it('R-ARR-4: a child of school age by the calendar-year rule starts school within 3 months', () => {
    const turnsSixThisYear = member({ dateOfBirth: '2020-12-31', relation: 'child' }); // 5 on arrival, 6 this calendar year
    const plan = arrivalPlan(profileOf(turnsSixThisYear, [f.main, turnsSixThisYear], settled));
    expect(plan.deadlines.find((d) => d.id === 'school-start')).toEqual({ id: 'school-start', rule: 'R-ARR-4', title: 'Startet på skolen', dueDate: '2026-06-02', remindDate: '2026-05-19' });
    expect(plan.tasks.map((t) => t.id)).not.toContain('kindergarten-place');
  });

  it('R-ARR-5: a kindergarten-age child has a place within 3 months, or by the programme start when that comes first', () => {
    const toddler = profileOf(f.toddler, household, settled);
    expect(arrivalPlan(toddler).deadlines.find((d) => d.id === 'kindergarten-place')).toMatchObject({ rule: 'R-ARR-5', dueDate: '2026-06-02', remindDate: '2026-05-19' });
    expect(arrivalPlan({ ...toddler, plannedProgrammeStart: '2026-04-20' }).deadlines.find((d) => d.id === 'kindergarten-place')).toMatchObject({
      dueDate: '2026-04-20',
      remindDate: '2026-04-06',
    });
    expect(arrivalPlan(toddler).tasks.map((t) => t.id)).toContain('kindergarten-application');
  });

  it('R-ARR-8: adults meet the interdisciplinary team within 3 months; then the plan is evaluated every 6 months', () => {
    expect(arrivalPlan(profileOf(f.spouse, household, settled)).deadlines.find((d) => d.id === 'team-meeting')).toMatchObject({ dueDate: '2026-06-02', remindDate: '2026-05-19' });
    expect(arrivalPlan(profileOf(f.schoolChild, household, settled)).deadlines.map((d) => d.id)).not.toContain('team-meeting');
    expect(planEvaluation(2, '2026-05-10').deadlines).toEqual([
      { id: 'plan-evaluation-2', rule: 'R-ARR-8', title: 'Den individuelle planen evaluert (2. evaluering)', dueDate: '2026-11-10', remindDate: '2026-10-27' },
    ]);
  });

  it('R-GRANT-3: the extra grant deadline (13 months) is watched for a person with special needs, unless excluded', () => {
    const withNeeds = profileOf(f.spouse, household, settled, { specialNeeds: true });
    expect(arrivalPlan(withNeeds).deadlines.find((d) => d.id === 'extra-grant')).toMatchObject({ dueDate: '2027-04-02', remindDate: '2027-03-02' });
    expect(arrivalPlan({ ...withNeeds, permitType: 'family_reunification' }).deadlines.map((d) => d.id)).not.toContain('extra-grant');
    expect(arrivalPlan(profileOf(f.spouse, household, settled)).deadlines.map((d) => d.id)).not.toContain('extra-grant');
  });
});

describe('interpreters', () => {
  it('R-ARR-9: never a child, not family — unless it is an emergency', () => {
    expect(interpreterRefusal(qualified)).toBeUndefined();
    expect(interpreterRefusal({ ...qualified, child: true })).toMatch(/Barn skal ikke brukes som tolk.*§ 11e.*R-ARR-9/);
    expect(interpreterRefusal({ ...qualified, familyMember: true })).toMatch(/Familiemedlemmer skal ikke tolke.*R-ARR-9/);
    expect(interpreterRefusal({ ...qualified, child: true, emergency: 'Acute illness at night; no interpreter reachable' })).toBeUndefined();
  });

  it('R-ARR-9: the need is shown on every open task that involves a conversation, and on no other', () => {
    const profile = profileOf(f.main, household, settled);
    const state = startJourney(profile);
    expect(openTasksView(state).some((t) => t.interpreter)).toBe(false);
    act(profile, state, step('interpreter_need', { needed: true, language: 'Arabic' }), settled);
    const tasks = openTasksView(state);
    const badge = { language: 'Arabic', rule: 'R-ARR-9' };
    expect(tasks.find((t) => t.taskId === 'lease')?.interpreter).toEqual(badge);
    expect(tasks.find((t) => t.taskId === 'team-meeting')?.interpreter).toEqual(badge);
    expect(tasks.find((t) => t.taskId === 'contents-insurance')?.interpreter).toBeUndefined();
    expect(tasks.filter((t) => t.interpreter).every((t) => state.tasks.find((s) => s.id === t.taskId)?.conversation)).toBe(true);
  });

  it('R-ARR-9: a need for an interpreter names the language — the rule the API edge and the workflow share', () => {
    const profile = profileOf(f.main, household, settled);
    const state = startJourney(profile);
    const unnamed = { kind: 'interpreter_need', input: { needed: true } } as const;
    expect(stepRefusal(profile, state, unnamed, settled)).toBe('oppgi språket tolken må snakke (R-ARR-9)');
    expect(parseStep('interpreter_need', { needed: true })).toEqual({ ok: false, message: "The step's input is not valid: language: oppgi språket tolken må snakke (R-ARR-9)" });
    expect(stepRefusal(profile, state, step('interpreter_need', { needed: false }), settled)).toBeUndefined();
  });

  it('R-ARR-9: a conversation interpreted by a child is refused with the reason', () => {
    const profile = profileOf(f.main, household, settled);
    const state = startJourney(profile);
    expect(act(profile, state, step('complete_task', { taskId: 'lease', interpreter: { ...qualified, child: true } }), settled)).toMatch(/Barn skal ikke brukes som tolk/);
    expect(state.tasks.find((t) => t.id === 'lease')?.status).toBe('open');
  });
});

describe('staff steps', () => {
  it('R-ARR-1: completing a checklist item records who, when and what; doing it twice is refused', () => {
    const profile = profileOf(f.main, household, settled);
    const state = startJourney(profile);
    expect(act(profile, state, step('complete_task', { taskId: 'pick-up', note: 'Met at Otta station', interpreter: qualified }), settled)).toBeUndefined();
    expect(state.tasks.find((t) => t.id === 'pick-up')).toMatchObject({
      status: 'done',
      record: { by: staff, at: `${settled}T10:00:00.000Z`, what: 'Utført: Hentet ved ankomst og fulgt til boligen', details: { note: 'Met at Otta station', interpreter: qualified } },
    });
    expect(act(profile, state, step('complete_task', { taskId: 'pick-up' }), settled)).toMatch(/«Hentet ved ankomst og fulgt til boligen» er allerede utført av kommune-sel-1/);
  });

  it('R-ARR-2: an item that does not apply is closed with a reason; the reason is required', () => {
    const profile = profileOf(f.main, household, settled);
    const state = startJourney(profile);
    expect(parseStep('close_task', { taskId: 'housing-allowance' })).toMatchObject({ ok: false, message: expect.stringContaining('reason: is required') });
    act(profile, state, step('close_task', { taskId: 'housing-allowance', reason: 'Income above the limit' }), settled);
    expect(state.tasks.find((t) => t.id === 'housing-allowance')).toMatchObject({ status: 'not_applicable', record: { details: { reason: 'Income above the limit' } } });
  });

  it('R-ARR-4: a school start is recorded with the school and the date — not in the future, not for an adult', () => {
    const child = profileOf(f.schoolChild, household, settled);
    const state = startJourney(child);
    expect(act(child, state, step('school_start', { school: 'Otta skule', startDate: '2026-04-10' }), '2026-04-01')).toBe('Skolestarten (10.04.2026) er fram i tid; registrer det når det har skjedd (i dag er 01.04.2026)');
    expect(act(child, state, step('school_start', { school: 'Otta skule', startDate: '2026-03-16' }), '2026-04-01')).toBeUndefined();
    expect(journeyView(child, state, '2026-04-01').deadlines.find((d) => d.id === 'school-start')?.status).toBe('met');
    const adult = profileOf(f.main, household, settled);
    expect(stepRefusal(adult, startJourney(adult), step('school_start', { school: 'Otta skule', startDate: '2026-03-16' }), '2026-04-01')).toMatch(/var ikke i skolealder ved bosettingen.*R-ARR-4/);
  });

  it('R-ARR-8: the team meeting opens the first evaluation; each evaluation the next; the programme end stops them', () => {
    const adult = profileOf(f.main, household, settled);
    const state = startJourney(adult);
    expect(act(adult, state, step('plan_evaluation', { evaluatedOn: '2026-04-01' }), '2026-04-01')).toMatch(/registrer det møtet først \(R-ARR-8\)/);
    act(adult, state, step('team_meeting', { heldOn: '2026-04-15' }), '2026-04-15');
    expect(state.deadlines.at(-1)).toMatchObject({ id: 'plan-evaluation-1', dueDate: '2026-10-15' });
    expect(act(adult, state, step('plan_evaluation', { evaluatedOn: '2026-04-10' }), '2026-10-01')).toMatch(/kan ikke være før 15\.04\.2026/);
    act(adult, state, step('plan_evaluation', { evaluatedOn: '2026-10-01' }), '2026-10-01');
    expect(state.deadlines.at(-1)).toMatchObject({ id: 'plan-evaluation-2', dueDate: '2027-04-01' });

    expect(act(adult, state, step('programme_start', { startDate: '2026-04-20' }), '2026-10-01')).toMatch(/Registrer personen i NIR først/);
    act(adult, state, step('nir_registration', { registeredOn: '2026-03-20' }), '2026-10-01');
    act(adult, state, step('programme_start', { startDate: '2026-04-20' }), '2026-10-01');
    act(adult, state, step('programme_end', { endedOn: '2027-03-01', reason: 'Started full-time work' }), '2027-03-01');
    expect(state.tasks.find((t) => t.id === 'plan-evaluation-2')).toMatchObject({ status: 'not_applicable' });
    expect(act(adult, state, step('plan_evaluation', { evaluatedOn: '2027-03-02' }), '2027-03-02')).toMatch(/Introduksjonsprogrammet ble avsluttet 01\.03\.2027; planen evalueres ikke lenger/);
  });

  it('R-ARR-8: a date that is not a calendar day is refused by the rule itself, not thrown (the workflow parses no input)', () => {
    const adult = profileOf(f.main, household, settled);
    const state = startJourney(adult);
    const meeting = { kind: 'team_meeting', input: { heldOn: '2026-04-31' } } as const;
    expect(stepRefusal(adult, state, meeting, '2026-05-02')).toBe('Teammøtet («2026-04-31») er ikke en dato på formen ÅÅÅÅ-MM-DD');
    const start = { kind: 'programme_start', input: { startDate: 'soon' } } as const;
    expect(stepRefusal(adult, state, start, '2026-05-02')).toBe('Programstarten («soon») er ikke en dato på formen ÅÅÅÅ-MM-DD');
  });

  it('R-GRANT-1: registering in NIR and applying for the year-1 grant complete their first-weeks tasks', () => {
    const adult = profileOf(f.main, household, settled);
    const state = startJourney(adult);
    expect(act(adult, state, step('grant_application', { grant: 'integration', settlementYear: 1 }), '2026-03-20')).toMatch(/må være registrert i NIR/);
    act(adult, state, step('nir_registration', { registeredOn: '2026-03-20' }), '2026-03-20');
    act(adult, state, step('grant_application', { grant: 'integration', settlementYear: 1 }), '2026-03-20');
    expect(state.tasks.filter((t) => ['nir-registration', 'integration-grant-year-1'].includes(t.id)).map((t) => t.status)).toEqual(['done', 'done']);
    expect(act(adult, state, step('close_task', { taskId: 'nir-registration', reason: 'x' }), '2026-03-20')).toMatch(/er allerede utført/);
  });
});

describe('the household view', () => {
  it('R-ARR, R-GRANT: joins the members\' journeys — open tasks by due date, grants per year, establishment support', () => {
    const views = household.map((p) => {
      const profile = profileOf(p, household, settled);
      return journeyView(profile, startJourney(profile), settled);
    });
    const view = householdJourneyView(views);
    expect(view.members.map((m) => [m.name, m.openTasks > 0])).toEqual([
      ['Amal Haddad', true],
      ['Omar Haddad', true],
      ['Lina Haddad', true],
      ['Sami Haddad', true],
    ]);
    expect(view.openTasks.map((t) => t.dueDate)).toEqual([...view.openTasks.map((t) => t.dueDate)].sort());
    // 4 × 187 000 + 25 800 (kindergarten) in year 1; then 4 × 239 000, 171 000, 85 500, 71 600.
    expect(view.grants.bySettlementYear.map((y) => y.amount)).toEqual([773_800, 956_000, 684_000, 342_000, 286_400]);
    expect(view.grants.total).toBe(3_042_200);
    expect(view.grants.establishment).toEqual({ policy: 'Midt- og Nordgudbrandsdalen (joint policy of 9 municipalities)', furniture: 55_000, clothes: 32_000, total: 87_000 });
    expect(() => householdJourneyView([views[0]!, { ...views[1]!, caseId: 'another' }])).toThrow(/one case/);
  });
});
