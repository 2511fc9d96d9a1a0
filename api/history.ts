/**
 * A case's readable history: the Temporal workflow history (every run, following continue-as-new)
 * turned into sentences in bokmål — staff steps with who did them, timers started and fired (named
 * by the deadline they watch), notifications — merged with the case's own timeline.
 *
 * Payloads are encrypted in Temporal (privacy/payload-codec.ts); the client's data converter
 * decrypts them here, only to name the actor of a step and the recipient of a notification, and to
 * read a failed step's reason (failure messages are encrypted too). A step's content (e.g. an
 * interview record) is never copied into the history.
 */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { decodeArrayFromPayloads, decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow';
import { endOfDate, startOfDate } from '../workflows/deadlines';
import type { StepName } from '../domain/steps.schema';
import type { Actor, CaseState, TimelineEntry } from '../workflows/messages';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];
type Payloads = NonNullable<HistoryEvent['activityTaskScheduledEventAttributes']>['input'];
type Failure = NonNullable<HistoryEvent['workflowExecutionFailedEventAttributes']>['failure'];

export type HistoryEntry = {
  at: string;
  /** `temporal`: from the workflow history; `case`: from the case's own timeline. */
  source: 'temporal' | 'case';
  kind: string;
  text: string;
  rule?: string;
  actor?: Actor;
  runId?: string;
  eventId?: number;
  /** A case entry's number in the case's timeline. */
  seq?: number;
  /** A case entry's audience (`imdi`: IMDi and supervisors only), for the caller's view (api/case-views.ts). */
  audience?: string;
};

/**
 * The activity that archives a closed case (store/archive.ts). It is the last thing the workflow
 * does, so the history says the case ended where it was scheduled — which the archive, written by
 * that activity, also reads — and not at the completion event after it: so the archived history
 * and the live one of a closed case are the same.
 */
export const ARCHIVE_CASE_ACTIVITY = 'archiveCase';

/** Activities that are bookkeeping, not something that happened to the case. */
const QUIET_ACTIVITIES = new Set(['recordCaseSummary', ARCHIVE_CASE_ACTIVITY]);
const CASE_ENDED = 'Saksforløpet er avsluttet';

/** Every run of the case, oldest first (continue-as-new makes a chain of runs under one workflow id). */
export async function fetchRuns(client: Client, workflowId: string): Promise<{ runId?: string; events: HistoryEvent[] }[]> {
  const runs: { runId?: string; events: HistoryEvent[] }[] = [];
  let runId: string | undefined;
  for (let hop = 0; hop < 100; hop++) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    const started = events[0]?.workflowExecutionStartedEventAttributes;
    runs.unshift({ runId, events });
    runId = started?.continuedExecutionRunId ?? undefined;
    if (!runId) break;
  }
  return runs;
}

/**
 * The case's whole timeline: what the read model keeps (store/case-timeline.ts) and what the
 * workflow's window holds but the read model may not have yet, by sequence number. Entries of a
 * case recorded before they were numbered come first, in their own order.
 */
export function wholeTimeline(stored: readonly TimelineEntry[], window: readonly TimelineEntry[]): TimelineEntry[] {
  const numbered = new Map<number, TimelineEntry>();
  const unnumbered: TimelineEntry[] = [];
  for (const entry of [...stored, ...window]) {
    if (typeof entry.seq !== 'number') unnumbered.push(entry);
    else if (!numbered.has(entry.seq)) numbered.set(entry.seq, entry);
  }
  return [...unnumbered, ...[...numbered.values()].sort((a, b) => a.seq - b.seq)];
}

