/**
 * The family from arrival through settlement year five, on the time-skipping server:
 * two adults (the spouse under 25), a 7-year-old and a 3-year-old, one journey workflow each.
 * Amounts are checked against numbers worked out by hand from domain.md's 2018 table and G.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, type IsoDate } from '../../domain/dates';
import { settlementYearOf } from '../../domain/grants';
import type { JourneyView } from '../../domain/journey';
import { listCaseNotifications } from '../../store/notification-log';
import { queryHouseholdJourney } from '../../workflows/arrival-client';
import { HISTORY_EVENTS_GUARD } from '../../workflows/arrival-journey';
import {
  applyForGrantUpdate,
  completeTaskUpdate,
  endProgrammeUpdate,
  journeyQuery,
  openTasksQuery,
  recordInterpreterNeedUpdate,
  recordKindergartenPlaceUpdate,
  recordPlanEvaluationUpdate,
  recordProgrammeStartUpdate,
  recordSchoolStartUpdate,
  recordTeamMeetingUpdate,
  registerInNirUpdate,
  runInfoQuery,
  type JourneyOutcome,
} from '../../workflows/arrival-messages';
import { family } from '../fixtures/arrival';
import { dataOf, newCaseId, notificationsUntil, resultOfEnded, serverToday, skipTo, staff, startJourneys, viewUntil } from '../harness/arrival';
import { useTimeSkipping } from '../harness/workers';

const t = useTimeSkipping();

const qualifiedInterpreter = { name: 'Tolketjenesten Innlandet', qualification: 'qualified', familyMember: false, child: false } as const;
/** Every run of the family's journeys, measured: the README states this bound. */
const EVENTS_PER_RUN_BOUND = 400;

/** Things to do on given days, done in date order; an action may plan more. */
function agenda() {
  const items: { on: IsoDate; what: string; act: () => Promise<void> }[] = [];
  return {
    plan(on: IsoDate, what: string, act: () => Promise<void>) {
      items.push({ on, what, act });
    },
    async run(t_: typeof t) {
      for (;;) {
        items.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
        const next = items.shift();
        if (!next) return;
        await skipTo(t_, next.on);
        await next.act();
      }
    },
  };
}

