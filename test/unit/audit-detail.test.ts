/** R-PRIV-4 (issue 11): what the audit log keeps of a refused step is a code, never the reason's text. */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { refusalDetail } from '../../api/audit';

describe('refusalDetail', () => {
  it('R-PRIV-4: keeps the failure type and the rule ids, not the names or DUF numbers in the reason', () => {
    const reason = 'Amal Haddad was not of school age at settlement (R-ARR-4); DUF-nummer 202412345678 (R-ARR-4)';
    const refused = new WorkflowUpdateFailedError('update failed', ApplicationFailure.nonRetryable(reason, 'StepRefused'));
    expect(refusalDetail(refused)).toBe('StepRefused R-ARR-4');
    expect(refusalDetail(new WorkflowNotFoundError('case-1 with DUF 202412345678 not found', 'case-1', undefined))).toBe('WorkflowNotFound');
    expect(refusalDetail(new WorkflowUpdateFailedError('x', ApplicationFailure.nonRetryable('DUF number 202412345678 is not a member')))).toBe('Refused');
  });
});