/** `timeline`: the case's whole timeline (wholeTimeline); by default the workflow's window. */
export async function readableHistory(
  client: Client,
  state: CaseState | undefined,
  runs: { runId?: string; events: HistoryEvent[] }[],
  timeline: readonly TimelineEntry[] = state?.timeline ?? [],
): Promise<HistoryEntry[]> {
  const converter = client.options.loadedDataConverter;
  const decode = async (payloads: Payloads): Promise<unknown[]> => {
    try {
      return await decodeArrayFromPayloads(converter, payloads?.payloads);
    } catch {
      return [];
    }
  };
  const failureMessage = async (failure: Failure): Promise<string | undefined> => {
    try {
      return (await decodeOptionalFailureToOptionalError(converter, failure))?.message;
    } catch {
      return undefined;
    }
  };
  const deadlineAt = deadlineFiringAt(state);
  const entries: HistoryEntry[] = [];
  /** Each entry's place in the history: events are numbered across runs, oldest run first. */
  const places = new Map<HistoryEntry, number>();
  /** Where each workflow task started: the workflow's clock (and so a timeline entry's `at`) reads its instant. */
  const taskStarts: { place: number; at: number }[] = [];
  let place = 0;

  for (const run of runs) {
    const scheduled = new Map<string, { name: string; input: unknown[] }>();
    const timers = new Map<string, number>();
    let archived = false;
    for (const event of run.events) {
      place += 1;
      if (event.workflowTaskStartedEventAttributes) taskStarts.push({ place, at: timestampMs(event.eventTime) });
      const at = new Date(timestampMs(event.eventTime)).toISOString();
      const base = { at, source: 'temporal' as const, runId: run.runId, eventId: Number(event.eventId ?? 0) };
      const push = (entry: Omit<HistoryEntry, 'at' | 'source' | 'runId' | 'eventId'>) => {
        const full = { ...base, ...entry };
        entries.push(full);
        places.set(full, place);
      };

      if (event.workflowExecutionStartedEventAttributes) {
        const a = event.workflowExecutionStartedEventAttributes;
        push({ kind: 'workflow', text: a.continuedExecutionRunId ? 'Saken fortsatte i et nytt løp (continue-as-new)' : 'Saksforløpet startet' });
      } else if (event.workflowExecutionUpdateAcceptedEventAttributes) {
        const request = event.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest;
        const name = request?.input?.name ?? 'update';
        const [first] = await decode(request?.input?.args);
        const actor = (first as { actor?: Actor } | undefined)?.actor;
        push({ kind: 'step', text: `Steget «${stepLabel(name)}» godtatt${actor ? ` fra ${describeActor(actor)}` : ''}`, actor });
      } else if (event.workflowExecutionUpdateCompletedEventAttributes) {
        const failure = event.workflowExecutionUpdateCompletedEventAttributes.outcome?.failure;
        if (failure) push({ kind: 'step', text: `Steget ble avvist: ${(await failureMessage(failure)) ?? 'ingen grunn oppgitt'}` });
      } else if (event.timerStartedEventAttributes) {
        const a = event.timerStartedEventAttributes;
        const firesAt = timestampMs(event.eventTime) + durationMs(a.startToFireTimeout);
        timers.set(a.timerId ?? '', firesAt);
        const deadline = deadlineAt(firesAt);
        push({ kind: 'timer', text: `Tidtaker satt til ${new Date(firesAt).toISOString()}${deadline ? ` (${deadline.what})` : ''}`, rule: deadline?.rule });
      } else if (event.timerFiredEventAttributes) {
        const firesAt = timers.get(event.timerFiredEventAttributes.timerId ?? '');
        const deadline = firesAt === undefined ? undefined : deadlineAt(firesAt);
        push({ kind: 'timer', text: `Tidtaker utløst${deadline ? `: ${deadline.what}` : ''}`, rule: deadline?.rule });
      } else if (event.timerCanceledEventAttributes) {
        // A deadline met before its timer fired: the timer is cancelled, nothing to tell.
      } else if (event.activityTaskScheduledEventAttributes) {
        const a = event.activityTaskScheduledEventAttributes;
        if (a.activityType?.name === ARCHIVE_CASE_ACTIVITY) {
          archived = true;
          push({ kind: 'workflow', text: CASE_ENDED });
        }
        scheduled.set(String(event.eventId), { name: a.activityType?.name ?? 'activity', input: a.activityType?.name === 'notify' ? await decode(a.input) : [] });
      } else if (event.activityTaskCompletedEventAttributes || event.activityTaskFailedEventAttributes || event.activityTaskTimedOutEventAttributes) {
        const a = event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes!;
        const activity = scheduled.get(String(a.scheduledEventId));
        if (!activity || QUIET_ACTIVITIES.has(activity.name)) continue;
        const ok = event.activityTaskCompletedEventAttributes !== undefined && event.activityTaskCompletedEventAttributes !== null;
        if (activity.name === 'notify') {
          const request = activity.input[0] as { type?: string; rule?: string; recipient?: { kind: string; id: string } } | undefined;
          const to = request?.recipient ? `${request.recipient.kind} ${request.recipient.id}` : 'en mottaker';
          push({ kind: 'notification', text: `${ok ? 'Melding' : 'Meldingen kunne ikke overleveres'}: ${request?.type ?? 'melding'} → ${to}`, rule: request?.rule });
        } else {
          push({ kind: 'activity', text: `Aktiviteten «${words(activity.name)}» ${ok ? 'er utført' : 'feilet'}` });
        }
      } else if (event.workflowExecutionSignaledEventAttributes) {
        push({ kind: 'signal', text: `Signalet «${words(event.workflowExecutionSignaledEventAttributes.signalName ?? '')}» mottatt` });
      } else if (event.workflowExecutionCompletedEventAttributes) {
        if (!archived) push({ kind: 'workflow', text: CASE_ENDED });
      } else if (event.workflowExecutionFailedEventAttributes) {
        push({ kind: 'workflow', text: `Saksforløpet feilet: ${(await failureMessage(event.workflowExecutionFailedEventAttributes.failure)) ?? ''}` });
      } else if (event.workflowExecutionTerminatedEventAttributes) {
        push({ kind: 'workflow', text: `Saksforløpet ble avbrutt: ${event.workflowExecutionTerminatedEventAttributes.reason ?? 'ingen grunn oppgitt'}` });
      } else if (event.workflowExecutionCanceledEventAttributes) {
        push({ kind: 'workflow', text: 'Saksforløpet ble kansellert' });
      } else if (event.workflowExecutionContinuedAsNewEventAttributes) {
        push({ kind: 'workflow', text: 'Løpet er lukket; saken fortsetter i et nytt løp' });
      }
    }
  }

  const told = timeline.map(
    (entry): HistoryEntry => ({ at: entry.at, source: 'case', kind: entry.kind, text: entry.text, rule: entry.rule, actor: entry.actor, seq: entry.seq, ...audienceOf(entry) }),
  );
  const anchors = taskStarts.length > 0 ? taskStarts : entries.map((entry) => ({ place: places.get(entry)!, at: Date.parse(entry.at) }));
  return inOrderOfHappening(entries.map((entry) => ({ entry, place: places.get(entry)! })), told, anchors);
}

