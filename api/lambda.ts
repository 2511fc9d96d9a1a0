/**
 * The same app as an AWS Lambda handler (API Gateway HTTP API v2, REST v1 or ALB events).
 * Dependencies are built from the environment at cold start and kept for warm invocations.
 * Nothing embedded runs here: TEMPORAL_ADDRESS, DYNAMODB_REGION (or DYNAMODB_ENDPOINT) and
 * AUTH_JWKS_URL (or AUTH_SECRET), PAYLOAD_KEYS and CASE_ID_SECRET must be set. Deploy with the handler `api/lambda.handler`.
 */
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createDataConverter } from '../privacy/data-converter';
import { loadKeyRing } from '../privacy/payload-keys';
import { createApiDeps } from '../runtime/api-deps';
import { connectClient } from '../runtime/temporal-connection';
import { createDocumentClient } from '../store/client';
import { createTables } from '../store/table';
import { ConfigError, loadConfig } from '../temporal.config';
import { createApp } from './app';

export function createLambdaHandler(env: NodeJS.ProcessEnv = process.env) {
  let ready: Promise<{ run: ReturnType<typeof handle>; close: () => Promise<void> }> | undefined;

  async function coldStart() {
    const config = loadConfig(env);
    if (config.temporal.devServer) throw new ConfigError('TEMPORAL_ADDRESS must be set: a Lambda connects to an existing Temporal cluster');
    if (config.dynamo.embedded) throw new ConfigError('DYNAMODB_REGION or DYNAMODB_ENDPOINT must be set: a Lambda uses an existing table');
    const client = await connectClient(config.temporal, createDataConverter(loadKeyRing(config.privacy.payloadKeys, { create: false })));
    const documentClient = createDocumentClient(config.dynamo);
    const tables = createTables(documentClient, config.dynamo.table, { embedded: false });
    const app = createApp(createApiDeps({ config, client, documentClient, tables, persist: false }));
    return { run: handle(app), close: () => client.connection.close() };
  }

  return {
    handler: async (event: LambdaEvent, context?: LambdaContext) => {
      // A failed cold start is retried on the next invocation rather than cached.
      ready ??= coldStart().catch((error) => {
        ready = undefined;
        throw error;
      });
      const { run } = await ready;
      return run(event, context);
    },
    close: async () => {
      if (ready) await (await ready).close();
    },
  };
}

export const handler = createLambdaHandler().handler;
