/**
 * Global setup of the browser tests: the whole system, started exactly as `npm start` starts it
 * (it builds the web UI when its build is missing or stale), on free ports and in a fresh data
 * folder of its own, so the tests pass while another `npm start` runs. Stopped with SIGTERM after.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../runtime/ports';

const READY = /Ready\. Ctrl-C stops everything/;
const START_TIMEOUT_MS = 240_000;

export type StartedSystem = { url: string; stop: () => Promise<void> };

/** `npm start` with its own ports and data folder; `extraEnv` configures it (e.g. OIDC). */
export async function startNpm(extraEnv: NodeJS.ProcessEnv = {}): Promise<StartedSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bosetting-browser-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_DEV_UI_PORT: String(await freePort()),
    DYNALITE_PORT: String(await freePort()),
    BOSETTING_DATA_DIR: dataDir,
    // The embedded default, whatever the developer's shell has configured.
    TEMPORAL_ADDRESS: undefined,
    DYNAMODB_ENDPOINT: undefined,
    DYNAMODB_REGION: undefined,
    AUTH_JWKS_URL: undefined,
    AUTH_SECRET: undefined,
    AUTH_ISSUER: undefined,
    AUTH_AUDIENCE: undefined,
    OIDC_CLIENT_ID: undefined,
    ...extraEnv,
  };
  const child = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.includes('[bosetting]')) console.log(`  ${line.trim()}`);
      if (READY.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // The whole process group: npm, tsx and the system it started.
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      // The dev server may still be closing its files for a moment after npm exits.
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
    },
  };
}

export default async function globalSetup() {
  const system = await startNpm();
  process.env.BOSETTING_WEB_URL = system.url;
  return system.stop;
}
