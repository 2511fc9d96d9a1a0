/** The worker: runs the workflows and activities on the task queue. Wiring only. */
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { failureConverterPath } from '../privacy/data-converter';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** What `bundleWorkflowCode` needs for a bundle this worker can run: failures are encoded inside workflows too. */
export const workflowBundleOptions = { workflowsPath, failureConverterPath };

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Pre-built bundle (tests bundle once per run); otherwise the worker bundles `workflows/` itself. */
  workflowBundle?: WorkflowBundleOption;
  maxCachedWorkflows?: number;
  /** privacy/data-converter.ts: payloads are encrypted before they reach Temporal. */
  dataConverter: DataConverter;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    dataConverter: opts.dataConverter,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath }),
    // Set explicitly: the SDK's default derives it from the machine's memory.
    maxCachedWorkflows: opts.maxCachedWorkflows ?? 500,
  });
}
