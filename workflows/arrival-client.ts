/**
 * Talking to arrival journeys from outside the workflow sandbox (the API, scripts). Not part of
 * the worker's workflow bundle: workflows/index.ts does not import it.
 */
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { IsoDate } from '../domain/dates';
import { householdJourneyView, type HouseholdJourneyView, type JourneyView } from '../domain/journey';
import { arrivalJourneyWorkflowId, journeyQuery, legacyArrivalJourneyWorkflowId } from './arrival-messages';

/**
 * Runs `use` on one member's journey. `household` is the permit's DUF numbers in order: the journey
 * is named by the member's place in it; journeys started before that were named by DUF number.
 */
export async function withJourney<T>(
  client: Pick<Client, 'workflow'>,
  caseId: string,
  household: readonly string[],
  dufNumber: string,
  use: (handle: WorkflowHandle) => Promise<T>,
): Promise<T> {
  const index = household.indexOf(dufNumber);
  if (index < 0) throw new WorkflowNotFoundError(`${dufNumber} is not a member of case ${caseId}`, caseId, undefined);
  try {
    return await use(client.workflow.getHandle(arrivalJourneyWorkflowId(caseId, index + 1)));
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    return use(client.workflow.getHandle(legacyArrivalJourneyWorkflowId(caseId, dufNumber)));
  }
}

/** One member's journey, as of the caller's today (the journey's own clock only moves when it wakes). */
export function queryJourney(client: Pick<Client, 'workflow'>, caseId: string, household: readonly string[], dufNumber: string, asOf: IsoDate): Promise<JourneyView> {
  return withJourney(client, caseId, household, dufNumber, (handle) => handle.query(journeyQuery, { asOf }));
}

/** The household view: each member's journey queried from its own workflow, then joined. */
export async function queryHouseholdJourney(
  client: Pick<Client, 'workflow'>,
  caseId: string,
  household: readonly string[],
  asOf: IsoDate,
): Promise<HouseholdJourneyView> {
  const views = await Promise.all(household.map((dufNumber) => queryJourney(client, caseId, household, dufNumber, asOf)));
  return householdJourneyView(views);
}
