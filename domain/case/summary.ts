/**
 * The case's row in the read model (store/case-index.ts): what lists, inboxes and statistics need,
 * written at every change so no list ever asks Temporal.
 */
import { priorityGroup } from '../distribution';
import { isUnaccompaniedMinorCase } from '../household';
import { settledOn } from './lifecycle';
import { openDeadlines, type CaseState, type Clock, type Party } from './state';

export type CaseSummary = {
  caseId: string;
  permitId: string;
  permitType: string;
  permitDate: string;
  stage: string;
  receptionCentreId: string;
  receptionCentreName: string;
  /** The municipality that accepted the case (R-DIST-2); unset before acceptance. */
  municipalityNumber?: string;
  /** The municipality with a pending offer (R-DIST-3): its Tilbud page lists the case. */
  offeredToMunicipalityNumber?: string;
  /** R-HOST-1: the host municipality of the reception centre sees its duties' deadlines. */
  hostMunicipalityNumber: string;
  priorityGroup: string;
  goalStatus: string;
  /** R-GOAL-1: the goal clock's start (the permit date, or the first renewal for R-ELIG-2 families). */
  goalStartsOn: string;
  householdSize: number;
  openTasks: { id: string; title: string; rule: string; dueDate: string; party: Party }[];
  createdAt: string;
  updatedAt: string;
  version: number;
  /** When the last member arrived in the municipality (the end of the R-GOAL-1 clock). */
  settledAt?: string;
  /** Sets the 3-month goal (R-GOAL-1). */
  unaccompaniedMinor: boolean;
};

/** Resettlement refugees (R-MOVE-7 aside) come from abroad, not from a reception centre. */
export const NO_CENTRE = { id: 'ingen-mottak', name: 'Ikke i mottak (overføringsflyktning)' };

export function caseSummary(state: CaseState, clock: Clock): CaseSummary {
  const { permit } = state;
  const centre = permit.receptionCentre ?? NO_CENTRE;
  const settledAt = settledOn(state);
  return {
    caseId: state.caseId,
    permitId: permit.permitId,
    permitType: permit.permitType,
    permitDate: permit.permitDate,
    stage: state.stage,
    receptionCentreId: centre.id,
    receptionCentreName: centre.name,
    municipalityNumber: state.agreement?.municipalityNumber,
    offeredToMunicipalityNumber: state.offers.find((o) => o.status === 'pending')?.municipalityNumber,
    hostMunicipalityNumber: permit.hostMunicipality.municipalityNumber,
    priorityGroup: priorityGroup(permit.persons, permit.permitType, permit.permitDate),
    goalStatus: state.goal.status,
    goalStartsOn: state.goal.startsOn,
    householdSize: permit.persons.length,
    openTasks: openDeadlines(state).map((d) => ({ id: d.id, title: d.title, rule: d.rule, dueDate: d.dueDate, party: d.party })),
    createdAt: state.createdAt,
    updatedAt: clock.now,
    version: state.version,
    ...(settledAt ? { settledAt } : {}),
    unaccompaniedMinor: isUnaccompaniedMinorCase(permit.persons),
  };
}
