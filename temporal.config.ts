/**
 * The one typed configuration of Bosetting, read from environment variables and validated with zod.
 * With nothing set, everything runs embedded on this machine (Temporal dev server, dynalite).
 * A wrong value stops start-up with one line naming the variable and what it expects.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseKeyRing, type PayloadKeySettings } from './privacy/payload-keys';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const optionalText = z.string().trim().min(1).optional();

/** Every variable the system reads, with its default and what it means (the README table mirrors this). */
const environmentSchema = z.object({
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'host:port, e.g. my-ns.a1b2c.tmprl.cloud:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('bosetting'),
  TEMPORAL_API_KEY: optionalText,
  TEMPORAL_TLS: flag.optional(),
  TEMPORAL_TLS_CERT_PATH: optionalText,
  TEMPORAL_TLS_KEY_PATH: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  TEMPORAL_UI_URL: z.url().optional(),
  TEMPORAL_CLI_PATH: optionalText,
  TEMPORAL_TEST_SERVER_PATH: optionalText,
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_DEV_UI_PORT: port.default(8233),
  TEMPORAL_DEV_UI: flag.default(true),
  TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  PORT: port.default(3000),
  DYNAMODB_ENDPOINT: z.url().optional(),
  DYNAMODB_REGION: optionalText,
  DYNAMODB_TABLE: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name').default('bosetting'),
  DYNALITE_PORT: port.default(4567),
  BOSETTING_DATA_DIR: optionalText,
  BOSETTING_CACHE_DIR: optionalText,
  // Worker tuning (issue 13): defaults chosen from `npm run bench`, see the README's "Performance".
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(500),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).default(40),
  WORKER_REUSE_V8_CONTEXT: flag.default(true),
  WORKER_WORKFLOW_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  WORKER_STICKY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.no:587' }).optional(),
  SMTP_FROM: z
    .string()
    .trim()
    .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, 'a sender address, e.g. "Bosetting <bosetting@imdi.no>"')
    .optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: optionalText,
  AUTH_AUDIENCE: optionalText,
  AUTH_SECRET: z.string().min(32, 'at least 32 characters (the HS256 signing secret)').optional(),
  PAYLOAD_KEYS: z
    .string()
    .trim()
    .superRefine((spec, ctx) => {
      try {
        parseKeyRing(spec);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `id:base64key[,id:base64key…], 32-byte AES keys, newest last (${(error as Error).message})` });
      }
    })
    .optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  CASE_ID_SECRET: z.string().min(32, 'at least 32 characters (the case id HMAC secret)').optional(),
  CODEC_CORS_ORIGINS: z
    .string()
    .trim()
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.url({ error: 'origins such as https://temporal.example.no, comma-separated' })).min(1))
    .optional(),
  OIDC_CLIENT_ID: optionalText,
  OIDC_AUTHORITY: z.url().optional(),
  OIDC_SCOPE: optionalText,
});

/** Never echoed in an error message. */
const secretVariables = new Set(['AUTH_SECRET', 'TEMPORAL_API_KEY', 'PAYLOAD_KEYS', 'CASE_ID_SECRET']);

/** Embedded-mode token issuer and audience (npm run token signs with these). */
export const DEV_ISSUER = 'bosetting';
export const DEV_AUDIENCE = 'bosetting-api';

/**
 * How bearer tokens are verified. Production: an OIDC provider's JWKS, with issuer and audience.
 * Embedded: an HS256 secret — AUTH_SECRET, or a generated one kept in `secretFile` so tokens
 * printed by `npm run token` survive restarts.
 */
export type AuthSettings =
  | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string }
  | { kind: 'secret'; secret?: string; secretFile: string; issuer: string; audience: string };

export type TemporalConnection = {
  address: string;
  namespace: string;
  apiKey?: string;
  tls?: { serverName?: string; clientCertPath?: string; clientKeyPath?: string } | boolean;
};

