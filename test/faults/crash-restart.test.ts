/**
 * Issue 11, "no restart after a crash": `kill -9` of `npm start` during a burst of steps, then
 * `npm start` again on the same data folder, with no manual step. The Temporal dev server must not
 * outlive the killed process; every answered step is there exactly once, an interrupted one retried
 * with its Idempotency-Key is applied once, and the read model catches up with the workflows.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { callers } from '../harness/api';
import { attempt, createCases, faultSystem, isAlive, postNote, retryWhileUnavailable, waitUntil, type FaultSystem } from './system';

const CASES = 3;
const NOTES_PER_CASE = 8;

let system: FaultSystem | undefined;
afterAll(() => system?.cleanUp());

describe('kill -9 of npm start, then npm start again', () => {
  it('starts again by itself; nothing answered is lost, nothing retried is doubled', { timeout: 300_000 }, async () => {
    system = await faultSystem();
    const { api } = system;
    const first = await system.start();
    const firstPids = system.pids();
    const devServer = firstPids.children['the Temporal dev server']!;
    expect(devServer).toBeGreaterThan(0);

    const udi = await system.headers(callers.udi);
    const imdi = await system.headers(callers.imdi);
    const caseIds = await createCases(api, udi, CASES);

    // The burst: every note has its own key; the process is killed while they are in flight.
    const notes = caseIds.flatMap((caseId) => Array.from({ length: NOTES_PER_CASE }, (_, n) => ({ caseId, key: `${caseId}-note-${n}`, text: `Merknad ${n} før krasjet.` })));
    const send = (note: (typeof notes)[number]) => postNote(api, imdi, note);
    let answered = 0;
    const burst = notes.map((note, i) =>
      new Promise((r) => setTimeout(r, i * 100))
        .then(() => send(note))
        .then((o) => {
          if (o.status === 200) answered += 1;
          return o;
        }),
    );
    // Killed when about a third has been answered: some done, some in flight, some not yet sent.
    await waitUntil(() => answered >= notes.length / 3, 30_000);
    first.process.kill('SIGKILL');
    const outcomes = await Promise.all(burst);
    await first.exited;
    // Answered, cut off, or — on a loaded machine, before the kill — an honest 503 with Retry-After
    // (retried below with its key like the cut-off ones); never a 500.
    for (const o of outcomes) {
      expect([0, 200, 503], JSON.stringify(o.body)).toContain(o.status);
      if (o.status === 503) expect(o.retryAfter).toBeTruthy();
    }

    // The dev server dies with its parent (the watchdog), not left holding its port.
    expect(await waitUntil(() => !isAlive(devServer), 15_000), `dev server pid ${devServer} outlived npm start`).toBe(true);

    const began = Date.now();
    const second = await system.start();
    const restartMs = Date.now() - began;
    expect(second.output()).not.toMatch(/already in use/);

    // The interrupted steps again, with their keys, as a client does (a 503 waits its Retry-After): each applied once in all.
    const retried = await Promise.all(notes.map((note, i) => (outcomes[i]!.status === 200 ? Promise.resolve(outcomes[i]!) : retryWhileUnavailable(() => send(note)))));
    for (const r of retried) expect(r.status, JSON.stringify(r.body)).toBe(200);
    for (const caseId of caseIds) {
      const state = (await attempt(`${api}/v1/cases/${caseId}`, { headers: imdi })).body;
      expect(state.internalNotesTotal).toBe(NOTES_PER_CASE);
      const texts = state.internalNotes.map((n: { text: string }) => n.text).sort();
      expect(texts).toEqual(notes.filter((n) => n.caseId === caseId).map((n) => n.text).sort());
    }

    // The read model reaches the workflows' versions within a bounded time.
    const versions = new Map<string, number>();
    for (const caseId of caseIds) versions.set(caseId, (await attempt(`${api}/v1/cases/${caseId}`, { headers: imdi })).body.version);
    const caughtUp = await waitUntil(async () => {
      const page = (await attempt(`${api}/v1/cases?limit=50`, { headers: imdi })).body;
      return caseIds.every((id) => page.items?.find((c: { caseId: string; version: number }) => c.caseId === id)?.version === versions.get(id));
    }, 30_000);
    expect(caughtUp).toBe(true);

    second.process.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('Stopped.');
    console.log(`[faults] ${outcomes.filter((o) => o.status === 200).length}/${notes.length} steps answered before kill -9; restart ready in ${restartMs} ms`);
  });
});
