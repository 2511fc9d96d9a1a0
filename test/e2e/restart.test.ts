/**
 * `npm start`, create a case, Ctrl-C, `npm start` again: the case and its workflow are still there.
 * Runs the real start script as a child process with its own ports and data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../runtime/ports';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar } from '../harness/api';
import { signToken, type Role } from '../../api/auth';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../temporal.config';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bosetting-restart-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function npmStart(env: Record<string, string>): Promise<{ process: ChildProcess; output: () => string }> {
  // The generated secret is under test: none from the developer's shell.
  const started = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, AUTH_SECRET: undefined, AUTH_JWKS_URL: undefined, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  started.stdout!.on('data', (d) => (output += d));
  started.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 120_000);
    const check = () => {
      if (output.includes('Ready.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    started.stdout!.on('data', check);
    started.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return { process: started, output: () => output };
}

function stop(process: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    process.once('exit', (code) => resolve(code));
    process.kill('SIGINT');
  });
}

describe('npm start keeps its data across a restart', () => {
  it('a case created before Ctrl-C is there after the next start, workflow and index alike', { timeout: 300_000 }, async () => {
    const env = {
      PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_DEV_UI_PORT: String(await freePort()),
      DYNALITE_PORT: String(await freePort()),
      BOSETTING_DATA_DIR: dataDir,
    };
    const api = `http://localhost:${env.PORT}`;

    const first = await npmStart(env);
    child = first.process;
    // No AUTH_SECRET: the first start generated one in the data folder; tokens signed with it
    // must keep working after the restart.
    const secret = fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim();
    const bearer = async (role: Role) => ({ authorization: `Bearer ${await signToken(secret, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE }, { sub: `${role}-restart`, role })}` });
    const udi = await bearer('udi');
    const imdi = await bearer('imdi');
    expect(first.output()).toContain(`Temporal Web UI: http://localhost:${env.TEMPORAL_DEV_UI_PORT}`);
    const ui = await fetch(`http://localhost:${env.TEMPORAL_DEV_UI_PORT}/`);
    expect(ui.status).toBe(200);

    const permit = uniqueFamilyPermitBody(await apiCalendar(api));
    const created = (await fetch(`${api}/v1/permits`, { method: 'POST', headers: { 'content-type': 'application/json', ...udi }, body: JSON.stringify(permit) }).then((r) => r.json())) as any;
    const { caseId } = created;
    // Wait until the case index has the row, then stop as a user would.
    for (let i = 0; i < 100; i++) {
      const page = (await fetch(`${api}/v1/cases`, { headers: imdi }).then((r) => r.json())) as any;
      if (page.items.some((c: any) => c.caseId === caseId)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await stop(first.process)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    expect(fs.existsSync(path.join(dataDir, 'temporal.sqlite'))).toBe(true);

    const second = await npmStart(env);
    child = second.process;
    const state = (await fetch(`${api}/v1/cases/${caseId}`, { headers: imdi }).then((r) => r.json())) as any;
    expect(state).toMatchObject({ caseId, stage: 'interview', permit: { permitId: permit.permitId } });
    const page = (await fetch(`${api}/v1/cases`, { headers: imdi }).then((r) => r.json())) as any;
    expect(page.items.map((c: any) => c.caseId)).toContain(caseId);
    expect(await stop(second.process)).toBe(0);
  });
});