export type Config = {
  temporal: TemporalConnection & {
    taskQueue: string;
    /** The deadline of the API's calls to Temporal in one request (issue 11): past it the caller gets 503. */
    callTimeoutMs: number;
    /** Link base for the Temporal Web UI, used in case history links. */
    uiUrl: string;
    /** Set when no TEMPORAL_ADDRESS is given: `npm start` runs the official CLI's dev server. */
    devServer?: { port: number; uiPort: number; ui: boolean; dbFile: string };
  };
  binaries: { cacheDir: string; cliPath?: string; testServerPath?: string };
  dynamo: {
    table: string;
    endpoint?: string;
    region: string;
    /** Set when neither DYNAMODB_ENDPOINT nor DYNAMODB_REGION is given: dynalite persisted to a folder. */
    embedded?: { port: number; dir: string };
  };
  api: { port: number };
  worker: WorkerTuning;
  /** E-mail notifications over SMTP; unset: e-mail recipients' messages are kept for manual sending. */
  notifications: { smtp?: { url: string; from: string } };
  auth: AuthSettings;
  /** Structured JSON logs on stdout (logging/logger.ts). */
  log: { level: string };
  privacy: {
    /** PAYLOAD_KEYS, or the embedded list kept in `keysFile`. */
    payloadKeys: PayloadKeySettings;
    /** CASE_ID_SECRET, or the embedded one kept in `secretFile`. */
    caseIdSecret: { secret?: string; secretFile: string };
    /** Origins of the Temporal Web UI allowed to call the codec endpoint (CORS). */
    codecCorsOrigins: string[];
  };
  /** The web UI's sign-in: the embedded development sign-in, or OIDC (authorization code + PKCE) with AUTH_JWKS_URL. */
  web: { oidc?: { authority: string; clientId: string; scope: string } };
  dataDir: string;
};

/**
 * How the worker runs workflows (worker/worker.ts); each value is measured by `npm run bench`.
 * - maxCachedWorkflows: workflows kept in memory between tasks (sticky cache); the rest are
 *   replayed from history when they next get a task. Bounds the worker's memory.
 * - maxConcurrentWorkflowTaskExecutions: workflow tasks run at once (all on the workflow threads).
 * - reuseV8Context: one V8 context per workflow thread, shared by every workflow (the SDK's default).
 * - workflowThreadPoolSize: worker threads that run workflow code.
 * - stickyQueueScheduleToStartTimeoutMs: how long the server waits for this worker to take a
 *   cached workflow's task before handing it to any worker (which replays it).
 */
