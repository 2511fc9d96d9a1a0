/**
 * THE logger: structured JSON lines (pino) for the API, the worker and Temporal's own loggers, with
 * personal data kept out. Logs are read by operators and shipped to log systems that are not built
 * for special categories of personal data, so nothing personal is logged in the first place, and
 * what slips into a log call is removed before the line is written:
 *
 * - fields whose NAME is on the redaction list are replaced, at any depth (`REDACTED_FIELDS`);
 * - in every string — messages, error messages, paths — DUF numbers (12 digits) and fødselsnummer
 *   (11 digits) are replaced (`scrubText`).
 *
 * Names and birth dates cannot be recognised in free text; they are kept out by logging no bodies,
 * payloads or workflow state at all — only ids, routes, statuses and timings (api/request-log.ts).
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACTION = '[redacted]';

/** Field names that hold personal data (or secrets) wherever they appear in a logged object. */
export const REDACTED_FIELDS = new Set(
  [
    'givenName', 'familyName', 'name', 'fullName', 'names', 'dufNumber', 'dufNumbers', 'nationalIdentityNumber', 'dateOfBirth',
    'persons', 'person', 'permit', 'household', 'members', 'minor', 'children', 'companion', 'address', 'postalAddress', 'email',
    'phone', 'registrationNumber', 'settlementInfo', 'interview', 'record', 'note', 'text', 'body', 'data', 'input', 'args',
    'payload', 'payloads', 'result', 'state', 'subject', 'details', 'description', 'reason', 'familyInNorway',
    'authorization', 'cookie', 'set-cookie', 'token', 'secret', 'password', 'apiKey',
  ].map((field) => field.toLowerCase()),
);

/**
 * A DUF number (12 digits) or a fødselsnummer (11 digits), standing alone or with the separators a
 * person types ("140390 12345", "2026 1234 5671"). Not inside a longer token (a UUID, a case id).
 */
const IDENTIFIER_NUMBERS = /(?<![\p{L}\p{N}_-])(?:\d[\s.-]?){10}\d(?:[\s.-]?\d)?(?![\p{L}\p{N}_-])/gu;

export function scrubText(text: string): string {
  return text.replace(IDENTIFIER_NUMBERS, (match) => (match.replace(/\D/g, '').length >= 11 ? REDACTION : match));
}

/** A copy with every redacted field replaced and every string scrubbed; errors become plain objects. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[too deep]';
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const cause = (value as { cause?: unknown }).cause;
    return scrub({ type: name, message, stack, ...(cause !== undefined ? { cause } : {}) }, depth);
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = REDACTED_FIELDS.has(key.toLowerCase()) ? REDACTION : scrub(item, depth + 1);
  return out;
}

export type LogSettings = { level: string };

export function createLogger(settings: LogSettings = { level: 'info' }, destination?: DestinationStream): Logger {
  return pino(
    {
      level: settings.level,
      base: { service: 'bosetting' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (object) => scrub(object) as Record<string, unknown> },
      // Errors passed as `err` keep their message and stack, scrubbed like everything else.
      serializers: { err: (error: unknown) => scrub(error) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
