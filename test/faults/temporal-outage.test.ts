/**
 * Issue 11, "a Temporal outage answers 500 after ~20 s": the embedded Temporal dev server is killed
 * under load. Callers get 503 with Retry-After within the call deadline (TEMPORAL_CALL_TIMEOUT_MS),
 * never a 500; /health answers within about a second and names Temporal as down; `npm start` starts
 * the dev server again by itself and the steps go through again. A step answered 503 and sent again
 * with its Idempotency-Key is applied once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { callers } from '../harness/api';
import { attempt, createCases, faultSystem, isAlive, postNote, retryWhileUnavailable, waitUntil, type FaultSystem } from './system';

// Shorter than the default (10 s) so the outage outlasts it: the dev server is back within seconds.
const CALL_TIMEOUT_MS = 2_000;
const LOOPS = 3;

let system: FaultSystem | undefined;
afterAll(() => system?.cleanUp());

type Sent = { caseId: string; key: string; text: string; status: number; ms: number };

describe('the Temporal dev server killed under load', () => {
  it('answers 503 with Retry-After (never 500), reports it on /health, and recovers by itself', { timeout: 300_000 }, async () => {
    system = await faultSystem({ TEMPORAL_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS) });
    const { api } = system;
    const running = await system.start();
    const udi = await system.headers(callers.udi);
    const imdi = await system.headers(callers.imdi);
    const caseIds = await createCases(api, udi, LOOPS);

    const sent: Sent[] = [];
    const problems: { status: number; retryAfter: string | null; detail?: string; ms: number }[] = [];
    const note = async (caseId: string, key: string, text: string) => {
      const r = await postNote(api, imdi, { caseId, key, text }, 60_000);
      if (r.status !== 200) problems.push({ status: r.status, retryAfter: r.retryAfter, detail: r.body?.detail, ms: r.ms });
      return r;
    };
    // One caller per case, one step after the other, until told to stop.
    let load = true;
    const loops = caseIds.map(async (caseId, loop) => {
      for (let n = 0; load; n++) {
        const key = `outage-${loop}-${n}`;
        const text = `Merknad ${n} (løkke ${loop}).`;
        const r = await note(caseId, key, text);
        sent.push({ caseId, key, text, status: r.status, ms: r.ms });
        if (r.status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });

    await waitUntil(() => sent.filter((s) => s.status === 200).length >= LOOPS * 2, 60_000);
    const devServer = system.pids().children['the Temporal dev server']!;
    process.kill(devServer, 'SIGKILL');
    await waitUntil(() => !isAlive(devServer), 5_000);

    // /health: bounded, and it says which dependency is down.
    const health = await attempt(`${api}/health`, {}, 10_000);
    expect(health.ms).toBeLessThan(2_500);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', temporal: { ok: false }, dynamodb: { ok: true } });

    // npm start starts it again; steps go through again.
    const sinceKill = sent.length;
    const recovered = await waitUntil(() => sent.slice(sinceKill).some((s) => s.status === 200) && system!.pids().children['the Temporal dev server'] !== devServer, 90_000);
    expect(recovered, running.output()).toBe(true);
    await waitUntil(async () => (await attempt(`${api}/health`, {})).status === 200, 30_000);
    load = false;
    await Promise.all(loops);

    // Never a 500: a 503 with Retry-After and the bokmål reason, within the deadline (plus slack for a loaded machine).
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.status, JSON.stringify(p)).toBe(503);
      expect(p.retryAfter).toBe('5');
      expect(p.detail).toMatch(/kan allerede være utført.*samme Idempotency-Key/);
      expect(p.ms).toBeLessThan(CALL_TIMEOUT_MS + 5_000);
    }

    // Each 503'd step again with its key, as a client would: every note exactly once.
    for (const s of sent.filter((s) => s.status !== 200)) {
      const again = await retryWhileUnavailable(() => note(s.caseId, s.key, s.text));
      expect(again.status, JSON.stringify(again)).toBe(200);
    }
    for (const caseId of caseIds) {
      const state = (await attempt(`${api}/v1/cases/${caseId}`, { headers: imdi })).body;
      expect(state.internalNotesTotal).toBe(sent.filter((s) => s.caseId === caseId).length);
    }

    running.process.kill('SIGINT');
    expect(await running.exited).toBe(0);
    console.log(
      `[faults] Temporal killed under load: ${problems.length} answers 503 (slowest ${Math.max(...problems.map((p) => p.ms))} ms), /health in ${health.ms} ms, ${sent.length} steps in all`,
    );
  });
});
