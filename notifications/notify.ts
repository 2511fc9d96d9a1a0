/**
 * The inside of the `notify` activity: check the request against the catalogue, find the party in
 * the directory, render the text, deliver on the party's channel, and keep the log item of this
 * notificationId up to date on every attempt. A retry after a success sends nothing again.
 */
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { getLetter, saveLetter } from '../store/letters';
import { getNotification, saveNotification, type NotificationStatus, type StoredNotification } from '../store/notification-log';
import { getRecipient } from '../store/recipients';
import type { Tables } from '../store/table';
import { InvalidNotificationError, parseNotification, renderNotification, textsByLocale, type ParsedNotification, type Rendered } from './catalog';
import { shortReference } from './catalog/fields';
import { DeliveryError } from './channels/delivery-error';
import { createMailer, type SmtpSettings } from './channels/email';
import { LetterUnprintableError, renderLetterPdf, type LetterContent } from './channels/letter';
import { deliverWebhook } from './channels/webhook';
import type { WebhookPolicy } from './channels/webhook-address';
import type { Channel, Recipient } from './directory';
import { notifyFailureTypes, type NotificationRequest, type NotifyOutcome } from './request';

export type NotifierDeps = {
  tables: Tables;
  /** Unset: e-mail recipients' messages are kept for manual sending. */
  smtp?: SmtpSettings;
  clock?: () => Date;
  webhookTimeoutMs?: number;
  /** Which webhook addresses may be called; unset: public https only. */
  webhooks?: WebhookPolicy;
};

/** Which attempt this is, and how many the retry policy allows (0 or undefined: unlimited). */
export type Attempt = { attempt: number; maxAttempts?: number };

