/**
 * Starts the whole system in one process: the embedded parts when configured (Temporal dev server,
 * dynalite), then the worker and the API. `npm start` and the end-to-end tests both use this.
 */
import { ensureDataFormat } from './data-format';
import type http from 'node:http';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Client } from '@temporalio/client';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { createApp } from '../api/app';
import { createWebFront } from '../web/server';
import { reindexCases } from '../store/case-index';
import { ensureStatistics } from '../store/statistics';
import { createDocumentClient, ensureTable } from '../store/client';
import { createTables, type Tables } from '../store/table';
import type { Config } from '../temporal.config';
import { createLogger, type Logger } from '../logging/logger';
import { installTemporalLogging } from '../logging/temporal-logger';
import { createDataConverter } from '../privacy/data-converter';
import { loadKeyRing } from '../privacy/payload-keys';
import { createWorker } from '../worker/worker';
import { createApiDeps } from './api-deps';
import { signingSecret } from './auth';
import { startDevServer } from './dev-server';
import { startEmbeddedDynamo } from './embedded-dynamo';
import { claimDataDir } from './pid-file';
import { restrictDataDir } from './data-at-rest';
import { createDrain } from './http-drain';
import { assertPortFree } from './ports';
import { ensureSearchAttributes } from './search-attributes';
import { connectClient, connectWorkerConnection } from './temporal-connection';
import { ensureTemporalCli, type Log } from './temporal-binaries';
import { webhookPolicyFor } from '../notifications/channels/webhook-address';

/** How long a stop waits for in-flight requests before answering them 503 (issue 11: stopped within 30 s in all). */
export const DRAIN_BOUND_MS = 5_000;

export type RunningSystem = {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  dynamoEndpoint?: string;
  client: Client;
  tables: Tables;
  stop: () => Promise<void>;
};

