/**
 * All I/O the workflows ask for. Created by a factory that takes its dependencies, so tests hand
 * in real local servers (dynalite, HTTP receivers) without module mocking.
 */
import { saveCaseSummary, type CaseSummary } from '../store/case-index';
import { releasePlace, reservePlace, type Reservation } from '../store/municipalities';
import type { NotificationRequest } from '../notifications/request';
import { recordNotification } from '../store/notification-log';
import type { Tables } from '../store/table';

export type ActivityDeps = { tables: Tables };

export function createActivities({ tables }: ActivityDeps) {
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
     * Hands a message to the notifications layer. Until channels exist (issue 5) every message is
     * recorded as "to send manually", so nothing is ever silently dropped.
     */
    async notify(request: NotificationRequest): Promise<void> {
      await recordNotification(tables, {
        notificationId: request.notificationId,
        caseId: request.caseId,
        type: request.type,
        rule: request.rule,
        recipient: `${request.recipient.kind}:${request.recipient.id}`,
        subject: request.type,
        body: JSON.stringify(request.data),
        createdAt: new Date().toISOString(),
      });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
