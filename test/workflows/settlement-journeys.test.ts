/** Settlement cases from permit to move-in (or their other endings), on the time-skipping server. */
import { describe, expect, it } from 'vitest';
import { instantToDate } from '../../domain/dates';
import { listCaseNotifications } from '../../store/notification-log';
import { getMunicipalityYear, setDecidedNumber } from '../../store/municipalities';
import { arrivalJourneyWorkflowId } from '../../workflows/arrival-messages';
import { caseStateQuery, type CaseState } from '../../workflows/messages';
import { completeSettlementInfo, idDoubtFamilyPermit, previouslySettledPermit, readyForDistribution, staff, startCase, step, unaccompaniedMinorInfo, unaccompaniedMinorPermit } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { eventually, useTimeSkipping } from '../harness/workers';

const t = useTimeSkipping();
const YEAR = 2027; // the expected settlement weeks below are in 2027

async function today(): Promise<string> {
  return instantToDate(new Date(await t.env.currentTimeMs()).toISOString());
}

async function municipality(number: string, name: string, decided: number) {
  await setDecidedNumber(t.tables, { municipalityNumber: number, name, year: YEAR, decided });
}

const publicTransport = { mode: 'public_transport', journeyHours: 4 } as const;

describe('settlement case journeys', () => {
  it('R-INT-1, R-DIST-1, R-DIST-3, R-DIST-7, R-ARR-4, R-ARR-5, R-MOVE-1..4, R-ARR-6, R-ARR-7: a family with children from permit to move-in', async () => {
    await municipality('3407', 'Gjøvik', 10);
    const { handle, caseId } = await startCase(t.client, t.taskQueue);
    await readyForDistribution(handle, validInterview());
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3407', municipalityName: 'Gjøvik' });
    const agreed = await step(handle, 'respondToOffer', staff.kommune('3407'), { decision: 'accept', expectedSettlementWeek: '2027-W02' });
    expect(agreed.stage).toBe('agreed');
    expect(agreed.agreement).toMatchObject({ municipalityNumber: '3407', expectedSettlementWeek: '2027-W02', kind: 'distribution' });
    expect((await getMunicipalityYear(t.tables, '3407', YEAR))!.used).toBe(1);

    await t.env.sleep('20 days');
    const moving = await step(handle, 'agreeMovingDate', staff.mottak, { movingDate: '2027-01-12', travel: publicTransport });
    expect(moving.stage).toBe('moving');
    expect(moving.moving!.travel).toMatchObject({ foodAndDrink: true, luggagePiecesPerPerson: 3 }); // R-MOVE-2: 4 hours ≥ 3
    await step(handle, 'registerDeparture', staff.mottak, {
      date: '2027-01-12',
      reason: 'agreed_settlement',
      address: { street: 'Storgata 1', postcode: '2815', town: 'Gjøvik', county: 'Innlandet' },
    });
    const settled = await step(handle, 'confirmArrival', staff.kommune('3407'), { arrivedOn: '2027-01-12', allMembersArrived: true });
    expect(settled.stage).toBe('settled');
    expect(settled.deadlines.find((d) => d.rule === 'R-GOAL-1')!.status).toBe('met');
    const final: CaseState = await handle.result();
    expect(final.outcome).toMatchObject({ reason: 'Settled in Gjøvik', rule: 'R-MOVE-3' });
    // R-ARR: each person's journey in the municipality has started and outlives the case.
    for (const [index] of final.permit.persons.entries()) {
      const journey = await t.client.workflow.getHandle(arrivalJourneyWorkflowId(caseId, index + 1)).describe();
      expect(journey.status.name).toBe('RUNNING');
    }

    const sent = await listCaseNotifications(t.tables, caseId);
    const types = sent.map((n) => `${n.type} → ${n.recipient}`);
    expect(types).toEqual(
      expect.arrayContaining([
        'new-case → reception_centre:mottak-lillehammer',
        'distribution-offer → municipality:3407',
        'distribution-accepted → reception_centre:mottak-lillehammer',
        `settlement-decision → resident:${caseId}`,
        'school-assignment → school:3407', // the 7-year-old
        'kindergarten-assignment → kindergarten:3407', // the 3-year-old
        'nav-settlement → nav:3407',
      ]),
    );
    expect(sent.filter((n) => n.type === 'health-settlement').map((n) => n.recipient)).toEqual(['health:3407']); // R-ARR-6: one notice naming everyone
    // R-DIST-3: the offer's profile carries no names, DUF numbers or reception centre.
    const offer = sent.find((n) => n.type === 'distribution-offer')!;
    for (const secret of ['Haddad', 'Amal', '202612345671', 'Lillehammer asylmottak', 'mottak-lillehammer']) expect(offer.body).not.toContain(secret);
  });

  it('R-ARR-4: a family without a school-age child is not announced to a school', async () => {
    await municipality('3411', 'Ringsaker', 5);
    const { handle, caseId, permit } = await startCase(t.client, t.taskQueue);
    void permit;
    // Same family without the 7-year-old: two adults and a 3-year-old.
    const { handle: h2, caseId: id2 } = await startCase(
      t.client,
      t.taskQueue,
      (await import('../fixtures/permits')).familyPermit({ persons: (await handle.query(caseStateQuery)).permit.persons.filter((p) => p.givenName !== 'Lina') }),
    );
    await readyForDistribution(h2, validInterview());
    await step(h2, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3411', municipalityName: 'Ringsaker' });
    await step(h2, 'respondToOffer', staff.kommune('3411'), { decision: 'accept', expectedSettlementWeek: '2027-W03' });
    const sent = await listCaseNotifications(t.tables, id2);
    expect(sent.map((n) => n.type)).not.toContain('school-assignment');
    expect(sent.map((n) => n.type)).toContain('kindergarten-assignment');
    void caseId;
  });

  it('R-DIST-3: two municipalities decline, then one accepts', async () => {
    await municipality('3403', 'Hamar', 3);
    await municipality('3405', 'Lillehammer', 3);
    await municipality('3420', 'Elverum', 3);
    const { handle } = await startCase(t.client, t.taskQueue);
    await readyForDistribution(handle, validInterview());
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
    await step(handle, 'respondToOffer', staff.kommune('3403'), { decision: 'decline', reason: 'No housing for five before spring.' });
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3405', municipalityName: 'Lillehammer' });
    await step(handle, 'respondToOffer', staff.kommune('3405'), { decision: 'decline', reason: 'Kindergarten capacity is full.' });
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3420', municipalityName: 'Elverum' });
    const state = await step(handle, 'respondToOffer', staff.kommune('3420'), { decision: 'accept', expectedSettlementWeek: '2027-W05' });
    expect(state.offers.map((o) => [o.municipalityName, o.status, o.declineReason])).toEqual([
      ['Hamar', 'declined', 'No housing for five before spring.'],
      ['Lillehammer', 'declined', 'Kindergarten capacity is full.'],
      ['Elverum', 'accepted', undefined],
    ]);
    expect(state.stage).toBe('agreed');
    expect((await getMunicipalityYear(t.tables, '3403', YEAR))!.used).toBe(0);
    expect((await getMunicipalityYear(t.tables, '3420', YEAR))!.used).toBe(1);
  });

  it('R-GOAL-1, R-EM-1, R-EM-2: an unaccompanied minor against the 3-month goal and the 2-week plan deadline', async () => {
    console.log('DBG-TODAY', await today());
    await municipality('3413', 'Stange', 2);
    const { handle, caseId } = await startCase(t.client, t.taskQueue, unaccompaniedMinorPermit());
    const created = await handle.query(caseStateQuery);
    // Permit 2026-11-20: at risk from 2027-01-20, late after 2027-02-20.
    expect(created.deadlines.find((d) => d.rule === 'R-GOAL-1')).toMatchObject({ dueDate: '2027-02-20', remindDate: '2027-01-20' });
    console.log('DBG', JSON.stringify({ stage: created.stage, cm: created.competenceMapping, persons: created.permit.persons, tl: created.timeline, created: created.createdAt }));
    expect(created.competenceMapping.status).toBe('not_applicable'); // R-HOST-1: no adults
    await readyForDistribution(handle, { heldOn: '2026-11-26', participants: [{ dufNumber: '202699990001', format: 'extended_unaccompanied_minor' }], topicsCovered: [], declinedInformation: [] }, unaccompaniedMinorInfo());
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3413', municipalityName: 'Stange' });
    const agreed = await step(handle, 'respondToOffer', staff.kommune('3413'), { decision: 'accept', expectedSettlementWeek: '2027-W08' });
    // R-EM-1: Monday of 2027-W08 is 2027-02-22; the plans are due 14 days before: 2027-02-08.
    expect(agreed.deadlines.find((d) => d.rule === 'R-EM-1')).toMatchObject({ dueDate: '2027-02-08', status: 'open' });
    expect((await listCaseNotifications(t.tables, caseId)).map((n) => `${n.type} → ${n.recipient}`)).toContain(`em-moving-notice → guardian:${caseId}`); // R-EM-2: the representative

    await t.env.sleep(`${daysUntil(await today(), '2027-01-21')} days`);
    const atRisk = await eventually(() => handle.query(caseStateQuery), (s) => s.goal.status === 'at_risk');
    expect(atRisk.goal.status).toBe('at_risk');

    await t.env.sleep(`${daysUntil(await today(), '2027-02-09')} days`);
    const overdue = await eventually(() => handle.query(caseStateQuery), (s) => s.deadlines.find((d) => d.rule === 'R-EM-1')?.status === 'overdue');
    expect(overdue.deadlines.find((d) => d.rule === 'R-EM-1')!.status).toBe('overdue');
    const escalations = await eventually(() => listCaseNotifications(t.tables, caseId), (ns) => ns.some((n) => n.type === 'em-plans-overdue'));
    expect(escalations.filter((n) => n.rule === 'R-EM-1').map((n) => `${n.type} → ${n.recipient}`)).toEqual(
      expect.arrayContaining(['em-plans-due → reception_centre:mottak-lillehammer', 'em-plans-overdue → imdi:imdi']),
    );

    await t.env.sleep(`${daysUntil(await today(), '2027-02-22')} days`);
    const late = await eventually(() => handle.query(caseStateQuery), (s) => s.goal.status === 'late');
    expect(late.goal.status).toBe('late');
    expect(late.stage).toBe('agreed'); // R-GOAL-1: the goal never closes a case
  });

  it('R-ELIG-4: a previously established person is refused with the reason and the previous municipality', async () => {
    const { handle } = await startCase(t.client, t.taskQueue, previouslySettledPermit());
    const state: CaseState = await handle.result();
    expect(state.stage).toBe('refused');
    expect(state.outcome).toMatchObject({ rule: 'R-ELIG-4', previousMunicipality: { municipalityNumber: '5001', municipalityName: 'Trondheim' } });
    expect(state.deadlines).toEqual([]);
  });

  it('R-ELIG-2: a §38-5 family with ID doubt waits for its first renewal; no interview deadline runs until then', async () => {
    const { handle, caseId } = await startCase(t.client, t.taskQueue, idDoubtFamilyPermit());
    expect((await handle.query(caseStateQuery)).stage).toBe('waiting_for_renewal');
    await t.env.sleep('60 days');
    const waiting = await handle.query(caseStateQuery);
    expect(waiting.stage).toBe('waiting_for_renewal');
    expect(waiting.deadlines.map((d) => d.rule)).toEqual(['R-GOAL-1']);
    expect((await listCaseNotifications(t.tables, caseId)).filter((n) => n.rule === 'R-INT-2')).toEqual([]);

    const renewalDate = await today();
    const renewed = await step(handle, 'registerFirstRenewal', staff.udi, { renewalDate });
    expect(renewed.stage).toBe('interview');
    expect(renewed.deadlines.find((d) => d.rule === 'R-INT-2')!.dueDate).toBe(addDaysIso(renewalDate, 14));
  });

  it('R-REG-1: collective protection needs its mandatory fields; competence mapping waits until after settlement', async () => {
    await municipality('3401', 'Kongsvinger', 4);
    const { handle } = await startCase(t.client, t.taskQueue, (await import('../fixtures/permits')).familyPermit({ permitType: 'collective_protection' }));
    const created = await handle.query(caseStateQuery);
    expect(created.competenceMapping.status).toBe('not_applicable');
    expect(created.deadlines.map((d) => d.rule)).not.toContain('R-HOST-1');
    const adultFacts = (dufNumber: string) => ({
      dufNumber,
      highestEducation: { level: 'bachelor', field: 'Economics' },
      lastOccupation: 'Accountant',
      languageSkills: { englishLevel: 'intermediate', other: [] },
    });
    await readyForDistribution(handle, validInterview(), completeSettlementInfo({ persons: [adultFacts('202612345671'), adultFacts('202612345682')] as never }));
    const offered = await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3401', municipalityName: 'Kongsvinger' });
    expect(offered.stage).toBe('distribution');
  });
});

function daysUntil(from: string, to: string): number {
  return Math.max(1, Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
}

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
