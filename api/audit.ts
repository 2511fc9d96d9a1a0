/** R-PRIV-4: every read and change of a case by a person is logged before the answer leaves. */
import { recordAudit } from '../store/audit-log';
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
    ids.map((caseId) => ({ caseId, at, actor: id, role, organisation, action, outcome, detail: detail?.slice(0, 1000) })),
  );
}
