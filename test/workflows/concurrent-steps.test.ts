/**
 * Issue 9 §3: the handlers of one case never interleave. N concurrent identical or conflicting
 * steps on one case → exactly one applied, the others refused with the reason (or, with the same
 * Idempotency-Key, answered as the repeat they are) — also across continue-as-new.
 */
import { describe, expect, it } from 'vitest';
import { caseIdForPermit } from '../../api/case-id';
import { isoWeekYear } from '../../domain/dates';
import { getMunicipalityYear, setDecidedNumber } from '../../store/municipalities';
import { listCaseNotifications } from '../../store/notification-log';
import { caseStateQuery, type CaseState } from '../../workflows/messages';
import type { Calendar } from '../fixtures/calendar';
import { completeSettlementInfo, readyForDistribution, staff, startCase, step, stepResult } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { familyPermit } from '../fixtures/permits';
import { TEST_CASE_ID_SECRET } from '../fixtures/secrets';
import { eventually, useDevServer } from '../harness/workers';

const t = useDevServer();
const N = 6;

type Outcome = { applied: number; refused: string[] };

async function race(attempts: (() => Promise<unknown>)[]): Promise<Outcome> {
  const settled = await Promise.allSettled(attempts.map((attempt) => attempt()));
  return {
    applied: settled.filter((s) => s.status === 'fulfilled').length,
    refused: settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason?.cause?.message ?? String(s.reason)),
  };
}

async function offered(cal: Calendar, municipalityNumber = '3403', name = 'Hamar') {
  await setDecidedNumber(t.tables, { municipalityNumber, name, year: isoWeekYear(cal.week(60)), decided: 400 });
  const started = await startCase(t);
  await readyForDistribution(started.handle, validInterview(cal));
  await step(started.handle, 'offerToMunicipality', staff.imdi, { municipalityNumber, municipalityName: name });
  return started;
}

describe('one step at a time per case', () => {
  it(`R-DIST-2: ${N} concurrent acceptances of one offer — one applies; one decision letter, one school notice, one place`, async () => {
    const cal = await t.calendar();
    const { handle, caseId } = await offered(cal);
    const result = await race(Array.from({ length: N }, () => () => step(handle, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: cal.week(60) })));
    expect(result.applied).toBe(1);
    expect(result.refused).toHaveLength(N - 1);
    for (const reason of result.refused) expect(reason).toContain('Saken har ikke noe åpent tilbud å svare på');
    const sent = await listCaseNotifications(t.tables, caseId);
    expect(sent.filter((n) => n.type === 'settlement-decision')).toHaveLength(1);
    expect(sent.filter((n) => n.type === 'school-assignment')).toHaveLength(1);
    const hamar = (await getMunicipalityYear(t.tables, '3403', isoWeekYear(cal.week(60))))!;
    expect(hamar.reservedCases.filter((c) => c === caseId)).toHaveLength(1);
  });

  it('R-MOVE-7: concurrent self-settlements in different municipalities — one applies, the other reserves nothing', async () => {
    const cal = await t.calendar();
    const year = isoWeekYear(cal.week(60));
    await setDecidedNumber(t.tables, { municipalityNumber: '3407', name: 'Gjøvik', year, decided: 400 });
    await setDecidedNumber(t.tables, { municipalityNumber: '3411', name: 'Ringsaker', year, decided: 400 });
    const { handle, caseId } = await startCase(t);
    await readyForDistribution(handle, validInterview(cal));
    const result = await race(
      [
        ['3407', 'Gjøvik'],
        ['3411', 'Ringsaker'],
        ['3407', 'Gjøvik'],
        ['3411', 'Ringsaker'],
      ].map(([number, name]) => () => step(handle, 'agreeSelfSettlement', staff.imdi, { municipalityNumber: number!, municipalityName: name!, expectedSettlementWeek: cal.week(60) })),
    );
    expect(result.applied).toBe(1);
    const state = await handle.query(caseStateQuery);
    const holders = await Promise.all(['3407', '3411'].map(async (n) => ((await getMunicipalityYear(t.tables, n, year))!.reservedCases.includes(caseId) ? n : undefined)));
    expect(holders.filter(Boolean)).toEqual([state.agreement!.municipalityNumber]);
  });

  it('conflicting steps: an offer to two municipalities at once, and a departure racing an acceptance', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t);
    await readyForDistribution(handle, validInterview(cal));
    const offers = await race(['3403', '3405', '3407'].map((n) => () => step(handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: n, municipalityName: `Kommune ${n}` })));
    expect(offers.applied).toBe(1);
    for (const reason of offers.refused) expect(reason).toContain('én kommune om gangen (R-DIST-3)');

    const other = await offered(cal);
    const mixed = await race([
      () => step(other.handle, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: cal.week(60) }),
      () => step(other.handle, 'respondToOffer', staff.kommune('3403'), { decision: 'decline', reason: 'Ingen bolig.' }),
    ]);
    expect(mixed.applied).toBe(1);
    const state = await other.handle.query(caseStateQuery);
    expect(state.offers.filter((o) => o.status !== 'pending')).toHaveLength(1);
  });

  it.each(['completeInterview', 'recordCompetenceMapping', 'registerRefusal', 'confirmArrival'] as const)('%s against itself: one applies', async (name) => {
    const cal = await t.calendar();
    const started = name === 'registerRefusal' || name === 'confirmArrival' ? await offered(cal) : await startCase(t);
    const { handle } = started;
    if (name === 'registerRefusal' || name === 'confirmArrival') {
      await step(handle, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: cal.week(60) });
      await step(handle, 'agreeMovingDate', staff.mottak, { movingDate: cal.today, travel: { mode: 'public_transport', journeyHours: 2 } });
    }
    if (name === 'recordCompetenceMapping') await step(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo());
    const attempt = {
      completeInterview: () => step(handle, 'completeInterview', staff.mottak, validInterview(cal)),
      recordCompetenceMapping: () => step(handle, 'recordCompetenceMapping', staff.kommune('3405'), { status: 'done', doneOn: cal.today }),
      registerRefusal: () => step(handle, 'registerRefusal', staff.mottak, { refusedOn: cal.today, moveDeadline: cal.day(10) }),
      confirmArrival: () => step(handle, 'confirmArrival', staff.kommune('3403'), { arrivedOn: cal.today, allMembersArrived: true }),
    }[name];
    const before = (await handle.query(caseStateQuery)).version;
    const result = await race(Array.from({ length: N }, () => attempt));
    expect(result.applied).toBe(1);
    expect(result.refused).toHaveLength(N - 1);
    const after: CaseState = await handle.query(caseStateQuery).catch(() => handle.result());
    expect(after.timeline.filter((e) => e.kind === 'step' && e.actor).length).toBeGreaterThan(0);
    expect(after.version).toBeGreaterThan(before);
  });
});

