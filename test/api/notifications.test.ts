/**
 * Through the running API (same store as the worker here): the recipient directory, a case's
 * notification log, the caseworker's manual list, and letters downloaded and parsed back.
 */
import { randomUUID } from 'node:crypto';
import { ActivityFailure, ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import { shortReference } from '../../notifications/catalog/fields';
import type { NotificationRequest } from '../../notifications/request';
import { putRecipient } from '../../store/recipients';
import { notificationExamples } from '../fixtures/notification-examples';
import { callers, tokenFor } from '../harness/api';
import { useNotifyWorker } from '../harness/notify-worker';

const api = inject('apiUrl');
// Letters are dated by the notification's first attempt; a fixed clock makes the date checkable.
const t = useNotifyWorker({ tableName: inject('tableName'), deps: { clock: () => new Date('2027-03-14T10:00:00Z') } });

/** IMDi keeps the directory and reads the logs (api/access.ts). */
const asImdi = async () => ({ authorization: `Bearer ${await tokenFor(callers.imdi)}` });

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: body === undefined ? await asImdi() : { ...(await asImdi()), 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text ? (JSON.parse(text) as any) : undefined };
}

async function pdfText(path: string): Promise<{ contentType: string; text: string; bytes: number }> {
  const response = await fetch(`${api}${path}`, { headers: await asImdi() });
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return { contentType: response.headers.get('content-type') ?? '', text: text.replace(/\s+/g, ' '), bytes: bytes.byteLength };
}

function request(type: keyof typeof notificationExamples, rule: string, recipient: NotificationRequest['recipient']): NotificationRequest {
  const caseId = `case-${randomUUID()}`;
  return { notificationId: `${caseId}:${type}:${recipient.kind}:${recipient.id}:1`, caseId, rule, type, recipient, data: notificationExamples[type] };
}

