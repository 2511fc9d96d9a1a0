/**
 * Loads one case for the caller: its live state from the workflow — or, once the case has ended,
 * from its archive (store/archive.ts) — how far the caller reaches it (access.ts) and so which view
 * it gets (case-views.ts), and the audit entry (R-PRIV-4). A case outside the caller's reach is a
 * 404 exactly like a case that does not exist.
 *
 * The archive is read first (issue 13 §4): it is written by the workflow's last activity, with the
 * state the workflow then returns, so a case that has one has ended and the archive says exactly
 * what a query would. A query of a closed workflow makes a worker replay its whole history, on
 * every read; a live case pays one empty DynamoDB query for the look.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Context } from 'hono';
import { readCaseArchive, type CaseArchive } from '../store/archive';
import { caseStateQuery, type CaseState } from '../workflows/messages';
import { organisationsOfState, reach, type Action } from './access';
import type { ApiDeps, AppEnv } from './app';
import { audit } from './audit';
import { viewForStandings, type CaseViewName } from './case-views';
import { problem } from './problem';

/** `archived`: the case has ended and was read from its archive (its workflow may be gone from Temporal). */
export type CaseRead = { ok: true; state: CaseState; view: CaseViewName; archived?: CaseArchive } | { ok: false; response: Response };

type Ctx = Context<AppEnv>;

export function caseNotFound(c: Context, caseId: string): Response {
  return problem(c, 404, 'Case not found', `Det finnes ingen sak ${caseId}.`);
}

/** `auditAs: false` when the caller audits the outcome itself (staff steps log the change, not the look-up). */
export async function readCase(c: Ctx, deps: ApiDeps, action: Action, caseId: string, opts: { auditRead: boolean } = { auditRead: true }): Promise<CaseRead> {
  let state: CaseState;
  const archived = await readCaseArchive(deps.tables, deps.temporal.options.loadedDataConverter.payloadCodecs, caseId);
  if (archived) state = archived.state;
  else {
    try {
      state = await deps.temporal.workflow.getHandle(caseId).query(caseStateQuery);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      // A closed case without an archive is one that left Temporal before archives were written (or never was).
      return { ok: false, response: caseNotFound(c, caseId) };
    }
  }
  const view = viewForStandings(reach(c.get('scope'), c.get('principal'), organisationsOfState(state)));
  if (view === undefined) {
    await audit(deps.tables, c.get('principal'), action, caseId, 'denied');
    return { ok: false, response: caseNotFound(c, caseId) };
  }
  if (opts.auditRead) await audit(deps.tables, c.get('principal'), action, caseId, 'ok', view === 'full' ? undefined : `view ${view}`);
  return { ok: true, state, view, ...(archived ? { archived } : {}) };
}
