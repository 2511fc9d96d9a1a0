/**
 * What each caller sees of one case (R-REG-3, R-PRIV-1..3, R-DIST-3, R-HOST-1, R-HOST-2): ONE table,
 * `caseViews`, lists per view which parts of the case it contains and which deadlines, timeline
 * entries and notifications it shows. Who gets which view follows from how the caller stands to
 * the case (api/access.ts): the first row whose `for` names one of its standings.
 *
 * A read and every staff step answer with `caseViewFor`, so a step never returns more than a read.
 * Every view but `full` is an allowlist: a field the workflow adds to its state reaches no other
 * caller until a row here names it. The IMDi-only parts — internal notes with the risk to self or
 * others (R-REG-3: "skal ikke videreformidles til kommunen") and other municipalities' answers —
 * are in `full` only, and so are their timeline entries and notifications (`IMDI_ONLY`).
 */
import { z } from '@hono/zod-openapi';
import { anonymisedProfile } from '../domain/distribution';
import { adults, fullName } from '../domain/household';
import { messageDefinition, type Sender } from '../notifications/catalog';
import type { RecipientKind } from '../notifications/request';
import type { NotificationRecord } from '../store/notification-log';
import type { CaseState, Deadline, TimelineEntry } from '../workflows/messages';
import { HOST_DUTY_RULES, organisationsOfState, policy, reach, type Scope, type Standing } from './access';
import { today, type ApiDeps } from './app';
import type { Principal } from './auth';
import type { HistoryEntry } from './history';

/** A part of the case a view may contain; each is built from the state by `parts` below. */
export type Part =
  | 'stage' // stage and version
  | 'created' // when the case was created
  | 'permit' // the permit: every member with name, DUF number, date of birth; the centre; the host
  | 'eligibility' // R-ELIG-1..4, the first renewal (R-ELIG-2)
  | 'goal' // R-GOAL-1
  | 'outcome' // why the case ended
  | 'interview' // R-INT-2..5: the interview record
  | 'settlementInfo' // R-REG-1..7 (the risk is never here: it is in the note, R-REG-3)
  | 'hostDuties' // R-HOST-1, R-HOST-2: competence mapping and Norwegian training
  | 'functionReports' // R-REG-6
  | 'distributionStatus' // seed 003 §2.6: only that IMDi works on the case, then the agreement
  | 'agreement' // R-DIST-7: the municipality and the expected week
  | 'moving' // R-EM-1 plans, R-MOVE-1..6 moving date, travel, departure, arrival
  | 'refusal' // R-REF-1..6
  | 'profile' // R-DIST-3: the anonymised profile, built by the domain
  | 'hostMunicipality' // the host municipality's own name and number
  | 'adults' // R-HOST-1, R-HOST-2: the adults' names and dates of birth, nothing more
  | 'answer' // that the municipality answered the offer, and when
  | 'links'; // the case's API path and its workflow in the Temporal Web UI

/**
 * Rule ids a view shows in deadlines and the timeline; `R-REF-*` names every rule of a family.
 * `all`: every entry; `none`: the key is not in the view at all.
 */
type RuleSet = 'all' | 'none' | readonly string[];

/** Which messages of the case's notification log a view reads. */
type NotificationSet =
  | 'all'
  | 'none'
  | {
      /** Messages sent in this party's name (the catalogue's sender), e.g. UDI's own letters. */
      sentBy?: readonly Sender[];
      /** Messages addressed to these kinds of recipient… */
      addressedTo?: readonly RecipientKind[];
      /** …and only to the caller's own organisation (its centre id or municipality number). */
      ownOrganisationOnly: boolean;
    };

type ViewRow = {
  /** The standings this view is for (api/access.ts). */
  for: readonly Standing[];
  /** `everything`: the whole state (IMDi and supervisors); otherwise exactly these parts. */
  parts: 'everything' | readonly Part[];
  deadlines: RuleSet;
  timeline: RuleSet;
  notifications: NotificationSet;
};

/** Deadlines a municipality settling the household works with (its own, and those that concern it). */
const SETTLING_RULES = ['R-HOST-*', 'R-EM-1', 'R-MOVE-*', 'R-REF-*', 'R-ARR-*', 'R-GRANT-*'] as const;

/**
 * THE table: roles × parts. Order matters: a caller standing two ways gets the first row that
 * names one of its standings (a host municipality that accepted the case gets `municipality`,
 * which holds every part of `host`).
 */
