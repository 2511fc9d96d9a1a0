/**
 * Temporal holds no personal data in plaintext (privacy/payload-codec.ts): a family goes through
 * the API from permit to move-in, then the raw histories of its case and of every member's
 * journey are read from the dev server WITHOUT the codec, as anyone with access to Temporal
 * (its database, its Web UI, its API) would read them. None of the household's names, DUF numbers,
 * fødselsnummer or birth dates may appear in them, while the API still reads everything.
 */
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isoWeekYear } from '../../domain/dates';
import { arrivalJourneyWorkflowId } from '../../workflows/arrival-messages';
import { completeSettlementInfo } from '../fixtures/cases';
import { nationalIdentityNumberBornOn, personalIdentifiers } from '../fixtures/identities';
import { validInterview } from '../fixtures/interview';
import { familyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually } from '../harness/api';

let raw: Client;
beforeAll(async () => {
  // No data converter: what is stored, as stored.
  raw = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }), namespace: inject('namespace') });
});
afterAll(() => raw.connection.close());

/** Every byte of every run of a workflow's history, as text. */
async function rawHistory(workflowId: string): Promise<string> {
  const history = await raw.workflow.getHandle(workflowId).fetchHistory();
  return Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('utf8');
}

describe('personal data in Temporal', () => {
  it('R-PRIV-3: the raw histories of a family’s case and journeys hold no name, DUF number, fødselsnummer or birth date', async () => {
    const cal = await apiCalendar();
    const week = cal.week(60);
    expect((await call(callers.imdi, 'PUT', `/v1/municipalities/3405/${isoWeekYear(week)}`, { name: 'Lillehammer', decided: 20 })).status).toBeLessThan(300);
    const permit = familyPermitBody(cal) as any;
    permit.persons[0].nationalIdentityNumber = nationalIdentityNumberBornOn(permit.persons[0].dateOfBirth);
    const [y, m, d] = (permit.persons[0].dateOfBirth as string).split('-');
    const created = await call(callers.udi, 'POST', '/v1/permits', permit);
    expect(created.status, created.text).toBe(201);
    const { caseId } = created.body;
    const step = async (caller: (typeof callers)[keyof typeof callers], path: string, body: unknown) => {
      const response = await call(caller, 'POST', `/v1/cases/${caseId}/${path}`, body);
      expect(response.status, `${path}: ${response.text}`).toBe(200);
    };
    await step(callers.mottak, 'settlement-info', completeSettlementInfo({ familyRelations: `Amal Haddad (born ${d}.${m}.${y}) and Omar Haddad with Lina and Sami.` }));
    await step(callers.mottak, 'interview', validInterview(cal));
    await step(callers.mottak, 'internal-notes', { text: 'Amal Haddad, DUF 202612345671, asks about schools for Lina.' });
    await step(callers.kommune, 'competence-mapping', { status: 'done', doneOn: cal.today });
    await step(callers.imdi, 'offers', { municipalityNumber: '3405', municipalityName: 'Lillehammer' });
    await step(callers.kommune, 'offer-response', { decision: 'accept', expectedSettlementWeek: week });
    // The real dev server cannot skip time: the family moves today.
    const movingDate = cal.today;
    await step(callers.mottak, 'moving-date', { movingDate, travel: { mode: 'public_transport', journeyHours: 3.5 } });
    await step(callers.mottak, 'departure', { date: movingDate, reason: 'agreed_settlement', address: { street: 'Storgata 10', postcode: '2609', town: 'Lillehammer', county: 'Innlandet' } });
    await step(callers.kommune, 'arrival', { arrivedOn: movingDate, allMembersArrived: true });
    const need = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${permit.persons[1].dufNumber}/interpreter-need`, { needed: true, language: 'Arabic' });
    expect(need.status, need.text).toBe(200);

    // The API still reads it all through the codec.
    const full = await call(callers.supervisor, 'GET', `/v1/cases/${caseId}`);
    expect(full.body.permit.persons[0].nationalIdentityNumber).toBe(permit.persons[0].nationalIdentityNumber);
    expect(full.body.stage).toBe('settled');

    const workflowIds = [caseId, ...permit.persons.map((_: unknown, i: number) => arrivalJourneyWorkflowId(caseId, i + 1))];
    const histories = await eventually(
      () => Promise.all(workflowIds.map(rawHistory)),
      (texts) => texts[0]!.includes('confirmArrival'),
    );
    const secrets = personalIdentifiers(permit);
    expect(secrets.length).toBeGreaterThan(20);
    for (const [i, text] of histories.entries()) {
      expect(text.length, workflowIds[i]).toBeGreaterThan(1000);
      // The encrypted payloads are there, with the key id in their metadata.
      expect(text).toContain('binary/encrypted');
      for (const secret of secrets) expect(text, `${secret} in the raw history of ${workflowIds[i]}`).not.toContain(secret);
    }
  });
});
