/**
 * What a workflow asks the notifications layer to deliver. The workflow decides who is told what
 * and when; the layer decides how (channel), renders the text, and logs every attempt.
 * Safe to import from workflows: no I/O here.
 */
import type { ActivityOptions } from '@temporalio/common';

/** The kinds of party that receive notifications (domain.md, "Actors"); they are not users. */
export const recipientKinds = [
  'reception_centre', // mottak: bosettingsansvarlig + the centre's shared address
  'reception_centre_leader',
  'udi',
  'udi_regional_office',
  'imdi',
  'municipality', // the settling municipality's refugee service
  'host_municipality', // vertskommune
  'school',
  'kindergarten',
  'health', // kommunelege + ledende helsesøster
  'nav',
  'housing',
  'guardian', // representative / verge
  'child_welfare', // barnevern
  'bufetat',
  'county_governor', // statsforvalteren
  'bailiff', // namsmannen
  'resident', // the refugee (letters)
] as const;
export type RecipientKind = (typeof recipientKinds)[number];

/** A party: its kind and its id in the recipient directory (e.g. the centre id, a municipality number). */
export type RecipientRef = { kind: RecipientKind; id: string };

export type NotificationRequest = {
  /** Stable across activity retries (the workflow derives it), so a retry is never a second message. */
  notificationId: string;
  caseId: string;
  /** The rule that requires this message, e.g. R-INT-1. */
  rule: string;
  /** The message type; its schema decides which data fields may be sent (R-PRIV-3). */
  type: string;
  recipient: RecipientRef;
  data: Record<string, unknown>;
};

/** What `notify` reports when it returns: the message is either delivered or waiting for a caseworker. */
export type NotifyOutcome = {
  notificationId: string;
  status: 'delivered' | 'manual';
  channel: 'webhook' | 'email' | 'letter' | 'none';
  attempts: number;
};

/** ApplicationFailure types `notify` throws; the workflow may tell them apart by `failure.cause.type`. */
export const notifyFailureTypes = {
  /** Unknown type, wrong rule or recipient kind, or data outside the type's schema. Never retried. */
  invalid: 'InvalidNotification',
  /** The same notificationId was used for a different message. Never retried. */
  idReused: 'NotificationIdReused',
  /** The receiver refused for good (HTTP 4xx other than 408/429, SMTP 5xx). Never retried. */
  rejected: 'DeliveryRejected',
  /** The receiver could not be reached or answered 408/429/5xx. Retried by the policy below. */
  failed: 'DeliveryFailed',
} as const;

export const NOTIFY_MAX_ATTEMPTS = 10;

/**
 * The ActivityOptions workflows should proxy `notify` with. Backoff 10 s doubling to 1 hour gives
 * 10 attempts over roughly 1.5 hours. `notify` marks the message "failed" in the log on the last
 * attempt it is given (it reads maximumAttempts from the activity's retry policy); the workflow
 * then catches the ActivityFailure and raises a task on the case ("send by hand"), e.g. with a
 * 'delivery-failed' message to the caseworker's party.
 */
export const notifyActivityOptions = {
  // One attempt is a webhook call (its own 10 s timeout, WEBHOOK_TIMEOUT_MS), an SMTP hand-over or a
  // letter of a few pages, plus two store writes: 30 s is ample, and an attempt lost with a crashed
  // worker is tried again after 30 s, not a minute. Only the message waits; no step does (the outbox).
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 hour',
    maximumAttempts: NOTIFY_MAX_ATTEMPTS,
    nonRetryableErrorTypes: [notifyFailureTypes.invalid, notifyFailureTypes.idReused, notifyFailureTypes.rejected],
  },
} satisfies ActivityOptions;
