/** Journeys live for years: a case's history is handed over to a new run before it grows large. */
import { describe, expect, it } from 'vitest';
import { caseStateQuery, } from '../../workflows/messages';
import { caseIdForPermit } from '../../api/case-id';
import { TEST_CASE_ID_SECRET } from '../fixtures/secrets';
import { MAX_HISTORY_EVENTS_PER_RUN } from '../../workflows/settlement-case';
import { completeSettlementInfo, staff, step } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { familyPermit } from '../fixtures/permits';
import { eventually, useDevServer } from '../harness/workers';

const t = useDevServer();

describe('bounded history', () => {
  it(`continues as new past the bound (${MAX_HISTORY_EVENTS_PER_RUN} events in production), keeping the whole state and every deadline`, async () => {
    const cal = await t.calendar();
    const permit = familyPermit(cal);
    const caseId = caseIdForPermit(permit.permitId, TEST_CASE_ID_SECRET);
    const bound = 40;
    const handle = await t.client.workflow.start('settlementCase', { workflowId: caseId, taskQueue: t.taskQueue, args: [{ caseId, permit, maxHistoryEvents: bound }] });
    const firstRunId = (await handle.describe()).runId;

    await step(handle, 'recordSettlementInfo', staff.mottak, completeSettlementInfo());
    await step(handle, 'completeInterview', staff.mottak, validInterview(cal));
    for (let i = 0; i < 6; i++) await step(handle, 'addInternalNote', staff.mottak, { text: `Note ${i}` });

    const latest = t.client.workflow.getHandle(caseId); // no run id: follows the chain
    const state = await eventually(() => latest.query(caseStateQuery), (s) => s.internalNotes.length === 6);
    const runs: string[] = [];
    for await (const execution of t.client.workflow.list({ query: `WorkflowId = '${caseId}'` })) runs.push(execution.runId);
    expect(runs.length).toBeGreaterThan(1);
    expect((await latest.describe()).runId).not.toBe(firstRunId);

    // Nothing is lost across the hand-over.
    expect(state.stage).toBe('preparing');
    expect(state.interview?.completedBy).toEqual(staff.mottak);
    expect(state.internalNotes.map((n) => n.text)).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3', 'Note 4', 'Note 5']);
    expect(state.deadlines.find((d) => d.rule === 'R-INT-2')!.status).toBe('met');
    expect(state.deadlines.find((d) => d.rule === 'R-HOST-1')!.status).not.toBe('met');

    // Each run stays near the bound: the hand-over happens at the first quiet moment past it (no step
    // running, no message in flight — a note's alert to IMDi is one more activity and one more write).
    for (const runId of runs) {
      const history = await t.client.workflow.getHandle(caseId, runId).fetchHistory();
      expect(history.events!.length).toBeLessThan(bound + 50);
    }

    // Steps keep working on the new run.
    const mapped = await step(latest, 'recordCompetenceMapping', staff.kommune('3405'), { status: 'done', doneOn: cal.today });
    expect(mapped.competenceMapping.status).toBe('done');
  });
});
