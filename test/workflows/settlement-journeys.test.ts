/** Settlement cases from permit to move-in (or their other endings), on the time-skipping server. */
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekYear, mondayOfIsoWeek, type IsoDate } from '../../domain/dates';
import { listCaseNotifications } from '../../store/notification-log';
import { getMunicipalityYear, setDecidedNumber } from '../../store/municipalities';
import { arrivalJourneyWorkflowId } from '../../workflows/arrival-messages';
import { caseStateQuery, type CaseState } from '../../workflows/messages';
import { completeSettlementInfo, idDoubtFamilyPermit, previouslySettledPermit, readyForDistribution, staff, startCase, step, unaccompaniedMinorInfo, unaccompaniedMinorPermit } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { familyPermit } from '../fixtures/permits';
import { eventually, useTimeSkipping } from '../harness/workers';

const t = useTimeSkipping();

/** A decided number for the year of `week` (R-DIST-2 counts a place in the ISO week's year). */
async function municipality(number: string, name: string, decided: number, week: string) {
  await setDecidedNumber(t.tables, { municipalityNumber: number, name, year: isoWeekYear(week), decided });
}

/** Moves the test server's clock to noon of `date`. */
async function skipTo(date: IsoDate) {
  const now = await t.env.currentTimeMs();
  const target = Date.parse(`${date}T12:00:00Z`);
  if (target > now) await t.env.sleep(target - now);
}

const publicTransport = { mode: 'public_transport', journeyHours: 4 } as const;

