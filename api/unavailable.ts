/**
 * 503 answers (issue 11): Temporal or the store cannot be reached in time, or the process is
 * stopping. Never a 500: the caller is told whether a change may have gone through and that sending
 * it again is safe — a step with the same Idempotency-Key is applied once, a permit once per permitId.
 */
import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** Seconds a caller should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The problem body in bokmål: what happened, and whether a change may have been applied. */
export function unavailableProblem(method: string, reason: 'dependency' | 'stopping' | 'cut-off'): Record<string, unknown> {
  const what =
    reason === 'stopping'
      ? 'Tjenesten stopper og tar ikke imot flere forespørsler nå.'
      : reason === 'cut-off'
        ? 'Tjenesten stoppet før forespørselen ble ferdig.'
        : 'Tjenesten får ikke kontakt med Temporal eller databasen akkurat nå.';
  const retry = SAFE_METHODS.has(method.toUpperCase())
    ? `Prøv igjen om ${RETRY_AFTER_SECONDS} sekunder.`
    : `Endringen kan allerede være utført. Det er trygt å sende den samme forespørselen på nytt om ${RETRY_AFTER_SECONDS} sekunder, med samme Idempotency-Key: den blir bare utført én gang.`;
  return {
    type: 'https://bosetting.example/problems/service-unavailable',
    title: 'Service unavailable',
    status: 503,
    detail: `${what} ${retry}`,
  };
}

export function unavailableResponse(method: string, reason: Parameters<typeof unavailableProblem>[1], requestId?: string): Response {
  return new Response(JSON.stringify(unavailableProblem(method, reason)), {
    status: 503,
    headers: { 'content-type': 'application/problem+json', 'retry-after': String(RETRY_AFTER_SECONDS), ...(requestId ? { 'x-request-id': requestId } : {}) },
  });
}

// gRPC status codes that mean "not reached in time", not "refused": DEADLINE_EXCEEDED, CANCELLED, UNAVAILABLE, RESOURCE_EXHAUSTED.
const UNREACHABLE_GRPC = new Set([1, 4, 8, 14]);
// Node's network errors and the AWS SDK's names for a store that does not answer.
const UNREACHABLE_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout', 'ThrottlingException', 'ProvisionedThroughputExceededException', 'ServiceUnavailable', 'InternalServerError']);

/** Whether an error means a dependency was not reached (in time), anywhere in its cause chain. */
export function isUnreachable(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 8; e = e.cause, depth++) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    if (isGrpcServiceError(e) && UNREACHABLE_GRPC.has(e.code)) return true;
    // The client's connection closed under a request while stopping (grpc-js).
    if (e instanceof Error && /Channel has been shut down/.test(e.message)) return true;
    if (typeof e.code === 'string' && UNREACHABLE_NETWORK.has(e.code)) return true;
    if (typeof e.name === 'string' && UNREACHABLE_NETWORK.has(e.name)) return true;
    if (e.$metadata && (e.$metadata.httpStatusCode === undefined || e.$metadata.httpStatusCode >= 500)) return true;
  }
  return false;
}
