/** What a caller sees of one case: all of it, or the anonymised profile (R-DIST-3, R-PRIV-1). */
import { anonymisedProfile } from '../domain/distribution';
import type { DeclinableField, SettlementInfo } from '../domain/settlement-info';
import type { CaseState } from '../workflows/messages';
import type { ApiDeps } from './app';

export function fullCaseView(state: CaseState, links: { case: string; temporalUi: string }) {
  return { view: 'full' as const, ...state, links };
}

/**
 * Before acceptance a municipality gets the household's composition and settlement information,
 * never names, DUF or identity numbers, dates of birth or the reception centre. Built from the
 * domain's anonymisedProfile; nothing else from the state is copied.
 */
export function anonymisedCaseView(state: CaseState, today: string) {
  const s = state as CaseState & { settlementInfo?: SettlementInfo };
  const record = state.interview?.record as { declinedInformation?: DeclinableField[] } | undefined;
  return {
    view: 'anonymised' as const,
    caseId: state.caseId,
    stage: state.stage,
    profile: anonymisedProfile({ permit: state.permit, settlementInfo: s.settlementInfo, declinedInformation: record?.declinedInformation, onDate: today }),
  };
}

/** Where a case lives: its API resource and its workflow in the Temporal Web UI. */
export function caseLinks(deps: Pick<ApiDeps, 'temporalUiUrl' | 'namespace'>, caseId: string) {
  return {
    case: `/v1/cases/${encodeURIComponent(caseId)}`,
    temporalUi: `${deps.temporalUiUrl}/namespaces/${encodeURIComponent(deps.namespace)}/workflows/${encodeURIComponent(caseId)}`,
  };
}
