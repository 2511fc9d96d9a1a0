/**
 * For notification tests: a worker with the real activities on the integration run's Temporal dev
 * server (its own task queue), running test/harness/notify-workflow.ts, and a fresh table in the
 * real store. Retries, attempt numbers and non-retryable failures are Temporal's own.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createActivities, type ActivityDeps } from '../../activities';
import type { NotificationRequest, NotifyOutcome } from '../../notifications/request';
import { createDocumentClient, ensureTable } from '../../store/client';
import { createTables, type Tables } from '../../store/table';
import { testDataConverter } from './codec';
import type { RetryOverrides } from './notify-workflow';

export type NotifyHarness = {
  tables: Tables;
  client: Client;
  /** Runs `notify` in a workflow; resolves with its outcome or rejects with the WorkflowFailedError. */
  notify(request: NotificationRequest, retry?: RetryOverrides): Promise<NotifyOutcome>;
};

const workflowsPath = fileURLToPath(new URL('./notify-workflow.ts', import.meta.url));
let runtimeInstalled = false;

/** `deps` may add SMTP settings or a clock; `tableName` reuses a table (e.g. the running API's). */
export function useNotifyWorker(opts: { deps?: Omit<ActivityDeps, 'tables'>; tableName?: string } = {}): NotifyHarness {
  const harness = {} as NotifyHarness;
  const taskQueue = `notify-${randomUUID()}`;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let nativeConnection: NativeConnection | undefined;

  beforeAll(async () => {
    if (!runtimeInstalled) {
      Runtime.install({ logger: new DefaultLogger('WARN') });
      runtimeInstalled = true;
    }
    const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
    const tableName = opts.tableName ?? `t-${randomUUID()}`;
    await ensureTable(documentClient, tableName);
    harness.tables = createTables(documentClient, tableName, { embedded: true });
    nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    worker = await Worker.create({
      connection: nativeConnection,
      namespace: inject('namespace'),
      taskQueue,
      workflowsPath,
      activities: createActivities({ webhooks: { allowLoopback: true }, ...opts.deps, tables: harness.tables }),
      dataConverter: testDataConverter(),
    });
    running = worker.run();
    harness.client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }), namespace: inject('namespace'), dataConverter: testDataConverter() });
    harness.notify = (request, retry = {}) =>
      harness.client.workflow.execute('notifyOnce', { workflowId: `notify-${randomUUID()}`, taskQueue, args: [request, retry] });
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await nativeConnection?.close();
    await harness.client?.connection.close();
  });

  return harness;
}
