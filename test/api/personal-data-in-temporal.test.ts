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
import { arrivalJourneyWorkflowId } from '../../workflows/arrival-messages';
import { personalIdentifiers } from '../fixtures/identities';
import { call, callers, eventually } from '../harness/api';
import { familyThroughApi } from '../harness/family';

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
    const { caseId, permit } = await familyThroughApi();

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
