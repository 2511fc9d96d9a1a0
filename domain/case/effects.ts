/**
 * What a change of the case asks the outside world to do. The reducers return these; the workflow
 * runs each as an activity (in order, after the state changed), so a rule never does I/O.
 */
import type { MessageData, MessageType } from '../../notifications/catalog';
import type { RecipientRef } from '../../notifications/request';
import type { IsoDate } from '../dates';

export type NotifyEffect<T extends MessageType = MessageType> = { kind: 'notify'; rule: string; type: T; recipient: RecipientRef; data: MessageData<T> };

export type Effect =
  | NotifyEffect
  /** R-DIST-2: the reserved persons go back to the municipality's decided number. */
  | { kind: 'release'; municipalityNumber: string; year: number; persons: number }
  /** R-ARR, R-GRANT: each arrived member's journey in the municipality starts. */
  | { kind: 'startJourneys'; settlementDate: IsoDate; dufNumbers: string[] };

export function notify<T extends MessageType>(rule: string, type: T, recipient: RecipientRef, data: MessageData<T>): NotifyEffect {
  return { kind: 'notify', rule, type, recipient, data } as NotifyEffect;
}
