/**
 * Issue 11, data at rest: the data folder holds personal data (Temporal's SQLite with the encrypted
 * payloads, dynalite's files with the case index, the keys). Only the user running the system may
 * read it: the folder and every folder in it 0700, every file 0600 — also what an earlier version
 * left readable, and everything created from now on by this process and its children (umask).
 */
import fs from 'node:fs';
import path from 'node:path';

export function restrictDataDir(dir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir);
}

function tighten(entry: string): void {
  const stat = fs.lstatSync(entry);
  if (stat.isSymbolicLink()) return; // what a link points to is not ours to change
  if (stat.isDirectory()) {
    fs.chmodSync(entry, 0o700);
    for (const name of fs.readdirSync(entry)) tighten(path.join(entry, name));
  } else if ((stat.mode & 0o077) !== 0) {
    fs.chmodSync(entry, stat.mode & 0o700);
  }
}
