/**
 * The web UI's build, for `npm start`: built with Vite into web/dist when that build is missing or
 * older than its sources. "Older" is decided by a hash of every input (sources, Vite config and
 * the lockfile), kept in web/dist/build-hash, so a git checkout or a new dependency rebuilds it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const webRoot = path.dirname(fileURLToPath(import.meta.url));
export const webDist = path.join(webRoot, 'dist');
const HASH_FILE = path.join(webDist, 'build-hash');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

/** The hash of everything the build reads (the generated API types are type-only: not an input). */
export function sourceHash(): string {
  const inputs = [
    ...filesUnder(path.join(webRoot, 'src')).filter((file) => !file.endsWith('schema.d.ts')),
    path.join(webRoot, 'index.html'),
    path.join(webRoot, 'vite.config.ts'),
    path.join(webRoot, '..', 'package-lock.json'),
  ];
  const hash = crypto.createHash('sha256');
  for (const file of inputs) hash.update(path.relative(webRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export function buildState(): 'fresh' | 'missing' | 'stale' {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return 'missing';
  const built = fs.existsSync(HASH_FILE) ? fs.readFileSync(HASH_FILE, 'utf8').trim() : '';
  return built === sourceHash() ? 'fresh' : 'stale';
}

/**
 * Builds the UI unless web/dist is up to date; returns the folder to serve. The build goes to a
 * folder of its own and then replaces web/dist, so a second `npm start` (or `npm test`) building
 * at the same time never serves a half-written folder.
 */
export async function ensureWebBuild(log: (line: string) => void): Promise<string> {
  const state = buildState();
  if (state === 'fresh') {
    log('Web UI: web/dist is up to date');
    return webDist;
  }
  log(`Web UI: ${state === 'missing' ? 'no build yet' : 'sources changed'}; building web/dist with Vite…`);
  const started = Date.now();
  const hash = sourceHash();
  const outDir = path.join(webRoot, `.dist-${process.pid}-${Date.now()}`);
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'info', build: { outDir } });
    fs.writeFileSync(path.join(outDir, 'build-hash'), `${hash}\n`);
    const old = `${outDir}-old`;
    if (fs.existsSync(webDist)) fs.renameSync(webDist, old);
    fs.renameSync(outDir, webDist);
    fs.rmSync(old, { recursive: true, force: true });
  } catch (error) {
    fs.rmSync(outDir, { recursive: true, force: true });
    // Another process put the same build in place first: use it.
    if (buildState() !== 'fresh') throw error;
  }
  log(`Web UI built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return webDist;
}
