/**
 * The settlement case's messages and the shape of its state. The API imports these definitions,
 * so the workflow and its callers can never disagree on a name or a type.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PermitGranted } from '../domain/permit';

export const SETTLEMENT_CASE_WORKFLOW = 'settlementCase';

/** Workflow id of a permit's case: one permit, one case (R-ELIG-5). */
export function settlementCaseWorkflowId(permitId: string): string {
  return `settlement-case-${permitId}`;
}

export type Stage =
  | 'waiting_for_renewal'
  | 'interview'
  | 'preparing'
  | 'distribution'
  | 'agreed'
  | 'moving'
  | 'refusal'
  | 'settled'
  | 'closed'
  | 'refused';

/** Who did a staff step: taken from the caller's token by the API, never from the request body. */
export type Actor = { id: string; role: 'udi' | 'mottak' | 'imdi' | 'kommune' | 'supervisor' | 'system'; organisation?: string };

export type DeadlineStatus = 'open' | 'reminded' | 'overdue' | 'met' | 'not_applicable';

export type Deadline = {
  rule: string;
  title: string;
  dueDate: string;
  remindDate?: string;
  status: DeadlineStatus;
  metAt?: string;
};

export type TimelineEntry = {
  at: string;
  kind: 'case' | 'step' | 'timer' | 'notification' | 'note';
  text: string;
  rule?: string;
  actor?: Actor;
};

export type CaseState = {
  caseId: string;
  permit: PermitGranted;
  stage: Stage;
  createdAt: string;
  /** Grows by one on every change; the read model keeps only the newest version. */
  version: number;
  deadlines: Deadline[];
  interview?: { completedAt: string; completedBy: Actor; record: unknown };
  timeline: TimelineEntry[];
};

export type CompleteInterviewInput = { actor: Actor; record: unknown };

export const caseStateQuery = defineQuery<CaseState>('caseState');
export const completeInterviewUpdate = defineUpdate<CaseState, [CompleteInterviewInput]>('completeInterview');
