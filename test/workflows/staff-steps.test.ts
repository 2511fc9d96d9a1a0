/** Staff steps on the settlement case as Temporal updates with validators, on the real dev server. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { caseStateQuery, completeInterviewUpdate, settlementCaseWorkflowId } from '../../workflows/messages';
import { validInterview } from '../fixtures/interview';
import { familyPermit } from '../fixtures/permits';
import { useDevServer } from '../harness/workers';

const t = useDevServer();
const imdiCaseworker = { id: 'mottak-staff-1', role: 'mottak' as const, organisation: 'mottak-lillehammer' };

async function startCase() {
  const permit = familyPermit();
  const caseId = settlementCaseWorkflowId(permit.permitId);
  const handle = await t.client.workflow.start('settlementCase', { workflowId: caseId, taskQueue: t.taskQueue, args: [{ caseId, permit }] });
  await handle.query(caseStateQuery);
  return { handle, caseId, permit };
}

describe('staff steps', () => {
  it('R-INT-6: a completed interview cannot be completed again; the update is refused with the reason', async () => {
    const { handle } = await startCase();
    await handle.executeUpdate(completeInterviewUpdate, { args: [{ actor: imdiCaseworker, input: validInterview() }] });
    const second = handle.executeUpdate(completeInterviewUpdate, { args: [{ actor: imdiCaseworker, input: validInterview() }] });
    await expect(second).rejects.toThrowError(WorkflowUpdateFailedError);
    await expect(second).rejects.toMatchObject({ cause: { message: expect.stringContaining('the case is in "preparing"') } });
  });
});