export async function startSystem(
  config: Config,
  opts: {
    log: Log;
    workflowBundle?: WorkflowBundleOption;
    persist?: boolean;
    /** The built web UI to serve at `/` (web/build.ts). */
    webDist?: string;
    /** Where the API's and Temporal's structured logs go (default: JSON on stdout). */
    logger?: Logger;
  },
): Promise<RunningSystem> {
  const { log } = opts;
  const logger = opts.logger ?? createLogger(config.log);
  // Before any connection: the worker's, workflows' and activities' logs go through our logger.
  installTemporalLogging(logger);
  const persist = opts.persist ?? true;
  const stops: (() => Promise<void>)[] = [];
  // Stopped in reverse order of starting (issue 11): the API answers every caller first, then the
  // worker drains, the connections close, and the embedded servers stop last.
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => log(`while stopping: ${String(error)}`));
  };
  let onChild: ((name: string, pid: number) => void) | undefined;
  try {
    if (persist) {
      restrictDataDir(config.dataDir);
      ensureDataFormat(config.dataDir, log);
      // Before any port is bound: what a killed run of this folder left is stopped first.
      const pidFile = await claimDataDir(config.dataDir, log);
      onChild = pidFile.addChild;
      stops.push(async () => pidFile.release());
    }

    if (config.dynamo.embedded) {
      await assertPortFree(config.dynamo.embedded.port, 'the embedded DynamoDB store (DYNALITE_PORT)');
      const dynamo = await startEmbeddedDynamo({ port: config.dynamo.embedded.port, dir: persist ? config.dynamo.embedded.dir : undefined });
      stops.push(dynamo.stop);
      log(`DynamoDB (dynalite) on ${dynamo.endpoint}${persist ? `, data in ${config.dynamo.embedded.dir}` : ''}`);
    }
    const documentClient = createDocumentClient(config.dynamo);
    const addedIndexes = await ensureTable(documentClient, config.dynamo.table);
    const tables = createTables(documentClient, config.dynamo.table, { embedded: config.dynamo.embedded !== undefined });
    if (addedIndexes.length > 0) log(`Case index: added ${addedIndexes.join(', ')}; ${await reindexCases(tables)} case(s) re-indexed`);
    // R-GOAL-1: before the worker writes a row or the API reads a figure, the counters count every row,
    // including those written before the counters existed (a marker says they were built).
    const built = await ensureStatistics(tables);
    if (built && built.rows > 0) log(`Statistics: counters built from ${built.rows} case row(s) (${built.items} counter item(s))`);

    let temporalUiUrl: string | undefined = config.temporal.uiUrl;
    if (config.temporal.devServer) {
      const dev = config.temporal.devServer;
      const cliPath = await ensureTemporalCli({ cacheDir: config.binaries.cacheDir, explicitPath: config.binaries.cliPath, log });
      await assertPortFree(dev.port, 'the Temporal dev server (TEMPORAL_DEV_PORT)');
      if (dev.ui) await assertPortFree(dev.uiPort, 'the Temporal Web UI (TEMPORAL_DEV_UI_PORT)');
      const server = await startDevServer({
        cliPath,
        port: dev.port,
        uiPort: dev.uiPort,
        ui: dev.ui,
        dbFile: persist ? dev.dbFile : undefined,
        namespace: config.temporal.namespace,
        logFile: persist ? path.join(config.dataDir, 'temporal.log') : undefined,
        codecEndpoint: `http://localhost:${config.api.port}/codec`,
        onSpawn: (pid) => onChild?.('the Temporal dev server', pid),
        onExit: log,
      });
      stops.push(server.stop);
      temporalUiUrl = server.uiUrl;
      log(`Temporal dev server on ${server.address}${persist ? `, data in ${dev.dbFile}` : ''}`);
      if (server.uiUrl) log(`Temporal Web UI: ${server.uiUrl}`);
    }

    const dataConverter = createDataConverter(loadKeyRing(config.privacy.payloadKeys, { create: persist }));
    const client = await connectClient(config.temporal, dataConverter);
    stops.push(() => client.connection.close());
    const registered = await ensureSearchAttributes(client.connection, config.temporal.namespace).catch((error: Error) => {
      log(`Search attributes: not registered (${error.message}); create them as the README's "Personal data" says, or workflows fail to set them`);
      return [];
    });
    if (registered.length > 0) log(`Search attributes registered: ${registered.join(', ')}`);
    const workerConnection = await connectWorkerConnection(config.temporal);
    const worker = await createWorker({
      connection: workerConnection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      deps: { tables, smtp: config.notifications.smtp, webhooks: webhookPolicyFor(config.auth) },
      workflowBundle: opts.workflowBundle,
      tuning: config.worker,
      dataConverter,
    });
    const running = worker.run();
    stops.push(async () => {
      // After the API has answered every caller: an in-flight step needs the worker to finish.
      worker.shutdown();
      await running;
      await workerConnection.close();
    });
    log(`Worker polling task queue "${config.temporal.taskQueue}" in namespace "${config.temporal.namespace}"`);

    const app = createApp(createApiDeps({ config, client, documentClient, tables, temporalUiUrl, persist, logger }));
    // The web UI and its sign-in in front of the API, on the same origin (web/server.ts).
    const devSecret = config.auth.kind === 'secret' ? signingSecret(config.auth, { create: persist }) : undefined;
    const front = createWebFront({ api: app, distDir: opts.webDist, config, devSecret });
    const gate = createDrain(front.fetch, (signal, run) => client.withAbortSignal(signal, run));
    await assertPortFree(config.api.port, 'the API (PORT)');
    const server = serve({ fetch: gate.fetch, port: config.api.port, hostname: '127.0.0.1' }) as http.Server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    stops.push(async () => {
      const { finished, cutOff } = await gate.drain(DRAIN_BOUND_MS, config.temporal.callTimeoutMs + 1_000);
      if (finished + cutOff > 0) log(`API: ${finished} request(s) finished, ${cutOff} answered 503 at the ${DRAIN_BOUND_MS / 1000} s bound`);
      // Every caller has its answer: idle keep-alive connections go now, the rest once answered.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const bound = setTimeout(() => server.closeAllConnections(), 2_000);
      await closed;
      clearTimeout(bound);
    });
    const apiUrl = `http://localhost:${config.api.port}`;
    log(`API on ${apiUrl} (OpenAPI: ${apiUrl}/openapi.json, docs: ${apiUrl}/docs)`);
    if (opts.webDist) log(`Web UI: ${apiUrl}/${config.auth.kind === 'secret' ? ' (development sign-in)' : ''}`);

    return {
      apiUrl,
      temporalAddress: config.temporal.address,
      temporalUiUrl,
      dynamoEndpoint: config.dynamo.endpoint,
      client,
      tables,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
