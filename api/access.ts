/**
 * Who may do what, in one table (R-PRIV-1..5, R-DIST-3). Every route names one action; every
 * action lists the roles allowed and how far each reaches. A role missing from an action's row is
 * refused with 403. A case outside the caller's reach is answered as if it did not exist (404),
 * so its existence is not disclosed either.
 *
 * Scopes:
 * - `all`                        every case
 * - `own-centre`                 cases whose reception centre is the token's `org` (R-PRIV-2)
 * - `own-municipality`           cases the token's municipality has accepted (R-PRIV-1)
 * - `anonymised-until-accepted`  before any municipality accepted: the anonymised profile only
 *                                (R-DIST-3); after: in full to the accepting municipality, to no other
 * - `host-municipality`          cases of residents in the token's municipality as host (vertskommune),
 *                                for its duties before settlement (R-HOST-1, R-HOST-2)
 */
import type { MiddlewareHandler } from 'hono';
import type { CaseState } from '../workflows/messages';
import type { CaseSummary } from '../store/case-index';
import type { AuthVariables, Principal, Role } from './auth';
import { problem } from './problem';

export type Scope = 'all' | 'own-centre' | 'own-municipality' | 'anonymised-until-accepted' | 'host-municipality';

type ReadPolicy = { kind: 'read'; roles: Partial<Record<Role, Scope>> };
/** Supervisors read everything and change nothing: the type has no place for them in a write. */
type WritePolicy = { kind: 'write'; roles: Partial<Record<Exclude<Role, 'supervisor'>, Scope>> };

export const policy = {
  'permit.create': { kind: 'write', roles: { udi: 'all' } },
  'case.list': { kind: 'read', roles: { mottak: 'own-centre', kommune: 'own-municipality', imdi: 'all', supervisor: 'all' } },
  // UDI runs the refusal letters (R-REF-3..5) and follows the link its permit call returns.
  'case.read': { kind: 'read', roles: { udi: 'all', mottak: 'own-centre', kommune: 'anonymised-until-accepted', imdi: 'all', supervisor: 'all' } },
  // The history names people and the centre: never to a municipality before it accepted.
  'case.history': { kind: 'read', roles: { mottak: 'own-centre', kommune: 'own-municipality', imdi: 'all', supervisor: 'all' } },
  'case.audit': { kind: 'read', roles: { supervisor: 'all' } },
  'deadlines.list': { kind: 'read', roles: { mottak: 'own-centre', kommune: 'own-municipality', imdi: 'all', supervisor: 'all' } },
  'statistics.read': { kind: 'read', roles: { imdi: 'all', supervisor: 'all' } },
  // Notifications and letters name people: IMDi, which runs the process, UDI for its refusal letters,
  // and supervisors. (Scoping them to a centre's or municipality's own cases is not built yet.)
  'notifications.read': { kind: 'read', roles: { imdi: 'all', udi: 'all', supervisor: 'all' } },
  // The recipient directory holds delivery channels and secrets: IMDi keeps it.
  'recipients.read': { kind: 'read', roles: { imdi: 'all', supervisor: 'all' } },
  'recipients.write': { kind: 'write', roles: { imdi: 'all' } },
  // Decided numbers are public planning figures; IMDi records them after each municipality's vedtak.
  'municipalities.read': { kind: 'read', roles: { imdi: 'all', kommune: 'all', supervisor: 'all' } },
  'municipalities.write': { kind: 'write', roles: { imdi: 'all' } },
  // Staff steps: each maps to one update of the settlement case (workflows/settlement-case.ts STEPS,
  // which checks the role again and the case's state).
  'case.first-renewal': { kind: 'write', roles: { udi: 'all', imdi: 'all' } },
  'case.settlement-info': { kind: 'write', roles: { mottak: 'own-centre' } },
  'case.interview': { kind: 'write', roles: { mottak: 'own-centre' } },
  'case.internal-note': { kind: 'write', roles: { mottak: 'own-centre', imdi: 'all' } },
  'case.competence-mapping': { kind: 'write', roles: { kommune: 'host-municipality', mottak: 'own-centre', imdi: 'all' } },
  'case.norwegian-training': { kind: 'write', roles: { kommune: 'host-municipality', mottak: 'own-centre' } },
  'case.function-report': { kind: 'write', roles: { mottak: 'own-centre' } },
  'case.offer': { kind: 'write', roles: { imdi: 'all' } },
  'case.offer-response': { kind: 'write', roles: { kommune: 'anonymised-until-accepted' } },
  'case.self-settlement': { kind: 'write', roles: { imdi: 'all' } },
  'case.minor-plans': { kind: 'write', roles: { mottak: 'own-centre' } },
  'case.moving-date': { kind: 'write', roles: { mottak: 'own-centre', kommune: 'own-municipality' } },
  'case.refusal': { kind: 'write', roles: { mottak: 'own-centre' } },
  'case.refusal-end': { kind: 'write', roles: { udi: 'all', mottak: 'own-centre' } },
  'case.departure': { kind: 'write', roles: { mottak: 'own-centre' } },
  'case.arrival': { kind: 'write', roles: { kommune: 'own-municipality' } },
  'case.task-done': { kind: 'write', roles: { mottak: 'own-centre', imdi: 'all', kommune: 'own-municipality' } },
  // After the move: the settling municipality's refugee service runs each person's journey.
  'journey.read': { kind: 'read', roles: { kommune: 'own-municipality', imdi: 'all', supervisor: 'all' } },
  'journey.step': { kind: 'write', roles: { kommune: 'own-municipality' } },
  // The codec server decrypts any payload of any case for the Temporal Web UI: supervisors only.
  'codec.decode': { kind: 'read', roles: { supervisor: 'all' } },
  'codec.encode': { kind: 'read', roles: { supervisor: 'all' } },
} as const satisfies Record<string, ReadPolicy | WritePolicy>;

