/**
 * All I/O the workflows ask for. Created by a factory that takes its dependencies, so tests hand
 * in real local servers (dynalite, HTTP receivers, SMTP servers) without module mocking.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { fetchRuns, readableHistory, wholeTimeline } from '../api/history';
import type { CaseState, TimelineEntry } from '../domain/case/state';
import type { JourneyState, JourneyView } from '../domain/journey';
import { saveArchive } from '../store/archive';
import { readTimeline } from '../store/case-timeline';
import type { JourneyOutcome } from '../workflows/arrival-messages';
import { saveCaseSummary, type CaseSummary } from '../store/case-index';
import { saveTimelineEntries } from '../store/case-timeline';
import type { SmtpSettings } from '../notifications/channels/email';
import type { WebhookPolicy } from '../notifications/channels/webhook-address';
import { createNotifier } from '../notifications/notify';
import type { NotificationRequest, NotifyOutcome } from '../notifications/request';
import { releasePlace, reservePlace, type Release, type Reservation, type ReservationRequest } from '../store/municipalities';
import type { Tables } from '../store/table';

export type ActivityDeps = {
  tables: Tables;
  /** SMTP_URL / SMTP_FROM; unset: e-mail recipients' messages are kept for manual sending. */
  smtp?: SmtpSettings;
  /** Tests pin the clock (letter dates, webhook timestamps). */
  clock?: () => Date;
  /** Which webhook addresses may be called (notifications/channels/webhook-address.ts); unset: public https only. */
  webhooks?: WebhookPolicy;
};

export function createActivities({ tables, smtp, clock, webhooks }: ActivityDeps) {
  const notifier = createNotifier({ tables, smtp, clock, webhooks });
  const now = () => (clock?.() ?? new Date()).toISOString();
  return {
    /**
     * Writes the case's new timeline entries and its row in the read model; an older version never
     * overwrites a newer one. Entries first: a list never shows a change the history lacks.
     */
    async recordCaseSummary(summary: CaseSummary, entries: TimelineEntry[] = []): Promise<'written' | 'stale'> {
      await saveTimelineEntries(tables, summary.caseId, entries);
      return saveCaseSummary(tables, summary);
    },

    /**
     * R-DIST-2: one conditional write takes the household's persons out of the municipality's
     * decided number, or says it has too few free (or no decision). Idempotent per case.
     */
    async reserveMunicipalityPlace(request: ReservationRequest): Promise<Reservation> {
      return reservePlace(tables, checkedPersons(request));
    },

    /** R-DIST-2: gives the case's persons back (the case closed after its agreement). Idempotent per case. */
    async releaseMunicipalityPlace(request: ReservationRequest): Promise<Release> {
      return releasePlace(tables, checkedPersons(request));
    },

    /**
     * Delivers one message (notifications/notify.ts). Proxy it with `notifyActivityOptions`
     * (notifications/request.ts): invalid requests and permanent refusals fail at once; others are
     * retried with backoff, and the last attempt marks the message "failed" in the log.
     */
    async notify(request: NotificationRequest): Promise<NotifyOutcome> {
      const { attempt, retryPolicy } = Context.current().info;
      return notifier.notify(request, { attempt, maxAttempts: retryPolicy?.maximumAttempts });
    },

    /**
     * The archive of a case that closed (store/archive.ts): its final state and its readable
     * history, read from Temporal now — the workflow returns right after this activity, so nothing
     * more happens to it — and encrypted with the worker's own payload codec.
     */
    async archiveCase(state: CaseState): Promise<void> {
      const { client } = Context.current();
      const [runs, stored] = await Promise.all([fetchRuns(client, state.caseId), readTimeline(tables, state.caseId)]);
      const entries = await readableHistory(client, state, runs, wholeTimeline(stored, state.timeline));
      const codecs = client.options.loadedDataConverter.payloadCodecs;
      await saveArchive(tables, codecs, { kind: 'case', caseId: state.caseId, workflowId: state.caseId, closedAt: now(), state, history: { runs: runs.length, entries } });
    },

    /** The archive of an arrival journey that ended: its state, its view on the last day, its outcome. */
    async archiveJourney(journey: { caseId: string; workflowId: string; state: JourneyState; view: JourneyView; outcome: JourneyOutcome }): Promise<void> {
      const codecs = Context.current().client.options.loadedDataConverter.payloadCodecs;
      await saveArchive(tables, codecs, { kind: 'journey', closedAt: now(), ...journey });
    },
  };
}

/** A household count that is not a positive integer is the caller's bug: a retry cannot mend it. */
function checkedPersons(request: ReservationRequest): ReservationRequest {
  if (!Number.isInteger(request.persons) || request.persons < 1) {
    throw ApplicationFailure.nonRetryable(`a household has at least one person; got ${request.persons} (R-DIST-2)`, 'InvalidPersons');
  }
  return request;
}

export type Activities = ReturnType<typeof createActivities>;
