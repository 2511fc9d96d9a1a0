/**
 * One settlement case (bosettingssak): one household from the granted permit to the move.
 * Deterministic only: rules come from domain/, all I/O goes through activities.
 */
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { instantToDate } from '../domain/dates';
import { dueDate, goalClock, goalStatus, reminderDate } from '../domain/deadlines';
import { priorityGroup } from '../domain/distribution';
import { isUnaccompaniedMinorCase } from '../domain/household';
import type { PermitGranted } from '../domain/permit';
import type { RecipientRef } from '../notifications/request';
import { interviewRecordSchemaFor } from '../domain/settlement-info';
import { watchDeadline } from './deadlines';
import {
  caseStateQuery,
  completeInterviewUpdate,
  type Actor,
  type CaseState,
  type Deadline,
  type TimelineEntry,
} from './messages';

const { recordCaseSummary, notify } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export type SettlementCaseInput = { caseId: string; permit: PermitGranted };

export async function settlementCase({ caseId, permit }: SettlementCaseInput): Promise<void> {
  const now = () => new Date().toISOString();
  const state: CaseState = {
    caseId,
    permit,
    stage: 'interview',
    createdAt: now(),
    version: 0,
    deadlines: [],
    timeline: [],
  };

  const interviewRecordSchema = interviewRecordSchemaFor(permit);
  setHandler(caseStateQuery, () => state);

  setHandler(
    completeInterviewUpdate,
    async ({ actor, record }) => {
      state.interview = { completedAt: now(), completedBy: actor, record: interviewRecordSchema.parse(record) };
      state.stage = 'preparing';
      settleDeadline('R-INT-2', 'met');
      await changed({ kind: 'step', text: 'Settlement interview completed', rule: 'R-INT-2', actor });
      return state;
    },
    {
      validator: ({ record }) => {
        if (state.stage !== 'interview') {
          throw new Error(`The settlement interview can only be completed in the interview stage; the case is in "${state.stage}".`);
        }
        const parsed = interviewRecordSchema.safeParse(record);
        if (!parsed.success) throw new Error(`Interview record is not valid: ${describeIssues(parsed.error.issues)}`);
      },
    },
  );

  // The state is complete before the first I/O, so a query right after the start sees the deadline.
  const created = instantToDate(state.createdAt);
  const interviewDeadline = openDeadline('R-INT-2', 'Settlement interview held', dueDate('R-INT-2', created), reminderDate('R-INT-2', created));
  await changed({ kind: 'case', text: `Case created from permit ${permit.permitId}; interview due by ${interviewDeadline.dueDate}`, rule: 'R-INT-2' });
  await interviewStage(interviewDeadline);
  // The stages after the interview are built in the settlement-case issue; until then the case waits here.
  await condition(() => false);

  /** R-INT-1, R-INT-2: notice to the centre, then the 14-day interview deadline with reminder and escalation. */
  async function interviewStage(deadline: Deadline): Promise<void> {
    const centre = { kind: 'reception_centre', id: permit.receptionCentre.id } as const;
    await send('R-INT-1', 'new-case', centre, { interviewDueDate: deadline.dueDate });
    await watchDeadline({
      remindDate: deadline.remindDate,
      dueDate: deadline.dueDate,
      isMet: () => state.interview !== undefined,
      remind: async () => {
        deadline.status = 'reminded';
        await send('R-INT-2', 'interview-reminder', centre, { interviewDueDate: deadline.dueDate });
        await changed({ kind: 'timer', text: 'Interview reminder sent', rule: 'R-INT-2' });
      },
      escalate: async () => {
        deadline.status = 'overdue';
        const escalateTo = [
          { kind: 'reception_centre_leader', id: permit.receptionCentre.id },
          { kind: 'udi_regional_office', id: permit.hostMunicipality.municipalityNumber },
        ] as const;
        for (const recipient of escalateTo) await send('R-INT-2', 'interview-overdue', recipient, { interviewDueDate: deadline.dueDate });
        await changed({ kind: 'timer', text: 'Interview deadline passed: escalated to the centre leader and UDI', rule: 'R-INT-2' });
      },
    });
    await condition(() => state.interview !== undefined);
  }

  function openDeadline(rule: string, title: string, due: string, remind?: string): Deadline {
    const deadline: Deadline = { rule, title, dueDate: due, remindDate: remind, status: 'open' };
    state.deadlines.push(deadline);
    return deadline;
  }

  function settleDeadline(rule: string, status: 'met' | 'not_applicable'): void {
    const deadline = state.deadlines.find((d) => d.rule === rule && (d.status === 'open' || d.status === 'reminded' || d.status === 'overdue'));
    if (deadline) {
      deadline.status = status;
      deadline.metAt = now();
    }
  }

  async function send(rule: string, type: string, recipient: RecipientRef, data: Record<string, unknown>): Promise<void> {
    const notificationId = `${caseId}:${type}:${recipient.kind}:${recipient.id}:${state.version}`;
    await notify({ notificationId, caseId, rule, type, recipient, data });
    state.timeline.push({ at: now(), kind: 'notification', text: `${type} → ${recipient.kind} ${recipient.id}`, rule });
  }

  /** Records a change in the timeline and writes the newest version to the read model. */
  async function changed(entry: Omit<TimelineEntry, 'at'>): Promise<void> {
    state.timeline.push({ at: now(), ...entry });
    state.version += 1;
    const today = instantToDate(now());
    const em = isUnaccompaniedMinorCase(permit.persons);
    await recordCaseSummary({
      caseId,
      permitId: permit.permitId,
      permitType: permit.permitType,
      permitDate: permit.permitDate,
      stage: state.stage,
      receptionCentreId: permit.receptionCentre.id,
      receptionCentreName: permit.receptionCentre.name,
      priorityGroup: priorityGroup(permit.persons, permit.permitType, permit.permitDate),
      goalStatus: goalStatus(goalClock(permit.permitDate, em), today),
      householdSize: permit.persons.length,
      openTasks: state.deadlines
        .filter((d) => d.status === 'open' || d.status === 'reminded' || d.status === 'overdue')
        .map((d) => ({ id: d.rule, title: d.title, rule: d.rule, dueDate: d.dueDate })),
      createdAt: state.createdAt,
      updatedAt: now(),
      version: state.version,
    });
  }
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`).join('; ');
}

export type { Actor };
