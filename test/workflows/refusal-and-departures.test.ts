/** Refusal (R-REF) and departures (R-MOVE-5, R-MOVE-6), on the time-skipping server. */
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekYear } from '../../domain/dates';
import { getMunicipalityYear, setDecidedNumber } from '../../store/municipalities';
import { listCaseNotifications } from '../../store/notification-log';
import { caseStateQuery, type CaseState } from '../../workflows/messages';
import { messagesHandedOver, readyForDistribution, staff, startCase, step } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { eventually, useTimeSkipping } from '../harness/workers';

const t = useTimeSkipping();
const FAMILY_DUF = ['202612345671', '202612345682', '202612345693', '202612345704'];

const today = async () => (await t.calendar()).today;

/** A family whose municipality (Hamar) accepted, expected in the week two months from now. */
async function agreedCase() {
  const cal = await t.calendar();
  const week = cal.week(60);
  await setDecidedNumber(t.tables, { municipalityNumber: '3403', name: 'Hamar', year: isoWeekYear(week), decided: 50 });
  const started = await startCase(t);
  await readyForDistribution(started.handle, validInterview(cal));
  await step(started.handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
  await step(started.handle, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: week });
  return { ...started, year: isoWeekYear(week) };
}

async function refusalAt(handle: Parameters<typeof step>[0], ok: (s: CaseState) => boolean) {
  return eventually(() => handle.query(caseStateQuery), ok);
}

describe('refusal', () => {
  it('R-REF-1, R-REF-2, R-REF-3, R-REF-4, R-REF-5, R-HH-2: refusal through all three steps with the right dates', async () => {
    const { handle, caseId, year } = await agreedCase();
    const refusedOn = await today();
    const moveDeadline = addDays(refusedOn, 7);
    const refused = await step(handle, 'registerRefusal', staff.mottak, { refusedOn, moveDeadline });
    expect(refused.stage).toBe('refusal');

    // R-REF-2 at once: IMDi and UDI told, the municipality asked to keep the offer, the deadline letter.
    const first = await eventually(() => listCaseNotifications(t.tables, caseId), (ns) => ns.some((n) => n.type === 'refusal-deadline-letter'));
    expect(first.filter((n) => n.rule === 'R-REF-2').map((n) => `${n.type} → ${n.recipient}`).sort()).toEqual(
      ['keep-offer-request → municipality:3403', `refusal-deadline-letter → resident:${caseId}`, 'refusal-reported → imdi:imdi', 'refusal-reported → udi:udi'].sort(),
    );
    // R-HH-2: the family's one letter lists every member's DUF number.
    const letters = first.filter((n) => n.type === 'refusal-deadline-letter');
    expect(letters).toHaveLength(1);
    for (const duf of FAMILY_DUF) expect(letters[0]!.body).toContain(duf);

    // R-REF-3, step 1 at once: UDI's letter warns of IMDi's deadline and that the allowance will stop.
    const step1 = await refusalAt(handle, (s) => s.refusal?.step === 1);
    expect(step1.refusal!.stepDates.step1).toBe(refusedOn);
    // R-REF-4/5: step 2 the day after IMDi's deadline, but never sooner than 14 days after step 1;
    // both steps are deadlines on the case (so /v1/deadlines shows the eviction date).
    const step2On = addDays(refusedOn, 14);
    expect(step1.deadlines.filter((d) => d.rule === 'R-REF-4' || d.rule === 'R-REF-5').map((d) => [d.rule, d.dueDate, d.status])).toEqual([
      ['R-REF-4', step2On, 'open'],
      ['R-REF-5', step2On, 'open'],
    ]);
    const step1Letters = await eventually(() => listCaseNotifications(t.tables, caseId), (ns) => ns.filter((n) => n.type === 'refusal-step-1-letter').length >= 2);
    // R-REF-3: adults only — one letter to each of the two adults, never to the children; each lists the family.
    // (The letter names its addressee in its address block; the text says "du".)
    const addressed = step1Letters.filter((n) => n.type === 'refusal-step-1-letter').map((n) => JSON.parse(n.data!).addressee);
    expect(addressed.map((a: { name: string; dufNumber: string }) => `${a.name}, DUF-nr. ${a.dufNumber}`).sort()).toEqual(['Amal Haddad, DUF-nr. 202612345671', 'Omar Haddad, DUF-nr. 202612345682']);
    for (const letter of step1Letters.filter((n) => n.type === 'refusal-step-1-letter')) expect(letter.body).toContain('du må flytte til bosettingskommunen');

    const step1Letter = JSON.parse(step1Letters.find((n) => n.type === 'refusal-step-1-letter')!.data!);
    expect(step1Letter).toMatchObject({ moveByDate: moveDeadline, allowanceStopsOn: step2On });

    // Step 2 on its date (not before), and step 3 (the bailiff) together with it ("samtidig").
    await t.env.sleep('13 days');
    expect((await handle.query(caseStateQuery)).refusal!.step).toBe(1);
    await t.env.sleep('2 days');
    const step3 = await refusalAt(handle, (s) => s.refusal?.step === 3);
    expect(step3.refusal!.stepDates).toEqual({ step1: refusedOn, step2: step2On, step3: step2On });
    expect(step3.deadlines.filter((d) => d.rule === 'R-REF-4' || d.rule === 'R-REF-5').map((d) => d.status)).toEqual(['met', 'met']);
    await messagesHandedOver(handle); // the scheduler's steps send their notices after the state changes
    const sent = await listCaseNotifications(t.tables, caseId);
    expect(sent.filter((n) => n.type === 'keep-offer-request')).toHaveLength(2); // R-REF-4: asked again
    expect(sent.find((n) => n.type === 'bailiff-request')).toMatchObject({ rule: 'R-REF-5', recipient: 'bailiff:3405' });

    // R-REF-6: eviction closes the case with the reason and gives the place back.
    await step(handle, 'endRefusal', staff.udi, { outcome: 'evicted', on: await today() });
    const closed = await refusalAt(handle, (s) => s.stage === 'closed');
    expect(closed.outcome).toMatchObject({ rule: 'R-REF-6', reason: 'Kastet ut etter bosettingsnekt' });
    expect((await getMunicipalityYear(t.tables, '3403', year))!.reservedCases).not.toContain(caseId);
  });

  it('R-REF-6: moving during step 2 ends the refusal and the settlement continues', async () => {
    const { handle } = await agreedCase();
    const refusedOn = await today();
    await step(handle, 'registerRefusal', staff.mottak, { refusedOn, moveDeadline: addDays(refusedOn, 3) });
    await t.env.sleep('20 days');
    await refusalAt(handle, (s) => s.refusal?.step === 3);
    const moving = await step(handle, 'agreeMovingDate', staff.mottak, { movingDate: await today(), travel: { mode: 'public_transport', journeyHours: 2 } });
    expect(moving.stage).toBe('moving');
    expect(moving.refusal!.outcome).toBe('moved');
    expect(moving.moving!.travel.foodAndDrink).toBe(false); // R-MOVE-2: under 3 hours
    const settled = await step(handle, 'confirmArrival', staff.kommune('3403'), { arrivedOn: await today(), allMembersArrived: true });
    expect(settled.stage).toBe('settled');
  });
});

