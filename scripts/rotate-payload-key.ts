/**
 * `npm run rotate-payload-key`: a new newest payload key.
 * - Embedded default: appends a new key to BOSETTING_DATA_DIR/payload-keys; restart `npm start`.
 * - PAYLOAD_KEYS configured: prints the new list (the old keys, then the new one) to set instead.
 * Old keys stay in the list: every payload they encrypted must stay readable.
 */
import { formatKey, generateKey, loadKeyRing, nextKeyId, rotateEmbeddedKey } from '../privacy/payload-keys';
import { ConfigError, loadConfig } from '../temporal.config';

try {
  const { payloadKeys } = loadConfig().privacy;
  if (payloadKeys.keys) {
    const ring = loadKeyRing(payloadKeys, { create: false });
    const key = generateKey(nextKeyId(ring));
    console.error(`PAYLOAD_KEYS is configured. Roll out in two steps on more than one process: first put "${key.id}" FIRST in every process's list (readable everywhere), then LAST (the newest). The new list:`);
    console.log([...ring.byId.entries()].map(([id, k]) => formatKey({ id, key: k })).concat(formatKey(key)).join(','));
  } else {
    const id = rotateEmbeddedKey(payloadKeys.keysFile);
    console.log(`Key "${id}" added to ${payloadKeys.keysFile}; new payloads use it after the next start. Older keys stay, so every case stays readable.`);
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `rotate-payload-key: ${(error as Error).message}`);
  process.exit(1);
}
