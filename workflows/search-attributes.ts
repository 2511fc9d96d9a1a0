/**
 * The search attributes of case and journey workflows (issue 14): what the Temporal Web UI's list
 * and visibility queries show and filter on without decoding anything — so never personal data.
 * Search attributes are not encrypted (the payload codec does not reach them): ids of
 * organisations, stages, statuses and dates only; never a name, DUF number or birth date (R-PRIV-3).
 *
 * The server must know them before a workflow sets one: `npm start` registers them
 * (runtime/search-attributes.ts); for Temporal Cloud create them once (README, "Personal data").
 */
import { defineSearchAttributeKey, type SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseSummary } from '../domain/case/summary';

export const searchAttributeKeys = {
  stage: defineSearchAttributeKey('BosettingStage', 'KEYWORD'),
  priorityGroup: defineSearchAttributeKey('BosettingPriorityGroup', 'KEYWORD'),
  receptionCentre: defineSearchAttributeKey('BosettingReceptionCentre', 'KEYWORD'),
  municipality: defineSearchAttributeKey('BosettingMunicipality', 'KEYWORD'),
  goalStatus: defineSearchAttributeKey('BosettingGoalStatus', 'KEYWORD'),
  nextDueDate: defineSearchAttributeKey('BosettingNextDueDate', 'DATETIME'),
  /** A journey's settlement case: lists a household's journeys. */
  caseId: defineSearchAttributeKey('BosettingCaseId', 'KEYWORD'),
} as const;

/** Name → type, for registering them on a server. */
export const searchAttributeTypes: Record<string, SearchAttributeType> = Object.fromEntries(
  Object.values(searchAttributeKeys).map((key) => [key.name, key.type]),
);

const date = (isoDate: string | undefined) => (isoDate ? new Date(`${isoDate}T00:00:00Z`) : null);

/** A case's attributes from its read-model row; `null` clears one (no accepting municipality yet, no open task). */
export function caseSearchAttributes(summary: CaseSummary): SearchAttributeUpdatePair[] {
  const k = searchAttributeKeys;
  const nextDue = summary.openTasks.map((t) => t.dueDate).sort()[0];
  return [
    { key: k.stage, value: summary.stage },
    { key: k.priorityGroup, value: summary.priorityGroup },
    { key: k.receptionCentre, value: summary.receptionCentreId },
    { key: k.municipality, value: summary.municipalityNumber ?? null },
    { key: k.goalStatus, value: summary.goalStatus },
    { key: k.nextDueDate, value: date(nextDue) },
  ];
}

/** A journey's: its case, its municipality, its earliest open deadline. */
export function journeySearchAttributes(journey: { caseId: string; municipalityNumber: string; nextDueDate?: string }): SearchAttributeUpdatePair[] {
  const k = searchAttributeKeys;
  return [
    { key: k.caseId, value: journey.caseId },
    { key: k.municipality, value: journey.municipalityNumber },
    { key: k.nextDueDate, value: date(journey.nextDueDate) },
  ];
}

/** A fingerprint of a set of values: the workflow upserts only when it changes (each upsert is a history event). */
export function fingerprint(pairs: SearchAttributeUpdatePair[]): string {
  return JSON.stringify(pairs.map((p) => [p.key.name, p.value instanceof Date ? p.value.toISOString() : p.value]));
}
