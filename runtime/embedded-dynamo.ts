/** dynalite: a DynamoDB-compatible server in this process, persisted to a folder (LevelDB). */
import fs from 'node:fs';
import type { Server } from 'node:http';
import dynalite from 'dynalite';

export type EmbeddedDynamo = { endpoint: string; stop: () => Promise<void> };

/** `dir` omitted: in memory (tests). dynalite has no transactions: the store uses conditional single-item writes. */
export async function startEmbeddedDynamo(opts: { port: number; dir?: string }): Promise<EmbeddedDynamo> {
  if (opts.dir) fs.mkdirSync(opts.dir, { recursive: true });
  const server: Server = dynalite({ path: opts.dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${opts.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