describe('departures', () => {
  it('R-MOVE-5: leaving Norway after the agreement tells IMDi the same day and closes the case', async () => {
    const { handle, caseId, year } = await agreedCase();
    const date = await today();
    const state = await step(handle, 'registerDeparture', staff.mottak, { date, reason: 'left_norway' });
    expect(state.stage).toBe('closed');
    const notice = (await listCaseNotifications(t.tables, caseId)).find((n) => n.type === 'departure-abroad')!;
    expect(notice).toMatchObject({ rule: 'R-MOVE-5', recipient: 'imdi:imdi' });
    expect(notice.body).toContain('Hamar');
    expect((await getMunicipalityYear(t.tables, '3403', year))!.reservedCases).not.toContain(caseId);
  });

  it('R-MOVE-5: a resident who left Norway but means to return keeps the case open; IMDi is still told', async () => {
    const { handle, caseId, year } = await agreedCase();
    const state = await step(handle, 'registerDeparture', staff.mottak, { date: await today(), reason: 'left_norway', intendsToReturn: true });
    expect(state.stage).toBe('agreed');
    expect((await listCaseNotifications(t.tables, caseId)).map((n) => n.type)).toContain('departure-abroad');
  });

  it('R-MOVE-6: moving out before an agreement closes the case as self-established', async () => {
    const { handle } = await startCase(t);
    await step(handle, 'completeInterview', staff.mottak, validInterview(await t.calendar()));
    const state = await step(handle, 'registerDeparture', staff.mottak, {
      date: await today(),
      reason: 'left_with_address',
      address: { street: 'Kirkegata 5', postcode: '0153', town: 'Oslo', county: 'Oslo' },
    });
    expect(state.stage).toBe('closed');
    expect(state.outcome).toMatchObject({ rule: 'R-MOVE-6' });
    expect(state.outcome!.reason).toContain('eget initiativ');
    expect(state.deadlines.filter((d) => d.status === 'open' || d.status === 'reminded')).toEqual([]);
  });
});