export type Action = keyof typeof policy;

export function scopeOf(action: Action, role: Role): Scope | undefined {
  const entry = policy[action];
  if (entry.kind === 'write' && role === 'supervisor') return undefined;
  return (entry.roles as Partial<Record<Role, Scope>>)[role];
}

/** Route middleware: 403 unless the caller's role appears in the action's row. Runs before body validation. */
export function authorize(action: Action): MiddlewareHandler<{ Variables: AuthVariables & { scope: Scope } }> {
  return async (c, next) => {
    const { role } = c.get('principal');
    const scope = scopeOf(action, role);
    if (!scope) {
      const detail = role === 'supervisor' && policy[action].kind === 'write' ? 'Supervisors read every case and change none.' : `The role "${role}" may not ${action.replace('.', ' ')}.`;
      return problem(c, 403, 'Forbidden', detail, { action });
    }
    c.set('scope', scope);
    await next();
  };
}

// ─── What decides reach: a case's organisations ─────────────────────────────────────────────

export type CaseOrganisations = {
  receptionCentreId?: string;
  /** The municipality that accepted the case (R-DIST-2); unset before acceptance. */
  acceptedMunicipality?: string;
  /** Municipalities IMDi has asked so far, when the case records offers (R-DIST-3). */
  offeredTo?: string[];
  /** The host municipality of the reception centre (vertskommune, R-HOST-1/2). */
  hostMunicipality?: string;
};

/** THE place that reads a case's organisations from the workflow state. */
export function organisationsOfState(state: CaseState): CaseOrganisations {
  return {
    receptionCentreId: state.permit.receptionCentre?.id,
    // An agreement through an accepted offer (R-DIST-2) or an agreed self-settlement (R-MOVE-7).
    acceptedMunicipality: state.agreement?.municipalityNumber,
    offeredTo: state.offers.map((o) => o.municipalityNumber),
    hostMunicipality: state.permit.hostMunicipality.municipalityNumber,
  };
}

/** The same from the read model: `municipalityNumber` there is the accepting municipality. */
export function organisationsOfSummary(summary: Pick<CaseSummary, 'receptionCentreId' | 'municipalityNumber'>): CaseOrganisations {
  return { receptionCentreId: summary.receptionCentreId, acceptedMunicipality: summary.municipalityNumber };
}

export type CaseView = 'full' | 'anonymised' | 'none';

/** How much of one case the caller sees under a scope. */
export function caseView(scope: Scope, principal: Principal, orgs: CaseOrganisations): CaseView {
  const org = principal.organisation;
  switch (scope) {
    case 'all':
      return 'full';
    case 'own-centre':
      return org !== undefined && orgs.receptionCentreId === org ? 'full' : 'none';
    case 'own-municipality':
      return org !== undefined && orgs.acceptedMunicipality === org ? 'full' : 'none';
    case 'host-municipality':
      return org !== undefined && orgs.hostMunicipality === org ? 'full' : 'none';
    case 'anonymised-until-accepted':
      if (orgs.acceptedMunicipality !== undefined) return orgs.acceptedMunicipality === org ? 'full' : 'none';
      if (orgs.offeredTo !== undefined && (org === undefined || !orgs.offeredTo.includes(org))) return 'none';
      return 'anonymised';
  }
}

/** For lists: the filter a scope forces on every query, so no list ever leaves the caller's reach. */
export function listRestriction(scope: Scope, principal: Principal): { receptionCentreId?: string; municipalityNumber?: string } {
  switch (scope) {
    case 'all':
      return {};
    case 'own-centre':
      return { receptionCentreId: principal.organisation ?? '\u0000none' };
    case 'own-municipality':
    case 'host-municipality':
    case 'anonymised-until-accepted':
      // A list shows only cases the municipality accepted; anonymised profiles are read one by one.
      return { municipalityNumber: principal.organisation ?? '\u0000none' };
  }
}

/**
 * The filters of a list request within the caller's reach: the scope's restriction wins; asking
 * for another organisation's list is refused rather than silently narrowed.
 */
export function scopedListFilters<F extends { receptionCentreId?: string; municipalityNumber?: string }>(
  scope: Scope,
  principal: Principal,
  requested: F,
): { ok: true; filters: F } | { ok: false; reason: string } {
  const forced = listRestriction(scope, principal);
  const conflict =
    (forced.receptionCentreId !== undefined && requested.receptionCentreId !== undefined && requested.receptionCentreId !== forced.receptionCentreId) ||
    (forced.municipalityNumber !== undefined && requested.municipalityNumber !== undefined && requested.municipalityNumber !== forced.municipalityNumber);
  if (conflict) return { ok: false, reason: 'You may list only the cases of your own organisation.' };
  return { ok: true, filters: { ...requested, ...forced } };
}
