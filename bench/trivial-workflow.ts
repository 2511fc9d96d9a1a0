/**
 * The floor the bench compares against: a workflow that does nothing but answer an update at once.
 * A raw Temporal update on it costs what Temporal itself costs (client → server → worker → server
 * → client), with no activity, no read model and no API in between. Bundled only by the bench.
 */
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const pingUpdate = defineUpdate<number, [number]>('ping');

export async function trivialWorkflow(): Promise<void> {
  let done = false;
  setHandler(pingUpdate, (n) => {
    if (n < 0) done = true;
    return n + 1;
  });
  await condition(() => done);
}
