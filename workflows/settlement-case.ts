/**
 * One settlement case (bosettingssak): one household from the granted permit to the move — or to a
 * refusal, a self-settlement or a departure.
 *
 * The thin durable loop around domain/case/: the rules are pure reducers there; this workflow
 * serialises the case's handlers (one lock: a step, a deadline and another step never interleave),
 * runs the effects a change returns as activities, writes the read model, sleeps to the next
 * deadline and continues as new with the (bounded) state when its history grows long.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  CancelledFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import { createCase } from '../domain/case/lifecycle';
import { nextWake, runDue } from '../domain/case/scheduler';
import { DATA_FORMAT, LIMITS, FINAL_STAGES, newChange, record, type CaseState, type Change, type Clock } from '../domain/case/state';
import { applyStep, placeNeeded, stepNames, stepRefusal } from '../domain/case/steps';
import { caseSummary, type CaseSummary } from '../domain/case/summary';
import type { Effect } from '../domain/case/effects';
import type { PermitGranted } from '../domain/permit';
import type { StepData, StepName } from '../domain/steps.schema';
import { notifyActivityOptions } from '../notifications/request';
import { nb } from '../notifications/texts/nb';
import type { arrivalJourney } from './arrival-journey';
import { ARRIVAL_JOURNEY_WORKFLOW, arrivalJourneyInputs, arrivalJourneyWorkflowId } from './arrival-messages';
import { caseStateQuery, stepUpdates, type StepCall, type StepResult } from './messages';
import { caseSearchAttributes, fingerprint } from './search-attributes';

// Single DynamoDB writes: a few seconds at most, so a hung attempt is retried soon (no heartbeat needed).
const { recordCaseSummary, reserveMunicipalityPlace, releaseMunicipalityPlace } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
// Reads the case's whole history from Temporal and writes it in parts: longer than one write.
const { archiveCase } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
// Messages give up after their retries and become a person's task (see deliver()).
const { notify } = proxyActivities<Activities>(notifyActivityOptions);

/** Continue as new well before the SDK's 10 240-event warning; a case waits months in places. */
export const MAX_HISTORY_EVENTS_PER_RUN = 2_000;

/** patched() id: a step's messages are delivered after it answers (issue 11). */
const MESSAGES_AFTER_THE_STEP = 'messages-after-the-step';

/**
 * patched() id: a step answers as soon as its change is decided (issue 13 §3). The read model's row,
 * its timeline entries and the search attributes follow from one projection loop, after the answer;
 * the step does not wait for its messages either (they are in the outbox, issue 11).
 */
const PROJECTION_AFTER_THE_STEP = 'projection-after-the-step';

/** patched() id: a closed case is archived before its workflow returns (issue 14, store/archive.ts). */
const ARCHIVE_CASE = 'archive-case';

/** patched() id: the case's non-personal search attributes (issue 14, workflows/search-attributes.ts). */
const SEARCH_ATTRIBUTES = 'search-attributes';

/** At most this many messages go out at once (a school, a kindergarten, health, NAV …). */
const PARALLEL_NOTIFICATIONS = 10;

export type SettlementCaseInput = {
  caseId: string;
  permit: PermitGranted;
  /** The state carried over from the previous run (continue-as-new). */
  continued?: CaseState;
  /** Overrides MAX_HISTORY_EVENTS_PER_RUN (tests prove the hand-over with a small bound). */
  maxHistoryEvents?: number;
  /** The shape of the state and its history (DATA_FORMAT, domain/case/state.ts). */
  dataFormat?: number;
};

/** Bokmål: "1 ledig plass", "2 ledige plasser"; below 0 (decided number lowered under used) is none free. */
function placesFree(free: number): string {
  return free === 1 ? '1 ledig plass' : `${Math.max(free, 0)} ledige plasser`;
}

