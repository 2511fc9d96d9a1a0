/**
 * E-mail channel, over SMTP with nodemailer, for parties without an integration. SMTP_URL and
 * SMTP_FROM configure it; without them an e-mail recipient's messages are kept for manual sending.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { DeliveryError } from './delivery-error';

export type SmtpSettings = { url: string; from: string };

export type Email = { notificationId: string; to: string; subject: string; text: string };

export type Mailer = { send(email: Email): Promise<void> };

export function createMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send({ notificationId, to, subject, text }) {
      try {
        await transport.sendMail({
          from: settings.from,
          to,
          subject,
          text,
          // The same Message-ID on every retry, so a mail system can recognise a duplicate.
          messageId: `<${createHash('sha256').update(notificationId).digest('hex').slice(0, 32)}@bosetting>`,
          headers: { 'X-Bosetting-Notification-Id': notificationId },
        });
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

/** SMTP 5xx and a refused envelope are permanent; 4xx and connection trouble are worth a retry. */
function classify(error: unknown): DeliveryError {
  const e = error as { message?: string; code?: string; responseCode?: number; response?: string };
  const message = `SMTP: ${e.response ?? e.message ?? String(error)}`;
  if (e.code === 'EENVELOPE' || (e.responseCode !== undefined && e.responseCode >= 500)) return new DeliveryError(message, false);
  return new DeliveryError(message, true);
}
