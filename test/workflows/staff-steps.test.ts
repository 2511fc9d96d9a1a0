/**
 * Staff steps on the settlement case as Temporal updates with validators, on the real dev server:
 * a step not allowed now is refused with the reason, and nothing changes.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { getMunicipalityYear, setDecidedNumber } from '../../store/municipalities';
import { listCaseNotifications } from '../../store/notification-log';
import { caseStateQuery } from '../../workflows/messages';
import { completeSettlementInfo, readyForDistribution, staff, startCase, step } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { familyPermit } from '../fixtures/permits';
import { useDevServer } from '../harness/workers';
import { isoWeekYear } from '../../domain/dates';

const t = useDevServer();

async function refusedWith(promise: Promise<unknown>, reason: string | RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const message = (error as WorkflowUpdateFailedError).cause?.message ?? '';
  if (typeof reason === 'string') expect(message).toContain(reason);
  else expect(message).toMatch(reason);
}

describe('staff steps refused with the reason', () => {
  it('R-INT-6: a completed interview cannot be completed again, and its information is frozen', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t);
    await step(handle, 'completeInterview', staff.mottak, validInterview(cal));
    await refusedWith(step(handle, 'completeInterview', staff.mottak, validInterview(cal)), 'saken er i «klargjøring»');
    await refusedWith(step(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo()), 'låst (R-INT-6)');
  });

  it('R-INT-6, R-REG-3: after the interview, information comes as an internal note to IMDi — the only place a risk is written', async () => {
    const cal = await t.calendar();
    const { handle, caseId } = await startCase(t);
    await step(handle, 'completeInterview', staff.mottak, validInterview(cal));
    const state = await step(handle, 'addInternalNote', staff.mottak, {
      text: 'The family now says they have a cat.',
      riskToSelfOrOthers: { dufNumber: '202612345682', description: 'Has threatened staff twice.' },
      correctedSettlementInfo: completeSettlementInfo({ pets: { answer: 'yes', details: 'one cat' } }),
    });
    expect(state.settlementInfo.pets).toEqual({ answer: 'yes', details: 'one cat' });
    const alert = (await listCaseNotifications(t.tables, caseId)).find((n) => n.type === 'internal-note')!;
    expect(alert).toMatchObject({ rule: 'R-INT-6', recipient: 'imdi:imdi' });
    expect(alert.body).toContain('Has threatened staff twice.'); // R-REG-3: the risk goes to IMDi in the note
    expect(state.settlementInfo).not.toHaveProperty('riskToSelfOrOthers');
  });

  it('R-INT-3: an interview that leaves out an adult is refused, naming the person', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t);
    // Checked at the edge (the API and this fixture), against the household of the case's permit.
    await expect(step(handle, 'completeInterview', staff.mottak, validInterview(cal, { participants: [{ dufNumber: '202612345671', format: 'joint' }] }))).rejects.toThrow(
      /Omar Haddad \(DUF 202612345682\)/,
    );
    expect((await handle.query(caseStateQuery)).stage).toBe('interview');
  });

  it('R-REG-2, R-DIST-1: a distribution with unknown information is refused, naming each unknown field', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t);
    await step(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo({ pets: { answer: 'unknown' }, fromSpecialUnit: { answer: 'unknown' } }));
    await step(handle, 'completeInterview', staff.mottak, validInterview(cal));
    await step(handle, 'recordCompetenceMapping', staff.kommune('3405'), { status: 'done', doneOn: cal.today });
    const offer = step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
    await refusedWith(offer, /R-REG-2: om husstanden har husdyr i Norge er ukjent.*R-REG-2: om noen kommer fra en særskilt enhet .* er ukjent/);
    expect((await handle.query(caseStateQuery)).offers).toEqual([]);
  });

  it('R-REG-1: collective protection without its mandatory fields is refused, naming each field and person', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t, familyPermit(cal, { permitType: 'collective_protection' }));
    await step(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo());
    await step(handle, 'completeInterview', staff.mottak, validInterview(cal));
    await refusedWith(
      step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' }),
      /R-REG-1: høyeste utdanning og fagfelt for Amal Haddad \(DUF 202612345671\).*R-REG-1: språkferdigheter med engelsknivå for Omar Haddad/,
    );
  });

  it('R-REG-4: there is no field for a diagnosis; the form naming one is refused', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t);
    const info = completeSettlementInfo({ persons: [{ dufNumber: '202612345671', diagnosis: 'PTSD' } as never] });
    await expect(step(handle, 'recordSettlementInfo', staff.mottak, info)).rejects.toThrow(/diagnosis.*R-REG-4/);
  });

  it('wrong-state steps are refused with the reason', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t);
    await refusedWith(step(handle, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: cal.week(60) }), 'Saken har ikke noe åpent tilbud å svare på');
    await refusedWith(step(handle, 'agreeMovingDate', staff.mottak, { movingDate: cal.day(60), travel: { mode: 'public_transport', journeyHours: 2 } }), 'Flyttedato kan bare gjøres når saken er i «avtalt bosetting» eller «flytting» eller «bosettingsnekt»; saken er i «bosettingssamtale»');
    await refusedWith(step(handle, 'registerRefusal', staff.mottak, { refusedOn: cal.today, moveDeadline: cal.day(7) }), 'saken er i «bosettingssamtale»');
    await refusedWith(step(handle, 'registerFirstRenewal', staff.udi, { renewalDate: cal.today }), 'venter på første fornyelse');
    await refusedWith(step(handle, 'completeInterview', staff.kommune('3405'), validInterview(cal)), 'Rollen «kommune» kan ikke ta dette steget');
    await refusedWith(step(handle, 'completeInterview', { id: 'leader', role: 'supervisor' }, validInterview(cal)), 'Rollen «supervisor» kan ikke');
  });

  it('R-DIST-3, R-PRIV-1: only the municipality the case is offered to can answer the offer', async () => {
    const cal = await t.calendar();
    await setDecidedNumber(t.tables, { municipalityNumber: '3403', name: 'Hamar', year: isoWeekYear(cal.week(60)), decided: 5 });
    const { handle } = await startCase(t);
    await readyForDistribution(handle, validInterview(cal));
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
    await refusedWith(step(handle, 'respondToOffer', staff.kommune('0301'), { decision: 'accept', expectedSettlementWeek: cal.week(60) }), 'Saken er sendt til Hamar, ikke til kommune 0301');
    await refusedWith(step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3405', municipalityName: 'Lillehammer' }), 'én kommune om gangen');
  });

  it('R-DIST-4: once a municipality accepted, the resident gets no second offer', async () => {
    const cal = await t.calendar();
    await setDecidedNumber(t.tables, { municipalityNumber: '3403', name: 'Hamar', year: isoWeekYear(cal.week(60)), decided: 5 });
    const { handle } = await startCase(t);
    await readyForDistribution(handle, validInterview(cal));
    await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
    await step(handle, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: cal.week(60) });
    await refusedWith(step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3405', municipalityName: 'Lillehammer' }), 'bare ett tilbud (R-DIST-4)');
  });

  it('R-DIST-2: two concurrent acceptances of a family of 4 against 6 free places (persons) — exactly one wins', async () => {
    const cal = await t.calendar();
    await setDecidedNumber(t.tables, { municipalityNumber: '3446', name: 'Gran', year: isoWeekYear(cal.week(60)), decided: 6 });
    const cases = await Promise.all([startCase(t), startCase(t)]);
    for (const { handle } of cases) {
      await readyForDistribution(handle, validInterview(cal));
      await step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3446', municipalityName: 'Gran' });
    }
    const answers = await Promise.allSettled(cases.map(({ handle }) => step(handle, 'respondToOffer', staff.kommune('3446'), { decision: 'accept', expectedSettlementWeek: cal.week(60) })));
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = answers.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.cause.message).toBe(`Gran har 2 ledige plasser for ${isoWeekYear(cal.week(60))}, husstanden er 4 personer (R-DIST-2).`);
    const gran = (await getMunicipalityYear(t.tables, '3446', isoWeekYear(cal.week(60))))!;
    expect(gran).toMatchObject({ decided: 6, used: 4, free: 2 });
    const states = await Promise.all(cases.map(({ handle }) => handle.query(caseStateQuery)));
    expect(states.map((s) => s.stage).sort()).toEqual(['agreed', 'distribution']); // the loser's offer stays open for IMDi
  });
});
