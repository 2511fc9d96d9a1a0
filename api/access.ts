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
 *                                while their duties apply: the case has an R-HOST-1/R-HOST-2 deadline and
 *                                the household still lives at the centre (R-HOST-1, R-HOST-2)
 *
 * A role may reach a case in several ways at once (a municipality can be the host and the
 * settling one): a row then lists several scopes, and the caller reaches what any of them reaches.
 * How much of a case the caller then sees is its view (api/case-views.ts, R-REG-3, R-PRIV-3).
 */
import type { MiddlewareHandler } from 'hono';
import type { CaseState } from '../workflows/messages';
import type { CaseSummary } from '../store/case-index';
import type { AuthVariables, Principal, Role } from './auth';
import { bodyRefusal, type BodyVariables } from './json-body';
import { problem } from './problem';

export type ScopeName = 'all' | 'own-centre' | 'own-municipality' | 'anonymised-until-accepted' | 'host-municipality';
/** One scope, or several whose reach is joined. */
export type Scope = ScopeName | readonly ScopeName[];

type ReadPolicy = { kind: 'read'; roles: Partial<Record<Role, Scope>> };
/** Supervisors read everything and change nothing: the type has no place for them in a write. */
type WritePolicy = { kind: 'write'; roles: Partial<Record<Exclude<Role, 'supervisor'>, Scope>> };

