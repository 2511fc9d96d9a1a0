/**
 * Issue 13 §3 (and issue 11): a staff step answers as soon as its change is decided. The read
 * model's row and the step's messages follow after the answer, from the projection loop and the
 * outbox — so a slow store or a slow recipient never holds the caseworker. Proved on the recorded
 * history itself: the update completes before any activity it scheduled (the row's write, the
 * alert) has completed; they complete after it.
 */
import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { getCaseSummary } from '../../store/case-index';
import { listCaseNotifications } from '../../store/notification-log';
import { messagesHandedOver, staff, startCase, step } from '../fixtures/cases';
import { eventually, useDevServer } from '../harness/workers';

const t = useDevServer();
const { EventType } = temporal.api.enums.v1;

describe('a step answers before its effects', () => {
  it('R-INT-6: an internal note answers with no activity inside the update; the read model row and the alert to IMDi follow', async () => {
    const { handle, caseId } = await startCase(t);
    await messagesHandedOver(handle);
    const state = await step(handle, 'addInternalNote', staff.mottak, { text: 'Familien ønsker å bo nær slekt.' }); // alerts IMDi (R-INT-6)

    // The projection catches up: the row shows the step's version, the alert is sent.
    const row = await eventually(() => getCaseSummary(t.tables, caseId), (r) => r?.version === state.version);
    expect(row?.version).toBe(state.version);
    await messagesHandedOver(handle);
    expect((await listCaseNotifications(t.tables, caseId)).map((n) => n.type)).toContain('internal-note');

    const events = (await handle.fetchHistory()).events ?? [];
    const accepted = events.findIndex((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED && e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'addInternalNote');
    const completed = events.findIndex((e, i) => i > accepted && e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
    expect(accepted).toBeGreaterThan(0);
    expect(completed).toBeGreaterThan(accepted);
    // The update's own activities are scheduled with its answer (one workflow task); none has run yet.
    const scheduledIds = new Map<number, string>();
    for (const [i, e] of events.entries()) {
      if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED && i > accepted) scheduledIds.set(Number(e.eventId), e.activityTaskScheduledEventAttributes!.activityType!.name!);
    }
    const completedActivities = (from: number, to: number) =>
      events
        .slice(from, to)
        .filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
        .map((e) => scheduledIds.get(Number(e.activityTaskCompletedEventAttributes!.scheduledEventId)));
    expect(completedActivities(accepted, completed)).toEqual([]);
    expect(completedActivities(completed, events.length)).toEqual(expect.arrayContaining(['recordCaseSummary', 'notify']));
  });
});
