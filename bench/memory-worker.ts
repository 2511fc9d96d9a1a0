/**
 * A worker alone in its own process, for the bench's memory figures: the same worker the system
 * runs (worker/worker.ts), polling a task queue of its own, so its RSS is the worker's and nothing
 * else's. Driven over IPC by bench/run.ts: `{ type: 'measure' }` answers RSS, heap and cache size
 * after a full GC of the main thread; `{ type: 'stop' }` shuts down.
 *
 *   node --expose-gc --import tsx bench/memory-worker.ts   (started by bench/run.ts, env below)
 */
import { createDataConverter } from '../privacy/data-converter';
import { parseKeyRing } from '../privacy/payload-keys';
import { connectWorkerConnection } from '../runtime/temporal-connection';
import { createDocumentClient } from '../store/client';
import { createTables } from '../store/table';
import { createWorker } from '../worker/worker';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`memory-worker: ${name} is not set`);
  return value;
};

const tables = createTables(createDocumentClient({ endpoint: env('BENCH_DYNAMO_ENDPOINT'), region: 'eu-north-1' }), env('BENCH_TABLE'), { embedded: true });
const connection = await connectWorkerConnection({ address: env('BENCH_TEMPORAL_ADDRESS'), namespace: 'default' });
const worker = await createWorker({
  connection,
  namespace: 'default',
  taskQueue: env('BENCH_TASK_QUEUE'),
  deps: { tables },
  workflowBundle: { codePath: env('BENCH_BUNDLE') },
  tuning: JSON.parse(env('BENCH_TUNING')),
  dataConverter: createDataConverter(parseKeyRing(env('BENCH_PAYLOAD_KEYS'))),
});
const running = worker.run();
const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', async (message: { type: string }) => {
  if (message.type === 'measure') {
    gc?.();
    await new Promise((r) => setTimeout(r, 200));
    gc?.();
    const memory = process.memoryUsage();
    process.send!({ type: 'measured', rss: memory.rss, heapUsed: memory.heapUsed, cached: worker.getStatus().numCachedWorkflows });
  } else if (message.type === 'stop') {
    worker.shutdown();
    await running;
    await connection.close();
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
