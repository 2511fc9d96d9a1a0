/**
 * One time-skipping Temporal environment per test file (time is global to it, so tests in a file
 * run serially), a worker on the pre-built workflow bundle, and a fresh table in the real store.
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createActivities } from '../../activities';
import { createDocumentClient, ensureTable } from '../../store/client';
import { createTables, type Tables } from '../../store/table';

export type TimeSkippingHarness = {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  tables: Tables;
};

let runtimeInstalled = false;

/** Call at the top of a test file; the returned object is filled in before the first test. */
export function useTimeSkipping(): TimeSkippingHarness {
  const harness = {} as TimeSkippingHarness;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  beforeAll(async () => {
    if (!runtimeInstalled) {
      Runtime.install({ logger: new DefaultLogger('WARN') });
      runtimeInstalled = true;
    }
    harness.env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: inject('testServer') } });
    harness.taskQueue = `test-${randomUUID()}`;
    const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
    const tableName = `t-${randomUUID()}`;
    await ensureTable(documentClient, tableName);
    harness.tables = createTables(documentClient, tableName);
    worker = await Worker.create({
      connection: harness.env.nativeConnection,
      taskQueue: harness.taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createActivities({ tables: harness.tables }),
      maxCachedWorkflows: 50,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await harness.env?.teardown();
  });

  return harness;
}

/**
 * Time skipping moves the server's clock; the worker then catches up in real time. Poll a read
 * until it shows what the test expects (or give up after `timeoutMs` and return the last value).
 */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
