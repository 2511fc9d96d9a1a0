/**
 * Issue 11, "graceful stop under load": SIGINT (and SIGTERM) while steps are in flight. Every
 * caller gets an answer — the step's 200, or 503 with Retry-After —, the process prints "Stopped."
 * within 30 s and logs no error of its own stop; a step answered 503 and sent again with its
 * Idempotency-Key after the next start is applied once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { callers } from '../harness/api';
import { attempt, createCases, faultSystem, postNote, retryWhileUnavailable, waitUntil, type FaultSystem } from './system';

const STOP_BOUND_MS = 30_000;
const STEPS = 24;

let system: FaultSystem | undefined;
afterAll(() => system?.cleanUp());

describe('SIGINT under load', () => {
  it('answers every caller, stops within 30 s, and a 503 step retried after the restart is applied once', { timeout: 300_000 }, async () => {
    system = await faultSystem();
    const { api } = system;
    const first = await system.start();
    const udi = await system.headers(callers.udi);
    const imdi = await system.headers(callers.imdi);
    const [caseId] = (await createCases(api, udi, 1)) as [string];

    const send = (n: number) => postNote(api, imdi, { caseId, key: `stop-${n}`, text: `Merknad ${n} under stopp.` });
    // All in flight at once: the case takes them one at a time, so most are still waiting at SIGINT.
    const burst = Array.from({ length: STEPS }, (_, n) => send(n));
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    first.process.kill('SIGINT');
    // A request that arrives while the system stops is refused at once, with Retry-After.
    await waitUntil(() => first.output().includes('SIGINT: stopping'), 10_000);
    const late = await attempt(`${api}/v1/cases/${caseId}`, { headers: imdi }, 10_000);
    const outcomes = await Promise.all(burst);
    const code = await first.exited;
    const stopMs = Date.now() - signalled;

    for (const o of outcomes) expect([200, 503], JSON.stringify(o.body)).toContain(o.status);
    for (const o of outcomes.filter((o) => o.status === 503)) {
      expect(o.retryAfter).toBe('5');
      expect(o.body.detail).toMatch(/Idempotency-Key/);
    }
    if (late.status !== 0) {
      expect(late.status).toBe(503);
      expect(late.retryAfter).toBe('5');
    }
    const output = first.output();
    expect(code, output).toBe(0);
    expect(stopMs).toBeLessThan(STOP_BOUND_MS);
    expect(output).toContain('Stopped.');
    expect(output).not.toMatch(/IllegalStateError|Channel has been shut down|while stopping|Not running/);

    // The steps answered 503, sent again with their keys: every note exactly once.
    const second = await system.start();
    for (const [n, o] of outcomes.entries()) {
      if (o.status === 200) continue;
      // As a client would: again after a 503, with the same key.
      const again = await retryWhileUnavailable(() => send(n));
      expect(again.status, JSON.stringify(again.body)).toBe(200);
    }
    const state = (await attempt(`${api}/v1/cases/${caseId}`, { headers: imdi })).body;
    expect(state.internalNotesTotal).toBe(STEPS);

    // SIGTERM, the way a service manager stops it, idle this time.
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('Stopped.');
    expect(second.output()).not.toMatch(/IllegalStateError|while stopping/);
    console.log(`[faults] SIGINT with ${STEPS} steps in flight: ${outcomes.filter((o) => o.status === 200).length} answered 200, ${outcomes.filter((o) => o.status === 503).length} answered 503; stopped in ${stopMs} ms`);
  });
});
