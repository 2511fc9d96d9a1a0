/**
 * A message that cannot be delivered never fails the case: it becomes a task for a person, due
 * today, and the log shows it failed (issue 5). Against a real local receiver that refuses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCaseNotifications } from '../../store/notification-log';
import { putRecipient } from '../../store/recipients';
import { caseStateQuery } from '../../workflows/messages';
import { staff, startCase, step, stepResult } from '../fixtures/cases';
import { eventually, useDevServer } from '../harness/workers';

const t = useDevServer();
let receiver: http.Server;
let received = 0;
/** A recipient that takes every request and never answers (its attempts time out, then retry). */
let hanging: http.Server;
const held: http.ServerResponse[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    received += 1;
    req.resume();
    res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown case reference');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hanging = http.createServer((req, res) => {
    req.resume();
    held.push(res);
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const res of held) res.destroy();
  hanging.closeAllConnections();
  await new Promise<void>((resolve) => hanging.close(() => resolve()));
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('delivery failure', () => {
  it('R-INT-1: a notice the centre’s system refuses becomes a task on the case, and closing it is recorded', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await putRecipient(t.tables, { kind: 'reception_centre', id: 'mottak-lillehammer' }, { name: 'Lillehammer asylmottak', channel: { type: 'webhook', url, secret: 'a-long-enough-secret-123' } }, new Date().toISOString());
    const { handle, caseId } = await startCase(t);

    const state = await eventually(() => handle.query(caseStateQuery), (s) => s.deadlines.some((d) => d.id.startsWith('delivery#')));
    const task = state.deadlines.find((d) => d.id.startsWith('delivery#'))!;
    expect(task).toMatchObject({ rule: 'R-INT-1', status: 'open' });
    expect(task.title).toContain('Lever melding om ny bosettingssak til mottaket (mottak-lillehammer) manuelt');
    expect(state.stage).toBe('interview'); // the case goes on
    expect(received).toBe(1); // a 400 is not retried
    const [logged] = (await listCaseNotifications(t.tables, caseId)).filter((n) => n.type === 'new-case');
    expect(logged).toMatchObject({ status: 'failed', channel: 'webhook', attempts: 1 });

    const closed = await step(handle, 'closeTask', staff.mottak, { taskId: task.id, note: 'Handed to the bosettingsansvarlig in person.' });
    expect(closed.deadlines.find((d) => d.id === task.id)!.status).toBe('met');
    expect(closed.timeline.at(-1)).toMatchObject({ kind: 'step', text: `Oppgave ${task.id} utført: Handed to the bosettingsansvarlig in person.`, actor: staff.mottak });
  });

  it('issue 11: a recipient that hangs never holds a staff step — the step answers, the message goes on with its own retries', async () => {
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hook`;
    await putRecipient(t.tables, { kind: 'imdi', id: 'imdi' }, { name: 'IMDi', channel: { type: 'webhook', url, secret: 'a-long-enough-secret-123' } }, new Date().toISOString());
    {
      const { handle } = await startCase(t);
      // The case's own notice to the centre (refused above) leaves the outbox on its own time.
      await eventually(() => handle.query(caseStateQuery), (s) => s.outbox.length === 0);
      const started = Date.now();
      await stepResult(handle, 'addInternalNote', staff.mottak, { text: 'Familien ønsker å bo nær slekt.' }); // alerts IMDi (R-INT-6)
      expect(Date.now() - started).toBeLessThan(15_000); // the step does not wait for its message (step-answers-first.test.ts), let alone its retries
      const state = await handle.query(caseStateQuery);
      expect(state.internalNotesTotal).toBe(1);
      expect(state.outbox.map((item) => item.effect.type)).toEqual(['internal-note']); // still being delivered
      await eventually(() => Promise.resolve(held.length), (n) => n > 0);
    }
  });
});