/** A FIFO lock: the handlers of one case run one at a time, in arrival order (safe-message-handlers). */
class CaseLock {
  private tail: Promise<unknown> = Promise.resolve();
  private held = 0;
  run<T>(work: () => Promise<T>): Promise<T> {
    this.held += 1;
    const next = this.tail.then(work).finally(() => (this.held -= 1));
    this.tail = next.catch(() => undefined);
    return next;
  }
  get idle(): boolean {
    return this.held === 0;
  }
}

export async function settlementCase(input: SettlementCaseInput): Promise<CaseState> {
  const { caseId, permit } = input;
  const clock = (): Clock => {
    const now = new Date().toISOString();
    return { now, today: now.slice(0, 10) };
  };
  if (input.continued && input.dataFormat !== DATA_FORMAT) {
    // A state of an older shape is never read as this one (runtime/data-format.ts).
    throw ApplicationFailure.nonRetryable(`Saken ble lagret i dataformat ${input.dataFormat ?? 1}; denne versjonen leser format ${DATA_FORMAT}.`, 'DataFormat');
  }
  const created = input.continued ? undefined : createCase(caseId, permit, clock());
  const state: CaseState = input.continued ?? created!.state;
  const lock = new CaseLock();
  let stopping = false; // set at the hand-over: no new scheduler round, no new delivery
  let failure: unknown; // a loop that failed fails the case (below)
  const isFinal = () => FINAL_STAGES.includes(state.stage);

  setHandler(caseStateQuery, () => state);
  for (const name of stepNames) registerStep(name);

  function registerStep<S extends StepName>(name: S): void {
    setHandler(
      stepUpdates[name] as unknown as UpdateDefinition<StepResult, [StepCall<S>]>,
      async (call: StepCall<S>) => {
        const { result, queued } = await lock.run(() => takeStep(name, call));
        if (!projectionAfterTheStep()) await handedOver(queued); // bounded: a hanging recipient never holds the step
        return result;
      },
      {
        // Refuses at once what the case does not allow now; takeStep checks again under the lock,
        // because an earlier step may still be running when this one is validated.
        validator: (call: StepCall<S>) => {
          if (repeatOf(name, call)) return;
          const reason = stepRefusal(state, name, call.input, call.actor, clock());
          if (reason) throw new Error(reason);
        },
      },
    );
  }

  /** The applied step a retry repeats, if any; a key reused for another step or caller is refused. */
  function repeatOf(name: StepName, { actor, idempotencyKey }: StepCall<StepName>) {
    if (!idempotencyKey) return undefined;
    const applied = state.appliedSteps.find((a) => a.key === idempotencyKey && a.actorId === actor.id);
    if (applied && applied.step !== name) throw new Error(`Idempotency-Key «${idempotencyKey}» er allerede brukt til steget ${applied.step}.`);
    return applied;
  }

  async function takeStep<S extends StepName>(name: S, call: StepCall<S>): Promise<{ result: StepResult; queued: number[] }> {
    const applied = repeatOf(name, call);
    if (applied) return { result: { step: name, outcome: applied.outcome, version: applied.version, repeated: true }, queued: [] };
    const data = call.input as StepData<S>;
    const reason = stepRefusal(state, name, data, call.actor, clock());
    if (reason) throw ApplicationFailure.nonRetryable(reason, 'StepRefused');
    const place = placeNeeded(state, name, data);
    if (place) {
      // R-DIST-2: the persons' places are taken by one conditional write before the step applies.
      const reservation = await reserveMunicipalityPlace({ ...place, caseId });
      if (reservation.outcome !== 'reserved') {
        const household = place.persons === 1 ? '1 person' : `${place.persons} personer`;
        const message =
          reservation.outcome === 'full'
            ? `${place.municipalityName} har ${placesFree(reservation.free)} for ${place.year}, husstanden er ${household} (R-DIST-2).`
            : `${place.municipalityName} har ikke vedtak om bosetting for ${place.year} (R-DIST-2).`;
        throw ApplicationFailure.nonRetryable(message, 'MunicipalityFull');
      }
    }
    const change = newChange();
    const outcome = applyStep(state, name, data, call.actor, clock(), change, place);
    if (call.idempotencyKey) {
      state.appliedSteps.push({ key: call.idempotencyKey, step: name, actorId: call.actor.id, at: clock().now, outcome, version: state.version });
      if (state.appliedSteps.length > LIMITS.appliedSteps) state.appliedSteps.splice(0, state.appliedSteps.length - LIMITS.appliedSteps);
    }
    const queued = await commit(change);
    return { result: { step: name, outcome, version: state.version }, queued };
  }

  /**
   * Runs a change's effects and writes the case and its new timeline entries to the read model.
   * Messages only join the outbox here: they are delivered after the step has answered, each with
   * its own retries, so one unreachable recipient never holds a caseworker's step.
   */
  async function commit(change: Change): Promise<number[]> {
    const queued: number[] = [];
    for (const effect of change.effects) {
      if (effect.kind !== 'notify') continue;
      state.notificationsSent += 1;
      state.outbox.push({ n: state.notificationsSent, effect });
      queued.push(state.notificationsSent);
    }
    // patched(): runs recorded before the outbox delivered their messages inside the step.
    if (!patched(MESSAGES_AFTER_THE_STEP)) {
      await deliverInsideTheStep(queued, change);
      queued.length = 0;
    }
    for (const effect of change.effects) if (effect.kind !== 'notify') await runEffect(effect);
    if (projectionAfterTheStep()) project(change);
    else await recordSummary(change.entries);
    pumpOutbox();
    return queued;
  }

  // ─── The projection: the read model after the step ────────────────────────────────────────
  const projection = { entries: [] as Change['entries'], pending: false, running: false };
  let projectionPatched: boolean | undefined;
  function projectionAfterTheStep(): boolean {
    return (projectionPatched ??= patched(PROJECTION_AFTER_THE_STEP));
  }
  const projected = () => !projection.pending && !projection.running;

  /**
   * Queues a change for the read model. One loop writes it, so rows arrive in version order; changes
   * that come while a write is in flight are written together in the next one (the newest summary,
   * every entry once). The run hands over or ends only when the loop is idle (see below).
   */
  function project(change: Change): void {
    projection.entries.push(...change.entries);
    projection.pending = true;
    if (projection.running) return;
    projection.running = true;
    void (async () => {
      while (projection.pending) {
        projection.pending = false;
        await recordSummary(projection.entries.splice(0));
      }
    })()
      .catch((error) => void (failure ??= error))
      .finally(() => (projection.running = false));
  }

  /** The read model's row and new timeline entries, and the search attributes Temporal lists the case by. */
  async function recordSummary(entries: Change['entries']): Promise<void> {
    const summary = caseSummary(state, clock());
    await recordCaseSummary(summary, entries);
    showInTemporal(summary);
  }

  /** Upserts the search attributes when they changed (each upsert is a history event). */
  let shown = '';
  function showInTemporal(summary: CaseSummary): void {
    if (!patched(SEARCH_ATTRIBUTES)) return;
    const attributes = caseSearchAttributes(summary);
    const print = fingerprint(attributes);
    if (print === shown) return;
    shown = print;
    upsertSearchAttributes(attributes);
  }

  /** The earlier way (histories before MESSAGES_AFTER_THE_STEP): the step waits for its messages. */
  async function deliverInsideTheStep(numbers: number[], change: Change): Promise<void> {
    const items = state.outbox.filter((item) => numbers.includes(item.n));
    for (let i = 0; i < items.length; i += PARALLEL_NOTIFICATIONS) {
      await Promise.all(items.slice(i, i + PARALLEL_NOTIFICATIONS).map(async (item) => settleDelivery(item, await attempt(item), change)));
    }
  }

  async function runEffect(effect: Exclude<Effect, { kind: 'notify' }>): Promise<void> {
    switch (effect.kind) {
      case 'release':
        await releaseMunicipalityPlace({ municipalityNumber: effect.municipalityNumber, year: effect.year, caseId, persons: effect.persons });
        return;
      case 'startJourneys':
        await startArrivalJourneys(effect.settlementDate, effect.dufNumbers);
        return;
    }
  }

  // ─── The outbox: messages after the step ──────────────────────────────────────────────────
  const delivering = new Set<number>();
  /** Starts deliveries for waiting messages, at most PARALLEL_NOTIFICATIONS at once, oldest first. */
  function pumpOutbox(): void {
    if (stopping) return; // a hand-over carries the rest in the state; the next run sends them
    for (const item of state.outbox) {
      if (delivering.size >= PARALLEL_NOTIFICATIONS) return;
      if (delivering.has(item.n)) continue;
      delivering.add(item.n);
      deliver(item)
        .catch((error) => void (failure ??= error))
        .finally(() => {
          delivering.delete(item.n);
          pumpOutbox();
        });
    }
  }

  /** How long a step waits for its own messages to be handed over before it answers anyway. */
  const STEP_WAITS_FOR_MESSAGES_MS = 5_000;
  async function handedOver(numbers: number[]): Promise<void> {
    if (numbers.length === 0) return;
    await condition(() => numbers.every((n) => !state.outbox.some((item) => item.n === n)), STEP_WAITS_FOR_MESSAGES_MS);
  }

  /**
   * Hands a message to the notifications layer. A message that cannot be delivered after its retries
   * never fails the case: it becomes a task for the responsible party. Anything else (a cancelled
   * run, a programming error) is not a delivery problem and is not hidden as one.
   */
  async function deliver(item: CaseState['outbox'][number]): Promise<void> {
    const failed = await attempt(item);
    await lock.run(async () => {
      const change = newChange();
      settleDelivery(item, failed, change);
      if (projectionAfterTheStep()) project(change);
      else await recordSummary(change.entries);
    });
  }

  /** One message to the notifications layer: undefined when delivered, else why it could not be. */
  async function attempt({ n, effect }: CaseState['outbox'][number]): Promise<string | undefined> {
    try {
      await notify({ notificationId: `${caseId}:${n}:${effect.type}`, caseId, rule: effect.rule, type: effect.type, recipient: effect.recipient, data: effect.data as Record<string, unknown> });
      return undefined;
    } catch (error) {
      if (!(error instanceof ActivityFailure) || error.cause instanceof CancelledFailure) throw error;
      return error.cause?.message ?? error.message;
    }
  }

  /** Takes a message out of the outbox: recorded as sent, or a task to deliver it by hand. */
  function settleDelivery({ n, effect }: CaseState['outbox'][number], failed: string | undefined, change: Change): void {
    const { rule, type, recipient } = effect;
    state.outbox = state.outbox.filter((item) => item.n !== n);
    // What a person reads is bokmål: the message's and the recipient's names (notifications/texts/nb.ts).
    const what = nb.messages[type].name;
    const to = `${nb.terms.recipientKind[recipient.kind]} (${recipient.id})`;
    const details = { type, recipient: `${recipient.kind}:${recipient.id}` };
    if (failed === undefined) {
      record(state, change, clock(), { kind: 'notification', text: `Sendt ${what} til ${to}`, rule, details, audience: type === 'internal-note' ? 'imdi' : 'case' });
      return;
    }
    // A letter to the resident is handed over at the centre; every other message is IMDi's to deliver.
    const party = recipient.kind === 'resident' && state.permit.receptionCentre ? 'reception_centre' : 'imdi';
    state.deadlines.push({ id: `delivery#${n}`, rule, title: `Lever ${what} til ${to} manuelt: ${failed}`, dueDate: clock().today, status: 'open', party });
    record(state, change, clock(), { kind: 'notification', text: `Kunne ikke levere ${what} til ${to}: ${failed}`, rule, details, audience: type === 'internal-note' ? 'imdi' : 'case' });
    state.version += 1; // a new task: lists and inboxes must show it
  }

  async function startArrivalJourneys(settlementDate: string, dufNumbers: string[]): Promise<void> {
    const agreement = state.agreement!;
    const withSpecialNeeds = state.settlementInfo.persons
      .filter((p) => Object.values(p.specialNeeds).some((need) => need.hasNeed === 'yes'))
      .map((p) => p.dufNumber);
    const inputs = arrivalJourneyInputs(caseId, permit, {
      settlementDate,
      municipality: { municipalityNumber: agreement.municipalityNumber, name: agreement.municipalityName },
      settlementKind: agreement.kind === 'self_settlement' ? 'agreed_self_settlement' : 'agreed',
      specialNeedsDufNumbers: withSpecialNeeds,
    });
    for (const [index, journey] of inputs.entries()) {
      if (!dufNumbers.includes(journey.dufNumber)) continue;
      await startChild<typeof arrivalJourney>(ARRIVAL_JOURNEY_WORKFLOW, {
        // Workflow ids are not encrypted: named by the member's place, not the DUF number (privacy).
        workflowId: arrivalJourneyWorkflowId(caseId, index + 1),
        args: [journey],
        parentClosePolicy: ParentClosePolicy.ABANDON, // the case ends at settlement; the journeys go on for years
      });
    }
  }

  /** One scheduler for every reminder, escalation and refusal step; it sleeps to the next one. */
  async function schedule(): Promise<void> {
    while (!isFinal() && !stopping) {
      await lock.run(async () => {
        const change = newChange();
        if (runDue(state, clock(), change)) await commit(change);
      });
      const next = nextWake(state);
      const version = state.version;
      const woken = () => state.version !== version || isFinal() || stopping;
      if (next === undefined) await condition(woken);
      else await condition(woken, Math.max(next - Date.now(), 1));
    }
  }

  // ─── Life of the case ──────────────────────────────────────────────────────────────────────
  if (created) await lock.run(() => commit(created.change));
  else showInTemporal(caseSummary(state, clock())); // a continued run: its attributes as its state says
  pumpOutbox(); // messages a previous run handed over unsent
  const scheduler = schedule().catch((error) => void (failure ??= error));
  /** Fails the case visibly instead of retrying its workflow task for ever. */
  function failIfLoopFailed(): void {
    if (failure === undefined) return;
    if (failure instanceof ApplicationFailure) throw failure;
    throw ApplicationFailure.nonRetryable(`Saken stoppet: ${String(failure)}`, 'CaseLoopFailed');
  }
  const maxHistoryEvents = input.maxHistoryEvents ?? MAX_HISTORY_EVENTS_PER_RUN;
  const historyFull = () => workflowInfo().historyLength > maxHistoryEvents || workflowInfo().continueAsNewSuggested;
  await condition(() => failure !== undefined || isFinal() || historyFull());
  failIfLoopFailed();
  // A case that ended still sends what it decided (health and NAV hear of the settlement).
  if (isFinal()) await condition(() => failure !== undefined || (state.outbox.length === 0 && delivering.size === 0 && projected()));
  failIfLoopFailed();
  stopping = true; // the scheduler sleeps on; the lock being idle means none of its work is in flight
  void scheduler;
  await condition(() => allHandlersFinished() && lock.idle && delivering.size === 0 && projected());
  if (!isFinal()) {
    await continueAsNew<typeof settlementCase>({ caseId, permit, continued: state, maxHistoryEvents: input.maxHistoryEvents, dataFormat: DATA_FORMAT });
  }
  // The last thing the case does: its state and readable history outlive the workflow in Temporal.
  if (patched(ARCHIVE_CASE)) await archiveCase(state);
  return state;
}

