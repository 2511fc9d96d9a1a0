/** The e-mail channel against a real local SMTP server (smtp-server), through a real Temporal activity. */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../../notifications/request';
import { freePort } from '../../runtime/ports';
import { getNotification } from '../../store/notification-log';
import { putRecipient } from '../../store/recipients';
import { notificationExamples } from '../fixtures/notification-examples';
import { useNotifyWorker } from '../harness/notify-worker';

type Envelope = { from: string; to: string[] };
const received: { envelope: Envelope; mail: ParsedMail }[] = [];
let rejectRecipients = new Set<string>();

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onRcptTo(address, _session, callback) {
    if (rejectRecipients.has(address.address)) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push({
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
          mail,
        });
        callback();
      })
      .catch(callback);
  },
});

const port = await freePort();
const t = useNotifyWorker({ deps: { smtp: { url: `smtp://127.0.0.1:${port}`, from: 'Bosetting <bosetting@imdi.example>' } } });
beforeAll(() => new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', () => resolve())));
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

function healthNotice(healthId: string): NotificationRequest {
  const caseId = `case-${randomUUID()}`;
  return {
    notificationId: `${caseId}:health-settlement:health:${healthId}:9`,
    caseId,
    rule: 'R-ARR-6',
    type: 'health-settlement',
    recipient: { kind: 'health', id: healthId },
    data: notificationExamples['health-settlement'],
  };
}

describe('e-mail channel (real SMTP server)', () => {
  it('R-ARR-6: the health service receives the notice by e-mail, in Norwegian, with exactly the four facts', async () => {
    await putRecipient(t.tables, { kind: 'health', id: '1804' }, { name: 'Helsetjenesten i Bodø', channel: { type: 'email', address: 'kommunelege@bodo.example' } }, new Date().toISOString());
    const request = healthNotice('1804');

    const outcome = await t.notify(request);

    expect(outcome).toMatchObject({ status: 'delivered', channel: 'email', attempts: 1 });
    const got = received.filter((r) => r.mail.headers.get('x-bosetting-notification-id') === request.notificationId);
    expect(got).toHaveLength(1);
    const { envelope, mail } = got[0]!;
    expect(envelope).toEqual({ from: 'bosetting@imdi.example', to: ['kommunelege@bodo.example'] });
    expect(mail.from?.value).toEqual([{ name: 'Bosetting', address: 'bosetting@imdi.example' }]);
    expect(mail.subject).toBe('Melding om nybosatte flyktninger');
    expect(mail.text).toContain('Disse personene er bosatt i kommunen:');
    expect(mail.text).toContain('- Amal Haddad, født 14. mars 1990, statsborgerskap: Syria');
    expect(mail.text).toContain('- Lina Haddad, født 30. mai 2019, statsborgerskap: Syria');
    expect(mail.text).toContain('De har bodd på Lillehammer asylmottak.');
    expect(mail.text).not.toMatch(/\d{11,12}/); // no DUF or identity number (R-ARR-6)
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@bosetting>$/);

    const log = await getNotification(t.tables, request.caseId, request.notificationId);
    expect(log).toMatchObject({ status: 'delivered', channel: 'email', subject: 'Melding om nybosatte flyktninger', body: mail.text?.trim() });
  });

  it('a mailbox the server refuses for good (550) is not retried', async () => {
    rejectRecipients = new Set(['nobody@bodo.example']);
    await putRecipient(t.tables, { kind: 'health', id: 'gone' }, { name: 'Nedlagt', channel: { type: 'email', address: 'nobody@bodo.example' } }, new Date().toISOString());
    const request = healthNotice('gone');
    const error = await t.notify(request, { initialInterval: '50 milliseconds' }).catch((e) => e);
    expect(error.cause?.cause).toMatchObject({ type: 'DeliveryRejected', nonRetryable: true });
    expect(await getNotification(t.tables, request.caseId, request.notificationId)).toMatchObject({ status: 'failed', attempts: 1 });
  });
});
