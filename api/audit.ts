/**
 * R-PRIV-4: every read and change of a case by a person is logged before the answer leaves.
 * The log says who, when, what and which case — never the personal data itself: `detail` is a
 * code written by this program (a view, a rule id, a failure type), not a reason or a free text.
 *
 * `audit` writes one entry per case (a case read or changed); `auditList` one entry per request
 * for a read that returns several cases (store/audit-log.ts), so a list costs one write.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { recordAudit, recordAuditRequest } from '../store/audit-log';
import type { Tables } from '../store/table';
import type { Action } from './access';
import type { Principal } from './auth';

export type AuditOutcome = 'ok' | 'denied' | 'refused';

export async function audit(
  tables: Tables,
  principal: Principal,
  action: Action,
  caseIds: string | string[],
  outcome: AuditOutcome = 'ok',
  detail?: string,
): Promise<void> {
  const { id, role, organisation } = principal;
  const at = new Date().toISOString();
  const ids = typeof caseIds === 'string' ? [caseIds] : [...new Set(caseIds)];
  if (ids.length === 0) return;
  await recordAudit(
    tables,
    ids.map((caseId) => ({ caseId, at, actor: id, role, organisation, action, outcome, detail: detail?.slice(0, 200) })),
  );
}

/** R-PRIV-4 for a list read: one entry for the request, naming every case it returned (none: nothing to log). */
export async function auditList(tables: Tables, principal: Principal, action: Action, caseIds: string[], outcome: AuditOutcome = 'ok', detail?: string): Promise<void> {
  if (caseIds.length === 0) return;
  const { id, role, organisation } = principal;
  await recordAuditRequest(tables, { at: new Date().toISOString(), actor: id, role, organisation, action, outcome, detail: detail?.slice(0, 200), caseIds });
}

/**
 * What the audit log keeps of a refused step: the failure's type and the rule ids its reason
 * names. The reason itself may name a person or a DUF number (it goes to the caller only).
 */
export function refusalDetail(error: unknown): string {
  if (error instanceof WorkflowNotFoundError) return 'WorkflowNotFound';
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  // A workflow validator's plain Error arrives with the type "Error": a refusal like the others.
  const type = cause instanceof ApplicationFailure && cause.type && cause.type !== 'Error' ? cause.type : 'Refused';
  const rules = [...new Set((cause instanceof Error ? cause.message : '').match(/\bR-[A-Z]+-\d+\b/g) ?? [])];
  return [type, ...rules].join(' ');
}
