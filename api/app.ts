/**
 * The HTTP API: the only door into the system. A thin, typed edge: zod validates every input,
 * routes translate HTTP ↔ workflow messages and read-model queries; no business rule lives here.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { ensureOperationIds } from './operation-ids';
import { addCommonResponses, notFoundOrNotAllowed } from './contract';
import { swaggerUI } from '@hono/swagger-ui';
import type { Client } from '@temporalio/client';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Tables } from '../store/table';
import type { WebhookPolicy } from '../notifications/channels/webhook-address';
import type { Scope } from './access';
import { authenticate, type AuthVariables, type TokenVerifier } from './auth';
import { createLogger, type Logger } from '../logging/logger';
import { fieldErrors, problem } from './problem';
import { jsonBody } from './json-body';
import { registerInformationReportRoutes } from './routes/information-reports';
import { requestLog } from './request-log';
import { isUnreachable, RETRY_AFTER_SECONDS, unavailableProblem } from './unavailable';
import { registerCaseRoutes } from './routes/cases';
import { registerCodecRoutes } from './routes/codec';
import { registerDeadlineRoutes } from './routes/deadlines';
import { registerHealthRoutes, type HealthCheck } from './routes/health';
import { registerNotificationRoutes } from './routes/notifications';
import { registerPermitRoutes } from './routes/permits';
import { registerJourneyRoutes } from './routes/journeys';
import { registerMeRoutes } from './routes/me';
import { registerMunicipalityRoutes } from './routes/municipalities';
import { registerRecipientRoutes } from './routes/recipients';
import { registerStatisticsRoutes } from './routes/statistics';
import { registerStepRoutes } from './routes/steps';

export type ApiDeps = {
  temporal: Client;
  tables: Tables;
  taskQueue: string;
  namespace: string;
  temporalUiUrl: string;
  health: HealthCheck;
  /** The deadline of the Temporal calls one request makes (TEMPORAL_CALL_TIMEOUT_MS); default 10 s. */
  temporalCallTimeoutMs?: number;
  verifyToken: TokenVerifier;
  /** The key of case ids (api/case-id.ts): CASE_ID_SECRET, or the embedded one in the data folder. */
  caseIdSecret: string;
  /** Origins of the Temporal Web UI that may call the codec endpoint (CORS). */
  codecCorsOrigins: string[];
  /** Which webhook URLs the recipient directory accepts; unset: public https only. */
  webhooks?: WebhookPolicy;
  /** Structured logs without personal data (logging/logger.ts); a default one when not given. */
  logger?: Logger;
  /** The API's clock (goal status, overdue tasks); tests may fix it. */
  clock?: () => Date;
};

export type AppEnv = { Variables: AuthVariables & { scope: Scope; requestId: string } };

/** Today's date (UTC, like the workflows' deadlines). */
export function today(deps: Pick<ApiDeps, 'clock'>): string {
  return (deps.clock?.() ?? new Date()).toISOString().slice(0, 10);
}

export function createApp(deps: ApiDeps) {
  const app = new OpenAPIHono<AppEnv>({
    // Every zod failure becomes a 400 naming the field and the reason.
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === 'json' ? '' : result.target;
        return problem(c, 400, 'Invalid request', `The ${result.target === 'json' ? 'body' : result.target} is not valid.`, {
          errors: fieldErrors(result.error.issues, where),
        });
      }
    },
  });

  const logger = deps.logger ?? createLogger();
  app.use('*', requestLog(logger));
  // Health, /openapi.json and /docs stay public; everything under /v1 needs a token.
  app.use('/v1/*', authenticate(deps.verifyToken));
  // Issue 11: every Temporal call of a request shares one deadline, so an outage answers 503 in
  // seconds instead of waiting out the client's retries.
  const callTimeoutMs = deps.temporalCallTimeoutMs ?? 10_000;
  app.use('/v1/*', (_c, next) => deps.temporal.withDeadline(Date.now() + callTimeoutMs, next));
  app.use('/v1/*', bodyLimit({ maxSize: 256 * 1024, onError: (c) => problem(c, 413, 'Body too large', 'Request bodies are limited to 256 KiB.') }));
  app.use('/v1/*', jsonBody());

  registerHealthRoutes(app, deps);
  registerMeRoutes(app);
  registerPermitRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerJourneyRoutes(app, deps);
  registerMunicipalityRoutes(app, deps);
  registerRecipientRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerStepRoutes(app, deps);
  registerDeadlineRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerInformationReportRoutes(app, deps);
  registerCodecRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Claims: sub, role (udi | mottak | imdi | kommune | supervisor), org (reception centre id or municipality number).',
  });

  ensureOperationIds(app);
  addCommonResponses(app);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/', description: 'This server' }],
    info: {
      title: 'Bosetting API',
      version: '1',
      description: 'Settlement of refugees in Norwegian municipalities: permits, cases, staff steps, deadlines and history.',
    },
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json' }));

  app.notFound(notFoundOrNotAllowed(app));
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      // Hono's own parse errors (e.g. malformed JSON) are the caller's fault, not ours.
      const title = error.status === 415 ? 'Unsupported media type' : 'Invalid request';
      const detail = error.status === 415 ? 'Send the body as JSON with Content-Type: application/json.' : error.message || 'The request could not be read.';
      return problem(c, error.status as 400, title, detail);
    }
    if (error instanceof SyntaxError) return problem(c, 400, 'Invalid request', 'The body is not valid JSON.');
    if (isUnreachable(error)) {
      // Temporal or the store did not answer in time: the caller may retry (api/unavailable.ts).
      logger.warn({ requestId: c.get('requestId'), err: error }, 'dependency unreachable');
      c.header('retry-after', String(RETRY_AFTER_SECONDS));
      return problem(c, 503, 'Service unavailable', unavailableProblem(c.req.method, 'dependency').detail as string);
    }
    logger.error({ requestId: c.get('requestId'), err: error }, 'request failed');
    return problem(c, 500, 'Internal error', 'Something went wrong on our side; the request was not completed.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
