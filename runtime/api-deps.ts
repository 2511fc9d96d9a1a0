/** The API's dependencies from the configuration and open connections: shared by `npm start` and Lambda. */
import crypto from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Client, Connection } from '@temporalio/client';
import type { ApiDeps } from '../api/app';
import type { DependencyHealth, HealthReport } from '../api/routes/health';
import type { Tables } from '../store/table';
import type { Config } from '../temporal.config';
import { createLogger, type Logger } from '../logging/logger';
import { persistedSecret } from '../privacy/secrets';
import { createTokenVerifier } from './auth';
import { webhookPolicyFor } from '../notifications/channels/webhook-address';

/** CASE_ID_SECRET, or one generated on first start and kept in the data folder (never where none is kept). */
function caseIdSecret(settings: Config['privacy']['caseIdSecret'], opts: { persist: boolean }): string {
  if (settings.secret) return settings.secret;
  if (!opts.persist) throw new Error('CASE_ID_SECRET must be set where no data folder is kept');
  return persistedSecret(settings.secretFile, () => crypto.randomBytes(32).toString('base64url'), { create: true });
}

/** How long /health waits for each dependency. */
export const HEALTH_TIMEOUT_MS = 1_000;

/** One dependency's health: up within the bound, or down with a short reason. */
async function probe(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS + 100)));
  try {
    await Promise.race([check(), bound]);
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, error: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

export function createApiDeps(opts: {
  config: Config;
  client: Client;
  documentClient: DynamoDBDocumentClient;
  tables: Tables;
  temporalUiUrl?: string;
  /** Whether the data folder may hold the embedded signing secret. */
  persist: boolean;
  logger?: Logger;
}): ApiDeps {
  const { config, client, documentClient } = opts;
  // Issue 11: each dependency answers within HEALTH_TIMEOUT_MS or is reported down.
  const health = async (): Promise<HealthReport> => {
    const [temporal, dynamodb] = await Promise.all([
      probe(() => client.connection.withDeadline(Date.now() + HEALTH_TIMEOUT_MS, () => (client.connection as Connection).healthService.check({}))),
      probe(() => documentClient.send(new DescribeTableCommand({ TableName: config.dynamo.table }), { abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) })),
    ]);
    return { temporal, dynamodb };
  };
  return {
    temporal: client,
    tables: opts.tables,
    taskQueue: config.temporal.taskQueue,
    namespace: config.temporal.namespace,
    temporalUiUrl: opts.temporalUiUrl ?? config.temporal.uiUrl,
    health,
    temporalCallTimeoutMs: config.temporal.callTimeoutMs,
    verifyToken: createTokenVerifier(config.auth, { persist: opts.persist }),
    caseIdSecret: caseIdSecret(config.privacy.caseIdSecret, { persist: opts.persist }),
    codecCorsOrigins: config.privacy.codecCorsOrigins,
    webhooks: webhookPolicyFor(config.auth),
    logger: opts.logger ?? createLogger(config.log),
  };
}
