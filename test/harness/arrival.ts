/** Helpers for the arrival-journey workflow tests on the time-skipping server. */
import { Client, type WorkflowHandle } from '@temporalio/client';
import { addDays, type IsoDate } from '../../domain/dates';
import type { JourneyPerson } from '../../domain/arrival';
import type { JourneyView } from '../../domain/journey';
import type { NotificationRecord } from '../../store/notification-log';
import { listCaseNotifications } from '../../store/notification-log';
import { ARRIVAL_JOURNEY_WORKFLOW, arrivalJourneyWorkflowId, journeyQuery, type ArrivalJourneyInput } from '../../workflows/arrival-messages';
import { journeyInput } from '../fixtures/arrival';
import { testDataConverter } from './codec';
import { eventually, type TimeSkippingHarness } from './workers';

export const staff = { id: 'kommune-sel-1', role: 'kommune' as const, organisation: 'Sel flyktningetjeneste' };

let cases = 0;
export function newCaseId(): string {
  cases += 1;
  return `settlement-case-UDI-TEST-${process.pid}-${Date.now()}-${cases}`;
}

/** The server's current date. */
export async function serverToday(t: TimeSkippingHarness): Promise<IsoDate> {
  return new Date(await t.env.currentTimeMs()).toISOString().slice(0, 10);
}

/** Starts one journey per person and waits until each has run its first workflow task. */
export async function startJourneys(
  t: TimeSkippingHarness,
  persons: JourneyPerson[],
  household: JourneyPerson[],
  settlementDate: IsoDate,
  caseId: string,
  overrides: (p: JourneyPerson) => Partial<ArrivalJourneyInput> = () => ({}),
): Promise<WorkflowHandle[]> {
  const handles = await Promise.all(
    persons.map((p) =>
      t.client.workflow.start(ARRIVAL_JOURNEY_WORKFLOW, {
        workflowId: arrivalJourneyWorkflowId(caseId, household.findIndex((m) => m.dufNumber === p.dufNumber) + 1),
        taskQueue: t.taskQueue,
        args: [journeyInput(p, household, settlementDate, caseId, overrides(p))],
      }),
    ),
  );
  // Answered only once the worker has run the first workflow task: the timers exist before time moves.
  await Promise.all(handles.map((h) => h.query(journeyQuery)));
  return handles;
}

/** Moves the server's clock to `hour` o'clock UTC of `date` (never backwards). */
export async function skipTo(t: TimeSkippingHarness, date: IsoDate, hour = 12): Promise<void> {
  const target = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const now = await t.env.currentTimeMs();
  if (target > now) await t.env.sleep(target - now);
}

export async function skipDays(t: TimeSkippingHarness, from: IsoDate, days: number): Promise<IsoDate> {
  const date = addDays(from, days);
  await skipTo(t, date);
  return date;
}

/** Polls the case's notifications until `ok` holds. */
export function notificationsUntil(t: TimeSkippingHarness, caseId: string, ok: (ns: NotificationRecord[]) => boolean): Promise<NotificationRecord[]> {
  return eventually(() => listCaseNotifications(t.tables, caseId), ok, 30_000);
}

export function viewUntil(handle: WorkflowHandle, ok: (v: JourneyView) => boolean, timeoutMs = 30_000): Promise<JourneyView> {
  return eventually(() => handle.query(journeyQuery), ok, timeoutMs);
}

export const dataOf = (n: NotificationRecord) => JSON.parse(n.data ?? '{}') as Record<string, unknown>;

/**
 * The result of a journey known to have ended, read with a plain client: the time-skipping
 * client unlocks time while it waits for a result, which would move every other journey on.
 */
export async function resultOfEnded<T>(t: TimeSkippingHarness, handle: WorkflowHandle): Promise<T> {
  await eventually(() => handle.describe(), (d) => d.status.name !== 'RUNNING', 30_000);
  const plain = new Client({ connection: t.env.connection, namespace: t.env.namespace ?? 'default', dataConverter: testDataConverter() });
  return plain.workflow.getHandle(handle.workflowId).result() as Promise<T>;
}