describe('a family from arrival through year five', () => {
  it('R-ARR-1..9, R-GRANT-1..5: checklists, school and kindergarten, team and plan evaluations, interpreter, and the grant timeline with amounts', async () => {
    const settled = await serverToday(t);
    const year = Number(settled.slice(0, 4));
    const f = family(settled);
    const household = [f.main, f.spouse, f.schoolChild, f.toddler];
    const caseId = newCaseId();
    const [main, spouse, child, toddler] = (await startJourneys(t, household, household, settled, caseId)) as [WorkflowHandle, WorkflowHandle, WorkflowHandle, WorkflowHandle];
    const members = [main, spouse, child, toddler];

    /** Waits until the journey has crossed into the settlement year of `on`, so a step reaches the current run. */
    const ready = (h: WorkflowHandle, on: IsoDate) => viewUntil(h, (v) => v.settlementYear === settlementYearOf(on, settled));

    // R-ARR-4..7: school, kindergarten, health and NAV are told by the settlement case, once per
    // household (test/workflows/settlement-journeys.test.ts); the journeys do not repeat them.
    await new Promise((r) => setTimeout(r, 500));
    expect((await listCaseNotifications(t.tables, caseId)).map((n) => n.type)).not.toEqual(expect.arrayContaining(['health-settlement']));

    // R-ARR-9: the main person needs an Arabic interpreter; every conversation task shows it.
    await main.executeUpdate(recordInterpreterNeedUpdate, { args: [{ actor: staff, needed: true, language: 'Arabic' }] });
    const mainTasks = await main.query(openTasksQuery);
    expect(mainTasks.find((task) => task.taskId === 'lease')?.interpreter).toEqual({ language: 'Arabic', rule: 'R-ARR-9' });
    expect(mainTasks.find((task) => task.taskId === 'team-meeting')?.interpreter).toEqual({ language: 'Arabic', rule: 'R-ARR-9' });
    expect(mainTasks.find((task) => task.taskId === 'contents-insurance')?.interpreter).toBeUndefined();
    // A step by someone who may not do it, or interpreted by a child, is refused with the reason.
    await expect(main.executeUpdate(completeTaskUpdate, { args: [{ actor: { id: 'imdi-sup-1', role: 'supervisor' }, taskId: 'pick-up' }] })).rejects.toMatchObject({
      cause: { message: expect.stringContaining('registreres av kommunens flyktningtjeneste') },
    });
    await expect(
      main.executeUpdate(completeTaskUpdate, { args: [{ actor: staff, taskId: 'lease', interpreter: { ...qualifiedInterpreter, name: 'Lina (daughter)', familyMember: true, child: true } }] }),
    ).rejects.toMatchObject({ cause: { message: expect.stringContaining('§ 11e') } });

    // R-ARR-1..3, R-GRANT-1: the checklists on day one, NIR, the year-1 grants, the programme start.
    for (const h of members) {
      const view: JourneyView = await h.query(journeyQuery);
      for (const task of view.openTasks.filter((o) => view.tasks.find((s) => s.id === o.taskId)?.step === 'checklist')) {
        await h.executeUpdate(completeTaskUpdate, { args: [{ actor: staff, taskId: task.taskId, ...(task.interpreter ? { interpreter: qualifiedInterpreter } : {}) }] });
      }
      await expect(h.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'integration', settlementYear: 1 }] })).rejects.toMatchObject({
        cause: { message: expect.stringContaining('må være registrert i NIR') },
      });
      await h.executeUpdate(registerInNirUpdate, { args: [{ actor: staff, registeredOn: settled }] });
      await h.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'integration', settlementYear: 1 }] });
    }
    await toddler.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'kindergarten' }] });
    for (const adult of [main, spouse]) await adult.executeUpdate(recordProgrammeStartUpdate, { args: [{ actor: staff, startDate: settled }] });
    for (const h of members) {
      const view = await h.query(journeyQuery);
      expect(view.deadlines.filter((d) => d.id.startsWith('first')).map((d) => d.status)).toEqual(view.deadlines.filter((d) => d.id.startsWith('first')).map(() => 'met'));
    }
    const lease = (await main.query(journeyQuery)).tasks.find((task) => task.id === 'lease')!;
    expect(lease.record).toMatchObject({ by: staff, what: 'Utført: Leiekontrakten gjennomgått med tolk og signert av flyktningen som leietaker', details: { interpreter: qualifiedInterpreter } });

    // The grant timeline of year 1, from the 2018 table (the latest loaded), by hand: 187 000 each, + 25 800 kindergarten.
    const household1 = await queryHouseholdJourney(t.client, caseId, household.map((p) => p.dufNumber), settled);
    expect(household1.grants.bySettlementYear.map((y) => [y.calendarYear, y.amount, y.estimated])).toEqual([
      [year, 4 * 187_000 + 25_800, true],
      [year + 1, 4 * 239_000, true],
      [year + 2, 4 * 171_000, true],
      [year + 3, 4 * 85_500, true],
      [year + 4, 4 * 71_600, true],
    ]);
    expect(household1.grants.total).toBe(3_042_200);
    // R-GRANT-5, Gudbrandsdalen policy: couple 45 000 + 2 × 5 000 furniture; 4 × 8 000 clothes.
    expect(household1.grants.establishment).toMatchObject({ furniture: 55_000, clothes: 32_000, total: 87_000 });
    const toddlerGrants = (await toddler.query(journeyQuery, { asOf: settled })).grants;
    expect(toddlerGrants.lines.map((l) => [l.id, l.amount, l.status])).toEqual([
      ['integration:1', 187_000, 'applied'],
      ['integration:2', 239_000, 'upcoming'],
      ['integration:3', 171_000, 'upcoming'],
      ['integration:4', 85_500, 'upcoming'],
      ['integration:5', 71_600, 'upcoming'],
      ['kindergarten:1', 25_800, 'applied'],
    ]);

    // R-GRANT-4: the stipend, 2 G (G = 130 160, the latest in the data) — two thirds for the spouse until 25.
    const mainStipend = (await main.query(journeyQuery)).grants.stipend;
    expect(mainStipend.map(({ yearly, monthly, daily, hourly, g }) => ({ yearly, monthly, daily, hourly, g }))).toEqual([
      { yearly: 260_320, monthly: 21_693.33, daily: 723.11, hourly: 140.71, g: 130_160 },
    ]);
    const spouseStipend = (await spouse.query(journeyQuery)).grants.stipend;
    expect(spouseStipend.map(({ from, under25, yearly, monthly, daily, hourly }) => ({ from, under25, yearly, monthly, daily, hourly }))).toEqual([
      { from: settled, under25: true, yearly: 173_546.67, monthly: 14_462.22, daily: 482.07, hourly: 93.81 },
      { from: `${year + 2}-07-02`, under25: false, yearly: 260_320, monthly: 21_693.33, daily: 723.11, hourly: 140.71 },
    ]);

    // From here the days of the journey, in order.
    const days = agenda();
    const meeting = addDays(settled, 30);
    const mainProgrammeEnds = addMonths(settled, 24);
    const spouseProgrammeEnds = addMonths(settled, 30);

    days.plan(addDays(settled, 20), 'R-ARR-4: school start', async () => {
      await ready(child, addDays(settled, 20));
      await child.executeUpdate(recordSchoolStartUpdate, { args: [{ actor: staff, school: 'Otta skule', startDate: addDays(settled, 20) }] });
    });
    days.plan(addDays(settled, 40), 'R-ARR-5: kindergarten place', async () => {
      await ready(toddler, addDays(settled, 40));
      await toddler.executeUpdate(recordKindergartenPlaceUpdate, { args: [{ actor: staff, kind: 'kindergarten', provider: 'Otta barnehage', startDate: addDays(settled, 40) }] });
    });

    // R-ARR-8: the first team meeting on day 30; the main person's plan is evaluated on time, 10 days before each due date,
    // until the programme ends at 24 months; the spouse misses the first evaluation, then keeps time until 30 months.
    const evaluations = { main: [] as IsoDate[], spouse: [] as IsoDate[] };
    const planNext = (who: 'main' | 'spouse', h: WorkflowHandle, lastMet: IsoDate, ends: IsoDate) => {
      const due = addMonths(lastMet, 6);
      const on = who === 'spouse' && evaluations.spouse.length === 0 ? addDays(due, 5) : addDays(due, -10);
      if (on >= ends) {
        days.plan(ends, `${who}: programme ends`, async () => {
          await ready(h, ends);
          const after = await h.executeUpdate(endProgrammeUpdate, { args: [{ actor: staff, endedOn: ends, reason: 'Programme completed; started work' }] });
          expect(after.openTasks.filter((task) => task.rule === 'R-ARR-8')).toEqual([]);
        });
        return;
      }
      if (who === 'spouse' && evaluations.spouse.length === 0) {
        days.plan(addDays(due, 1), 'spouse: the first evaluation is overdue', async () => {
          const view = await viewUntil(h, (v) => v.deadlines.some((d) => d.id === 'plan-evaluation-1' && d.status === 'overdue'));
          expect(view.openTasks.find((task) => task.taskId === 'plan-evaluation-1')).toMatchObject({ dueDate: due, overdue: true });
        });
      }
      days.plan(on, `${who}: plan evaluated`, async () => {
        await ready(h, on);
        await h.executeUpdate(recordPlanEvaluationUpdate, { args: [{ actor: staff, evaluatedOn: on, ...(who === 'main' ? { interpreter: qualifiedInterpreter } : {}) }] });
        evaluations[who].push(on);
        planNext(who, h, on, ends);
      });
    };
    days.plan(meeting, 'R-ARR-8: first team meetings', async () => {
      for (const [who, h, ends] of [['main', main, mainProgrammeEnds], ['spouse', spouse, spouseProgrammeEnds]] as const) {
        await ready(h, meeting);
        await h.executeUpdate(recordTeamMeetingUpdate, { args: [{ actor: staff, heldOn: meeting, ...(who === 'main' ? { interpreter: qualifiedInterpreter } : {}) }] });
        planNext(who, h, meeting, ends);
      }
    });
    days.plan(addDays(addMonths(settled, 3), 1), 'R-ARR-4, R-ARR-5, R-ARR-8: three months after settlement, every deadline met', async () => {
      for (const [h, id] of [[child, 'school-start'], [toddler, 'kindergarten-place'], [main, 'team-meeting'], [spouse, 'team-meeting']] as const) {
        expect((await h.query(journeyQuery)).deadlines.find((d) => d.id === id)?.status).toBe('met');
      }
    });

    // R-GRANT-2: years 2–5 are applied for early in each year, for every member.
    for (let n = 2; n <= 5; n++) {
      const on = `${year + n - 1}-01-03`;
      days.plan(on, `grants for year ${n}`, async () => {
        for (const h of members) {
          await ready(h, on);
          await h.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'integration', settlementYear: n }] });
        }
      });
    }

    await days.run(t);

    // R-ARR-8: main evaluated 4 times on time (each ~6 months) before the programme ended; the spouse once late, then on time.
    expect(evaluations.main).toHaveLength(4);
    expect(evaluations.spouse.length).toBeGreaterThanOrEqual(4);
    const spouseView = await spouse.query(journeyQuery);
    expect(spouseView.tasks.filter((task) => task.step === 'plan_evaluation').map((task) => task.status)).toEqual([
      ...evaluations.spouse.map(() => 'done'),
      'not_applicable',
    ]);
    const mainView = await main.query(journeyQuery);
    for (const [a, b] of mainView.tasks.filter((task) => task.step === 'plan_evaluation').map((task) => task.id).entries()) expect(b).toBe(`plan-evaluation-${a + 1}`);
    expect(mainView.programme).toEqual({ startedOn: settled, endedOn: mainProgrammeEnds, endReason: 'Programme completed; started work' });

    // Year five: every integration grant applied for; the household's five-year total unchanged.
    const lastYear = await queryHouseholdJourney(t.client, caseId, household.map((p) => p.dufNumber), `${year + 4}-06-01`);
    expect(lastYear.members.every((m) => m.settlementYear === 5)).toBe(true);
    expect(lastYear.grants.total).toBe(3_042_200);
    for (const h of members) {
      const { grants } = await h.query(journeyQuery, { asOf: `${year + 4}-06-01` });
      expect(grants.lines.filter((l) => l.grant === 'integration').map((l) => l.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    }

    // The only escalation of the five years: the spouse's missed first evaluation.
    const sent = await listCaseNotifications(t.tables, caseId);
    expect(sent.filter((n) => n.type === 'arrival-task-overdue').map((n) => [dataOf(n).deadlineId, dataOf(n).person])).toEqual([
      ['plan-evaluation-1', { name: 'Omar Haddad', dufNumber: f.spouse.dufNumber }],
    ]);

    // After year five every journey ends, in five runs (one per settlement year).
    await skipTo(t, `${year + 5}-01-03`);
    for (const h of members) {
      expect(await resultOfEnded<JourneyOutcome>(t, h)).toMatchObject({ endedOn: `${year + 4}-12-31`, openTasks: 0, runs: 5 });
    }

    // The history bound: every run of every journey, counted from the server's history.
    const lengths: number[] = [];
    for (const h of members) {
      const info = await h.query(runInfoQuery);
      const runIds = [...info.previousRuns.map((r) => r.runId), info.runId];
      expect(runIds).toHaveLength(5);
      for (const runId of runIds) {
        const history = await t.client.workflow.getHandle(h.workflowId, runId).fetchHistory();
        lengths.push(history.events!.length);
      }
    }
    console.log(`[arrival-family] events per run: ${lengths.join(', ')} (max ${Math.max(...lengths)})`);
    expect(Math.max(...lengths)).toBeLessThan(EVENTS_PER_RUN_BOUND);
    expect(EVENTS_PER_RUN_BOUND).toBeLessThan(HISTORY_EVENTS_GUARD);
  });
});