export const caseViews = {
  // IMDi runs the process; supervisors read every case (and change none).
  full: { for: ['imdi', 'supervisor'], parts: 'everything', deadlines: 'all', timeline: 'all', notifications: 'all' },
  // UDI granted the permit and runs the refusal letters (R-REF-3..5): the household, where the case
  // stands and how it ended; no internal notes, no offers or decline reasons.
  udi: {
    for: ['udi'],
    parts: ['stage', 'created', 'permit', 'eligibility', 'outcome', 'agreement', 'refusal'],
    deadlines: ['R-INT-2', 'R-REF-*'],
    timeline: ['R-ELIG-*', 'R-INT-1', 'R-INT-2', 'R-MOVE-*', 'R-REF-*'],
    notifications: { sentBy: ['udi'], addressedTo: ['udi', 'udi_regional_office'], ownOrganisationOnly: false },
  },
  // The reception centre (R-PRIV-2): its residents, the interview and information it records, its
  // own tasks. Seed 003 §2.6: it is told that IMDi works on the case — not which municipalities were
  // asked — and learns the municipality and the week once agreed (R-DIST-7).
  centre: {
    for: ['own-centre'],
    parts: ['stage', 'created', 'permit', 'eligibility', 'outcome', 'interview', 'settlementInfo', 'hostDuties', 'functionReports', 'distributionStatus', 'agreement', 'moving', 'refusal'],
    deadlines: ['R-INT-2', 'R-HOST-*', 'R-REG-6', 'R-EM-*', 'R-MOVE-*', 'R-REF-*', 'R-DIST-7'],
    timeline: ['R-ELIG-*', 'R-INT-*', 'R-REG-*', 'R-HOST-*', 'R-DIST-7', 'R-EM-*', 'R-MOVE-*', 'R-REF-*'],
    notifications: { addressedTo: ['reception_centre', 'reception_centre_leader'], ownOrganisationOnly: true },
  },
  // The municipality that accepted (R-PRIV-1) or agreed a self-settlement, also once settled: the
  // household and what settlement needs — never internal notes or other municipalities' answers.
  municipality: {
    for: ['settling-municipality'],
    parts: ['stage', 'created', 'permit', 'outcome', 'interview', 'settlementInfo', 'hostDuties', 'agreement', 'moving', 'refusal'],
    deadlines: SETTLING_RULES,
    timeline: ['R-DIST-7', ...SETTLING_RULES],
    notifications: { addressedTo: ['municipality', 'school', 'kindergarten', 'health', 'nav', 'housing'], ownOrganisationOnly: true },
  },
  // A municipality an offer waits on (R-DIST-3): the anonymised profile only.
  anonymised: { for: ['offered-municipality'], parts: ['stage', 'profile'], deadlines: 'none', timeline: 'none', notifications: { addressedTo: ['municipality'], ownOrganisationOnly: true } },
  // The host municipality (R-HOST-1, R-HOST-2): exactly what the competence mapping and the
  // Norwegian training need — the adults' names and dates of birth, its two deadlines and their status.
  host: { for: ['host-municipality'], parts: ['hostMunicipality', 'adults'], deadlines: HOST_DUTY_RULES, timeline: 'none', notifications: { addressedTo: ['host_municipality'], ownOrganisationOnly: true } },
  // A municipality that declined: only that it answered.
  answered: { for: ['declined-municipality'], parts: ['answer'], deadlines: 'none', timeline: 'none', notifications: 'none' },
} as const satisfies Record<string, ViewRow>;

export type CaseViewName = keyof typeof caseViews;

/** The answer's envelope in the OpenAPI document: which view, and the case; the parts follow the table. */
export const caseViewSchema = z
  .object({
    view: z.enum([...(Object.keys(caseViews) as [CaseViewName, ...CaseViewName[]]), 'none']).describe('which view of the case (api/case-views.ts): full, udi, centre, municipality, anonymised, host, answered — none after a step that left the caller without one'),
    caseId: z.string(),
  })
  .passthrough()
  .openapi('CaseView');

/** A view's JSON body. */
export type CaseViewBody = z.infer<typeof caseViewSchema>;

/**
 * In `full` only, whatever a row says (R-REG-3, R-INT-6): the internal note and its alert to IMDi,
 * and the distribution's offers and answers (R-DIST-1..3: which municipalities were asked, why they
 * declined). Timeline entries of kind `note` are notes.
 */
export const IMDI_ONLY = {
  rules: ['R-INT-6', 'R-REG-3', 'R-DIST-1', 'R-DIST-2', 'R-DIST-3'],
  timelineKinds: ['note'],
  notificationTypes: ['internal-note'],
} as const;

// ─── Which view ──────────────────────────────────────────────────────────────────────────────

