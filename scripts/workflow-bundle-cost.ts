/**
 * What the workflow bundle costs per workflow instance (issue 13 §2). With reuseV8Context the
 * worker evaluates every workflow module again for each new workflow (a fresh module cache per
 * instance), so heavy module-level initialisation is paid per case. This prints:
 *  - the bundle's size;
 *  - module evaluation per instance: CPU time and heap retained while the instances stay alive,
 *    measured in the SDK's own reusable VM context (ReusableVMWorkflowCreator), exactly as the
 *    worker imports the workflows for a new run;
 *  - replay: wall and CPU time per replay of each recorded history in test/histories/ (a full workflow
 *    instance each: creation, module evaluation, every activation).
 * Figures only, printed, never asserted.
 *
 *   node --expose-gc --import tsx scripts/workflow-bundle-cost.ts [instances=300] [replays=10] [workflows=worker's]
 *
 * `workflows` bundles another entry instead of workflows/index.ts (e.g. one that leaves a
 * workflow out, to see what it costs); replays are skipped for workflow types it does not export.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import proto from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import reusableVm from '@temporalio/worker/lib/workflow/reusable-vm.js';
import workerInternals from '@temporalio/worker/lib/worker.js';
import { webpackConfigHook, workflowsPath } from '../worker/worker';

const instances = Number(process.argv[2] ?? 300);
const replays = Number(process.argv[3] ?? 10);
const entry = process.argv[4] ? path.resolve(process.argv[4]) : workflowsPath;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (see the header)');

Runtime.install({ logger: new DefaultLogger('WARN') });
const quiet = new DefaultLogger('WARN');
const kib = (bytes: number) => (bytes / 1024).toFixed(0);

// Bundled as the worker bundles (worker/worker.ts), so the figures are the worker's.
const bundle = await bundleWorkflowCode({ workflowsPath: entry, logger: quiet, webpackConfigHook });
console.log(`workflows: ${path.relative(process.cwd(), entry)}`);
const codeBytes = bundle.code.slice(0, bundle.code.lastIndexOf('//# sourceMappingURL=')).length;
console.log(`bundle: ${kib(codeBytes)} KiB of code (${kib(bundle.code.length)} KiB with its inline source map)`);
// How the worker loads a bundle: the code with its source map split out.
const parsed = workerInternals.parseWorkflowCode(bundle.code, path.resolve('workflow-bundle.js'));

// ─── Module evaluation per instance ──────────────────────────────────────────────────────────
const creator = await reusableVm.ReusableVMWorkflowCreator.create(parsed, 10_000, new Set(['notify']));
// The creator's V8 context is protected in the SDK's types; this script reads it to time the import.
const context = (creator as unknown as { context: vm.Context }).context as vm.Context & { __TEMPORAL_ACTIVATOR__?: { moduleCache: Map<string, unknown> } };
const importWorkflows = new vm.Script('__TEMPORAL__.importWorkflows()');
const alive: unknown[] = [];
/** One new workflow's import of the workflow modules; returns the workflow types they export. */
const evaluate = (): string[] => {
  // What initRuntime gives each new workflow: its own module cache, so every workflow module is evaluated again.
  context.__TEMPORAL_ACTIVATOR__ = { moduleCache: new Map() };
  const workflows = importWorkflows.runInContext(context) as Record<string, unknown>;
  alive.push(workflows, context.__TEMPORAL_ACTIVATOR__.moduleCache);
  return Object.keys(workflows);
};
const exported = evaluate();
for (let i = 0; i < 20; i++) evaluate(); // warm-up: compile and optimise once
alive.length = 0;
gc();
const heapBefore = process.memoryUsage().heapUsed;
const cpuBefore = process.cpuUsage();
for (let i = 0; i < instances; i++) evaluate();
const cpu = process.cpuUsage(cpuBefore);
gc();
const heapAfter = process.memoryUsage().heapUsed;
const cpuMsPer = (cpu.user + cpu.system) / 1000 / instances;
console.log(
  `module evaluation: ${cpuMsPer.toFixed(2)} ms CPU and ${((heapAfter - heapBefore) / instances / 1024).toFixed(0)} KiB heap retained per instance (${instances} instances kept alive)`,
);
alive.length = 0;
delete context.__TEMPORAL_ACTIVATOR__;
await creator.destroy();

// ─── Replay of the recorded histories ────────────────────────────────────────────────────────
const History = proto.temporal.api.history.v1.History;
const historiesDir = path.join(import.meta.dirname, '..', 'test', 'histories');
const files = fs.readdirSync(historiesDir).filter((f) => f.endsWith('.json')).sort();
for (const file of files) {
  // The files are named after their workflow type: settlementCase → settlement-case-….json.
  if (!exported.some((type) => file.startsWith(type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)))) continue;
  const json: unknown = JSON.parse(fs.readFileSync(path.join(historiesDir, file), 'utf8'));
  // The arrival histories are stored through @temporalio/proto's classes (see test/workflows/arrival-replay.test.ts), the others as the SDK's JSON.
  const history = (file.startsWith('arrival-') ? History.fromObject(json as Record<string, unknown>) : json) as ReturnType<typeof History.fromObject>;
  const copies = (n: number) => Array.from({ length: n }, (_, i) => ({ workflowId: `${file}-${i}`, history }));
  const replay = async (n: number) => {
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle, replayName: file }, copies(n))) {
      if (result.error) throw result.error;
    }
  };
  await replay(2); // warm-up
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  await replay(replays);
  const used = process.cpuUsage(cpuStarted);
  const ms = (performance.now() - started) / replays;
  const cpuMs = (used.user + used.system) / 1000 / replays;
  console.log(`replay ${file} (${history.events?.length} events): ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (all threads) per replay (${replays} replays)`);
}
