/**
 * Issue 11, data at rest: after `npm start` the data folder and everything in it are the running
 * user's only (folders 0700, files 0600): Temporal's SQLite, dynalite's files, the keys, the PID
 * file — and a file an earlier run left world-readable is tightened at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { faultSystem, type FaultSystem } from './system';

let system: FaultSystem | undefined;
afterAll(() => system?.cleanUp());

function entries(dir: string): { file: string; mode: number; directory: boolean }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    if (d.isSymbolicLink()) return [];
    // SQLite's journal comes and goes while Temporal writes; a file gone before its stat holds nothing at rest.
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return [];
    const mode = stat.mode & 0o777;
    return [{ file, mode, directory: d.isDirectory() }, ...(d.isDirectory() ? entries(file) : [])];
  });
}

describe('data at rest', () => {
  it('the data folder is 0700 and every file in it 0600-or-less, including one an earlier run left 0644', { timeout: 300_000 }, async () => {
    system = await faultSystem();
    fs.chmodSync(system.dataDir, 0o755);
    const leftover = path.join(system.dataDir, 'left-by-an-earlier-version.txt');
    fs.writeFileSync(leftover, 'x', { mode: 0o644 });
    fs.chmodSync(leftover, 0o644);
    const running = await system.start();
    try {
      expect(fs.statSync(system.dataDir).mode & 0o777).toBe(0o700);
      const found = entries(system.dataDir);
      // The stores are there, so the check covers what holds the personal data.
      expect(found.some((e) => e.file.endsWith('temporal.sqlite'))).toBe(true);
      expect(found.some((e) => e.file.includes(`${path.sep}dynamodb${path.sep}`))).toBe(true);
      for (const e of found) expect(e.mode & 0o077, `${e.file} is ${e.mode.toString(8)}`).toBe(0);
      for (const e of found.filter((x) => x.directory)) expect(e.mode, e.file).toBe(0o700);
    } finally {
      running.process.kill('SIGINT');
      await running.exited;
    }
  });
});