const viewOrder = Object.keys(caseViews) as CaseViewName[];

/** The view for a caller's standings to a case, or none when it stands in no way the table knows. */
export function viewForStandings(standings: readonly Standing[]): CaseViewName | undefined {
  return viewOrder.find((name) => (caseViews[name].for as readonly Standing[]).some((s) => standings.includes(s)));
}

export type Caller = Pick<Principal, 'role' | 'organisation'>;

/** The caller's view of a case within a scope (by default its reach for reading a case). */
export function viewOf(state: CaseState, caller: Caller, scope: Scope | undefined = readScope(caller)): CaseViewName | undefined {
  if (scope === undefined) return undefined;
  return viewForStandings(reach(scope, caller, organisationsOfState(state)));
}

function readScope(caller: Caller): Scope | undefined {
  return (policy['case.read'].roles as Partial<Record<Caller['role'], Scope>>)[caller.role];
}

export function viewHasPart(name: CaseViewName, part: Part): boolean {
  const row: ViewRow = caseViews[name];
  return row.parts === 'everything' || row.parts.includes(part);
}

// ─── Building a view ─────────────────────────────────────────────────────────────────────────

type ViewDeps = Pick<ApiDeps, 'temporalUiUrl' | 'namespace' | 'clock'>;
type Context = { caller: Caller; deps: ViewDeps; today: string };

const parts: { [P in Part]: (state: CaseState, ctx: Context) => Record<string, unknown> } = {
  stage: (s) => ({ stage: s.stage, version: s.version }),
  created: (s) => ({ createdAt: s.createdAt }),
  permit: (s) => ({ permit: s.permit }),
  eligibility: (s) => ({ eligibility: s.eligibility, renewalDate: s.renewalDate }),
  goal: (s) => ({ goal: s.goal }),
  outcome: (s) => ({ outcome: s.outcome }),
  interview: (s) => ({ interview: s.interview }),
  settlementInfo: (s) => ({ settlementInfo: s.settlementInfo }),
  hostDuties: (s) => ({ competenceMapping: s.competenceMapping, norwegianTraining: s.norwegianTraining }),
  functionReports: (s) => ({ functionReports: s.functionReports }),
  distributionStatus: (s) => ({ distribution: distributionStatus(s) }),
  agreement: (s) => ({ agreement: s.agreement }),
  moving: (s) => ({ unaccompaniedMinorPlans: s.unaccompaniedMinorPlans, moving: s.moving, departure: s.departure, arrival: s.arrival }),
  refusal: (s) => ({ refusal: s.refusal }),
  profile: (s, { today: onDate }) => ({
    profile: anonymisedProfile({ permit: s.permit, settlementInfo: s.settlementInfo, declinedInformation: s.interview?.record.declinedInformation, onDate }),
  }),
  hostMunicipality: (s) => ({ hostMunicipality: s.permit.hostMunicipality }),
  adults: (s, { today: onDate }) => ({ adults: adults(s.permit.persons, onDate).map((p) => ({ name: fullName(p), dateOfBirth: p.dateOfBirth })) }),
  answer: (s, { caller }) => ({ answeredAt: s.offers.filter((o) => o.municipalityNumber === caller.organisation && o.status !== 'pending').at(-1)?.decidedAt }),
  links: (s, { deps }) => ({ links: caseLinks(deps, s.caseId) }),
};

/** Seed 003 §2.6: the centre hears only that IMDi works on the case, then the agreement (R-DIST-7). */
function distributionStatus(state: CaseState): { status: 'not_started' | 'in_progress' | 'agreed'; text: string } {
  if (state.agreement) return { status: 'agreed', text: `Avtalt bosetting i ${state.agreement.municipalityName}.` };
  if (state.stage === 'distribution' || state.offers.length > 0) return { status: 'in_progress', text: 'IMDi arbeider med å finne en bosettingskommune.' };
  return { status: 'not_started', text: 'IMDi har ikke begynt å lete etter en bosettingskommune ennå.' };
}

/** The JSON body of one view of the case. */
export function buildView(name: CaseViewName, state: CaseState, caller: Caller, deps: ViewDeps): CaseViewBody {
  const row: ViewRow = caseViews[name];
  const ctx: Context = { caller, deps, today: today(deps) };
  if (row.parts === 'everything') return { view: name, ...state, links: caseLinks(deps, state.caseId) } as unknown as CaseViewBody;
  const body: Record<string, unknown> = { view: name, caseId: state.caseId };
  for (const part of row.parts) Object.assign(body, parts[part](state, ctx));
  if (row.deadlines !== 'none') body.deadlines = state.deadlines.filter((d) => deadlineVisible(name, d));
  if (row.timeline !== 'none') body.timeline = state.timeline.filter((e) => timelineVisible(name, e));
  return body as CaseViewBody;
}

