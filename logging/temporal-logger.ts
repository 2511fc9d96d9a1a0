/**
 * Temporal's loggers into ours: the SDK's worker, workflow (`log` from @temporalio/workflow, sunk
 * out of the sandbox) and activity loggers all write through `Runtime.logger`, and the native core's
 * messages are forwarded to it too. Installed once per process, before any connection is opened.
 */
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger } from './logger';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

export class PinoTemporalLogger implements TemporalLogger {
  constructor(private readonly logger: Logger) {}
  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    this.logger[LEVELS[level] ?? 'info']({ ...(meta as object), component: 'temporal' }, message);
  }
  trace(message: string, meta?: LogMetadata) {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata) {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata) {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata) {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata) {
    this.log('ERROR', message, meta);
  }
}

/** False when this process already installed a Runtime (then its logger stays). */
export function installTemporalLogging(logger: Logger): boolean {
  if (Runtime._instance) return false;
  Runtime.install({
    logger: new PinoTemporalLogger(logger),
    // The SDK would shut the worker down on SIGINT/SIGTERM itself, before the API has answered its
    // callers (and our own stop then fails with "Not running"); runtime/system.ts stops it in order.
    shutdownSignals: [],
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } },
  });
  return true;
}
