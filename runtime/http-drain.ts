/**
 * The API's part of a graceful stop (issue 11): once draining, a new request gets 503 with
 * Retry-After at once, and a request still running at the bound gets 503 too — so every caller has
 * an answer before the worker and the connections go. The cut-off requests' Temporal calls are then
 * cancelled and awaited: a call the client still retries (e.g. RESOURCE_EXHAUSTED, too many updates
 * on one case) when its connection closes throws "Channel has been shut down" and kills the process.
 * Each ends by its deadline (TEMPORAL_CALL_TIMEOUT_MS), so settling is bounded by that.
 */
import { setMaxListeners } from 'node:events';
import { unavailableResponse } from '../api/unavailable';

export type Drain = {
  fetch: (request: Request) => Promise<Response>;
  /**
   * Stops taking requests; waits `boundMs` for the running ones, answers the rest 503 and cancels
   * their calls, then waits up to `settleMs` for them to end.
   */
  drain: (boundMs: number, settleMs: number) => Promise<{ finished: number; cutOff: number }>;
};

/** `withSignal` runs a request with an abort signal its Temporal calls obey (Client.withAbortSignal). */
export function createDrain(
  inner: (request: Request) => Response | Promise<Response>,
  withSignal: (signal: AbortSignal, run: () => Promise<Response>) => Promise<Response> = (_signal, run) => run(),
): Drain {
  let draining = false;
  let cutOff = () => {};
  const cutOffNow = new Promise<undefined>((resolve) => (cutOff = () => resolve(undefined)));
  // One controller per request: listeners on one shared signal would pile up for the server's life.
  const running = new Map<Promise<unknown>, AbortController>();
  let cut = 0;
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
  return {
    fetch: async (request) => {
      if (draining) return unavailableResponse(request.method, 'stopping');
      const controller = new AbortController();
      setMaxListeners(0, controller.signal); // every Temporal call of the request listens to it
      const work = withSignal(controller.signal, async () => inner(request));
      running.set(work, controller);
      work.then(
        () => running.delete(work),
        () => running.delete(work),
      );
      const answer = await Promise.race([work, cutOffNow]);
      if (answer) return answer;
      cut += 1;
      return unavailableResponse(request.method, 'cut-off');
    },
    drain: async (boundMs, settleMs) => {
      draining = true;
      const before = running.size;
      await Promise.race([Promise.allSettled([...running.keys()]), wait(boundMs)]);
      cutOff();
      await new Promise((r) => setImmediate(r)); // the cut-off answers go out first
      for (const controller of running.values()) controller.abort();
      await Promise.race([Promise.allSettled([...running.keys()]), wait(settleMs)]);
      return { finished: before - cut, cutOff: cut };
    },
  };
}