/**
 * THE answer to a caller about one case — to a read, and to every staff step (core's steps route),
 * so a step never returns more than a read. Outside the caller's reach: only that it exists no
 * longer for it (`view: none`), e.g. after a step that moved the case out of its reach.
 */
export function caseViewFor(state: CaseState, caller: Caller, deps: ViewDeps): CaseViewBody {
  const name = viewOf(state, caller);
  return name ? buildView(name, state, caller, deps) : { view: 'none', caseId: state.caseId };
}

// ─── What a view shows of deadlines, the timeline, the history and the notification log ──────

function matches(rules: RuleSet, rule: string | undefined): boolean {
  if (rules === 'all') return true;
  if (rules === 'none' || rule === undefined) return false;
  return rules.some((pattern) => (pattern.endsWith('-*') ? rule.startsWith(pattern.slice(0, -1)) : rule === pattern));
}

const imdiOnlyRule = (rule: string | undefined) => rule !== undefined && (IMDI_ONLY.rules as readonly string[]).includes(rule);

export function deadlineVisible(name: CaseViewName, deadline: Pick<Deadline, 'rule'>): boolean {
  const rules: RuleSet = caseViews[name].deadlines;
  if (rules === 'all') return true;
  return !imdiOnlyRule(deadline.rule) && matches(rules, deadline.rule);
}

/**
 * A timeline entry may name its audience: `imdi` (IMDi and supervisors: the `full` view only), `case`
 * (every view whose rules show it), or a list of view names. It narrows the row's rules, never widens them.
 */
export function timelineVisible(name: CaseViewName, entry: { kind: TimelineEntry['kind'] | string; rule?: string; audience?: unknown }): boolean {
  const rules: RuleSet = caseViews[name].timeline;
  if (!audienceIncludes(entry.audience, name)) return false;
  if (rules === 'all') return true;
  if ((IMDI_ONLY.timelineKinds as readonly string[]).includes(entry.kind) || imdiOnlyRule(entry.rule)) return false;
  return matches(rules, entry.rule);
}

function audienceIncludes(audience: unknown, name: CaseViewName): boolean {
  if (audience === undefined || audience === 'case') return true;
  if (audience === 'imdi') return name === 'full';
  if (Array.isArray(audience)) return audience.includes(name);
  return name === 'full'; // an audience this table does not know: IMDi's until it is named here
}

/**
 * The readable history as a view shows it: the case's own entries as its timeline does; from
 * Temporal only the run's life and the timers and messages of rules it shows — a staff step's
 * event names its actor and a refused step's reason, which the timeline tells with its rule.
 */
export function historyVisible(name: CaseViewName, entry: Pick<HistoryEntry, 'source' | 'kind' | 'rule' | 'audience'>): boolean {
  if (caseViews[name].timeline === 'all') return true;
  if (entry.source === 'case') return timelineVisible(name, entry);
  if (entry.kind === 'workflow') return true;
  return (entry.kind === 'timer' || entry.kind === 'notification') && timelineVisible(name, { kind: entry.kind, rule: entry.rule });
}

/** Whether a message of the case's notification log is one the view reads (R-PRIV-3, R-REG-3). */
export function notificationVisible(name: CaseViewName, record: Pick<NotificationRecord, 'type' | 'recipient'>, caller: Caller): boolean {
  const set: NotificationSet = caseViews[name].notifications;
  if (set === 'all') return true;
  if (set === 'none' || (IMDI_ONLY.notificationTypes as readonly string[]).includes(record.type)) return false;
  const [kind, ...rest] = record.recipient.split(':');
  const id = rest.join(':');
  const sender = messageDefinition(record.type)?.sender;
  if (sender !== undefined && set.sentBy?.includes(sender)) return true;
  if (!set.addressedTo?.includes(kind as RecipientKind)) return false;
  return !set.ownOrganisationOnly || (caller.organisation !== undefined && id === caller.organisation);
}

/** Where a case lives: its API resource and its workflow in the Temporal Web UI. */
export function caseLinks(deps: Pick<ApiDeps, 'temporalUiUrl' | 'namespace'>, caseId: string) {
  return {
    case: `/v1/cases/${encodeURIComponent(caseId)}`,
    temporalUi: `${deps.temporalUiUrl}/namespaces/${encodeURIComponent(deps.namespace)}/workflows/${encodeURIComponent(caseId)}`,
  };
}