/**
 * The order things happened, from two sequences that each already are in it: Temporal's events
 * (run by run, event id by event id) and the case's own timeline (in the order the workflow
 * recorded it). Neither is reordered — not by text, not by a clock (an activity's events carry the
 * instant it ran, which may be before events recorded ahead of them). A workflow records a timeline
 * entry during a workflow task, stamped with the instant that task started: the entry goes right
 * after that task's start (the last one at or before its instant, never before the entry ahead of
 * it). Without task events, the anchors are the events themselves.
 */
export function inOrderOfHappening(
  events: readonly { entry: HistoryEntry; place: number }[],
  timeline: readonly HistoryEntry[],
  anchors: readonly { place: number; at: number }[],
): HistoryEntry[] {
  let floor = 0;
  let a = 0;
  const placed = timeline.map((entry) => {
    const at = Date.parse(entry.at);
    while (a < anchors.length && anchors[a]!.at <= at) a += 1;
    floor = Math.max(floor, a > 0 ? anchors[a - 1]!.place : 0);
    return { entry, place: floor };
  });
  // A stable merge by place: an event at the anchor's place (or before it) comes first.
  const merged: HistoryEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < events.length || j < placed.length) {
    if (i < events.length && (j >= placed.length || events[i]!.place <= placed[j]!.place)) merged.push(events[i++]!.entry);
    else merged.push(placed[j++]!.entry);
  }
  return merged;
}

function audienceOf(entry: object): { audience?: string } {
  const audience = (entry as { audience?: unknown }).audience;
  return typeof audience === 'string' ? { audience } : {};
}

/**
 * Which deadline a timer watches, from the instant it fires: a reminder fires at the start of its
 * date, an escalation at the end of the due date (workflows/deadlines.ts). The event's time is a
 * little after the workflow computed the timeout, hence the tolerance.
 */
function deadlineFiringAt(state: CaseState | undefined): (instant: number) => { rule: string; what: string } | undefined {
  const known: { at: number; rule: string; what: string }[] = [];
  for (const d of state?.deadlines ?? []) {
    if (d.remindDate) known.push({ at: startOfDate(d.remindDate), rule: d.rule, what: `påminnelse: ${d.title}` });
    known.push({ at: endOfDate(d.dueDate), rule: d.rule, what: `frist: ${d.title}` });
  }
  const TOLERANCE_MS = 5 * 60_000;
  return (instant) => known.find((k) => Math.abs(k.at - instant) <= TOLERANCE_MS);
}

function describeActor(actor: Actor): string {
  return `${actor.id} (${[actor.role, actor.organisation].filter(Boolean).join(', ')})`;
}

/** What a staff step is called in the history (bokmål, as the workbench names it). */
const STEP_LABELS: Record<StepName, string> = {
  registerFirstRenewal: 'registrer første fornyelse',
  recordSettlementInfo: 'registrer bosettingsrelevant informasjon',
  completeInterview: 'registrer bosettingssamtale',
  addInternalNote: 'skriv intern merknad',
  recordCompetenceMapping: 'registrer kompetansekartlegging',
  recordNorwegianTraining: 'registrer tilbud om norskopplæring',
  recordFunctionReport: 'registrer funksjonsrapport',
  offerToMunicipality: 'tilby saken til en kommune',
  respondToOffer: 'svar på tilbudet',
  agreeSelfSettlement: 'avtal selvbosetting',
  recordUnaccompaniedMinorPlans: 'send kartleggingsplan og tiltaksplan',
  agreeMovingDate: 'avtal flyttedato',
  registerRefusal: 'registrer bosettingsnekt',
  endRefusal: 'avslutt bosettingsnekt',
  registerDeparture: 'registrer utflytting',
  confirmArrival: 'bekreft ankomst',
  closeTask: 'lukk oppgave',
};

function stepLabel(name: string): string {
  return (STEP_LABELS as Record<string, string>)[name] ?? words(name);
}

function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function timestampMs(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!ts) return 0;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

function durationMs(d: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return timestampMs(d);
}
