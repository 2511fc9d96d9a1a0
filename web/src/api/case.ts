/**
 * The case as GET /v1/cases/{caseId} returns it. The OpenAPI document describes this answer only
 * as `{ view }` so far (its full schema is the API contract work still to land); until then this
 * mirrors workflows/messages.ts CaseState and api/case-views.ts, for the fields the UI shows.
 */
import type { Schemas } from './client';

export type Actor = { id: string; role: string; organisation?: string };
export type Person = {
  dufNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  citizenship: string;
  languages: string[];
  relation: string;
  unaccompaniedMinor?: boolean;
};
export type Deadline = { id: string; rule: string; title: string; dueDate: string; remindDate?: string; status: string; closedAt?: string };
export type TimelineEntry = { at: string; kind: string; text: string; rule?: string; actor?: Actor };
export type Offer = { municipalityNumber: string; municipalityName: string; offeredAt: string; status: string; declineReason?: string };

/** The views with the household (api/case-views.ts): IMDi and supervisors `full`, UDI `udi`, the centre `centre`, the accepting municipality `municipality`. */
export type FullCase = {
  view: 'full' | 'udi' | 'centre' | 'municipality';
  caseId: string;
  stage: string;
  createdAt: string;
  version: number;
  permit: {
    permitId: string;
    permitType: string;
    permitDate: string;
    receptionCentre: { id: string; name: string };
    hostMunicipality: { municipalityNumber: string; name: string };
    persons: Person[];
  };
  goal?: { goalDate: string; atRiskDate: string; status: string };
  interview?: { completedAt: string; completedBy: Actor };
  offers?: Offer[];
  /** The centre's view (seed 003 §2.6): only that IMDi works on the case, then the agreement. */
  distribution?: { status: string; text: string };
  agreement?: { kind: string; municipalityNumber: string; municipalityName: string; expectedSettlementWeek: string; agreedAt: string };
  moving?: { movingDate: string; travel: { mode: string; journeyHours: number } };
  arrival?: { arrivedOn: string };
  outcome?: { reason: string; rule?: string; on: string };
  deadlines?: Deadline[];
  timeline?: TimelineEntry[];
  links?: { case: string; temporalUi: string };
};

export type AnonymisedMember = {
  age: number;
  sex: string;
  relation: string;
  citizenship: string;
  languages: string[];
  unaccompaniedMinor: boolean;
  specialNeeds?: Record<string, { hasNeed: string; description?: string }>;
  highestEducation?: { level: string; field?: string };
  lastOccupation?: string;
};

export type AnonymisedCase = {
  view: 'anonymised';
  caseId: string;
  stage: string;
  profile: {
    permitType: string;
    priorityGroup: string;
    members: AnonymisedMember[];
    household?: Record<string, unknown> & { familyRelations?: string; pets?: { answer: string; details?: string }; car?: { answer: string; details?: string } };
    declinedInformation: string[];
  };
};

/** The host municipality before settlement: only what its duties need (R-HOST-1, R-HOST-2) — the adults' names and dates of birth, its two deadlines. */
export type HostCase = {
  view: 'host';
  caseId: string;
  hostMunicipality: { municipalityNumber: string; name: string };
  adults: { name: string; dateOfBirth: string }[];
  deadlines?: Deadline[];
};

/** A municipality that declined: only that it answered. */
export type AnsweredCase = { view: 'answered'; caseId: string; answeredAt?: string };

export type CaseView = FullCase | AnonymisedCase | HostCase | AnsweredCase;

export function hasHousehold(view: CaseView | undefined): view is FullCase {
  return view !== undefined && 'permit' in view && view.permit !== undefined;
}

/** The typed answer, narrowed to what the UI reads (see above). */
export function asCaseView(answer: Schemas['CaseSummary'] | { view: string } | undefined): CaseView | undefined {
  return answer as CaseView | undefined;
}
