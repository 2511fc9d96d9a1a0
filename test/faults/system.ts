/**
 * The fault tests' system: `npm start`'s own code (scripts/start.ts) as a child process, on free
 * ports and a data folder of its own, so it can be killed, interrupted and started again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { signToken } from '../../api/auth';
import { freePort } from '../../runtime/ports';
import { commandLine, PID_FILE } from '../../runtime/pid-file';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../temporal.config';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, type Caller } from '../harness/api';

export const READY_TIMEOUT_MS = 120_000;

export type Started = { process: ChildProcess; output: () => string; exited: Promise<number | null> };

export type FaultSystem = {
  api: string;
  dataDir: string;
  env: Record<string, string>;
  /** Starts `npm start`'s code; resolves once it printed "Ready.". */
  start: () => Promise<Started>;
  /** The pids the running system recorded in its data folder (runtime/pid-file.ts). */
  pids: () => { main: number; children: Record<string, number> };
  /** A bearer token for `caller`, signed with the secret the system generated in its data folder. */
  headers: (caller: Caller) => Promise<Record<string, string>>;
  /** Kills whatever is still running and removes the data folder. */
  cleanUp: () => void;
};

export async function faultSystem(extraEnv: Record<string, string> = {}): Promise<FaultSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bosetting-faults-'));
  const env: Record<string, string> = {
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_DEV_UI: 'false',
    DYNALITE_PORT: String(await freePort()),
    BOSETTING_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const started: ChildProcess[] = [];
  const readPids = () => {
    const contents = JSON.parse(fs.readFileSync(path.join(dataDir, PID_FILE), 'utf8'));
    return { main: contents.main.pid as number, children: Object.fromEntries(Object.entries(contents.children).map(([k, v]: [string, any]) => [k, v.pid as number])) };
  };
  let lastPids: ReturnType<typeof readPids> | undefined;
  return {
    api: `http://localhost:${env.PORT}`,
    dataDir,
    env,
    start: async () => {
      // The embedded defaults, whatever the developer's shell has configured.
      const childEnv = { ...process.env, TEMPORAL_ADDRESS: undefined, DYNAMODB_ENDPOINT: undefined, DYNAMODB_REGION: undefined, AUTH_SECRET: undefined, AUTH_JWKS_URL: undefined, AUTH_ISSUER: undefined, AUTH_AUDIENCE: undefined, OIDC_CLIENT_ID: undefined, ...env };
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      started.push(child);
      let output = '';
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output}`)), READY_TIMEOUT_MS);
        child.stdout!.on('data', () => {
          if (output.includes('Ready.')) {
            clearTimeout(timer);
            resolve();
          }
        });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`npm start exited with ${code}:\n${output}`));
        });
      });
      lastPids = readPids();
      return { process: child, output: () => output, exited };
    },
    pids: readPids,
    headers: async (caller) => {
      const secret = fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim();
      const token = await signToken(secret, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE }, { sub: caller.sub ?? `${caller.role}-faults`, role: caller.role, org: caller.org });
      return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    },
    cleanUp: () => {
      for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const pid of Object.values(lastPids?.children ?? {})) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone, as it should be
        }
      }
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    },
  };
}

/** Whether a pid is a live process (a zombie nobody reaped counts as gone). */
export function isAlive(pid: number): boolean {
  return commandLine(pid) !== undefined;
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

/** One HTTP call that never throws: a status, or 0 when the connection failed. */
export async function attempt(url: string, init: RequestInit, timeoutMs = 60_000): Promise<{ status: number; body: any; retryAfter: string | null; ms: number }> {
  const begun = Date.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body, retryAfter: response.headers.get('retry-after'), ms: Date.now() - begun };
  } catch {
    return { status: 0, body: undefined, retryAfter: null, ms: Date.now() - begun };
  }
}

/** `count` new family cases, registered through the API by UDI (`udi` its headers); their ids. */
export async function createCases(api: string, udi: Record<string, string>, count: number): Promise<string[]> {
  const cal = await apiCalendar(api);
  const caseIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await attempt(`${api}/v1/permits`, { method: 'POST', headers: udi, body: JSON.stringify(uniqueFamilyPermitBody(cal)) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    caseIds.push(created.body.caseId);
  }
  return caseIds;
}

/** The step every fault test bursts: an internal note by IMDi (`imdi` its headers) with its own key, counted exactly in the case state. */
export function postNote(api: string, imdi: Record<string, string>, note: { caseId: string; key: string; text: string }, timeoutMs?: number) {
  return attempt(`${api}/v1/cases/${note.caseId}/internal-notes`, { method: 'POST', headers: { ...imdi, 'idempotency-key': note.key }, body: JSON.stringify({ text: note.text }) }, timeoutMs);
}

/** What a client does with a 503 or a cut connection: waits Retry-After (or a second) and sends the same request again, within `timeoutMs`. */
export async function retryWhileUnavailable<R extends { status: number; retryAfter: string | null }>(send: () => Promise<R>, timeoutMs = 90_000): Promise<R> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await send();
    if ((answer.status !== 0 && answer.status !== 503) || Date.now() > until) return answer;
    await new Promise((r) => setTimeout(r, Number(answer.retryAfter ?? 1) * 1000));
  }
}
