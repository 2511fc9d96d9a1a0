/**
 * The keys that encrypt Temporal payloads (privacy/payload-codec.ts). Written as one list,
 * `id:base64key,id:base64key`, oldest first: new payloads are encrypted with the LAST (newest) key,
 * and every listed key still decrypts what it once encrypted — that is rotation.
 *
 * From configuration (PAYLOAD_KEYS) in production; the embedded default generates one key on first
 * start and keeps the list in BOSETTING_DATA_DIR/payload-keys (one `id:base64key` per line).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { persistedSecret } from './secrets';

export type PayloadKey = { id: string; key: Buffer };
export type KeyRing = { newest: PayloadKey; byId: ReadonlyMap<string, Buffer> };

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export class PayloadKeyError extends Error {}

/** Parses `id:base64key` entries separated by commas or new lines. Never echoes a key in an error. */
export function parseKeyRing(spec: string): KeyRing {
  const entries = spec
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new PayloadKeyError('no key given: expected id:base64key[,id:base64key…]');
  const byId = new Map<string, Buffer>();
  let newest: PayloadKey | undefined;
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id)) throw new PayloadKeyError(`entry ${index + 1} has no valid key id (letters, digits, . _ -, before a colon)`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new PayloadKeyError(`key "${id}" is not 32 bytes of base64 (AES-256)`);
    if (byId.has(id)) throw new PayloadKeyError(`key id "${id}" is listed twice`);
    byId.set(id, key);
    newest = { id, key };
  }
  return { newest: newest!, byId };
}

export function formatKey(key: PayloadKey): string {
  return `${key.id}:${key.key.toString('base64')}`;
}

export function generateKey(id: string): PayloadKey {
  return { id, key: crypto.randomBytes(32) };
}

/** The next id after the ring's: k1, k2, … */
export function nextKeyId(ring: KeyRing): string {
  const numbers = [...ring.byId.keys()].map((id) => Number(/^k(\d+)$/.exec(id)?.[1] ?? 0));
  return `k${Math.max(0, ...numbers) + 1}`;
}

export type PayloadKeySettings = { keys?: string; keysFile: string };

/** The configured ring, or the embedded one (created on first use when `create`). */
export function loadKeyRing(settings: PayloadKeySettings, opts: { create: boolean }): KeyRing {
  if (settings.keys) return parseKeyRing(settings.keys);
  if (!opts.create && !fs.existsSync(settings.keysFile)) throw new PayloadKeyError('PAYLOAD_KEYS must be set where no data folder is kept');
  return parseKeyRing(persistedSecret(settings.keysFile, () => formatKey(generateKey('k1')), opts));
}

/** Embedded rotation: appends a new newest key to the data folder's list and returns its id. */
export function rotateEmbeddedKey(keysFile: string): string {
  const ring = loadKeyRing({ keysFile }, { create: true });
  const key = generateKey(nextKeyId(ring));
  fs.appendFileSync(keysFile, `${formatKey(key)}\n`);
  return key.id;
}
