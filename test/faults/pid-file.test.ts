/**
 * Issue 11: the data folder's PID file (runtime/pid-file.ts). A start stops what a killed run of
 * the same folder left running, refuses while that run itself still lives, and never kills a
 * process whose pid was reused by another program.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimDataDir, commandLine, PID_FILE } from '../../runtime/pid-file';
import { isAlive, waitUntil } from './system';

const spawned: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of spawned.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bosetting-pidfile-'));
  dirs.push(dir);
  return dir;
}

async function sleeper(): Promise<number> {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  spawned.push(child);
  await waitUntil(() => commandLine(child.pid!) === 'sleep 600', 5_000);
  return child.pid!;
}

function write(dir: string, contents: unknown) {
  fs.writeFileSync(path.join(dir, PID_FILE), JSON.stringify(contents));
}

describe('the PID file of the data folder', () => {
  it('stops a child a dead run left behind, and records this run', { timeout: 20_000 }, async () => {
    const dir = folder();
    const orphan = await sleeper();
    write(dir, { main: { pid: 999_999_999, cmdline: 'node scripts/start.ts' }, children: { 'the Temporal dev server': { pid: orphan, cmdline: 'sleep 600' } } });
    const lines: string[] = [];
    const claimed = await claimDataDir(dir, (l) => lines.push(l), 2_000);
    expect(isAlive(orphan)).toBe(false);
    expect(lines.join('\n')).toContain(`the Temporal dev server (pid ${orphan})`);
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, PID_FILE), 'utf8'));
    expect(recorded.main.pid).toBe(process.pid);
    expect(fs.statSync(path.join(dir, PID_FILE)).mode & 0o777).toBe(0o600);
    claimed.release();
    expect(fs.existsSync(path.join(dir, PID_FILE))).toBe(false);
  });

  it('leaves a process alone whose pid now runs another command line', { timeout: 20_000 }, async () => {
    const dir = folder();
    const other = await sleeper();
    write(dir, { main: { pid: 999_999_999, cmdline: 'node scripts/start.ts' }, children: { 'the Temporal dev server': { pid: other, cmdline: 'temporal server start-dev --db-filename x' } } });
    await claimDataDir(dir, () => {}, 2_000);
    expect(isAlive(other)).toBe(true);
  });

  it('refuses while the run that owns the folder is still alive', { timeout: 20_000 }, async () => {
    const dir = folder();
    const owner = await sleeper();
    write(dir, { main: { pid: owner, cmdline: 'sleep 600' }, children: {} });
    await expect(claimDataDir(dir, () => {}, 2_000)).rejects.toThrow(/already runs on the data folder/);
    expect(isAlive(owner)).toBe(true);
  });
});
