/**
 * The embedded data directory records the data format of the cases it holds (DATA_FORMAT, the
 * shape of the settlement case's state, domain/case/state.ts); an older directory is set aside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATA_FORMAT } from '../domain/case/state';

export { DATA_FORMAT };

const MARKER = 'data-format';

/**
 * The embedded data directory holds cases of one data format. A directory of an older format (or
 * one from before the marker existed) is moved aside — renamed, never deleted — so `npm start`
 * starts clean instead of replaying old cases into new code; the log says where it went.
 */
export function ensureDataFormat(dataDir: string, log: (line: string) => void): void {
  const marker = path.join(dataDir, MARKER);
  const holdsData = fs.existsSync(dataDir) && fs.readdirSync(dataDir).some((name) => name !== MARKER);
  const format = fs.existsSync(marker) ? Number(fs.readFileSync(marker, 'utf8').trim()) : holdsData ? 1 : DATA_FORMAT;
  if (format !== DATA_FORMAT) {
    const aside = `${dataDir}.format-${format}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dataDir, aside);
    log(`The data in ${dataDir} is of data format ${format}; this version reads format ${DATA_FORMAT}. Moved it to ${aside} and started empty.`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(marker, `${DATA_FORMAT}\n`);
}
