/**
 * One person's arrival journey (R-ARR-1..9, R-GRANT-1..5): from the first day in the municipality
 * to the end of settlement year five (later for a young unaccompanied minor's special grant).
 *
 * Every deadline is a durable timer (reminder before, escalation at). Staff steps are updates with
 * validators: a step that is not allowed is refused with the reason and leaves no trace in the
 * history. The journey continues as new every 1 January — the settlement years grants are counted
 * in — carrying only its JourneyState, so no run's history grows with the journey's length. A run
 * also continues as new early if its history reaches HISTORY_EVENTS_GUARD events.
 * Deterministic only: the rules are in domain/, the one I/O (notify) is an activity.
 */
import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import type { ArrivalProfile } from '../domain/arrival';
import { instantToDate, isValidIsoDate, type IsoDate } from '../domain/dates';
import { lastSettlementYear, settlementYearOf } from '../domain/grants';
import { fullName } from '../domain/household';
import {
  applyStep,
  deadlineTasks,
  deadlinesView,
  interpreterBadge,
  isDeadlineSettled,
  journeyEndsOn,
  journeyGrants,
  journeyStep,
  journeyView,
  openTasksView,
  startJourney,
  stepRefusal,
  type DeadlineState,
  type JourneyState,
  type JourneyStepInput,
  type JourneyStepKind,
  type JourneyView,
} from '../domain/journey';
import type { MessageData, MessageType } from '../notifications/catalog';
import { notifyActivityOptions, type RecipientRef } from '../notifications/request';
import {
  deadlinesQuery,
  grantTimelineQuery,
  journeyQuery,
  openTasksQuery,
  runInfoQuery,
  stepUpdates,
  type ArrivalJourneyInput,
  type AsOf,
  type JourneyOutcome,
  type RunRecord,
  type StepUpdate,
} from './arrival-messages';
import { startOfDate, watchDeadline } from './deadlines';
import type { Actor } from './messages';

const { notify } = proxyActivities<Activities>(notifyActivityOptions);
const { archiveJourney } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** patched() id: an ended journey is archived before its workflow returns (issue 14, store/archive.ts). */
const ARCHIVE_JOURNEY = 'archive-journey';

/**
 * The history bound: a run continues as new once its history holds this many events. A normal
 * year stays far below it (see the README); the guard only matters if staff steps pile up.
 * A run therefore never exceeds HISTORY_EVENTS_GUARD plus the events of the activation that
 * crossed it — far under the SDK's 10 240 warning.
 */
export const HISTORY_EVENTS_GUARD = 1_000;
/** Previous runs listed by the runInfo query. */
const RUNS_KEPT = 20;
/** The municipality's refugee service records every arrival step. */
const STEP_ROLES: readonly Actor['role'][] = ['kommune'];

/** What one run hands the next: only the journey's state and the run list. */
export type JourneyContinuation = { journey: JourneyState; runs: RunRecord[]; runIndex: number };

