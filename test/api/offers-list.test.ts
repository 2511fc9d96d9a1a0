/**
 * R-DIST-3: the Tilbud page's list — GET /v1/cases?offeredTo=<municipality> answers the cases with a
 * pending offer to that municipality. A municipality may ask only for its own offers, and its rows
 * name nothing of the household or its centre; its other lists stay the cases it accepted (R-PRIV-1).
 * Rows are written with the store's function, as the workflow's activity does.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { saveCaseSummary, type CaseSummary } from '../../store/case-index';
import { createDocumentClient } from '../../store/client';
import { createTables } from '../../store/table';
import { call, callers } from '../harness/api';

const tables = createTables(createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' }), inject('tableName'), { embedded: true });
const run = randomUUID().slice(0, 8);
const today = new Date().toISOString().slice(0, 10);
const offeredTo = String(5000 + Math.floor(Math.random() * 2000));
const other = String(7000 + Math.floor(Math.random() * 2000));
let sequence = 0;

function summary(overrides: Partial<CaseSummary>): CaseSummary {
  sequence += 1;
  const caseId = `offer-${run}-${sequence}`;
  return {
    caseId,
    permitId: `P-${caseId}`,
    permitType: 'protection',
    permitDate: today,
    stage: 'distribution',
    receptionCentreId: `centre-${run}`,
    receptionCentreName: `Asylmottak ${run}`,
    hostMunicipalityNumber: '3405',
    priorityGroup: 'family_with_children',
    goalStatus: 'on_track',
    householdSize: 4,
    openTasks: [{ id: 'R-HOST-2', title: 'Norskopplæring for Amal Haddad', rule: 'R-HOST-2', dueDate: today }],
    createdAt: new Date().toISOString(),
    updatedAt: new Date(Date.now() + sequence * 1000).toISOString(),
    version: 1,
    ...overrides,
  };
}

describe('R-DIST-3: the offers awaiting a municipality’s answer', () => {
  const mine = summary({ offeredToMunicipalityNumber: offeredTo });
  const theirs = summary({ offeredToMunicipalityNumber: other });
  const accepted = summary({ stage: 'agreed', municipalityNumber: offeredTo });
  const kommune = { role: 'kommune' as const, org: offeredTo, sub: `kommune-${run}` };

  it('lists only the offers to the caller’s own municipality, without permit id, centre, host or task titles', async () => {
    for (const row of [mine, theirs, accepted]) expect(await saveCaseSummary(tables, row)).toBe('written');
    const list = await call(kommune, 'GET', `/v1/cases?offeredTo=${offeredTo}&limit=200`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([mine.caseId]);
    const [row] = list.body.items;
    expect(row).toMatchObject({ caseId: mine.caseId, householdSize: 4, priorityGroup: 'family_with_children', offeredToMunicipalityNumber: offeredTo, openTasks: [] });
    for (const hidden of ['permitId', 'receptionCentreId', 'receptionCentreName', 'hostMunicipalityNumber', 'nextDueDate']) expect(row).not.toHaveProperty(hidden);
    expect(list.text).not.toContain('Haddad');
    expect(list.text).not.toContain(`Asylmottak ${run}`);

    // Its ordinary list is still the cases it accepted (R-PRIV-1): the offer is not in it.
    const own = await call(kommune, 'GET', '/v1/cases?limit=200');
    expect(own.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([accepted.caseId]);
  });

  it('refuses a municipality another’s offers and a centre any; IMDi reads them in full', async () => {
    expect((await call(kommune, 'GET', `/v1/cases?offeredTo=${other}`)).status).toBe(403);
    expect((await call(kommune, 'GET', `/v1/cases?offeredTo=${offeredTo}&receptionCentre=x`)).status).toBe(403);
    expect((await call(callers.mottak, 'GET', `/v1/cases?offeredTo=${offeredTo}`)).status).toBe(403);
    const imdi = await call(callers.imdi, 'GET', `/v1/cases?offeredTo=${offeredTo}&limit=200`);
    expect(imdi.status, imdi.text).toBe(200);
    expect(imdi.body.items).toEqual([expect.objectContaining({ caseId: mine.caseId, receptionCentreName: `Asylmottak ${run}` })]);
  });
});
