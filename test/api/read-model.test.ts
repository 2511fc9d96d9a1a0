/**
 * Lists and the deadlines dashboard from the read model. Rows are written directly
 * with the store's functions (as the workflow's activity would), in organisations of their own.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { addDays, addMonths } from '../../domain/dates';
import { saveCaseSummary, type CaseSummary } from '../../store/case-index';
import { createDocumentClient } from '../../store/client';
import { createTables } from '../../store/table';
import { call, callers } from '../harness/api';

const tables = createTables(createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' }), inject('tableName'), { embedded: true });
const today = new Date().toISOString().slice(0, 10);
const run = randomUUID().slice(0, 8);
const municipality = String(5000 + Math.floor(Math.random() * 4000));
let sequence = 0;

function summary(centre: string, overrides: Partial<CaseSummary>): CaseSummary {
  sequence += 1;
  const caseId = `rm-${run}-${sequence}`;
  return {
    caseId,
    permitId: `P-${caseId}`,
    permitType: 'protection',
    permitDate: addDays(today, -10),
    stage: 'interview',
    receptionCentreId: centre,
    receptionCentreName: `Centre ${centre}`,
    priorityGroup: 'family_with_children',
    goalStatus: 'on_track',
    householdSize: 3,
    openTasks: [],
    createdAt: new Date().toISOString(),
    // Distinct, increasing update times: the list's order is predictable.
    updatedAt: new Date(Date.now() + sequence * 1000).toISOString(),
    version: 1,
    ...overrides,
  };
}

const task = (rule: string, dueDate: string) => ({ id: rule, title: `Task ${rule}`, rule, dueDate });

async function seed(rows: CaseSummary[]) {
  for (const row of rows) expect(await saveCaseSummary(tables, row)).toBe('written');
}

const ids = (r: { status: number; text: string; body: { items: { caseId: string }[] } }) => {
  expect(r.status, r.text).toBe(200);
  return r.body.items.map((c) => c.caseId);
};

describe('case list with filters and cursor pagination', () => {
  const centre = `centre-${run}`;
  const onTrack = summary(centre, { openTasks: [task('R-INT-2', addDays(today, 4))] });
  const minorAtRisk = summary(centre, {
    stage: 'preparing',
    priorityGroup: 'unaccompanied_minor',
    unaccompaniedMinor: true,
    permitDate: addDays(addMonths(today, -2), -5),
    openTasks: [task('R-HOST-1', addDays(today, -1))],
  });
  const late = summary(centre, { stage: 'distribution', priorityGroup: 'none', permitDate: addMonths(addDays(today, -3), -7) });
  const settled = summary(centre, { stage: 'settled', municipalityNumber: municipality, permitDate: addMonths(today, -8), settledAt: `${addDays(today, -3)}T10:00:00Z` });
  const agreed = summary(centre, { stage: 'agreed', municipalityNumber: municipality, permitDate: addDays(today, -40) });
  const all = [onTrack, minorAtRisk, late, settled, agreed];

  it('filters by stage, priority group, goal status, overdue tasks and organisation (indexes plus FilterExpression)', async () => {
    await seed(all);
    const list = (query: string) => call(callers.imdi, 'GET', `/v1/cases?${query}`);
    const byCentre = await list(`receptionCentre=${centre}&limit=200`);
    expect(byCentre.status).toBe(200);
    expect(ids(byCentre)).toEqual([...all].reverse().map((c) => c.caseId)); // newest change first

    expect(ids(await list(`receptionCentre=${centre}&stage=preparing`))).toEqual([minorAtRisk.caseId]);
    expect(ids(await list(`receptionCentre=${centre}&priorityGroup=unaccompanied_minor`))).toEqual([minorAtRisk.caseId]);
    expect(ids(await list(`receptionCentre=${centre}&goal=at_risk`))).toEqual([minorAtRisk.caseId]);
    expect(ids(await list(`receptionCentre=${centre}&goal=late`))).toEqual([late.caseId]);
    expect(ids(await list(`receptionCentre=${centre}&overdue=true`))).toEqual([minorAtRisk.caseId]);
    expect(ids(await list(`municipality=${municipality}`))).toEqual([agreed.caseId, settled.caseId]);

    // The same filters served by their own indexes, across all cases.
    const lateEverywhere = ids(await list('goal=late&limit=200'));
    expect(lateEverywhere).toContain(late.caseId);
    expect(lateEverywhere).not.toContain(settled.caseId); // settled: the goal clock stopped
    expect(lateEverywhere).not.toContain(onTrack.caseId);
    const overdueEverywhere = ids(await list('overdue=true&limit=200'));
    expect(overdueEverywhere).toContain(minorAtRisk.caseId);
    expect(overdueEverywhere).not.toContain(onTrack.caseId);

    // R-GOAL-1 status is as of today, not as last written.
    const rows = byCentre.body.items as any[];
    expect(rows.find((c) => c.caseId === minorAtRisk.caseId).goalStatus).toBe('at_risk');
    expect(rows.find((c) => c.caseId === late.caseId).goalStatus).toBe('late');
    expect(rows.find((c) => c.caseId === onTrack.caseId)).toMatchObject({ goalStatus: 'on_track', nextDueDate: addDays(today, 4), goalDate: addMonths(onTrack.permitDate, 6) });
  });

  it('pages with a cursor through every case exactly once; a cursor from other filters is a 400', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call(callers.imdi, 'GET', `/v1/cases?receptionCentre=${centre}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...all].reverse().map((c) => c.caseId));

    const first = await call(callers.imdi, 'GET', `/v1/cases?receptionCentre=${centre}&limit=1`);
    for (const bad of [`stage=interview&cursor=${first.body.nextCursor}`, 'cursor=garbage', `cursor=${Buffer.from('{"i":"byCentre","k":{"pk":1}}').toString('base64url')}`]) {
      const refused = await call(callers.imdi, 'GET', `/v1/cases?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.errors[0].path).toBe('query.cursor');
    }
  });

  it('R-PRIV-1, R-PRIV-2: a centre lists its residents, a municipality only the cases it accepted', async () => {
    const mottak = { role: 'mottak' as const, org: centre, sub: `staff-${run}` };
    expect(ids(await call(mottak, 'GET', '/v1/cases?limit=200')).sort()).toEqual(all.map((c) => c.caseId).sort());
    const kommune = { role: 'kommune' as const, org: municipality, sub: `kommune-${run}` };
    expect(ids(await call(kommune, 'GET', '/v1/cases?limit=200'))).toEqual([agreed.caseId, settled.caseId]);
    expect(ids(await call(callers.otherMottak, 'GET', '/v1/cases?limit=200'))).not.toContain(onTrack.caseId);
  });

  it('a late write of an older version never replaces a newer one', async () => {
    expect(await saveCaseSummary(tables, { ...onTrack, stage: 'waiting_for_renewal', version: 0 })).toBe('stale');
    const row = (await call(callers.imdi, 'GET', `/v1/cases?receptionCentre=${centre}&limit=200`)).body.items.find((c: any) => c.caseId === onTrack.caseId);
    expect(row.stage).toBe('interview');
  });
});

describe('deadlines dashboard', () => {
  it('open tasks due before a date, earliest first, overdue flagged, only within the caller’s reach', async () => {
    const centre = `dl-${run}`;
    const soon = summary(centre, { openTasks: [task('R-INT-2', addDays(today, 5)), task('R-HOST-1', addDays(today, 40))] });
    const overdue = summary(centre, { openTasks: [task('R-INT-2', addDays(today, -2))] });
    const elsewhere = summary(`dl-other-${run}`, { openTasks: [task('R-INT-2', addDays(today, 1))] });
    await seed([soon, overdue, elsewhere]);

    const mottak = { role: 'mottak' as const, org: centre, sub: `staff-${run}` };
    const board = await call(mottak, 'GET', `/v1/deadlines?before=${addDays(today, 30)}&limit=200`);
    expect(board.status).toBe(200);
    expect(board.body.items.map((t: any) => [t.caseId, t.rule, t.overdue])).toEqual([
      [overdue.caseId, 'R-INT-2', true],
      [soon.caseId, 'R-INT-2', false],
    ]);
    const all = await call(callers.supervisor, 'GET', `/v1/deadlines?before=${addDays(today, 30)}&limit=200`);
    expect(all.body.items.map((t: any) => t.caseId)).toEqual(expect.arrayContaining([soon.caseId, overdue.caseId, elsewhere.caseId]));
    expect((await call(mottak, 'GET', '/v1/deadlines?before=tomorrow')).status).toBe(400);
  });
});

// Statistics are tested through the workflow: test/e2e/statistics-through-workflow.test.ts (issue 9: no hand-written rows).
