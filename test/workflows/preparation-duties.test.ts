/** Duties while the household waits: host municipality (R-HOST), function reports (R-REG-6), goals. */
import { describe, expect, it } from 'vitest';
import { addDays, instantToDate } from '../../domain/dates';
import { setDecidedNumber } from '../../store/municipalities';
import { listCaseNotifications } from '../../store/notification-log';
import { caseStateQuery } from '../../workflows/messages';
import { completeSettlementInfo, readyForDistribution, staff, startCase, step, unaccompaniedMinorInfo, unaccompaniedMinorPermit } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { eventually, useTimeSkipping } from '../harness/workers';

const t = useTimeSkipping();

async function today(): Promise<string> {
  return instantToDate(new Date(await t.env.currentTimeMs()).toISOString());
}

describe('duties before settlement', () => {
  it('R-HOST-1, R-HOST-2: competence mapping within 14 days of the decision (reminder, then IMDi), Norwegian training within 3 months', async () => {
    const { handle, caseId, permit } = await startCase(t.client, t.taskQueue);
    const created = await handle.query(caseStateQuery);
    // Decision 2026-11-20: mapping due 2026-12-04 (reminded 3 days before), training due 2027-02-20.
    expect(created.deadlines.find((d) => d.rule === 'R-HOST-1')).toMatchObject({ dueDate: addDays(permit.decisionDate, 14), remindDate: addDays(permit.decisionDate, 11), status: 'open' });
    expect(created.deadlines.find((d) => d.rule === 'R-HOST-2')).toMatchObject({ dueDate: '2027-02-20', status: 'open' });

    await t.env.sleep(`${daysBetween(await today(), '2026-12-02')} days`);
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
    const { handle, caseId } = await startCase(t.client, t.taskQueue);
    const start = await today();
    await step(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo({ fromSpecialUnit: { answer: 'yes', unit: 'special_housing_and_care' } }));
    const first = (await handle.query(caseStateQuery)).deadlines.find((d) => d.rule === 'R-REG-6')!;
    expect(first).toMatchObject({ id: 'R-REG-6#1', status: 'open' });
    expect(first.dueDate.slice(0, 7)).toBe(addMonthsIso(start, 6).slice(0, 7));

    const reportedOn = addDays(start, 100);
    await t.env.sleep('100 days');
    const after = await step(handle, 'recordFunctionReport', staff.mottak, { recordedOn: reportedOn, outcome: 'no_change' });
    expect(after.deadlines.find((d) => d.id === 'R-REG-6#1')!.status).toBe('met');
    expect(after.deadlines.find((d) => d.id === 'R-REG-6#2')).toMatchObject({ dueDate: addMonthsIso(reportedOn, 6), status: 'open' });

    await t.env.sleep('200 days');
    await eventually(() => handle.query(caseStateQuery), (s) => s.deadlines.find((d) => d.id === 'R-REG-6#2')?.status === 'overdue');
    const timeline = (await handle.query(caseStateQuery)).timeline.filter((e) => e.rule === 'R-REG-6').map((e) => e.text);
    expect(timeline).toEqual(expect.arrayContaining([expect.stringMatching(/^Reminder: Function report updated/), expect.stringMatching(/^Overdue: Function report updated/)]));
    void caseId;
  });

  it('R-MOVE-7: an agreed self-settlement reaches agreement without an offer round', async () => {
    await setDecidedNumber(t.tables, { municipalityNumber: '3405', name: 'Lillehammer', year: 2027, decided: 10 });
    const { handle } = await startCase(t.client, t.taskQueue);
    await readyForDistribution(handle, validInterview());
    const agreed = await step(handle, 'agreeSelfSettlement', staff.imdi, { municipalityNumber: '3405', municipalityName: 'Lillehammer', expectedSettlementWeek: '2027-W06' });
    expect(agreed.stage).toBe('agreed');
    expect(agreed.agreement).toMatchObject({ kind: 'self_settlement', municipalityNumber: '3405' });
    expect(agreed.offers).toEqual([]);
  });

  it('R-REF-3, R-REF-6: an unaccompanied minor who refuses keeps the reception place: no letters to a child, no eviction', async () => {
    await setDecidedNumber(t.tables, { municipalityNumber: '3413', name: 'Stange', year: 2027, decided: 10 });
    const { handle, caseId } = await startCase(t.client, t.taskQueue, unaccompaniedMinorPermit());
    await readyForDistribution(handle, { heldOn: await today(), participants: [{ dufNumber: '202699990001', format: 'extended_unaccompanied_minor' }], topicsCovered: [], declinedInformation: [] }, unaccompaniedMinorInfo());
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3413', municipalityName: 'Stange' });
    await step(handle, 'respondToOffer', staff.kommune('3413'), { decision: 'accept', expectedSettlementWeek: '2027-W08' });
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

function daysBetween(from: string, to: string): number {
  return Math.max(1, Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
}

function addMonthsIso(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}
