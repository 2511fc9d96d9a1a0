/**
 * R-PRIV-4 (issue 13 §4): a read that returns several cases is logged once per request, naming every
 * case it returned — not once per case — and a supervisor still finds, per case, who saw it in a
 * list (GET /v1/cases/{caseId}/audit/lists). Rows are written directly in a reception centre of
 * this run's own, and the reader has a subject of its own, so other tests' reads are not counted.
 */
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { addDays } from '../../domain/dates';
import { saveCaseSummary, type CaseSummary } from '../../store/case-index';
import { createDocumentClient } from '../../store/client';
import { createTables } from '../../store/table';
import { apiCalendar, call, callers, type Caller } from '../harness/api';

const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
const tables = createTables(documentClient, inject('tableName'), { embedded: true });
const run = randomUUID().slice(0, 8);
const centre = `mottak-audit-${run}`;
const N = 4;

function summary(n: number, today: string): CaseSummary {
  const caseId = `audit-${run}-${n}`;
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
    updatedAt: new Date(Date.now() + n * 1000).toISOString(),
    version: 1,
  };
}

/** The list-read items the API wrote for `actor` on the given days (read from the table itself). */
async function listReadItems(actor: string, days: string[]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const day of days) {
    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: inject('tableName'),
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'actor = :actor',
        ExpressionAttributeValues: { ':pk': `AUDITREQ#${day}`, ':actor': actor },
      }),
    );
    out.push(...Items);
  }
  return out;
}

describe('list reads in the audit log', () => {
  it('R-PRIV-4: a list of N cases writes exactly one audit item naming all N, and each case’s look-up finds it', async () => {
    const cal = await apiCalendar();
    const rows = Array.from({ length: N }, (_, i) => summary(i + 1, cal.today));
    for (const row of rows) await saveCaseSummary(tables, row);
    const reader = { role: 'imdi', sub: `imdi-audit-${run}` } as const satisfies Caller;

    const page = await call(reader, 'GET', `/v1/cases?receptionCentre=${centre}&limit=50`);
    expect(page.status, page.text).toBe(200);
    const returned = page.body.items.map((c: { caseId: string }) => c.caseId);
    expect([...returned].sort()).toEqual(rows.map((r) => r.caseId).sort());

    // One item for the request (the day partition of its own instant; the next day too, should it straddle midnight).
    const items = await listReadItems(reader.sub, [cal.today, addDays(cal.today, 1)]);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({ actor: reader.sub, role: 'imdi', action: 'case.list', outcome: 'ok', caseCount: N });
    expect([...(item!.caseIds as string[])].sort()).toEqual([...returned].sort());
    // Ids and codes only (no person, no free text): the attributes are exactly these.
    const attributes = Object.keys(item!).filter((k) => !k.startsWith('_'));
    expect(attributes.sort()).toEqual(['action', 'actor', 'at', 'caseCount', 'caseIds', 'outcome', 'pk', 'requestId', 'role', 'sk'].sort());

    for (const caseId of returned) {
      // Not one entry per case any more…
      const trail = await call(callers.supervisor, 'GET', `/v1/cases/${caseId}/audit?limit=200`);
      expect(trail.status).toBe(200);
      expect(trail.body.items.filter((e: { actor: string }) => e.actor === reader.sub)).toEqual([]);
      // …but the case's look-up of list reads finds the request.
      const lists = await call(callers.supervisor, 'GET', `/v1/cases/${caseId}/audit/lists`);
      expect(lists.status, lists.text).toBe(200);
      expect(lists.body).toMatchObject({ caseId, to: cal.today, from: addDays(cal.today, -30) });
      expect(lists.body.items.filter((e: { actor: string }) => e.actor === reader.sub)).toEqual([
        { at: item!.at, actor: reader.sub, role: 'imdi', action: 'case.list', outcome: 'ok', cases: N },
      ]);
    }
    // A case the list did not return is not named.
    const other = await call(callers.supervisor, 'GET', `/v1/cases/audit-${run}-none/audit/lists`);
    expect(other.body.items.filter((e: { actor: string }) => e.actor === reader.sub)).toEqual([]);
    // The look-up is itself a read of the case's audit trail.
    const trail = await call(callers.supervisor, 'GET', `/v1/cases/${returned[0]}/audit?limit=200`);
    expect(trail.body.items).toContainEqual(expect.objectContaining({ actor: 'imdi-leader', action: 'case.audit', detail: `lists ${addDays(cal.today, -30)}..${cal.today}` }));
  });

  it('R-PRIV-4: the look-up pages and is bounded to 31 days', async () => {
    const cal = await apiCalendar();
    const row = summary(100, cal.today);
    await saveCaseSummary(tables, row);
    const reader = { role: 'supervisor', sub: `supervisor-audit-${run}` } as const satisfies Caller;
    for (let i = 0; i < 3; i++) expect((await call(reader, 'GET', `/v1/cases?receptionCentre=${centre}&limit=50`)).status).toBe(200);

    const seen: unknown[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call(callers.supervisor, 'GET', `/v1/cases/${row.caseId}/audit/lists?from=${cal.today}&to=${addDays(cal.today, 1)}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.items.filter((e: { actor: string }) => e.actor === reader.sub));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toHaveLength(3);

    const tooLong = await call(callers.supervisor, 'GET', `/v1/cases/${row.caseId}/audit/lists?from=${addDays(cal.today, -31)}&to=${cal.today}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.detail).toContain('31');
    expect((await call(callers.imdi, 'GET', `/v1/cases/${row.caseId}/audit/lists`)).status).toBe(403);
  });
});
