/** The API's dependencies from the configuration and open connections: shared by `npm start` and Lambda. */
import crypto from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Client, Connection } from '@temporalio/client';
import type { ApiDeps } from '../api/app';
import type { HealthReport } from '../api/routes/health';
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
  const health = async (): Promise<HealthReport> => {
    const [temporal, store] = await Promise.allSettled([
      (client.connection as Connection).healthService.check({}),
      documentClient.send(new DescribeTableCommand({ TableName: config.dynamo.table })),
    ]);
    const report = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? { ok: true } : { ok: false, error: String(r.reason).slice(0, 300) });
    return { temporal: report(temporal), store: report(store) };
  };
  return {
    temporal: client,
    tables: opts.tables,
    taskQueue: config.temporal.taskQueue,
    namespace: config.temporal.namespace,
    temporalUiUrl: opts.temporalUiUrl ?? config.temporal.uiUrl,
    health,
    verifyToken: createTokenVerifier(config.auth, { persist: opts.persist }),
    caseIdSecret: caseIdSecret(config.privacy.caseIdSecret, { persist: opts.persist }),
    codecCorsOrigins: config.privacy.codecCorsOrigins,
    webhooks: webhookPolicyFor(config.auth),
    logger: opts.logger ?? createLogger(config.log),
  };
}