export const policy = {
  'permit.create': { kind: 'write', roles: { udi: 'all' } },
  'case.list': { kind: 'read', roles: { mottak: 'own-centre', kommune: 'own-municipality', imdi: 'all', supervisor: 'all' } },
  // UDI runs the refusal letters (R-REF-3..5) and follows the link its permit call returns. A
  // municipality reads what it was offered, answered or accepted, and as host what its duties need.
  'case.read': { kind: 'read', roles: { udi: 'all', mottak: 'own-centre', kommune: ['anonymised-until-accepted', 'host-municipality'], imdi: 'all', supervisor: 'all' } },
  // The history names people and the centre: never to a municipality before it accepted.
  'case.history': { kind: 'read', roles: { mottak: 'own-centre', kommune: 'own-municipality', imdi: 'all', supervisor: 'all' } },
  'case.audit': { kind: 'read', roles: { supervisor: 'all' } },
  // R-HOST-1, R-HOST-2: the host municipality sees the deadlines of its duties; each row's tasks are
  // those the caller's view of that case shows (api/case-views.ts).
  'deadlines.list': { kind: 'read', roles: { mottak: 'own-centre', kommune: ['own-municipality', 'host-municipality'], imdi: 'all', supervisor: 'all' } },
  'statistics.read': { kind: 'read', roles: { imdi: 'all', supervisor: 'all' } },
  // Notifications and letters name people: IMDi, which runs the process, UDI for its own letters and
  // what is addressed to it (never an internal note, R-REG-3), and supervisors. Which messages each
  // reads is its view's `notifications` (api/case-views.ts).
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
  // R-DIST-8: the settling municipality reports missing or wrong information; IMDi forwards it to
  // UDI, UDI takes it up with the centre. The centre reads a report once it is taken up with it.
  'report.create': { kind: 'write', roles: { kommune: 'own-municipality' } },
  'report.read': { kind: 'read', roles: { kommune: 'own-municipality', mottak: 'own-centre', imdi: 'all', udi: 'all', supervisor: 'all' } },
  'report.forward': { kind: 'write', roles: { imdi: 'all' } },
  'report.take-up': { kind: 'write', roles: { udi: 'all' } },
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
export function authorize(action: Action): MiddlewareHandler<{ Variables: AuthVariables & BodyVariables & { scope: Scope } }> {
  return async (c, next) => {
    const { role } = c.get('principal');
    const scope = scopeOf(action, role);
    if (!scope) {
      const detail = role === 'supervisor' && policy[action].kind === 'write' ? 'Ledere (supervisor) leser alle saker og endrer ingen.' : `Rollen «${role}» har ikke tilgang til «${action}».`;
      return problem(c, 403, 'Forbidden', detail, { action });
    }
    const refused = c.get('refusedBody');
    if (refused) return bodyRefusal(c, refused);
    c.set('scope', scope);
    await next();
  };
}

// ─── What decides reach: a case's organisations ─────────────────────────────────────────────

/** R-HOST-1, R-HOST-2: the host municipality's duties before settlement. */
export const HOST_DUTY_RULES: readonly string[] = ['R-HOST-1', 'R-HOST-2'];

/** Stages in which the household no longer lives at the reception centre's (and its host's) care. */
const ENDED_STAGES: readonly string[] = ['settled', 'closed', 'refused'];

export type CaseOrganisations = {
  receptionCentreId?: string;
  /** The municipality that accepted the case (R-DIST-2) or agreed a self-settlement (R-MOVE-7); unset before. */
  acceptedMunicipality?: string;
  /** The municipalities IMDi has asked so far and their answers (R-DIST-3); unknown in the read model. */
  offers?: readonly { municipalityNumber: string; status: 'pending' | 'accepted' | 'declined' }[];
  /** The host municipality of the reception centre (vertskommune, R-HOST-1/2). */
  hostMunicipality?: string;
  /** The host's duties apply to this case (it has their deadlines) and the household is still at the centre. */
  hostDutiesOpen?: boolean;
};

/** THE place that reads a case's organisations from the workflow state. */
export function organisationsOfState(state: CaseState): CaseOrganisations {
  return {
    receptionCentreId: state.permit.receptionCentre?.id,
    // An agreement through an accepted offer (R-DIST-2) or an agreed self-settlement (R-MOVE-7).
    acceptedMunicipality: state.agreement?.municipalityNumber,
    offers: state.offers.map((o) => ({ municipalityNumber: o.municipalityNumber, status: o.status })),
    hostMunicipality: state.permit.hostMunicipality.municipalityNumber,
    hostDutiesOpen: !ENDED_STAGES.includes(state.stage) && state.deadlines.some((d) => HOST_DUTY_RULES.includes(d.rule)),
  };
}

/** The same from the read model: `municipalityNumber` there is the accepting municipality. */
export function organisationsOfSummary(
  summary: Pick<CaseSummary, 'receptionCentreId' | 'municipalityNumber' | 'hostMunicipalityNumber' | 'stage' | 'openTasks'>,
): CaseOrganisations {
  return {
    receptionCentreId: summary.receptionCentreId,
    acceptedMunicipality: summary.municipalityNumber,
    hostMunicipality: summary.hostMunicipalityNumber,
    hostDutiesOpen: !ENDED_STAGES.includes(summary.stage) && summary.openTasks.some((t) => HOST_DUTY_RULES.includes(t.rule)),
  };
}

/**
 * How a caller stands to one case. IMDi, supervisors and UDI by their role; a centre to its own
 * residents (R-PRIV-2); a municipality by what it is to the case — the one that accepted it
 * (R-PRIV-1), the one an offer waits on, one that declined (R-DIST-3), the host (R-HOST-1/2). A
 * municipality may stand two ways at once (host and settling). What each standing sees is its view
 * (api/case-views.ts).
 */
export type Standing =
  | 'imdi'
  | 'supervisor'
  | 'udi'
  | 'own-centre'
  | 'settling-municipality'
  | 'offered-municipality'
  | 'declined-municipality'
  | 'host-municipality';

/** Which standings each scope reaches. */
const reachOfScope: Record<ScopeName, readonly Standing[]> = {
  all: ['imdi', 'supervisor', 'udi', 'own-centre', 'settling-municipality', 'offered-municipality', 'declined-municipality', 'host-municipality'],
  'own-centre': ['own-centre'],
  'own-municipality': ['settling-municipality'],
  'anonymised-until-accepted': ['offered-municipality', 'declined-municipality', 'settling-municipality'],
  'host-municipality': ['host-municipality'],
};

export function standingsOf(principal: Pick<Principal, 'role' | 'organisation'>, orgs: CaseOrganisations): Standing[] {
  const org = principal.organisation;
  switch (principal.role) {
    case 'imdi':
    case 'supervisor':
    case 'udi':
      return [principal.role];
    case 'mottak':
      return org !== undefined && orgs.receptionCentreId === org ? ['own-centre'] : [];
    case 'kommune': {
      if (org === undefined) return [];
      const standings: Standing[] = [];
      if (orgs.acceptedMunicipality === org) standings.push('settling-municipality');
      else {
        const answer = orgs.offers?.filter((o) => o.municipalityNumber === org).at(-1)?.status;
        if (answer === 'pending') standings.push('offered-municipality');
        if (answer === 'declined') standings.push('declined-municipality');
      }
      if (orgs.hostMunicipality === org && orgs.hostDutiesOpen) standings.push('host-municipality');
      return standings;
    }
  }
}

export function scopeNames(scope: Scope): readonly ScopeName[] {
  return typeof scope === 'string' ? [scope] : scope;
}

/** The caller's standings to a case within a scope; none means out of reach (answered as 404). */
export function reach(scope: Scope, principal: Pick<Principal, 'role' | 'organisation'>, orgs: CaseOrganisations): Standing[] {
  const reachable = new Set(scopeNames(scope).flatMap((name) => reachOfScope[name]));
  return standingsOf(principal, orgs).filter((standing) => reachable.has(standing));
}

/** For lists: the filter a scope forces on every query, so no list ever leaves the caller's reach. */
export function listRestriction(scope: Scope, principal: Principal): { receptionCentreId?: string; municipalityNumber?: string } {
  const names = scopeNames(scope);
  if (names.includes('all')) return {};
  if (names.includes('own-centre')) return { receptionCentreId: principal.organisation ?? '\u0000none' };
  // A list shows only cases the municipality accepted; anonymised profiles and host views are read one by one.
  return { municipalityNumber: principal.organisation ?? '\u0000none' };
}

/**
 * For the deadlines dashboard: the cases whose tasks may concern the caller. A municipality's are
 * those it accepted and, as host, those of the centre's residents (R-HOST-1, R-HOST-2); which of a
 * case's tasks it then sees is its view's (api/case-views.ts).
 */
export type DueRestriction = {
  receptionCentreId?: string;
  municipality?: { municipalityNumber: string; settling: boolean; host: boolean };
};

export function dueRestriction(scope: Scope, principal: Principal): DueRestriction {
  const names = scopeNames(scope);
  if (names.includes('all')) return {};
  if (names.includes('own-centre')) return { receptionCentreId: principal.organisation ?? '\u0000none' };
  return {
    municipality: {
      municipalityNumber: principal.organisation ?? '\u0000none',
      settling: names.includes('own-municipality') || names.includes('anonymised-until-accepted'),
      host: names.includes('host-municipality'),
    },
  };
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
  if (conflict) return { ok: false, reason: 'Du kan bare liste sakene til din egen organisasjon.' };
  return { ok: true, filters: { ...requested, ...forced } };
}
