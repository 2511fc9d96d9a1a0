/**
 * Talking to arrival journeys from outside the workflow sandbox (the API, scripts). Not part of
 * the worker's workflow bundle: workflows/index.ts does not import it.
 */
import type { Client } from '@temporalio/client';
import type { IsoDate } from '../domain/dates';
import { householdJourneyView, type HouseholdJourneyView, type JourneyView } from '../domain/journey';
import { arrivalJourneyWorkflowId, journeyQuery } from './arrival-messages';

/** One member's journey, as of the caller's today (the journey's own clock only moves when it wakes). */
export function queryJourney(client: Pick<Client, 'workflow'>, caseId: string, dufNumber: string, asOf: IsoDate): Promise<JourneyView> {
  return client.workflow.getHandle(arrivalJourneyWorkflowId(caseId, dufNumber)).query(journeyQuery, { asOf });
}

/** The household view: each member's journey queried from its own workflow, then joined. */
export async function queryHouseholdJourney(
  client: Pick<Client, 'workflow'>,
  caseId: string,
  dufNumbers: readonly string[],
  asOf: IsoDate,
): Promise<HouseholdJourneyView> {
  const views = await Promise.all(dufNumbers.map((dufNumber) => queryJourney(client, caseId, dufNumber, asOf)));
  return householdJourneyView(views);
}