export function createNotifier({ tables, smtp, clock = () => new Date(), webhookTimeoutMs, webhooks }: NotifierDeps) {
  const mailer = smtp ? createMailer(smtp) : undefined;

  async function notify(request: NotificationRequest, { attempt, maxAttempts }: Attempt): Promise<NotifyOutcome> {
    const now = clock().toISOString();
    const recipient = `${request.recipient.kind}:${request.recipient.id}`;
    const requestHash = hashRequest(request);
    const existing = await getNotification(tables, request.caseId, request.notificationId);
    if (existing?.requestHash && existing.requestHash !== requestHash) {
      throw ApplicationFailure.create({
        type: notifyFailureTypes.idReused,
        nonRetryable: true,
        message: `notificationId ${request.notificationId} was already used for another message (${existing.type} to ${existing.recipient}); each message needs its own id`,
      });
    }
    if (existing && (existing.status === 'delivered' || existing.status === 'manual')) {
      // An earlier attempt finished the job but its completion was lost: do not send twice.
      return { notificationId: request.notificationId, status: existing.status, channel: existing.channel as NotifyOutcome['channel'], attempts: existing.attempts };
    }
    const base = {
      notificationId: request.notificationId,
      caseId: request.caseId,
      type: request.type,
      rule: request.rule,
      recipient,
      recipientKind: request.recipient.kind,
      recipientId: request.recipient.id,
      requestHash,
      attempts: attempt,
      createdAt: existing?.createdAt ?? now,
    };

    let parsed: ParsedNotification;
    try {
      parsed = parseNotification(request);
    } catch (error) {
      if (!(error instanceof InvalidNotificationError)) throw error;
      // Recorded without its data: what it carried may be exactly what the rule forbids.
      await save({ ...base, channel: 'none', subject: request.type, body: '', status: 'failed', lastError: error.message, updatedAt: now });
      throw ApplicationFailure.create({ type: notifyFailureTypes.invalid, nonRetryable: true, message: error.message, details: [error.issues] });
    }

    const party = await getRecipient(tables, request.recipient);
    // Dated by the first attempt, so a retry renders the same text (ages, "du"/"dere" included).
    const rendered = renderNotification(parsed, { caseId: request.caseId, today: osloDate(base.createdAt) });
    let channel: Channel = party?.channel ?? { type: 'none' };
    let note: string | undefined;
    if (channel.type === 'email' && !mailer) {
      channel = { type: 'none' };
      note = 'e-mail is not configured (SMTP_URL); send by hand';
    }
    const record = { ...base, recipientName: party?.name, channel: channel.type, subject: rendered.subject, body: rendered.body, data: JSON.stringify(parsed.data) };
    // The attempt is on record before the outside world is touched.
    await save({ ...record, status: 'pending', lastError: existing?.lastError, updatedAt: now });

    let status: 'delivered' | 'manual';
    let hasLetter = false;
    try {
      switch (channel.type) {
        case 'webhook':
          await deliverWebhook(
            channel,
            { notificationId: request.notificationId, caseId: request.caseId, type: request.type, rule: request.rule, recipient: request.recipient, ...rendered, data: parsed.data },
            { now: clock(), timeoutMs: webhookTimeoutMs, policy: webhooks },
          );
          status = 'delivered';
          break;
        case 'email':
          await mailer!.send({ notificationId: request.notificationId, to: channel.address, subject: rendered.subject, text: rendered.body });
          status = 'delivered';
          break;
        case 'letter':
          // Printed and posted by a caseworker: listed as manual, with its PDF.
          await storeLetter(request, parsed, rendered, party, channel, record.createdAt);
          hasLetter = true;
          status = 'manual';
          break;
        case 'none':
          // No channel: kept for the caseworker, never dropped; a formal letter gets its PDF ready to print.
          if (parsed.definition.letter) {
            await storeLetter(request, parsed, rendered, party, undefined, record.createdAt);
            hasLetter = true;
          }
          status = 'manual';
          break;
      }
    } catch (error) {
      if (error instanceof LetterUnprintableError) {
        // Never printed with a letter missing: the caseworker writes it by hand, and is told why.
        await save({ ...record, status: 'manual', lastError: error.message, updatedAt: clock().toISOString() });
        throw ApplicationFailure.create({ type: notifyFailureTypes.rejected, nonRetryable: true, message: `${request.type} to ${recipient}: ${error.message}` });
      }
      const failure = error instanceof DeliveryError ? error : new DeliveryError((error as Error).message ?? String(error), true);
      const lastAttempt = !!maxAttempts && attempt >= maxAttempts;
      const final = !failure.retryable || lastAttempt;
      await save({ ...record, status: final ? 'failed' : 'pending', lastError: failure.message, updatedAt: clock().toISOString() });
      throw ApplicationFailure.create({
        type: failure.retryable ? notifyFailureTypes.failed : notifyFailureTypes.rejected,
        message: `${request.type} to ${recipient} by ${channel.type}, attempt ${attempt}: ${failure.message}`,
        nonRetryable: final,
        nextRetryDelay: failure.retryable ? failure.retryAfterMs : undefined,
      });
    }

    const done = clock().toISOString();
    await save({
      ...record,
      status,
      hasLetter: hasLetter || undefined,
      lastError: note,
      updatedAt: done,
      deliveredAt: status === 'delivered' ? done : undefined,
    });
    return { notificationId: request.notificationId, status, channel: channel.type, attempts: record.attempts };
  }

  async function save(entry: StoredNotification & { status: NotificationStatus }) {
    await saveNotification(tables, entry);
  }

  async function storeLetter(
    request: NotificationRequest,
    parsed: ParsedNotification,
    rendered: Rendered,
    party: Recipient | undefined,
    channel: Extract<Channel, { type: 'letter' }> | undefined,
    createdAt: string,
  ): Promise<void> {
    // A retry keeps the letter an earlier attempt stored (same date, same bytes).
    if (await getLetter(tables, request.caseId, request.notificationId)) return;
    const texts = textsByLocale.nb;
    const pdf = await renderLetterPdf({
      texts,
      sender: texts.senders[parsed.definition.sender],
      recipient: await letterRecipient(request, rendered, party, channel),
      date: osloDate(createdAt),
      reference: shortReference(request.caseId),
      subject: rendered.subject,
      body: rendered.body,
    });
    await saveLetter(tables, { caseId: request.caseId, notificationId: request.notificationId, pdf, createdAt });
  }

  /**
   * Whom a letter is addressed to: the persons by name (a household's adults), never a case id; at
   * their own postal address when the directory has one, else c/o the reception centre they live
   * at (its address from the directory). A party (the bailiff) by its directory name.
   */
  async function letterRecipient(
    request: NotificationRequest,
    rendered: Rendered,
    party: Recipient | undefined,
    channel: Extract<Channel, { type: 'letter' }> | undefined,
  ): Promise<LetterContent['recipient']> {
    const texts = textsByLocale.nb;
    const names = rendered.addressee?.names ?? [];
    const kindName = texts.terms.recipientKind[request.recipient.kind];
    const name = names.length > 0 ? new Intl.ListFormat(texts.locale, { type: 'conjunction' }).format(names) : (party?.name ?? kindName.charAt(0).toUpperCase() + kindName.slice(1));
    if (channel) return { name, postalAddress: channel.postalAddress };
    const centre = rendered.addressee?.receptionCentre;
    if (!centre) return { name };
    const entry = await getRecipient(tables, { kind: 'reception_centre', id: centre.id });
    return { name, careOf: centre.name, postalAddress: entry?.channel.type === 'letter' ? entry.channel.postalAddress : undefined };
  }

  return { notify };
}

export type Notifier = ReturnType<typeof createNotifier>;

/** The calendar date in Norway of an instant: letters are dated as the reader's calendar shows. */
function osloDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** Stable over key order, so the same request always hashes the same. */
function hashRequest({ type, rule, recipient, data, caseId }: NotificationRequest): string {
  return createHash('sha256').update(canonicalJson({ type, rule, recipient, data, caseId })).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