describe('settlement case journeys', () => {
  it('R-INT-1, R-DIST-1, R-DIST-3, R-DIST-7, R-ARR-4, R-ARR-5, R-MOVE-1..4, R-ARR-6, R-ARR-7: a family with children from permit to move-in', async () => {
    const cal = await t.calendar();
    const week = cal.week(40);
    await municipality('3407', 'Gjøvik', 10, week);
    const { handle, caseId } = await startCase(t);
    await readyForDistribution(handle, validInterview(cal));
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3407', municipalityName: 'Gjøvik' });
    const agreed = await step(handle, 'respondToOffer', staff.kommune('3407'), { decision: 'accept', expectedSettlementWeek: week });
    expect(agreed.stage).toBe('agreed');
    expect(agreed.agreement).toMatchObject({ municipalityNumber: '3407', expectedSettlementWeek: week, kind: 'distribution' });
    expect((await getMunicipalityYear(t.tables, '3407', isoWeekYear(week)))!.used).toBe(4); // R-DIST-2: persons, not households

    await t.env.sleep('20 days');
    const movingDate = (await t.calendar()).day(2);
    const moving = await step(handle, 'agreeMovingDate', staff.mottak, { movingDate, travel: publicTransport });
    expect(moving.stage).toBe('moving');
    expect(moving.moving!.travel).toMatchObject({ foodAndDrink: true, luggagePiecesPerPerson: 3 }); // R-MOVE-2: 4 hours ≥ 3
    await skipTo(movingDate);
    await step(handle, 'registerDeparture', staff.mottak, {
      date: movingDate,
      reason: 'agreed_settlement',
      address: { street: 'Storgata 1', postcode: '2815', town: 'Gjøvik', county: 'Innlandet' },
    });
    const settled = await step(handle, 'confirmArrival', staff.kommune('3407'), { arrivedOn: movingDate, allMembersArrived: true });
    expect(settled.stage).toBe('settled');
    expect(settled.deadlines.find((d) => d.rule === 'R-GOAL-1')!.status).toBe('met');
    const final: CaseState = await handle.result();
    expect(final.outcome).toMatchObject({ reason: 'Bosatt i Gjøvik', rule: 'R-MOVE-3' });
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
    const cal = await t.calendar();
    const week = cal.week(40);
    await municipality('3411', 'Ringsaker', 5, week);
    // The family without the 7-year-old: two adults and a 3-year-old.
    const family = familyPermit(cal);
    const { handle, caseId } = await startCase(t, familyPermit(cal, { persons: family.persons.filter((p) => p.givenName !== 'Lina') }));
    await readyForDistribution(handle, validInterview(cal));
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3411', municipalityName: 'Ringsaker' });
    await step(handle, 'respondToOffer', staff.kommune('3411'), { decision: 'accept', expectedSettlementWeek: week });
    const sent = await listCaseNotifications(t.tables, caseId);
    expect(sent.map((n) => n.type)).not.toContain('school-assignment');
    expect(sent.map((n) => n.type)).toContain('kindergarten-assignment');
  });

  it('R-DIST-3: two municipalities decline, then one accepts', async () => {
    const cal = await t.calendar();
    const week = cal.week(40);
    await municipality('3403', 'Hamar', 6, week); // R-DIST-2: persons; the family is 4
    await municipality('3405', 'Lillehammer', 6, week);
    await municipality('3420', 'Elverum', 6, week);
    const { handle } = await startCase(t);
    await readyForDistribution(handle, validInterview(cal));
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
    await step(handle, 'respondToOffer', staff.kommune('3403'), { decision: 'decline', reason: 'No housing for five before spring.' });
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3405', municipalityName: 'Lillehammer' });
    await step(handle, 'respondToOffer', staff.kommune('3405'), { decision: 'decline', reason: 'Kindergarten capacity is full.' });
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3420', municipalityName: 'Elverum' });
    const state = await step(handle, 'respondToOffer', staff.kommune('3420'), { decision: 'accept', expectedSettlementWeek: week });
    expect(state.offers.map((o) => [o.municipalityName, o.status, o.declineReason])).toEqual([
      ['Hamar', 'declined', 'No housing for five before spring.'],
      ['Lillehammer', 'declined', 'Kindergarten capacity is full.'],
      ['Elverum', 'accepted', undefined],
    ]);
    expect(state.stage).toBe('agreed');
    expect((await getMunicipalityYear(t.tables, '3403', isoWeekYear(week)))!.used).toBe(0);
    expect((await getMunicipalityYear(t.tables, '3420', isoWeekYear(week)))!.used).toBe(4); // R-DIST-2: persons
  });

  it('R-GOAL-1, R-EM-1, R-EM-2: an unaccompanied minor against the 3-month goal and the 2-week plan deadline', async () => {
    const cal = await t.calendar();
    // Expected in the week of day 84: its Monday is day 78–84, so the plans (due 14 days before it,
    // R-EM-1) fall due after the goal's at-risk date (2 months) and before its goal date (3 months).
    const week = cal.week(84);
    const plansDue = addDays(mondayOfIsoWeek(week), -14);
    await municipality('3413', 'Stange', 2, week);
    const { handle, caseId } = await startCase(t, unaccompaniedMinorPermit(cal));
    const created = await handle.query(caseStateQuery);
    expect(created.deadlines.find((d) => d.rule === 'R-GOAL-1')).toMatchObject({ dueDate: cal.month(3), remindDate: cal.month(2) });
    expect(created.competenceMapping.status).toBe('not_applicable'); // R-HOST-1: no adults
    await readyForDistribution(handle, { heldOn: cal.today, participants: [{ dufNumber: '202699990001', format: 'extended_unaccompanied_minor' }], topicsCovered: [], declinedInformation: [] }, unaccompaniedMinorInfo());
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3413', municipalityName: 'Stange' });
    const agreed = await step(handle, 'respondToOffer', staff.kommune('3413'), { decision: 'accept', expectedSettlementWeek: week });
    expect(agreed.deadlines.find((d) => d.rule === 'R-EM-1')).toMatchObject({ dueDate: plansDue, status: 'open' });
    expect((await listCaseNotifications(t.tables, caseId)).map((n) => `${n.type} → ${n.recipient}`)).toContain(`em-moving-notice → guardian:${caseId}`); // R-EM-2: the representative

    await skipTo(addDays(cal.month(2), 1));
    const atRisk = await eventually(() => handle.query(caseStateQuery), (s) => s.goal.status === 'at_risk');
    expect(atRisk.goal.status).toBe('at_risk');

    await skipTo(addDays(plansDue, 1));
    const overdue = await eventually(() => handle.query(caseStateQuery), (s) => s.deadlines.find((d) => d.rule === 'R-EM-1')?.status === 'overdue');
    expect(overdue.deadlines.find((d) => d.rule === 'R-EM-1')!.status).toBe('overdue');
    const escalations = await eventually(() => listCaseNotifications(t.tables, caseId), (ns) => ns.some((n) => n.type === 'em-plans-overdue'));
    expect(escalations.filter((n) => n.rule === 'R-EM-1').map((n) => `${n.type} → ${n.recipient}`)).toEqual(
      expect.arrayContaining(['em-plans-due → reception_centre:mottak-lillehammer', 'em-plans-overdue → imdi:imdi']),
    );

    await skipTo(addDays(cal.month(3), 2));
    const late = await eventually(() => handle.query(caseStateQuery), (s) => s.goal.status === 'late');
    expect(late.goal.status).toBe('late');
    expect(late.stage).toBe('agreed'); // R-GOAL-1: the goal never closes a case
  });

  it('R-ELIG-4: a previously established person is refused with the reason and the previous municipality', async () => {
    const { handle } = await startCase(t, previouslySettledPermit(await t.calendar()));
    const state: CaseState = await handle.result();
    expect(state.stage).toBe('refused');
    expect(state.outcome).toMatchObject({ rule: 'R-ELIG-4', previousMunicipality: { municipalityNumber: '5001', municipalityName: 'Trondheim' } });
    expect(state.deadlines).toEqual([]);
  });

  it('R-ELIG-2: a §38-5 family with ID doubt waits for its first renewal; no interview deadline runs until then', async () => {
    const { handle, caseId } = await startCase(t, idDoubtFamilyPermit(await t.calendar()));
    expect((await handle.query(caseStateQuery)).stage).toBe('waiting_for_renewal');
    await t.env.sleep('60 days');
    const waiting = await handle.query(caseStateQuery);
    expect(waiting.stage).toBe('waiting_for_renewal');
    expect(waiting.deadlines.map((d) => d.rule)).toEqual(['R-GOAL-1']);
    expect((await listCaseNotifications(t.tables, caseId)).filter((n) => n.rule === 'R-INT-2')).toEqual([]);

    const renewalDate = (await t.calendar()).today;
    const renewed = await step(handle, 'registerFirstRenewal', staff.udi, { renewalDate });
    expect(renewed.stage).toBe('interview');
    expect(renewed.deadlines.find((d) => d.rule === 'R-INT-2')!.dueDate).toBe(addDays(renewalDate, 14));
  });

  it('R-REG-1: collective protection needs its mandatory fields; competence mapping waits until after settlement', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t, familyPermit(cal, { permitType: 'collective_protection' }));
    const created = await handle.query(caseStateQuery);
    expect(created.competenceMapping.status).toBe('not_applicable');
    expect(created.deadlines.map((d) => d.rule)).not.toContain('R-HOST-1');
    const adultFacts = (dufNumber: string) => ({
      dufNumber,
      highestEducation: { level: 'bachelor', field: 'Economics' },
      lastOccupation: 'Accountant',
      languageSkills: { englishLevel: 'intermediate', other: [] },
    });
    await readyForDistribution(handle, validInterview(cal), completeSettlementInfo({ persons: [adultFacts('202612345671'), adultFacts('202612345682')] as never }));
    const offered = await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3401', municipalityName: 'Kongsvinger' });
    expect(offered.stage).toBe('distribution');
  });
});