describe('recipient directory API', () => {
  const id = `bodo-skole-${randomUUID().slice(0, 8)}`;

  it('registers, replaces, reads and lists parties; a webhook secret is never shown', async () => {
    const created = await call('PUT', `/v1/recipients/school/${id}`, { name: 'Bodø skole', channel: { type: 'webhook', url: 'https://skole.bodo.example/hooks/bosetting', secret: 'a-long-enough-secret-123' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'school', id, name: 'Bodø skole', channel: { type: 'webhook', url: 'https://skole.bodo.example/hooks/bosetting', secretSet: true } });
    expect(JSON.stringify(created.body)).not.toContain('a-long-enough-secret-123');

    const replaced = await call('PUT', `/v1/recipients/school/${id}`, { name: 'Bodø skole', channel: { type: 'email', address: 'post@skole.bodo.example' } });
    expect(replaced.status).toBe(200);

    const one = await call('GET', `/v1/recipients/school/${id}`);
    expect(one.body.channel).toEqual({ type: 'email', address: 'post@skole.bodo.example' });

    const list = await call('GET', '/v1/recipients?kind=school&limit=200');
    expect(list.body.items.map((r: any) => r.id)).toContain(id);
    expect(list.body.items.every((r: any) => r.kind === 'school')).toBe(true);
  });

  it('bad input is a 400 naming the field, a missing party a 404 — never a 500', async () => {
    const cases: [string, string, unknown, string][] = [
      ['PUT', '/v1/recipients/pizzeria/x', { name: 'x', channel: { type: 'none' } }, 'kind'],
      ['PUT', '/v1/recipients/school/has%20space', { name: 'x', channel: { type: 'none' } }, 'id'],
      ['PUT', `/v1/recipients/school/${id}`, { name: 'x', channel: { type: 'webhook', url: 'ftp://x.example', secret: 'a-long-enough-secret-123' } }, 'channel.url'],
      ['PUT', `/v1/recipients/school/${id}`, { name: 'x', channel: { type: 'webhook', url: 'https://x.example', secret: 'short' } }, 'channel.secret'],
      ['PUT', `/v1/recipients/school/${id}`, { name: 'x', channel: { type: 'fax', number: '1' } }, 'channel'],
      ['PUT', `/v1/recipients/school/${id}`, { name: 'x', channel: { type: 'letter', postalAddress: { lines: ['Storgata 1'], postcode: '80', town: 'Bodø' } } }, 'channel.postalAddress.postcode'],
      ['PUT', `/v1/recipients/school/${id}`, { name: 'x', channel: { type: 'none' }, note: 'extra' }, '(body)'],
      ['GET', '/v1/recipients?kind=pizzeria', undefined, 'kind'],
      ['GET', '/v1/recipients?cursor=not-a-cursor', undefined, 'cursor'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await call(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.errors.map((e: any) => e.path).join(' '), `${method} ${path}`).toContain(field);
    }
    expect((await call('PUT', `/v1/recipients/school/${id}`, '{"name":')).status).toBe(400);
    const missing = await call('GET', '/v1/recipients/nav/no-such-office');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');
  });
});

describe('notification log, manual list and letters API', () => {
  it('R-HH-2, R-REF-2: with no channel configured a refusal letter is kept as "manual", listed for the caseworker, and its PDF carries every family member’s DUF number', async () => {
    const letter = request('refusal-deadline-letter', 'R-REF-2', { kind: 'resident', id: '202612345671' });
    // The residents live at the centre: the letter goes to them c/o its address in the directory.
    const centre = notificationExamples['refusal-deadline-letter'].receptionCentre;
    await putRecipient(
      t.tables,
      { kind: 'reception_centre', id: centre.id },
      { name: centre.name, channel: { type: 'letter', postalAddress: { lines: ['Mottaksveien 1'], postcode: '2609', town: 'Lillehammer' } } },
      new Date().toISOString(),
    );

    const outcome = await t.notify(letter);
    expect(outcome).toMatchObject({ status: 'manual', channel: 'none' });

    const log = await call('GET', `/v1/cases/${encodeURIComponent(letter.caseId)}/notifications`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    const entry = log.body.items[0];
    expect(entry).toMatchObject({ type: 'refusal-deadline-letter', rule: 'R-REF-2', recipient: 'resident:202612345671', channel: 'none', status: 'manual', attempts: 1, subject: 'Frist for å flytte til bosettingskommunen' });
    expect(entry.links.letter).toBe(`/v1/cases/${encodeURIComponent(letter.caseId)}/letters/${encodeURIComponent(letter.notificationId)}.pdf`);

    let manual: any[] = [];
    for (let cursor: string | undefined, page = 0; page < 50; page++) {
      const response = await call('GET', `/v1/notifications?status=manual&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      manual = manual.concat(response.body.items);
      cursor = response.body.nextCursor;
      if (!cursor) break;
    }
    expect(manual.map((n) => n.notificationId)).toContain(letter.notificationId);

    const pdf = await pdfText(entry.links.letter);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.bytes).toBeLessThan(50_000); // fits a DynamoDB item with room to spare
    for (const member of notificationExamples['refusal-deadline-letter'].householdMembers) {
      expect(pdf.text).toContain(member.dufNumber);
      expect(pdf.text).toContain(member.name);
    }
    expect(pdf.text).toContain('Integrerings- og mangfoldsdirektoratet (IMDi)');
    expect(pdf.text).toContain('Dato: 14. mars 2027');
    // Addressed to the adults by name, c/o the centre — never to a case id; the reference is short.
    expect(pdf.text).toContain('Amal Haddad og Omar Haddad c/o Lillehammer asylmottak Mottaksveien 1 2609 Lillehammer');
    expect(pdf.text).toContain(`Vår referanse: ${shortReference(letter.caseId)}`);
    expect(pdf.text).not.toContain(letter.caseId);
    expect(pdf.text).toContain('Dere må flytte til kommunen');
    expect(pdf.text).toContain('Frist for å flytte til bosettingskommunen');
    expect(pdf.text).toContain('senest 10. februar 2027');
  });

  it('R-REF-5: the bailiff request by letter is addressed to the postal address in the directory', async () => {
    const bailiffId = `namsfogden-${randomUUID().slice(0, 8)}`;
    await putRecipient(
      t.tables,
      { kind: 'bailiff', id: bailiffId },
      { name: 'Namsfogden i Gudbrandsdal', channel: { type: 'letter', postalAddress: { lines: ['Postboks 123'], postcode: '2626', town: 'Lillehammer' } } },
      new Date().toISOString(),
    );
    const letter = request('bailiff-request', 'R-REF-5', { kind: 'bailiff', id: bailiffId });

    expect(await t.notify(letter)).toMatchObject({ status: 'manual', channel: 'letter' });

    const [entry] = (await call('GET', `/v1/cases/${encodeURIComponent(letter.caseId)}/notifications`)).body.items;
    expect(entry).toMatchObject({ channel: 'letter', status: 'manual', recipientName: 'Namsfogden i Gudbrandsdal' });
    const pdf = await pdfText(entry.links.letter);
    expect(pdf.text).toContain('Utlendingsdirektoratet (UDI)');
    expect(pdf.text).toContain('Namsfogden i Gudbrandsdal Postboks 123 2626 Lillehammer');
    expect(pdf.text).toContain('Begjæring om tvangsfravikelse fra asylmottak');
    expect(pdf.text).toContain('DUF-nr. 202612345671');
    expect(pdf.text).toContain('DUF-nr. 202612345682');
  });

  it('a letter with a character no embedded font has is never printed with it missing: listed as manual with the reason, not retried', async () => {
    const letter = request('eviction-notice', 'R-REF-4', { kind: 'resident', id: `beboer-${randomUUID().slice(0, 8)}` });
    const data = structuredClone(notificationExamples['eviction-notice']);
    data.householdMembers[0]!.name = '王秀英';
    const error = await t.notify({ ...letter, data }).catch((e) => e);

    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = ((error as WorkflowFailedError).cause as ActivityFailure).cause as ApplicationFailure;
    expect(cause).toMatchObject({ type: 'DeliveryRejected', nonRetryable: true });
    expect(cause.message).toContain('«王» (U+738B)');
    const [entry] = (await call('GET', `/v1/cases/${encodeURIComponent(letter.caseId)}/notifications`)).body.items;
    expect(entry).toMatchObject({ status: 'manual', attempts: 1, lastError: expect.stringContaining('Skriv og send brevet manuelt') });
    expect(entry.links.letter).toBeUndefined();
  });

  it('a message to a party without a channel is recorded, rendered and listed — never dropped', async () => {
    const notice = request('nav-settlement', 'R-ARR-7', { kind: 'nav', id: `nav-${randomUUID().slice(0, 8)}` });
    expect(await t.notify(notice)).toMatchObject({ status: 'manual', channel: 'none' });
    const [entry] = (await call('GET', `/v1/cases/${encodeURIComponent(notice.caseId)}/notifications`)).body.items;
    expect(entry.body).toContain('Amal Haddad, født 14. mars 1990, DUF-nr. 202612345671');
    expect(entry.links.letter).toBeUndefined(); // a notice, not a letter: the text is in the log
  });

  it('an unknown letter is a 404, a bad status a 400', async () => {
    const missing = await fetch(`${api}/v1/cases/no-such-case/letters/nothing.pdf`, { headers: await asImdi() });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const bad = await call('GET', '/v1/notifications?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toContain('status');
    expect((await call('GET', '/v1/cases/no-such-case/notifications')).body).toEqual({ items: [] });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/recipients', '/v1/recipients/{kind}/{id}', '/v1/cases/{caseId}/notifications', '/v1/notifications', '/v1/cases/{caseId}/letters/{notificationId}.pdf']),
    );
  });
});
