/**
 * All I/O the workflows ask for. Created by a factory that takes its dependencies, so tests hand
 * in real local servers (dynalite, HTTP receivers, SMTP servers) without module mocking.
 */
import { Context } from '@temporalio/activity';
import type { TimelineEntry } from '../domain/case/state';
import { saveCaseSummary, type CaseSummary } from '../store/case-index';
import { saveTimelineEntries } from '../store/case-timeline';
import type { SmtpSettings } from '../notifications/channels/email';
import { createNotifier } from '../notifications/notify';
import type { NotificationRequest, NotifyOutcome } from '../notifications/request';
import { releasePlace, reservePlace, } from '../store/municipalities';

export type Reservation = { outcome: 'reserved' } | { outcome: 'full'; decided: number; used: number; free: number } | { outcome: 'no_decision' };
import type { Tables } from '../store/table';

/** R-DIST-2: a case's places (persons) in a municipality's decided number of a year. */
export type PlaceRequest = { municipalityNumber: string; year: number; caseId: string; persons: number };

export type ActivityDeps = {
  tables: Tables;
  /** SMTP_URL / SMTP_FROM; unset: e-mail recipients' messages are kept for manual sending. */
  smtp?: SmtpSettings;
  /** Tests pin the clock (letter dates, webhook timestamps). */
  clock?: () => Date;
};

export function createActivities({ tables, smtp, clock }: ActivityDeps) {
  const notifier = createNotifier({ tables, smtp, clock });
  return {
    /**
     * Writes the case's new timeline entries and its row in the read model; an older version never
     * overwrites a newer one. Entries first: a list never shows a change the history lacks.
     */
    async recordCaseSummary(summary: CaseSummary, entries: TimelineEntry[] = []): Promise<'written' | 'stale'> {
      await saveTimelineEntries(tables, summary.caseId, entries);
      return saveCaseSummary(tables, summary);
    },

    /** R-DIST-2: one conditional write takes a place in the municipality's decided number, or says it is full. */
    async reserveMunicipalityPlace({ municipalityNumber, year, caseId }: PlaceRequest): Promise<Reservation> {
      const reservation = await reservePlace(tables, municipalityNumber, year, caseId);
      if (reservation.outcome === 'reserved') return reservation;
      if (reservation.outcome === 'no_decision') return { outcome: 'no_decision' };
      return { outcome: 'full', decided: reservation.decided, used: reservation.used, free: reservation.decided - reservation.used };
    },

    async releaseMunicipalityPlace({ municipalityNumber, year, caseId }: PlaceRequest): Promise<void> {
      await releasePlace(tables, municipalityNumber, year, caseId);
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
  };
}

export type Activities = ReturnType<typeof createActivities>;
