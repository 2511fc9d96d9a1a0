/** Duties while the household waits: host municipality (R-HOST), function reports (R-REG-6), goals. */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isoWeekYear } from '../../domain/dates';
import { setDecidedNumber } from '../../store/municipalities';
import { listCaseNotifications } from '../../store/notification-log';
import { caseStateQuery } from '../../workflows/messages';
import { completeSettlementInfo, readyForDistribution, staff, startCase, step, unaccompaniedMinorInfo, unaccompaniedMinorPermit } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { eventually, useTimeSkipping } from '../harness/workers';

const t = useTimeSkipping();
const today = async () => (await t.calendar()).today;

describe('duties before settlement', () => {
  it('R-HOST-1, R-HOST-2: competence mapping within 14 days of the decision (reminder, then IMDi), Norwegian training within 3 months', async () => {
    const { handle, caseId, permit } = await startCase(t);
    const created = await handle.query(caseStateQuery);
    // Mapping due 14 days after the decision (reminded 3 days before), training within 3 months of it.
    expect(created.deadlines.find((d) => d.rule === 'R-HOST-1')).toMatchObject({ dueDate: addDays(permit.decisionDate, 14), remindDate: addDays(permit.decisionDate, 11), status: 'open' });
    expect(created.deadlines.find((d) => d.rule === 'R-HOST-2')).toMatchObject({ dueDate: addMonths(permit.decisionDate, 3), status: 'open' });

    await t.env.sleep('12 days');
    await eventually(() => handle.query(caseStateQuery), (s) => s.deadlines.find((d) => d.rule === 'R-HOST-1')?.status === 'reminded');
    await t.env.sleep('4 days');
    const overdue = await eventually(() => handle.query(caseStateQuery), (s) => s.deadlines.find((d) => d.rule === 'R-HOST-1')?.status === 'overdue');
    expect(overdue.deadlines.find((d) => d.rule === 'R-HOST-1')!.status).toBe('overdue');
    const sent = await eventually(() => listCaseNotifications(t.tables, caseId), (ns) => ns.some((n) => n.type === 'mapping-overdue'));
    expect(sent.filter((n) => n.rule === 'R-HOST-1').map((n) => `${n.type} → ${n.recipient}`)).toEqual(['mapping-reminder → host_municipality:3405', 'mapping-overdue → imdi:imdi']);

    // Late mapping still counts; training offered closes R-HOST-2.
    const done = await step(handle, 'recordCompetenceMapping', staff.kommune('3405'), { status: 'done', doneOn: await today() });
    expect(done.competenceMapping.status).toBe('done');
    const trained = await step(handle, 'recordNorwegianTraining', staff.kommune('3405'), { offeredOn: await today() });
    expect(trained.deadlines.find((d) => d.rule === 'R-HOST-2')!.status).toBe('met');
  });

  it('R-REG-6: a resident of a special care unit owes a function report every 6 months while waiting', async () => {
    const { handle, caseId } = await startCase(t);
    const start = await today();
    await step(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo({ fromSpecialUnit: { answer: 'yes', unit: 'special_housing_and_care' } }));
    const first = (await handle.query(caseStateQuery)).deadlines.find((d) => d.rule === 'R-REG-6')!;
    expect(first).toMatchObject({ id: 'R-REG-6#1', status: 'open' });
    expect(first.dueDate).toBe(addMonths(start, 6));

    const reportedOn = addDays(start, 100);
    await t.env.sleep('100 days');
    const after = await step(handle, 'recordFunctionReport', staff.mottak, { recordedOn: reportedOn, outcome: 'no_change' });
    expect(after.deadlines.find((d) => d.id === 'R-REG-6#1')!.status).toBe('met');
    expect(after.deadlines.find((d) => d.id === 'R-REG-6#2')).toMatchObject({ dueDate: addMonths(reportedOn, 6), status: 'open' });

    await t.env.sleep('200 days');
    await eventually(() => handle.query(caseStateQuery), (s) => s.deadlines.find((d) => d.id === 'R-REG-6#2')?.status === 'overdue');
    const timeline = (await handle.query(caseStateQuery)).timeline.filter((e) => e.rule === 'R-REG-6').map((e) => e.text);
    expect(timeline).toEqual(expect.arrayContaining([expect.stringMatching(/^Reminder: Oppdatert funksjonsrapport sendt til IMDi/), expect.stringMatching(/^Overdue: Oppdatert funksjonsrapport sendt til IMDi/)]));
    void caseId;
  });

  it('R-MOVE-7: an agreed self-settlement reaches agreement without an offer round', async () => {
    const cal = await t.calendar();
    const week = cal.week(50);
    await setDecidedNumber(t.tables, { municipalityNumber: '3405', name: 'Lillehammer', year: isoWeekYear(week), decided: 10 });
    const { handle } = await startCase(t);
    await readyForDistribution(handle, validInterview(cal));
    const agreed = await step(handle, 'agreeSelfSettlement', staff.imdi, { municipalityNumber: '3405', municipalityName: 'Lillehammer', expectedSettlementWeek: week });
    expect(agreed.stage).toBe('agreed');
    expect(agreed.agreement).toMatchObject({ kind: 'self_settlement', municipalityNumber: '3405' });
    expect(agreed.offers).toEqual([]);
  });

  it('R-REF-3, R-REF-6: an unaccompanied minor who refuses keeps the reception place: no letters to a child, no eviction', async () => {
    const cal = await t.calendar();
    const week = cal.week(60);
    await setDecidedNumber(t.tables, { municipalityNumber: '3413', name: 'Stange', year: isoWeekYear(week), decided: 10 });
    const { handle, caseId } = await startCase(t, unaccompaniedMinorPermit(cal));
    await readyForDistribution(handle, { heldOn: await today(), participants: [{ dufNumber: '202699990001', format: 'extended_unaccompanied_minor' }], topicsCovered: [], declinedInformation: [] }, unaccompaniedMinorInfo());
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3413', municipalityName: 'Stange' });
    await step(handle, 'respondToOffer', staff.kommune('3413'), { decision: 'accept', expectedSettlementWeek: week });
    const refusedOn = await today();
    await step(handle, 'registerRefusal', staff.mottak, { refusedOn, moveDeadline: addDays(refusedOn, 5) });
    await t.env.sleep('30 days');
    const state = await eventually(() => handle.query(caseStateQuery), (s) => s.refusal?.step === 1);
    expect(state.refusal!.step).toBe(1); // never step 2 or 3: minors are not evicted
    const sent = await listCaseNotifications(t.tables, caseId);
    expect(sent.filter((n) => n.type === 'refusal-step-1-letter')).toEqual([]); // R-REF-3: letters go to adults only
    expect(sent.map((n) => n.type)).not.toContain('eviction-notice');
    expect(sent.map((n) => n.type)).not.toContain('bailiff-request');
  });
});
