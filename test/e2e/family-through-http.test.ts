/**
 * A family from the permit to move-in purely through HTTP, against the real dev server: every
 * staff step by the role that does it, then the history read back with every step in order.
 */
import { describe, expect, it } from 'vitest';
import { isoWeekYear } from '../../domain/dates';
import { completeSettlementInfo } from '../fixtures/cases';
import { interviewFor } from '../fixtures/interview';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually, roomForEveryTestHousehold } from '../harness/api';

describe('a family from permit to move-in through the API', () => {
  it('R-ELIG-1, R-INT-2, R-HOST-1, R-DIST-1..3, R-DIST-7, R-MOVE-1..4, R-PRIV-1, R-PRIV-5: every step over HTTP, history in order', async () => {
    const cal = await apiCalendar();
    const week = cal.week(60);
    await roomForEveryTestHousehold('3405', 'Lillehammer', isoWeekYear(week));

    const permit = uniqueFamilyPermitBody(cal) as { persons: { dufNumber: string }[] };
    const mainDuf = permit.persons[0]!.dufNumber;
    const created = await call(callers.udi, 'POST', '/v1/permits', permit);
    expect(created.status).toBe(201);
    const { caseId } = created.body;
    const step = async (caller: (typeof callers)[keyof typeof callers], path: string, body: unknown) => {
      const response = await call(caller, 'POST', `/v1/cases/${caseId}/${path}`, body);
      expect(response.status, `${path}: ${response.text}`).toBe(200);
      return response.body;
    };

    await step(callers.mottak, 'settlement-info', completeSettlementInfo({}, permit.persons.map((p) => p.dufNumber)));
    await step(callers.mottak, 'interview', interviewFor(cal, permit));
    await step(callers.kommune, 'competence-mapping', { status: 'done', doneOn: cal.today });
    await step(callers.imdi, 'offers', { municipalityNumber: '3405', municipalityName: 'Lillehammer' });

    // R-DIST-3, R-PRIV-1: before it accepts, the municipality sees no name, DUF number or centre.
    const before = await call(callers.kommune, 'GET', `/v1/cases/${caseId}`);
    expect(before.body.view).toBe('anonymised');
    for (const secret of ['Haddad', mainDuf, 'Lillehammer asylmottak']) expect(before.text).not.toContain(secret);

    const accepted = await step(callers.kommune, 'offer-response', { decision: 'accept', expectedSettlementWeek: week });
    expect(accepted.view).toBe('municipality'); // R-PRIV-1: the settling municipality's view once it accepted
    // The real dev server cannot skip time: the family moves today, so the arrival is not in the future.
    const movingDate = cal.today;
    await step(callers.mottak, 'moving-date', { movingDate, travel: { mode: 'public_transport', journeyHours: 3.5 } });
    await step(callers.mottak, 'departure', {
      date: movingDate,
      reason: 'agreed_settlement',
      address: { street: 'Storgata 10', postcode: '2609', town: 'Lillehammer', county: 'Innlandet' },
    });
    await step(callers.kommune, 'arrival', { arrivedOn: movingDate, allMembersArrived: true });

    const settled = await call(callers.supervisor, 'GET', `/v1/cases/${caseId}`);
    expect(settled.body.stage).toBe('settled');

    // R-ARR-9: after the move the municipality works each person's journey; the household view joins them.
    const need = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${mainDuf}/interpreter-need`, { needed: true, language: 'Arabic' });
    expect(need.status, need.text).toBe(200);
    // The journey's input shape is checked here, at the edge (the workflow parses none): 400 naming the field.
    const unnamed = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${mainDuf}/interpreter-need`, { needed: true });
    expect(unnamed.status, unnamed.text).toBe(400);
    expect(unnamed.body.errors).toEqual([{ path: 'language', message: 'oppgi språket tolken må snakke (R-ARR-9)' }]);
    const impossible = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${mainDuf}/team-meeting`, { heldOn: '2026-02-30' });
    expect(impossible.status, impossible.text).toBe(400);
    expect(impossible.body.errors.map((e: { path: string }) => e.path)).toEqual(['heldOn']);
    // R-PRIV-5: a consent to share between the school and the health service, recorded and withdrawn over HTTP.
    const on = cal.today;
    const consent = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${mainDuf}/consent`, { services: ['school', 'health'], validFrom: on, limitations: 'Ikke diagnoser' });
    expect(consent.status, consent.text).toBe(200);
    expect(consent.body.consents).toEqual([expect.objectContaining({ id: 'samtykke-1', services: ['school', 'health'], status: 'valid' })]);
    expect((await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${mainDuf}/consent`, { services: ['school', 'magic'], validFrom: on })).body.errors).toEqual([
      expect.objectContaining({ path: 'services.1' }),
    ]);
    const withdrawn = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${mainDuf}/consent-withdrawal`, { consentId: 'samtykke-1', withdrawnOn: on });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body.consents[0]).toMatchObject({ status: 'withdrawn', withdrawnOn: on });
    const again = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${mainDuf}/consent-withdrawal`, { consentId: 'samtykke-1', withdrawnOn: on });
    expect(again.status, again.text).toBe(409);
    expect(again.body.detail).toMatch(/allerede trukket tilbake/);
    const household = await call(callers.kommune, 'GET', `/v1/cases/${caseId}/household-journey`);
    expect(household.status, household.text).toBe(200);
    expect(household.text).toContain('Arabic');
    expect((await call(callers.otherKommune, 'GET', `/v1/cases/${caseId}/household-journey`)).status).toBe(404);

    // The history, built from Temporal's own history and the case's timeline, in order.
    // The case closes after the arrival's notices are sent, which follow the step's answer.
    const history = await eventually(
      () => call(callers.supervisor, 'GET', `/v1/cases/${caseId}/history`),
      (r) => r.body.entries?.some((e: any) => e.text === 'Saksforløpet er avsluttet'),
    );
    expect(history.status).toBe(200);
    const steps = history.body.entries.filter((e: any) => e.source === 'temporal' && e.kind === 'step').map((e: any) => e.text);
    expect(steps).toEqual([
      'Steget «registrer bosettingsrelevant informasjon» godtatt fra bosettingsansvarlig-lillehammer (mottak, mottak-lillehammer)',
      'Steget «registrer bosettingssamtale» godtatt fra bosettingsansvarlig-lillehammer (mottak, mottak-lillehammer)',
      'Steget «registrer kompetansekartlegging» godtatt fra flyktningetjeneste-lillehammer (kommune, 3405)',
      'Steget «tilby saken til en kommune» godtatt fra imdi-caseworker (imdi)',
      'Steget «svar på tilbudet» godtatt fra flyktningetjeneste-lillehammer (kommune, 3405)',
      'Steget «avtal flyttedato» godtatt fra bosettingsansvarlig-lillehammer (mottak, mottak-lillehammer)',
      'Steget «registrer utflytting» godtatt fra bosettingsansvarlig-lillehammer (mottak, mottak-lillehammer)',
      'Steget «bekreft ankomst» godtatt fra flyktningetjeneste-lillehammer (kommune, 3405)',
    ]);
    const texts: string[] = history.body.entries.map((e: any) => e.text);
    expect(texts[0]).toBe('Saksforløpet startet');
    expect(texts.at(-1)).toBe('Saksforløpet er avsluttet');
    // In the order things happened: Temporal's events by event id (an activity's events carry the instant it ran).
    const eventIds = history.body.entries.filter((e: any) => e.source === 'temporal').map((e: any) => e.eventId);
    expect(eventIds).toEqual([...eventIds].sort((a: number, b: number) => a - b));
    expect(history.body.links.temporalUi).toContain(`/workflows/${caseId}`);
  });
});
