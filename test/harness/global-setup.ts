/**
 * Once per `npm test` run (integration project): provision the Temporal binaries, bundle the
 * workflow code once, and start one real system — Temporal dev server (official CLI, in memory),
 * dynalite, worker and API — on free ports of its own, so tests pass while `npm start` runs.
 * A missing server fails the run with the reason; nothing is skipped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import pino from 'pino';
import { createLogger } from '../../logging/logger';
import { installTemporalLogging } from '../../logging/temporal-logger';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../runtime/ports';
import { startSystem } from '../../runtime/system';
import { ensureTemporalCli, ensureTestServer, type TestServerExecutable } from '../../runtime/temporal-binaries';
import { loadConfig } from '../../temporal.config';
import { workflowBundleOptions } from '../../worker/worker';
import { TEST_CASE_ID_SECRET, TEST_PAYLOAD_KEYS } from '../fixtures/secrets';
import { ensureWebBuild } from '../../web/build';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    temporalAddress: string;
    namespace: string;
    dynamoEndpoint: string;
    tableName: string;
    testServer: TestServerExecutable;
    workflowBundlePath: string;
    taskQueue: string;
    /** The API's HS256 signing secret: tests sign tokens for any role with it. */
    authSecret: string;
    /** The run's payload keys (PAYLOAD_KEYS): every test client and worker encrypts with them. */
    payloadKeys: string;
    /** The run's case id secret (CASE_ID_SECRET). */
    caseIdSecret: string;
    /** Every log line the system under test wrote (JSON lines). */
    systemLogFile: string;
  }
}

const log = (line: string) => console.log(`[test-setup] ${line}`);

export default async function setup(project: TestProject) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bosetting-test-'));
  // Every log line of the system under test (API, worker, Temporal) in one file the log test
  // searches for personal data; warnings and errors also on the console.
  const systemLogFile = path.join(tmp, 'system.log');
  const logger = createLogger({ level: 'info' }, pino.multistream([{ stream: pino.destination({ dest: systemLogFile, sync: true }) }, { level: 'warn', stream: process.stderr }]));
  installTemporalLogging(logger);
  const config = loadConfig({
    ...process.env,
    // Never the ports or data of `npm start`; never an external cluster from the developer's shell.
    TEMPORAL_ADDRESS: undefined,
    DYNAMODB_ENDPOINT: undefined,
    DYNAMODB_REGION: undefined,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'bosetting-e2e',
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_DEV_UI: 'false',
    DYNALITE_PORT: String(await freePort()),
    PORT: String(await freePort()),
    BOSETTING_DATA_DIR: tmp,
    DYNAMODB_TABLE: 'bosetting-e2e',
    AUTH_JWKS_URL: undefined,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
    CASE_ID_SECRET: TEST_CASE_ID_SECRET,
  });

  const [testServer] = await Promise.all([
    ensureTestServer({ cacheDir: config.binaries.cacheDir, explicitPath: config.binaries.testServerPath, log }),
    ensureTemporalCli({ cacheDir: config.binaries.cacheDir, explicitPath: config.binaries.cliPath, log }),
  ]);

  // Tests that run `npm start` itself (test/e2e/restart) then find the web UI built, as a second start does.
  await ensureWebBuild(log);

  const started = Date.now();
  const bundle = await bundleWorkflowCode({ ...workflowBundleOptions, logger: quietLogger });
  const workflowBundlePath = path.join(tmp, 'workflow-bundle.js');
  fs.writeFileSync(workflowBundlePath, bundle.code);
  log(`workflow code bundled in ${Date.now() - started} ms`);

  const system = await startSystem(config, { log, workflowBundle: { codePath: workflowBundlePath }, persist: false, logger });

  project.provide('apiUrl', system.apiUrl);
  project.provide('temporalAddress', system.temporalAddress);
  project.provide('namespace', config.temporal.namespace);
  project.provide('dynamoEndpoint', system.dynamoEndpoint!);
  project.provide('tableName', config.dynamo.table);
  project.provide('testServer', testServer);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('taskQueue', config.temporal.taskQueue);
  project.provide('authSecret', config.auth.kind === 'secret' ? config.auth.secret! : '');
  project.provide('payloadKeys', config.privacy.payloadKeys.keys!);
  project.provide('caseIdSecret', config.privacy.caseIdSecret.secret!);
  project.provide('systemLogFile', systemLogFile);

  return async () => {
    await system.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
}

const quietLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
