/**
 * Workflow test harnesses: a worker on the pre-built workflow bundle and a fresh table in the real
 * store, against either
 * - a time-skipping test server, one per test file (time is global to it, so tests in a file run
 *   serially) — for deadlines and timers; or
 * - the run's real dev server (official CLI) on a task queue of the file's own — for the exact
 *   semantics of updates (the Java test server sometimes loses a rejected update's outcome).
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createActivities } from '../../activities';
import { createDocumentClient, ensureTable } from '../../store/client';
import { createTables, type Tables } from '../../store/table';
import { calendarOn, dateOfInstant, type Calendar } from '../fixtures/calendar';
import { testDataConverter } from './codec';
import { ensureSearchAttributes } from '../../runtime/search-attributes';

/** `calendar()`: today on the clock of the harness's server, for every date a test derives. */
export type TimeSkippingHarness = { env: TestWorkflowEnvironment; client: Client; taskQueue: string; tables: Tables; calendar: () => Promise<Calendar> };
export type DevServerHarness = { client: Client; taskQueue: string; tables: Tables; calendar: () => Promise<Calendar> };

let runtimeInstalled = false;

function installQuietRuntime() {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

async function freshTables(): Promise<Tables> {
  const documentClient = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' });
  const tableName = `t-${randomUUID()}`;
  await ensureTable(documentClient, tableName);
  return createTables(documentClient, tableName, { embedded: true });
}

async function startWorker(connection: NativeConnection, taskQueue: string, tables: Tables, namespace = 'default') {
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    // The test receivers listen on this machine, as in the embedded default (webhookPolicyFor).
    activities: createActivities({ tables, webhooks: { allowLoopback: true } }),
    dataConverter: testDataConverter(),
    maxCachedWorkflows: 50,
  });
  const running = worker.run();
  return async () => {
    worker.shutdown();
    await running;
  };
}

/**
 * The SDK gives the test server 5 s to listen; a JVM starting while other test files run can miss
 * that on a 2-core machine. A second or third try on a fresh port is then the honest answer.
 */
async function startTimeSkippingServer(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: inject('testServer') } });
    } catch (error) {
      if (attempt >= attempts || !String(error).includes('did not start within')) throw error;
    }
  }
}

/** Call at the top of a test file; the returned object is filled in before the first test. */
export function useTimeSkipping(): TimeSkippingHarness {
  const harness = {} as TimeSkippingHarness;
  harness.calendar = async () => calendarOn(dateOfInstant(await harness.env.currentTimeMs()));
  let stopWorker: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    installQuietRuntime();
    harness.env = await startTimeSkippingServer();
    // The Java test server starts with time skipping unlocked: its clock would race ahead to every
    // timer while the test is still setting up. Locked, time moves only in env.sleep().
    await harness.env.connection.testService!.lockTimeSkipping({});
    await ensureSearchAttributes(harness.env.connection, 'default');
    // A plain client: the time-skipping client's result() unlocks the clock, and an idle Java test
    // server then races years ahead. Here time moves only when a test calls env.sleep().
    harness.client = new Client({ connection: harness.env.connection, namespace: 'default', dataConverter: testDataConverter() });
    harness.taskQueue = `test-${randomUUID()}`;
    harness.tables = await freshTables();
    stopWorker = await startWorker(harness.env.nativeConnection, harness.taskQueue, harness.tables);
  });
  afterAll(async () => {
    await stopWorker?.();
    await harness.env?.teardown();
  });
  return harness;
}

/** Call at the top of a test file; a worker of its own on the shared real dev server. */
export function useDevServer(): DevServerHarness {
  const harness = {} as DevServerHarness;
  // The dev server is a child of this test run on this machine: its clock is this machine's.
  harness.calendar = async () => calendarOn(dateOfInstant(Date.now()));
  let stopWorker: (() => Promise<void>) | undefined;
  let nativeConnection: NativeConnection | undefined;
  beforeAll(async () => {
    installQuietRuntime();
    const address = inject('temporalAddress');
    harness.client = new Client({ connection: await Connection.connect({ address }), namespace: inject('namespace'), dataConverter: testDataConverter() });
    nativeConnection = await NativeConnection.connect({ address });
    harness.taskQueue = `test-${randomUUID()}`;
    harness.tables = await freshTables();
    stopWorker = await startWorker(nativeConnection, harness.taskQueue, harness.tables, inject('namespace'));
  });
  afterAll(async () => {
    await stopWorker?.();
    await nativeConnection?.close();
    await harness.client?.connection.close();
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
