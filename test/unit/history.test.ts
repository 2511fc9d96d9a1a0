/** The readable history from Temporal events: who did what, timers named by their deadline, notifications, runs chained by continue-as-new. */
import { defaultFailureConverter, defaultPayloadConverter } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { fetchRuns, readableHistory, wholeTimeline } from '../../api/history';
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
      'temporal workflow: Saksforløpet startet',
      'temporal notification: Melding: new-case → reception_centre mottak-lillehammer [R-INT-1]',
      'temporal timer: Tidtaker satt til 2019-12-01T00:00:00.007Z (påminnelse: Settlement interview held) [R-INT-2]',
      'temporal timer: Tidtaker utløst: påminnelse: Settlement interview held [R-INT-2]',
      'temporal workflow: Løpet er lukket; saken fortsetter i et nytt løp',
      'temporal workflow: Saken fortsatte i et nytt løp (continue-as-new)',
      'temporal step: Steget «registrer bosettingssamtale» godtatt fra anne (mottak, mottak-lillehammer)',
      'case step: Settlement interview completed [R-INT-2]',
    ]);
    expect(entries.find((e) => e.kind === 'step')?.actor).toEqual(actor);
    expect(JSON.stringify(entries)).not.toContain('202612345671');
  });
});

describe('history order: the order things happened, never by text or an unstable clock', () => {
  // As recorded for a settlement step posted right after the permit: the activity's events carry
  // the instants it ran (before the update that was recorded ahead of them), and the case recorded
  // its entries at the start of the workflow tasks 7 and 14.
  const ms = (n: number) => at(t0 + n);
  const events = [
    { eventId: 1, eventTime: ms(0), workflowExecutionStartedEventAttributes: {} },
    { eventId: 3, eventTime: ms(20), workflowTaskStartedEventAttributes: {} },
    { eventId: 5, eventTime: ms(469), activityTaskScheduledEventAttributes: { activityType: { name: 'notify' }, input: payloads({ type: 'new-case', rule: 'R-INT-1', recipient: { kind: 'reception_centre', id: 'c' }, data: {} }) } },
    { eventId: 7, eventTime: ms(573), workflowTaskStartedEventAttributes: {} },
    { eventId: 9, eventTime: ms(641), workflowExecutionUpdateAcceptedEventAttributes: { acceptedRequest: { input: { name: 'recordSettlementInfo', args: payloads({ actor }) } } } },
    { eventId: 11, eventTime: ms(481), activityTaskStartedEventAttributes: { scheduledEventId: 5 } },
    { eventId: 12, eventTime: ms(629), activityTaskCompletedEventAttributes: { scheduledEventId: 5 } },
    { eventId: 14, eventTime: ms(642), workflowTaskStartedEventAttributes: {} },
    { eventId: 28, eventTime: ms(763), timerStartedEventAttributes: { timerId: '1', startToFireTimeout: at(86_400_000) } },
  ];
  const oneRun = { ...client, workflow: { getHandle: () => ({ fetchHistory: async () => ({ events }) }) } } as unknown as Client;
  const iso = (n: number) => new Date(t0 + n).toISOString();

  it('Temporal’s events in event-id order, the case’s timeline in its own order, each entry after the task that recorded it', async () => {
    const timeline = [
      { at: iso(573), kind: 'step', text: 'Settlement-relevant information recorded', rule: 'R-REG-2' },
      { at: iso(642), kind: 'notification', text: 'new-case → reception_centre c', rule: 'R-INT-1' },
      { at: iso(642), kind: 'case', text: 'Case created', rule: 'R-ELIG-1' },
    ];
    const entries = await readableHistory(oneRun, { deadlines: [], timeline } as unknown as CaseState, await fetchRuns(oneRun, 'case-1'));
    expect(entries.map((e) => `${e.source}: ${e.text}`)).toEqual([
      'temporal: Saksforløpet startet',
      'case: Settlement-relevant information recorded',
      'temporal: Steget «registrer bosettingsrelevant informasjon» godtatt fra anne (mottak, mottak-lillehammer)',
      'temporal: Melding: new-case → reception_centre c', // event 12 after event 9, though it ran earlier
      'case: new-case → reception_centre c',
      'case: Case created',
      `temporal: Tidtaker satt til ${new Date(t0 + 763 + 86_400_000).toISOString()}`,
    ]);
  });

  it('a timeline whose instants are out of order is still told in its own order', async () => {
    const timeline = [
      { at: iso(642), kind: 'case', text: 'Case created', rule: 'R-ELIG-1' },
      { at: iso(573), kind: 'step', text: 'Settlement-relevant information recorded', rule: 'R-REG-2' },
    ];
    const entries = await readableHistory(oneRun, { deadlines: [], timeline } as unknown as CaseState, await fetchRuns(oneRun, 'case-1'));
    const told = entries.filter((e) => e.source === 'case').map((e) => e.text);
    expect(told).toEqual(['Case created', 'Settlement-relevant information recorded']);
    const temporal = entries.filter((e) => e.source === 'temporal').map((e) => e.eventId);
    expect(temporal).toEqual([...temporal].sort((x, y) => x! - y!));
  });
});

describe('the whole timeline: the read model’s entries and the workflow’s newest window, by sequence number', () => {
  const entry = (seq: number | undefined, text: string) => ({ seq, at: new Date(t0 + (seq ?? 0)).toISOString(), kind: 'step', text, audience: 'case' }) as any;

  it('keeps every entry once, in sequence order; the window adds what the read model has not stored yet', () => {
    const stored = [entry(1, 'a'), entry(2, 'b'), entry(3, 'c')];
    const window = [entry(3, 'c'), entry(4, 'd')];
    expect(wholeTimeline(stored, window).map((e) => e.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(wholeTimeline([], window).map((e) => e.text)).toEqual(['c', 'd']);
  });

  it('entries recorded before they were numbered come first, in their own order', () => {
    expect(wholeTimeline([entry(1, 'x')], [entry(undefined, 'old-2'), entry(undefined, 'old-1'), entry(1, 'x')]).map((e) => e.text)).toEqual(['old-2', 'old-1', 'x']);
  });
});
