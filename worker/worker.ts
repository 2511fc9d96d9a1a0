/** The worker: runs the workflows and activities on the task queue. Wiring only. */
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { Worker, type BundleOptions, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { failureConverterPath } from '../privacy/data-converter';
import type { WorkerTuning } from '../temporal.config';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * Scope hoisting (webpack's concatenateModules, off in the SDK's development-mode bundle). With
 * reuseV8Context every new workflow evaluates every workflow module again; hoisted into one scope,
 * Bosetting's ES modules need no exports object, getters and module closure each. Issue 13 §2:
 * scripts/workflow-bundle-cost.ts, 95 → 55 KiB heap and 1.15 → 0.60 ms CPU per workflow instance.
 * Only how modules are linked changes, not what the workflow code does.
 */
export const webpackConfigHook: NonNullable<BundleOptions['webpackConfigHook']> = (config) => ({
  ...config,
  optimization: { ...config.optimization, concatenateModules: true },
});

/** What `bundleWorkflowCode` needs for a bundle this worker can run: failures are encoded inside workflows too. */
export const workflowBundleOptions = { workflowsPath, failureConverterPath, webpackConfigHook };

/**
 * The tuning every worker gets unless told otherwise (the defaults of temporal.config.ts, which
 * `npm run bench` measured; see the README's "Performance"). Set explicitly: the SDK's default
 * cache size derives from the machine's memory.
 */
export const defaultWorkerTuning: WorkerTuning = {
  maxCachedWorkflows: 500,
  maxConcurrentWorkflowTaskExecutions: 40,
  reuseV8Context: true,
  workflowThreadPoolSize: 1,
  stickyQueueScheduleToStartTimeoutMs: 10_000,
};

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Pre-built bundle (tests bundle once per run); otherwise the worker bundles `workflows/` itself. */
  workflowBundle?: WorkflowBundleOption;
  /** Shorthand for tuning.maxCachedWorkflows (tests keep small caches). */
  maxCachedWorkflows?: number;
  tuning?: Partial<WorkerTuning>;
  /** privacy/data-converter.ts: payloads are encrypted before they reach Temporal. */
  dataConverter: DataConverter;
}): Promise<Worker> {
  const tuning = { ...defaultWorkerTuning, ...opts.tuning, ...(opts.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: opts.maxCachedWorkflows } : {}) };
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    dataConverter: opts.dataConverter,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath, bundlerOptions: { webpackConfigHook } }),
    maxCachedWorkflows: tuning.maxCachedWorkflows,
    // Can't exceed… and must be ≥ 2 with a cache: the SDK's rules.
    maxConcurrentWorkflowTaskExecutions: tuning.maxConcurrentWorkflowTaskExecutions,
    reuseV8Context: tuning.reuseV8Context,
    workflowThreadPoolSize: tuning.workflowThreadPoolSize,
    stickyQueueScheduleToStartTimeout: tuning.stickyQueueScheduleToStartTimeoutMs,
    // A stop waits a little for running activities (a message being sent), then cancels them (they
    // are retried after the restart), and never hangs: issue 11, "Stopped." within 30 s.
    shutdownGraceTime: '3 seconds',
    shutdownForceTime: '10 seconds',
  });
}
