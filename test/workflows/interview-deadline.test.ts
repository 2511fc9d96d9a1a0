/** The interview stage's durable deadline, on the time-skipping test server. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { listCaseNotifications } from '../../store/notification-log';
import { caseStateQuery, completeInterviewUpdate, settlementCaseWorkflowId } from '../../workflows/messages';
import { familyPermit } from '../fixtures/permits';
import { eventually, useTimeSkipping } from '../harness/time-skipping';
import { validInterview } from '../fixtures/interview';

const t = useTimeSkipping();
const DAY = 24 * 60 * 60 * 1000;
const imdiCaseworker = { id: 'mottak-staff-1', role: 'mottak' as const, organisation: 'mottak-lillehammer' };

async function startCase() {
  const permit = familyPermit();
  const caseId = settlementCaseWorkflowId(permit.permitId);
  const handle = await t.env.client.workflow.start('settlementCase', { workflowId: caseId, taskQueue: t.taskQueue, args: [{ caseId, permit }] });
  // Answered only once the worker has run the first workflow task: the case exists before time moves.
  await handle.query(caseStateQuery);
  return { handle, caseId, permit };
}

describe('settlement interview deadline', () => {
  it('R-INT-1, R-INT-2: the centre is told at once; 14 days later an unheld interview is flagged overdue and escalated', async () => {
    const { handle, caseId } = await startCase();
    const started = await t.env.currentTimeMs();
    const wallStart = Date.now();

    await t.env.sleep('15 days');

    const state = await eventually(
      () => handle.query(caseStateQuery),
      (s) => s.timeline.some((e) => e.text.startsWith('Interview deadline passed')),
    );
    const deadline = state.deadlines.find((d) => d.rule === 'R-INT-2')!;
    expect(deadline.status).toBe('overdue');
    const escalation = state.timeline.find((e) => e.kind === 'timer' && e.text.startsWith('Interview deadline passed'))!;
    expect(Date.parse(escalation.at) - started).toBeGreaterThanOrEqual(14 * DAY);
    // The 14 days passed on the server's clock, not the test's.
    expect(Date.now() - wallStart).toBeLessThan(DAY);

    const sent = await eventually(() => listCaseNotifications(t.tables, caseId), (ns) => ns.length >= 4);
    expect(sent.map((n) => n.type).sort()).toEqual(['interview-overdue', 'interview-overdue', 'interview-reminder', 'new-case']);
    expect(sent.filter((n) => n.type === 'interview-overdue').map((n) => n.recipient).sort()).toEqual([
      'reception_centre_leader:mottak-lillehammer',
      'udi_regional_office:3405',
    ]);
    expect(sent.find((n) => n.type === 'new-case')).toMatchObject({ rule: 'R-INT-1', recipient: 'reception_centre:mottak-lillehammer', status: 'manual' });
  });

  it('R-INT-2: an interview held on day 5 meets the deadline; nothing is escalated', async () => {
    const { handle, caseId } = await startCase();
    await t.env.sleep('5 days');
    const after = await handle.executeUpdate(completeInterviewUpdate, { args: [{ actor: imdiCaseworker, record: validInterview() }] });
    expect(after.stage).toBe('preparing');
    await t.env.sleep('20 days');

    const state = await handle.query(caseStateQuery);
    expect(state.deadlines.find((d) => d.rule === 'R-INT-2')).toMatchObject({ status: 'met' });
    expect(state.interview?.completedBy).toEqual(imdiCaseworker);
    const sent = await listCaseNotifications(t.tables, caseId);
    expect(sent.map((n) => n.type)).not.toContain('interview-overdue');
  });

  it('R-INT-6: a completed interview cannot be completed again; the update is refused with the reason', async () => {
    // Time stands still here: this test server skips ahead whenever all workflows are idle, and an
    // idle case would otherwise reach its default 10-year run timeout between the two updates.
    await t.env.connection.testService!.lockTimeSkipping({});
    try {
      const { handle } = await startCase();
      await handle.executeUpdate(completeInterviewUpdate, { args: [{ actor: imdiCaseworker, record: validInterview() }] });
      const second = handle.executeUpdate(completeInterviewUpdate, { args: [{ actor: imdiCaseworker, record: validInterview() }] });
      await expect(second).rejects.toThrowError(WorkflowUpdateFailedError);
      await expect(second).rejects.toMatchObject({ cause: { message: expect.stringContaining('the case is in "preparing"') } });
    } finally {
      await t.env.connection.testService!.unlockTimeSkipping({});
    }
  });
});