export async function arrivalJourney(input: ArrivalJourneyInput, carried?: JourneyContinuation): Promise<JourneyOutcome> {
  const profile = profileOf(input);
  const person = profile.person;
  const municipality = input.municipality.municipalityNumber;
  const nowIso = () => new Date().toISOString();
  const today = () => instantToDate(nowIso());

  const journey = carried?.journey ?? startJourney(profile);
  const runIndex = (carried?.runIndex ?? 0) + 1;
  const previousRuns = carried?.runs ?? [];
  const thisRun: RunRecord = { runId: workflowInfo().runId, startedAt: nowIso() };
  /** Deadlines with a running timer in this run. */
  const watching = new Set<string>();
  /** Notifications being sent: they finish before the run continues as new. */
  let inFlight = 0;

  const view = (asOf = today()): JourneyView => journeyView(profile, journey, asOf);
  setHandler(journeyQuery, (options) => view(validAsOf(options)));
  setHandler(openTasksQuery, () => openTasksView(journey));
  setHandler(deadlinesQuery, () => deadlinesView(journey));
  setHandler(grantTimelineQuery, (options) => journeyGrants(profile, journey, validAsOf(options) ?? today()));
  setHandler(runInfoQuery, () => ({ runId: thisRun.runId, runIndex, historyLength: workflowInfo().historyLength, previousRuns }));

  // The API validated each input's shape against its schema (domain/journey.schema.ts); the
  // validator checks who may take the step and the rules, with plain functions (no zod here).
  for (const kind of Object.keys(stepUpdates) as JourneyStepKind[]) {
    const update = stepUpdates[kind] as unknown as UpdateDefinition<JourneyView, [StepUpdate<JourneyStepInput<typeof kind>>]>;
    setHandler(
      update,
      ({ actor, ...input }) => {
        const opened = applyStep(profile, journey, journeyStep(kind, input), actor, nowIso());
        for (const deadline of opened) watch(journey.deadlines.find((d) => d.id === deadline.id)!);
        return view();
      },
      {
        validator: ({ actor, ...input }) => {
          if (!actor || !STEP_ROLES.includes(actor.role)) {
            throw new Error(`Stegene etter ankomst registreres av kommunens flyktningtjeneste (rollen kommune); ${actor ? `rollen ${actor.role}` : 'ingen rolle'} ble oppgitt`);
          }
          const refusal = stepRefusal(profile, journey, journeyStep(kind, input), today());
          if (refusal) throw new Error(refusal);
        },
      },
    );
  }

  async function busy(work: () => Promise<void>): Promise<void> {
    inFlight += 1;
    try {
      await work();
    } finally {
      inFlight -= 1;
    }
  }

  for (const deadline of journey.deadlines) watch(deadline);

  // R-ARR-4..7: school and kindergarten were told at assignment, health and NAV at arrival — by the
  // settlement case, once per household (workflows/settlement-case.ts).
  journey.announced = true;

  // The natural boundary: 1 January, when the next settlement year begins.
  const yearEnds = startOfDate(`${Number(today().slice(0, 4)) + 1}-01-01`);
  const historyFull = () => workflowInfo().historyLength >= HISTORY_EVENTS_GUARD || workflowInfo().continueAsNewSuggested;
  await condition(historyFull, Math.max(yearEnds - Date.now(), 1));
  await condition(() => allHandlersFinished() && inFlight === 0);

  const runs = [...previousRuns, { ...thisRun, endedAt: nowIso(), historyLength: workflowInfo().historyLength }].slice(-RUNS_KEPT);
  if (settlementYearOf(today(), profile.settlementDate) > lastSettlementYear(profile)) {
    const outcome: JourneyOutcome = { dufNumber: person.dufNumber, endedOn: journeyEndsOn(profile), openTasks: openTasksView(journey).length, runs: runIndex };
    if (patched(ARCHIVE_JOURNEY)) await archiveJourney({ caseId: input.caseId, workflowId: workflowInfo().workflowId, state: journey, view: view(), outcome });
    return outcome;
  }
  return continueAsNew<typeof arrivalJourney>(input, { journey, runs, runIndex });

  /** A durable deadline: reminder to the refugee service before, escalation at the due date. */
  function watch(deadline: DeadlineState): void {
    if (watching.has(deadline.id) || deadline.escalatedAt !== undefined || isDeadlineSettled(journey, deadline.id)) return;
    watching.add(deadline.id);
    void watchDeadline({
      remindDate: deadline.remindedAt === undefined ? deadline.remindDate : undefined,
      dueDate: deadline.dueDate,
      isMet: () => isDeadlineSettled(journey, deadline.id),
      remind: () =>
        busy(async () => {
          await sendAboutDeadline(deadline, 'arrival-task-reminder');
          deadline.remindedAt = nowIso();
        }),
      escalate: () =>
        busy(async () => {
          await sendAboutDeadline(deadline, 'arrival-task-overdue');
          deadline.escalatedAt = nowIso();
        }),
    });
  }

  async function sendAboutDeadline(deadline: DeadlineState, type: 'arrival-task-reminder' | 'arrival-task-overdue'): Promise<void> {
    const open = deadlineTasks(journey, deadline.id).filter((t) => t.status === 'open');
    const interpreter = open.some((t) => t.conversation) ? interpreterBadge(journey)?.language : undefined;
    await send(deadline.rule, type, { kind: 'municipality', id: municipality }, `${deadline.id}:${type}`, {
      deadlineId: deadline.id,
      title: deadline.title,
      dueDate: deadline.dueDate,
      person: { name: fullName(person), dufNumber: person.dufNumber },
      // Ids: the message names each task in the reader's language.
      openTasks: open.map((t) => t.id),
      ...(interpreter !== undefined ? { interpreterLanguage: interpreter } : {}),
    });
  }

  /** The id is stable across retries and runs, so a message is never sent twice. */
  async function send<T extends MessageType>(rule: string, type: T, recipient: RecipientRef, key: string, data: MessageData<T>): Promise<void> {
    try {
      await notify({ notificationId: `${input.caseId}:${person.dufNumber}:${key}`, caseId: input.caseId, rule, type, recipient, data: data as Record<string, unknown> });
    } catch (error) {
      // A reminder that cannot be delivered must not end a five-year journey; the log shows it failed.
      if (!(error instanceof ActivityFailure)) throw error;
    }
  }
}

function validAsOf(options: AsOf | undefined): IsoDate | undefined {
  const asOf = options?.asOf;
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new Error(`asOf must be a date in the form YYYY-MM-DD, got '${asOf}'`);
  return asOf;
}

function profileOf(input: ArrivalJourneyInput): ArrivalProfile {
  const person = input.household.find((p) => p.dufNumber === input.dufNumber);
  if (!person) throw ApplicationFailure.nonRetryable(`DUF number ${input.dufNumber} is not a member of the household of case ${input.caseId}`);
  return {
    caseId: input.caseId,
    person,
    household: input.household,
    permitType: input.permitType,
    settlementKind: input.settlementKind,
    settlementDate: input.settlementDate,
    municipalityNumber: input.municipality.municipalityNumber,
    specialNeeds: input.specialNeeds ?? false,
    ...(input.plannedProgrammeStart !== undefined ? { plannedProgrammeStart: input.plannedProgrammeStart } : {}),
  };
}
