/** The official Temporal CLI's dev server as a child process: SQLite file, Web UI, clean stop. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitForPort } from './ports';

export type DevServer = { address: string; uiUrl?: string; readonly pid: number; stop: () => Promise<void> };

/**
 * Dynamic config for one machine (issue 13, measured by `npm run bench`; README "Performance").
 * The server's queue processors poll their task queues at most 20 times a second per shard by
 * default, and the dev server has one shard: after a short burst every hand-off (workflow task →
 * activity → workflow task) waits up to ~50 ms. At 1000/s the processors keep up with the worker.
 */
export const SINGLE_MACHINE_DYNAMIC_CONFIG: Readonly<Record<string, number>> = {
  // Transfer tasks: a new workflow/activity task handed to matching.
  'history.transferProcessorMaxPollRPS': 1000,
  // Timer tasks: timeouts, retries' backoff and the cases' deadline timers.
  'history.timerProcessorMaxPollRPS': 1000,
  // Visibility tasks: the list/search records of workflows.
  'history.visibilityProcessorMaxPollRPS': 1000,
};

export async function startDevServer(opts: {
  cliPath: string;
  port: number;
  uiPort?: number;
  ui: boolean;
  /** Omit for an in-memory server (tests); give a file to keep every workflow across restarts. */
  dbFile?: string;
  namespace?: string;
  logFile?: string;
  /** The API's codec server (api/routes/codec.ts), so the Web UI can show payloads decrypted to supervisors. */
  codecEndpoint?: string;
  /** Default SINGLE_MACHINE_DYNAMIC_CONFIG; `{}` runs the server's own defaults (the bench compares them). */
  dynamicConfig?: Readonly<Record<string, number | string | boolean>>;
  /** Called with the server's pid each time it is started (runtime/pid-file.ts records it). */
  onSpawn?: (pid: number) => void;
  /** Told when the server died on its own and is started again. */
  onExit?: (line: string) => void;
}): Promise<DevServer> {
  // Loopback only, the gRPC frontend and the Web UI alike: the dev server has no authentication
  // (anyone who reaches it can terminate a case), so it is never reachable from another machine.
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'warn'];
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  if (opts.ui && opts.uiPort) {
    args.push('--ui-ip', '127.0.0.1', '--ui-port', String(opts.uiPort));
    if (opts.codecEndpoint) args.push('--ui-codec-endpoint', opts.codecEndpoint);
  }
  else args.push('--headless');
  if (opts.namespace && opts.namespace !== 'default') args.push('--namespace', opts.namespace);
  for (const [key, value] of Object.entries(opts.dynamicConfig ?? SINGLE_MACHINE_DYNAMIC_CONFIG)) args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);

  const output = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'ignore';
  let child: ChildProcess;
  let stopping = false;
  const launch = () => {
    // Its own process group: a Ctrl-C in the terminal reaches only us, and we stop it after the worker.
    child = spawn(opts.cliPath, args, { stdio: ['ignore', output, output], detached: true });
    stopWithParent(child.pid!);
    opts.onSpawn?.(child.pid!);
    return child;
  };
  const first = launch();
  let exited = false;
  first.once('exit', () => (exited = true));
  try {
    await waitForPort('127.0.0.1', opts.port, 60_000, () => !exited);
    if (opts.ui && opts.uiPort) await waitForPort('127.0.0.1', opts.uiPort, 30_000, () => !exited);
  } catch (error) {
    first.kill('SIGKILL');
    const hint = opts.logFile ? ` (see ${opts.logFile})` : '';
    throw new Error(`Temporal dev server did not start: ${(error as Error).message}${hint}`);
  }
  await keepClosedCases(opts.cliPath, opts.port, opts.namespace ?? 'default');

  // Issue 11: a dev server that dies is started again (same data file), so the system comes back by
  // itself; meanwhile the API answers 503. Backoff from 1 s to 30 s; it resets after a minute up.
  let backoffMs = 1_000;
  const restartOnExit = (running: ChildProcess, startedAt: number) =>
    running.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt > 60_000) backoffMs = 1_000;
      opts.onExit?.(`Temporal dev server exited (${signal ?? `code ${code}`}); starting it again in ${backoffMs / 1000} s`);
      setTimeout(() => {
        if (!stopping) restartOnExit(launch(), Date.now());
      }, backoffMs).unref();
      backoffMs = Math.min(backoffMs * 2, 30_000);
    });
  restartOnExit(first, Date.now());
  return {
    address: `127.0.0.1:${opts.port}`,
    uiUrl: opts.ui && opts.uiPort ? `http://localhost:${opts.uiPort}` : undefined,
    get pid() {
      return child.pid!;
    },
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}

/**
 * A settled case's workflow closes, but supervisors read its history for years: the dev server's
 * default retention of closed workflows (24 h) is raised to 10 years. (A cluster's namespace is
 * configured by its operators; see the README.)
 */
async function keepClosedCases(cliPath: string, port: number, namespace: string): Promise<void> {
  const result = spawnSync(cliPath, ['operator', 'namespace', 'update', '-n', namespace, '--retention', '87600h', '--address', `127.0.0.1:${port}`], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(`could not set the retention of namespace ${namespace}: ${result.stderr || result.stdout}`);
}

/**
 * A child must not outlive us: after `kill -9` of this process it would keep its port and block
 * the next start. Linux cannot tie a child's life to ours from Node, so a tiny shell watches both
 * pids and stops the child (SIGTERM, then SIGKILL after 10 s) once we are gone. It exits by itself
 * when the child exits first.
 */
export function stopWithParent(childPid: number): void {
  const script = [
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done',
    'kill -0 "$1" 2>/dev/null && exit 0',
    'kill -TERM "$2" 2>/dev/null || exit 0',
    'i=0; while kill -0 "$2" 2>/dev/null && [ $i -lt 10 ]; do sleep 1; i=$((i+1)); done',
    'kill -KILL "$2" 2>/dev/null; exit 0',
  ].join('\n');
  // Detached: a signal to our process group (Ctrl-C, a test killing the group) leaves the watchdog running.
  const watchdog = spawn('/bin/sh', ['-c', script, 'bosetting-watchdog', String(process.pid), String(childPid)], { stdio: 'ignore', detached: true });
  watchdog.unref();
}

/** SIGTERM lets the server flush SQLite; SIGKILL only if it hangs. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
