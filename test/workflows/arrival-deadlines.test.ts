/** The arrival journey's durable deadlines and the unaccompanied minor's grant, on the time-skipping server. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatNorwegianDate } from '../../domain/dates';
import {
  applyForGrantUpdate,
  deadlinesQuery,
  grantTimelineQuery,
  journeyQuery,
  recordSchoolStartUpdate,
  registerInNirUpdate,
  runInfoQuery,
} from '../../workflows/arrival-messages';
import { family, member } from '../fixtures/arrival';
import { dataOf, newCaseId, notificationsUntil, resultOfEnded, serverToday, skipTo, staff, startJourneys, viewUntil } from '../harness/arrival';
import { useTimeSkipping } from '../harness/workers';
import { testDataConverter } from '../harness/codec';
import { readJourneyArchive } from '../../store/archive';

const t = useTimeSkipping();

describe('arrival deadlines', () => {
  it('R-ARR-4: a school start not recorded within 3 months is reminded 14 days before, then escalated', async () => {
    const settled = await serverToday(t);
    const f = family(settled);
    const caseId = newCaseId();
    const [child] = await startJourneys(t, [f.schoolChild], [f.main, f.spouse, f.schoolChild, f.toddler], settled, caseId);
    const due = addMonths(settled, 3);

    expect((await child!.query(deadlinesQuery)).find((d) => d.id === 'school-start')?.dueDate).toBe(due);

    await skipTo(t, addDays(due, -14));
    const reminded = await notificationsUntil(t, caseId, (ns) => ns.some((n) => n.type === 'arrival-task-reminder' && dataOf(n).deadlineId === 'school-start'));
    expect(reminded.some((n) => n.type === 'arrival-task-overdue' && dataOf(n).deadlineId === 'school-start')).toBe(false);

    await skipTo(t, addDays(due, 1));
    const sent = await notificationsUntil(t, caseId, (ns) => ns.some((n) => n.type === 'arrival-task-overdue' && dataOf(n).deadlineId === 'school-start'));
    const overdue = sent.find((n) => n.type === 'arrival-task-overdue' && dataOf(n).deadlineId === 'school-start')!;
    expect(overdue).toMatchObject({ rule: 'R-ARR-4', recipient: 'municipality:3437' });
    expect(dataOf(overdue)).toEqual({
      deadlineId: 'school-start',
      title: 'Startet på skolen',
      dueDate: due,
      person: { name: 'Lina Haddad', dufNumber: f.schoolChild.dufNumber },
      openTasks: ['school-start'], // task ids: the message names them in bokmål
    });

    const view = await viewUntil(child!, (v) => v.deadlines.some((d) => d.id === 'school-start' && d.status === 'overdue'));
    expect(view.openTasks.find((task) => task.taskId === 'school-start')).toMatchObject({ dueDate: due, overdue: true });
    // The escalation came after the due date had ended, by the server's clock.
    const escalatedAt = view.deadlines.find((d) => d.id === 'school-start')!.escalatedAt!;
    expect(escalatedAt > `${due}T23:59:59`).toBe(true);

    // A late start is still recorded; the deadline shows it was escalated.
    const today = addDays(due, 1);
    const after = await child!.executeUpdate(recordSchoolStartUpdate, { args: [{ actor: staff, school: 'Otta skule', startDate: today }] });
    expect(after.deadlines.find((d) => d.id === 'school-start')).toMatchObject({ status: 'met', escalatedAt });
  });

  it('R-GRANT-3: the extra grant deadline is reminded a month before, escalated at 13 months; an application after it is refused', async () => {
    const settled = await serverToday(t);
    const f = family(settled);
    const caseId = newCaseId();
    const [spouse] = await startJourneys(t, [f.spouse], [f.main, f.spouse, f.schoolChild, f.toddler], settled, caseId, () => ({ specialNeeds: true }));
    const due = addMonths(settled, 13);

    await spouse!.executeUpdate(registerInNirUpdate, { args: [{ actor: staff, registeredOn: settled }] });
    await spouse!.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'integration', settlementYear: 1 }] });

    await skipTo(t, addMonths(due, -1));
    await notificationsUntil(t, caseId, (ns) => ns.some((n) => n.type === 'arrival-task-reminder' && dataOf(n).deadlineId === 'extra-grant'));

    await skipTo(t, addDays(due, 1));
    const sent = await notificationsUntil(t, caseId, (ns) => ns.some((n) => n.type === 'arrival-task-overdue' && dataOf(n).deadlineId === 'extra-grant'));
    expect(sent.find((n) => n.type === 'arrival-task-overdue' && dataOf(n).deadlineId === 'extra-grant')).toMatchObject({ rule: 'R-GRANT-3', recipient: 'municipality:3437' });

    const late = spouse!.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'extra', variant: 'one_time' }] });
    await expect(late).rejects.toThrowError(WorkflowUpdateFailedError);
    await expect(late).rejects.toMatchObject({ cause: { message: `Ekstratilskudd må søkes innen 13 måneder etter bosettingen, senest ${formatNorwegianDate(due)}; fristen er ute (R-GRANT-3)` } });
    const grants = await spouse!.query(grantTimelineQuery, { asOf: addDays(due, 1) });
    expect(grants.extraGrant).toEqual({ deadline: due, status: 'deadline_passed' });
    expect(grants.lines.some((l) => l.grant === 'extra')).toBe(false);
  });
});

describe('unaccompanied minors', () => {
  it('R-GRANT-2: the special grant runs until the year the minor turns 20; a young minor\'s journey lasts until then', async () => {
    const settled = await serverToday(t);
    const year = Number(settled.slice(0, 4));
    const caseId = newCaseId();
    // 16 or 17 at settlement: turns 20 in settlement year 4. 13 or 14: turns 20 in settlement year 7.
    const older = member({ givenName: 'Ahmad', familyName: 'Noori', citizenship: 'AFG', languages: ['Dari'], dateOfBirth: `${year - 17}-02-01`, unaccompaniedMinor: true });
    const younger = member({ givenName: 'Hamid', familyName: 'Sultani', citizenship: 'AFG', languages: ['Pashto'], dateOfBirth: `${year - 14}-02-01`, unaccompaniedMinor: true });
    const [a] = await startJourneys(t, [older], [older], settled, caseId);
    const [b] = await startJourneys(t, [younger], [younger], settled, `${caseId}-b`);

    for (const h of [a!, b!]) {
      await h.executeUpdate(registerInNirUpdate, { args: [{ actor: staff, registeredOn: settled }] });
      await h.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'integration', settlementYear: 1 }] });
      await h.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'unaccompanied_minor', settlementYear: 1 }] });
    }
    const first = await a!.query(journeyQuery);
    const special = first.grants.lines.filter((l) => l.grant === 'unaccompanied_minor');
    expect(special.map((l) => l.calendarYear)).toEqual([year, year + 1, year + 2, year + 3]);
    expect(special[0]).toMatchObject({ status: 'applied' });
    expect(special[0]!.amount).toBeUndefined(); // no rate in the source: unknown, never guessed
    expect(first.grants.lines.find((l) => l.id === 'integration:1')).toMatchObject({ amount: 187_000, category: 'unaccompanied_minor' });
    expect(first.lastSettlementYear).toBe(5);

    // Years 2–4: the special grant is applied for each year; in year 5 it is over.
    for (let n = 2; n <= 5; n++) {
      await skipTo(t, `${year + n - 1}-01-03`);
      await viewUntil(a!, (v) => v.settlementYear === n);
      await a!.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'integration', settlementYear: n }] });
      const minorGrant = a!.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'unaccompanied_minor', settlementYear: n }] });
      if (n <= 4) await minorGrant;
      else await expect(minorGrant).rejects.toMatchObject({ cause: { message: `Særtilskuddet gis til og med året den mindreårige fyller 20 år (${year + 3}, bosettingsår 4) (R-GRANT-2)` } });
    }
    const lastYear = await a!.query(journeyQuery);
    expect(lastYear.grants.lines.filter((l) => l.grant === 'unaccompanied_minor').map((l) => l.status)).toEqual(['applied', 'applied', 'applied', 'applied']);

    // After year 5 the older minor's journey ends; the younger one's runs until the end of the year they turn 20.
    await skipTo(t, `${year + 5}-01-03`);
    const outcome = await resultOfEnded(t, a!);
    expect(outcome).toMatchObject({ dufNumber: older.dufNumber, endedOn: `${year + 4}-12-31`, runs: 5 });
    // Issue 14: the ended journey is archived, encrypted with the worker's codec (store/archive.ts).
    const archived = await readJourneyArchive(t.tables, testDataConverter().payloadCodecs!, a!.workflowId);
    expect(archived).toMatchObject({ kind: 'journey', workflowId: a!.workflowId, outcome });
    expect(archived!.view.grants.lines.filter((l) => l.grant === 'unaccompanied_minor').map((l) => l.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const youngerView = await viewUntil(b!, (v) => v.settlementYear === 6);
    expect(youngerView).toMatchObject({ lastSettlementYear: 7, endsOn: `${year + 6}-12-31` });
    expect(youngerView.grants.lines.filter((l) => l.grant === 'unaccompanied_minor').at(-1)).toMatchObject({ settlementYear: 7, calendarYear: year + 6 });
    expect((await b!.query(runInfoQuery)).runIndex).toBe(6);

    await skipTo(t, `${year + 7}-01-03`);
    expect(await resultOfEnded(t, b!)).toMatchObject({ endedOn: `${year + 6}-12-31`, runs: 7 });
  });
});
