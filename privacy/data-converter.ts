/**
 * THE data converter of every Temporal client, worker and replay in Bosetting: encrypted payloads
 * and encoded failure messages. The workflow bundle needs `failureConverterPath` too
 * (worker/worker.ts `workflowBundleOptions`).
 */
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './payload-codec';
import type { KeyRing } from './payload-keys';

export const failureConverterPath = fileURLToPath(new URL('./failure-converter.cjs', import.meta.url));

export function createDataConverter(keys: KeyRing): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath };
}
