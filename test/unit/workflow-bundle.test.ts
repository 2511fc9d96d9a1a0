/**
 * The workflow bundle carries no zod and no other heavy package (issue 13 §2). With
 * reuseV8Context the worker evaluates every workflow module again for each new workflow, so one
 * zod schema built at module level costs every case its construction (~1 MB of heap, ~15 ms CPU
 * measured by scripts/workflow-bundle-cost.ts). Shapes are validated at the API edge
 * (domain/<topic>.schema.ts); workflows import only the rules (domain/<topic>.ts).
 *
 * Bundled by the SDK's own bundler (the bundle the worker runs); the import graph is read from
 * webpack's module graph, so only imports that survive compilation (values, not types) count.
 */
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowsPath } from '../../worker/worker';

const root = path.resolve(import.meta.dirname, '../..');

/** Packages that must never be evaluated per workflow instance. */
const heavyPackages = [
  'zod',
  '@hono/zod-openapi',
  'hono',
  '@aws-sdk',
  '@smithy',
  'dynamodb-toolbox',
  'pdf-lib',
  'nodemailer',
  'jose',
  'protobufjs',
  'fast-check',
];

/** Not walked into, with the reason: none — every workflow module is checked. */
const notYetChecked = new Set<string>();

type Graph = Map<string, Set<string>>;

async function workflowImportGraph(): Promise<Graph> {
  const graph: Graph = new Map();
  await bundleWorkflowCode({
    workflowsPath,
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        {
          apply(compiler) {
            compiler.hooks.done.tap('workflow-import-graph', ({ compilation }) => {
              const name = (m: { identifier(): string }) => (m as { resource?: string }).resource ?? m.identifier();
              for (const module of compilation.modules) {
                const imports = new Set<string>();
                for (const connection of compilation.moduleGraph.getOutgoingConnections(module)) {
                  if (connection.module) imports.add(name(connection.module));
                }
                graph.set(name(module), imports);
              }
            });
          },
        },
      ],
    }),
  });
  return graph;
}

/** Every module reachable from `from`, each with the import chain that reaches it. */
function reachable(graph: Graph, from: string, skip: ReadonlySet<string>): Map<string, string[]> {
  const chains = new Map<string, string[]>([[from, [from]]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (skip.has(current)) continue;
    for (const next of graph.get(current) ?? []) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(current)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

const packageOf = (file: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
const isHeavy = (file: string) => {
  const pkg = packageOf(file);
  return pkg !== undefined && heavyPackages.some((heavy) => pkg === heavy || pkg.startsWith(`${heavy}/`));
};
const relative = (file: string) => path.relative(root, file);

describe('the workflow bundle', () => {
  let modules: Map<string, string[]>;
  beforeAll(async () => {
    modules = reachable(await workflowImportGraph(), workflowsPath, notYetChecked);
  }, 120_000);

  it('is read from the real bundle: every workflow module and the rules they use are in it', () => {
    const files = [...modules.keys()].map(relative);
    expect(files).toEqual(
      expect.arrayContaining([
        'workflows/index.ts',
        'workflows/settlement-case.ts',
        'workflows/arrival-journey.ts',
        'workflows/arrival-messages.ts',
        'workflows/deadlines.ts',
        'workflows/messages.ts',
        'domain/case/steps.ts',
        'domain/case/scheduler.ts',
        'notifications/request.ts',
        'domain/journey.ts',
        'domain/dates.ts',
      ]),
    );
  });

  it('reaches no zod and no other heavy package from a workflow module', () => {
    // Per package, the shortest import chain that reaches it (the search is breadth-first).
    const heavy = new Map<string, string>();
    for (const [file, chain] of modules) {
      const pkg = packageOf(file);
      if (pkg !== undefined && isHeavy(file) && !heavy.has(pkg)) heavy.set(pkg, chain.map(relative).join(' → '));
    }
    expect([...heavy.values()]).toEqual([]);
  });

  it('reaches no zod schema module of domain/ (those are for the API edge)', () => {
    const schemas = [...modules]
      .filter(([file]) => /domain\/(.+\.)?schema\.ts$/.test(relative(file)))
      .map(([, chain]) => chain.map(relative).join(' → '));
    expect(schemas).toEqual([]);
  });
});