describe('Idempotency-Key: a retried step applies once', () => {
  it('the same key sent concurrently answers one outcome; reused for another step it is refused', async () => {
    const cal = await t.calendar();
    const { handle } = await startCase(t);
    const key = 'retry-note-1';
    const answers = await Promise.all(Array.from({ length: N }, () => stepResult(handle, 'addInternalNote', staff.mottak, { text: 'Familien ønsker å bo nær slekt.' }, key)));
    const state = await handle.query(caseStateQuery);
    expect(state.internalNotesTotal).toBe(1);
    expect(new Set(answers.map((a) => a.version)).size).toBe(1);
    await expect(stepResult(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo(), key)).rejects.toMatchObject({
      cause: { message: expect.stringContaining('er allerede brukt til steget addInternalNote') },
    });
    // Another caller's key is its own.
    await stepResult(handle, 'addInternalNote', staff.imdi, { text: 'IMDi noterer.' }, key);
    expect((await handle.query(caseStateQuery)).internalNotesTotal).toBe(2);
  });

  it('a retry after continue-as-new is answered as the repeat it is, not applied again', async () => {
    const cal = await t.calendar();
    const permit = familyPermit(cal);
    const caseId = caseIdForPermit(permit.permitId, TEST_CASE_ID_SECRET);
    const handle = await t.client.workflow.start('settlementCase', { workflowId: caseId, taskQueue: t.taskQueue, args: [{ caseId, permit, maxHistoryEvents: 40 }] });
    const firstRun = (await handle.describe()).runId;
    const first = await stepResult(handle, 'addInternalNote', staff.mottak, { text: 'Første notat.' }, 'note-across-runs');
    for (let i = 0; i < 8; i++) await stepResult(handle, 'addInternalNote', staff.mottak, { text: `Notat ${i}` });
    const latest = t.client.workflow.getHandle(caseId);
    await eventually(() => latest.describe(), (d) => d.runId !== firstRun);
    const retry = await stepResult(latest, 'addInternalNote', staff.mottak, { text: 'Første notat.' }, 'note-across-runs');
    expect(retry).toMatchObject({ step: 'addInternalNote', outcome: first.outcome, version: first.version, repeated: true });
    expect((await latest.query(caseStateQuery)).internalNotesTotal).toBe(9);
  });
});
