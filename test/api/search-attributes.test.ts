/**
 * Search attributes (issue 14, workflows/search-attributes.ts): a family's case and journeys are
 * listed and filtered in Temporal by stage, priority group, centre, municipality, goal status and
 * next due date — and nothing Temporal shows in its list (search attributes, memo) names a person
 * (R-PRIV-3): they are not encrypted.
 */
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { searchAttributeKeys as k } from '../../workflows/search-attributes';
import { arrivalJourneyWorkflowId } from '../../workflows/arrival-messages';
import { personalIdentifiers } from '../fixtures/identities';
import { eventually } from '../harness/api';
import { testDataConverter } from '../harness/codec';
import { familyThroughApi } from '../harness/family';

let client: Client;
beforeAll(async () => {
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }), namespace: inject('namespace'), dataConverter: testDataConverter() });
});
afterAll(() => client.connection.close());

/** What the server holds about the workflow outside its history, as stored. */
async function rawDescription(workflowId: string): Promise<string> {
  const described = await client.workflowService.describeWorkflowExecution({ namespace: inject('namespace'), execution: { workflowId } });
  return Buffer.from(temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse.encode(described).finish()).toString('utf8');
}

describe('search attributes', () => {
  it('R-PRIV-3: a family’s case and journeys carry stage, group, centre, municipality, goal and due date — and no name, DUF number, fødselsnummer or birth date', async () => {
    const { caseId, permit } = await familyThroughApi();
    const handle = client.workflow.getHandle(caseId);
    const described = await eventually(
      () => handle.describe(),
      (d) => d.typedSearchAttributes.get(k.stage) === 'settled',
    );
    const attributes = described.typedSearchAttributes;
    expect(attributes.get(k.stage)).toBe('settled');
    expect(attributes.get(k.priorityGroup)).toBe('family_with_children');
    expect(attributes.get(k.receptionCentre)).toBe('mottak-lillehammer');
    expect(attributes.get(k.municipality)).toBe('3405');
    expect(['on_track', 'met', 'at_risk', 'late', 'missed']).toContain(attributes.get(k.goalStatus));
    expect(described.memo ?? {}).toEqual({});

    const journeyId = arrivalJourneyWorkflowId(caseId, 1);
    const journey = await client.workflow.getHandle(journeyId).describe();
    expect(journey.typedSearchAttributes.get(k.caseId)).toBe(caseId);
    expect(journey.typedSearchAttributes.get(k.municipality)).toBe('3405');
    expect(journey.typedSearchAttributes.get(k.nextDueDate)).toBeInstanceOf(Date);

    // Visibility finds them by those attributes, without decoding anything.
    const listed = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const w of client.workflow.list({ query: `BosettingCaseId = '${caseId}'` })) ids.push(w.workflowId);
        return ids;
      },
      (ids) => ids.length === permit.persons.length,
    );
    expect(listed.sort()).toEqual(permit.persons.map((_: unknown, i: number) => arrivalJourneyWorkflowId(caseId, i + 1)).sort());

    const secrets = personalIdentifiers(permit);
    for (const workflowId of [caseId, ...listed]) {
      const raw = await rawDescription(workflowId);
      expect(raw).toContain('BosettingMunicipality');
      for (const secret of secrets) expect(raw, `${secret} in what Temporal lists of ${workflowId}`).not.toContain(secret);
    }
  });
});
