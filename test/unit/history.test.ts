/** The readable history from Temporal events: who did what, timers named by their deadline, notifications, runs chained by continue-as-new. */
import { defaultFailureConverter, defaultPayloadConverter } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { fetchRuns, readableHistory } from '../../api/history';
import type { CaseState } from '../../workflows/messages';

const t0 = Date.parse('2019-11-20T10:00:00Z');
const at = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });
const payloads = (...values: unknown[]) => ({ payloads: values.map((v) => defaultPayloadConverter.toPayload(v)) });
const actor = { id: 'anne', role: 'mottak', organisation: 'mottak-lillehammer' };

// Run 1 ends in continue-as-new; run 2 is the current one.
const run1 = [
  { eventId: 1, eventTime: at(t0), workflowExecutionStartedEventAttributes: { firstExecutionRunId: 'run-1' } },
  { eventId: 5, eventTime: at(t0 + 1000), activityTaskScheduledEventAttributes: { activityType: { name: 'notify' }, input: payloads({ type: 'new-case', rule: 'R-INT-1', recipient: { kind: 'reception_centre', id: 'mottak-lillehammer' }, data: {} }) } },
  { eventId: 6, eventTime: at(t0 + 1500), activityTaskCompletedEventAttributes: { scheduledEventId: 5 } },
  { eventId: 7, eventTime: at(t0 + 1600), activityTaskScheduledEventAttributes: { activityType: { name: 'recordCaseSummary' }, input: payloads({}) } },
  { eventId: 8, eventTime: at(t0 + 1700), activityTaskCompletedEventAttributes: { scheduledEventId: 7 } },
  // The reminder of R-INT-2 is due at the start of 2019-12-01; the workflow computed the timeout a few ms before the event.
  { eventId: 9, eventTime: at(t0 + 2000), timerStartedEventAttributes: { timerId: '1', startToFireTimeout: at(Date.parse('2019-12-01T00:00:00Z') - (t0 + 2000) + 7) } },
  { eventId: 10, eventTime: at(Date.parse('2019-12-01T00:00:00Z')), timerFiredEventAttributes: { timerId: '1' } },
  { eventId: 11, eventTime: at(Date.parse('2019-12-01T00:00:01Z')), workflowExecutionContinuedAsNewEventAttributes: { newExecutionRunId: 'run-2' } },
];
const run2 = [
  { eventId: 1, eventTime: at(Date.parse('2019-12-01T00:00:02Z')), workflowExecutionStartedEventAttributes: { firstExecutionRunId: 'run-1', continuedExecutionRunId: 'run-1' } },
  {
    eventId: 4,
    eventTime: at(Date.parse('2019-12-02T09:00:00Z')),
    workflowExecutionUpdateAcceptedEventAttributes: { acceptedRequest: { input: { name: 'completeInterview', args: payloads({ actor, record: { participants: [{ dufNumber: '202612345671' }] } }) } } },
  },
  { eventId: 6, eventTime: at(Date.parse('2019-12-02T09:00:01Z')), workflowExecutionUpdateCompletedEventAttributes: { outcome: { success: payloads({}) } } },
];

const client = {
  options: { loadedDataConverter: { payloadConverter: defaultPayloadConverter, failureConverter: defaultFailureConverter, payloadCodecs: [] } },
  workflow: {
    getHandle: (_id: string, runId?: string) => ({ fetchHistory: async () => ({ events: runId === 'run-1' ? run1 : run2 }) }),
  },
} as unknown as Client;

const state = {
  deadlines: [{ rule: 'R-INT-2', title: 'Settlement interview held', dueDate: '2019-12-04', remindDate: '2019-12-01', status: 'met' }],
  timeline: [{ at: '2019-12-02T09:00:00.500Z', kind: 'step', text: 'Settlement interview completed', rule: 'R-INT-2', actor }],
} as unknown as CaseState;

describe('readable history', () => {
  it('follows continue-as-new back to the first run, oldest first', async () => {
    const runs = await fetchRuns(client, 'case-1');
    expect(runs.map((r) => r.runId)).toEqual(['run-1', undefined]);
  });

  it('R-INT-1, R-INT-2: steps with who did them, timers named by their deadline, notifications; bookkeeping and step content left out', async () => {
    const entries = await readableHistory(client, state, await fetchRuns(client, 'case-1'));
    expect(entries.map((e) => `${e.source} ${e.kind}: ${e.text}${e.rule ? ` [${e.rule}]` : ''}`)).toEqual([
      'temporal workflow: Case workflow started',
      'temporal notification: Notification: new-case → reception_centre mottak-lillehammer [R-INT-1]',
      'temporal timer: Timer set for 2019-12-01T00:00:00.007Z (reminder: Settlement interview held) [R-INT-2]',
      'temporal timer: Timer fired: reminder: Settlement interview held [R-INT-2]',
      'temporal workflow: Run closed; the case continues in a new run',
      'temporal workflow: Case continued in a new run (continue-as-new)',
      'temporal step: Staff step "complete interview" accepted from anne (mottak, mottak-lillehammer)',
      'case step: Settlement interview completed [R-INT-2]',
    ]);
    expect(entries.find((e) => e.kind === 'step')?.actor).toEqual(actor);
    expect(JSON.stringify(entries)).not.toContain('202612345671');
  });
});
