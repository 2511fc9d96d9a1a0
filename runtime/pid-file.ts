/**
 * The data folder's PID file: which processes the run that uses this folder started. The next start
 * reads it, so a run killed with `kill -9` leaves nothing behind that blocks a new one (issue 11):
 * a child whose owner is gone is stopped, a live owner means Bosetting already runs on this folder.
 * A pid is trusted only when its command line is still the one recorded (pids are reused).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

type Entry = { pid: number; cmdline: string };
type Contents = { main: Entry; children: Record<string, Entry> };

export const PID_FILE = 'bosetting.pid';

export type PidFile = {
  /** Records a child this run started (e.g. the Temporal dev server) for the next start to check. */
  addChild: (name: string, pid: number) => void;
  /** At a clean stop: nothing to clean up for the next start. */
  release: () => void;
};

/** The command line of a live process, or undefined (gone, or a zombie nobody reaped). */
export function commandLine(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) Z /.test(stat)) return undefined;
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && fs.existsSync('/proc/self')) return undefined;
  }
  // No /proc (macOS): ps.
  const ps = spawnSync('ps', ['-o', 'stat=,args=', '-p', String(pid)], { encoding: 'utf8' });
  const line = ps.status === 0 ? ps.stdout.trim() : '';
  if (!line || line.startsWith('Z')) return undefined;
  return line.replace(/^\S+\s+/, '');
}

function isSame(entry: Entry | undefined): entry is Entry {
  return !!entry && Number.isInteger(entry.pid) && entry.pid > 0 && commandLine(entry.pid) === entry.cmdline;
}

/** Stops a left-over process: SIGTERM (the dev server flushes its SQLite file), SIGKILL after `graceMs`. */
async function stopLeftOver(entry: Entry, graceMs: number): Promise<void> {
  try {
    process.kill(entry.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isSame(entry)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(entry.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  while (isSame(entry)) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Takes the data folder for this process: refuses when another live run holds it, stops what a
 * dead run left, and records this process. Call before any embedded part starts.
 */
export async function claimDataDir(dataDir: string, log: (line: string) => void, graceMs = 10_000): Promise<PidFile> {
  const file = path.join(dataDir, PID_FILE);
  let previous: Contents | undefined;
  try {
    previous = JSON.parse(fs.readFileSync(file, 'utf8')) as Contents;
  } catch {
    previous = undefined; // none, or unreadable: nothing we can trust to kill
  }
  if (previous && previous.main?.pid !== process.pid && isSame(previous.main)) {
    throw new Error(`Bosetting already runs on the data folder ${dataDir} (pid ${previous.main.pid}); stop it first`);
  }
  for (const [name, entry] of Object.entries(previous?.children ?? {})) {
    if (!isSame(entry)) continue;
    log(`Stopping ${name} (pid ${entry.pid}) left running by an earlier run of this data folder`);
    await stopLeftOver(entry, graceMs);
  }

  const contents: Contents = { main: { pid: process.pid, cmdline: commandLine(process.pid) ?? '' }, children: {} };
  // Whole or not at all (a kill mid-write must not leave half a file), and readable by us only.
  const write = () => {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(contents)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, file);
  };
  write();
  return {
    addChild: (name, pid) => {
      contents.children[name] = { pid, cmdline: commandLine(pid) ?? '' };
      write();
    },
    release: () => fs.rmSync(file, { force: true }),
  };
}
