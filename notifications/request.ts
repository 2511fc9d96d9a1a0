/**
 * What a workflow asks the notifications layer to deliver. The workflow decides who is told what
 * and when; the layer decides how (channel), renders the text, and logs every attempt.
 */

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