export type WorkerTuning = {
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions: number;
  reuseV8Context: boolean;
  workflowThreadPoolSize: number;
  stickyQueueScheduleToStartTimeoutMs: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const shown = secretVariables.has(name) ? '(hidden)' : JSON.stringify(env[name]);
    throw new ConfigError(`${name}=${shown} is not valid: expected ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.BOSETTING_DATA_DIR ?? 'data');
  const cacheDir = path.resolve(
    e.BOSETTING_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(env.HOME ?? os.homedir(), '.cache'), 'bosetting'),
  );
  const embeddedTemporal = e.TEMPORAL_ADDRESS === undefined;
  const useTls = e.TEMPORAL_TLS ?? (e.TEMPORAL_API_KEY !== undefined || e.TEMPORAL_TLS_CERT_PATH !== undefined);
  if ((e.TEMPORAL_TLS_CERT_PATH === undefined) !== (e.TEMPORAL_TLS_KEY_PATH === undefined)) {
    throw new ConfigError('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together (mTLS client certificate and key)');
  }
  const embeddedDynamo = e.DYNAMODB_ENDPOINT === undefined && e.DYNAMODB_REGION === undefined;
  if (e.SMTP_URL !== undefined && e.SMTP_FROM === undefined) {
    throw new ConfigError('SMTP_FROM must be set with SMTP_URL: the sender address of e-mail notifications, e.g. "Bosetting <bosetting@imdi.no>"');
  }
  if (e.AUTH_JWKS_URL !== undefined) {
    if (e.AUTH_SECRET !== undefined) throw new ConfigError('AUTH_JWKS_URL and AUTH_SECRET are both set: set one (JWKS for an OIDC provider, a secret for the embedded default)');
    for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const) {
      if (e[name] === undefined) throw new ConfigError(`${name} must be set with AUTH_JWKS_URL (tokens are checked against the provider's issuer and audience)`);
    }
  }
  if (e.OIDC_CLIENT_ID !== undefined && e.AUTH_JWKS_URL === undefined) {
    throw new ConfigError('OIDC_CLIENT_ID needs AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE: the API must verify the tokens the web UI signs in for');
  }

  return {
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? `127.0.0.1:${e.TEMPORAL_DEV_PORT}`,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      callTimeoutMs: e.TEMPORAL_CALL_TIMEOUT_MS,
      apiKey: e.TEMPORAL_API_KEY,
      tls: useTls
        ? e.TEMPORAL_TLS_CERT_PATH || e.TEMPORAL_TLS_SERVER_NAME
          ? { serverName: e.TEMPORAL_TLS_SERVER_NAME, clientCertPath: e.TEMPORAL_TLS_CERT_PATH, clientKeyPath: e.TEMPORAL_TLS_KEY_PATH }
          : true
        : undefined,
      uiUrl: e.TEMPORAL_UI_URL ?? (embeddedTemporal ? `http://localhost:${e.TEMPORAL_DEV_UI_PORT}` : 'https://cloud.temporal.io'),
      devServer: embeddedTemporal
        ? { port: e.TEMPORAL_DEV_PORT, uiPort: e.TEMPORAL_DEV_UI_PORT, ui: e.TEMPORAL_DEV_UI, dbFile: path.join(dataDir, 'temporal.sqlite') }
        : undefined,
    },
    binaries: { cacheDir, cliPath: e.TEMPORAL_CLI_PATH, testServerPath: e.TEMPORAL_TEST_SERVER_PATH },
    dynamo: {
      table: e.DYNAMODB_TABLE,
      endpoint: embeddedDynamo ? `http://127.0.0.1:${e.DYNALITE_PORT}` : e.DYNAMODB_ENDPOINT,
      region: e.DYNAMODB_REGION ?? 'eu-north-1',
      embedded: embeddedDynamo ? { port: e.DYNALITE_PORT, dir: path.join(dataDir, 'dynamodb') } : undefined,
    },
    api: { port: e.PORT },
    worker: {
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTaskExecutions: e.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      reuseV8Context: e.WORKER_REUSE_V8_CONTEXT,
      workflowThreadPoolSize: e.WORKER_WORKFLOW_THREADS,
      stickyQueueScheduleToStartTimeoutMs: e.WORKER_STICKY_TIMEOUT_MS,
    },
    notifications: { smtp: e.SMTP_URL && e.SMTP_FROM ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined },
    auth: e.AUTH_JWKS_URL
      ? { kind: 'jwks', jwksUrl: e.AUTH_JWKS_URL, issuer: e.AUTH_ISSUER!, audience: e.AUTH_AUDIENCE! }
      : {
          kind: 'secret',
          secret: e.AUTH_SECRET,
          secretFile: path.join(dataDir, 'auth-secret'),
          issuer: e.AUTH_ISSUER ?? DEV_ISSUER,
          audience: e.AUTH_AUDIENCE ?? DEV_AUDIENCE,
        },
    log: { level: e.LOG_LEVEL },
    privacy: {
      payloadKeys: { keys: e.PAYLOAD_KEYS, keysFile: path.join(dataDir, 'payload-keys') },
      caseIdSecret: { secret: e.CASE_ID_SECRET, secretFile: path.join(dataDir, 'case-id-secret') },
      codecCorsOrigins: e.CODEC_CORS_ORIGINS ?? uiOrigins(e.TEMPORAL_UI_URL, embeddedTemporal ? e.TEMPORAL_DEV_UI_PORT : undefined),
    },
    web: {
      oidc: e.OIDC_CLIENT_ID ? { authority: e.OIDC_AUTHORITY ?? e.AUTH_ISSUER!, clientId: e.OIDC_CLIENT_ID, scope: e.OIDC_SCOPE ?? 'openid profile' } : undefined,
    },
    dataDir,
  };
}

/** The Web UI's own origin(s): the configured TEMPORAL_UI_URL, or the embedded UI by both its local names. */
function uiOrigins(uiUrl: string | undefined, embeddedUiPort: number | undefined): string[] {
  if (uiUrl) return [new URL(uiUrl).origin];
  if (embeddedUiPort) return [`http://localhost:${embeddedUiPort}`, `http://127.0.0.1:${embeddedUiPort}`];
  return ['https://cloud.temporal.io'];
}
