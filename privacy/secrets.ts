/**
 * Secrets the embedded default generates on first start and keeps in the data folder (mode 600),
 * as it does the token signing secret: so cases, payloads and ids stay readable after a restart.
 * Two processes starting at once keep the first one's file ('wx').
 */
import fs from 'node:fs';
import path from 'node:path';

/** The file's content, created with `generate()` when missing (and `create` is allowed). */
export function persistedSecret(file: string, generate: () => string, opts: { create: boolean }): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !opts.create) throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const value = generate();
  try {
    fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  }
}
