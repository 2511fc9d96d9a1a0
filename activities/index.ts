/**
 * All I/O the workflows ask for. Created by a factory that takes its dependencies, so tests hand
 * in real local servers (dynalite, HTTP receivers, SMTP servers) without module mocking.
 */
import { Context } from '@temporalio/activity';
import { saveCaseSummary, type CaseSummary } from '../store/case-index';
import type { SmtpSettings } from '../notifications/channels/email';
import { createNotifier } from '../notifications/notify';
import type { NotificationRequest, NotifyOutcome } from '../notifications/request';
import { releasePlace, reservePlace, type Reservation } from '../store/municipalities';
import type { Tables } from '../store/table';

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
    /** Writes the case's row in the read model; an older version never overwrites a newer one. */
    async recordCaseSummary(summary: CaseSummary): Promise<'written' | 'stale'> {
      return saveCaseSummary(tables, summary);
    },

    /** R-DIST-2: one conditional write takes a place in the municipality's decided number, or says it is full. */
    async reserveMunicipalityPlace(municipalityNumber: string, year: number, caseId: string): Promise<Reservation> {
      return reservePlace(tables, municipalityNumber, year, caseId);
    },

    async releaseMunicipalityPlace(municipalityNumber: string, year: number, caseId: string): Promise<void> {
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
