/**
 * Every Temporal payload — workflow inputs, update arguments, activity inputs and results, query
 * answers, the failure details of privacy/failure-converter.cjs — is encrypted before it leaves
 * the process, so Temporal's history and Web UI hold no personal data in plaintext.
 *
 * AES-256-GCM, a fresh 96-bit nonce per payload, the key id in the payload's metadata (and bound
 * to the ciphertext as additional authenticated data). New payloads use the ring's newest key;
 * a payload names the key it needs, so old ones stay readable after rotation. Payloads without
 * the encryption marker (histories recorded before encryption) pass through unchanged.
 */
import crypto from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
// Default import: @temporalio/proto is CommonJS, and Node's ESM loader sees no named exports in it.
import proto from '@temporalio/proto';
import type { KeyRing } from './payload-keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const CIPHER = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

const ProtoPayload = proto.temporal.api.common.v1.Payload;
const text = (value: string) => new TextEncoder().encode(value);
const read = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

export class PayloadDecryptionError extends Error {}

export function isEncrypted(payload: Payload): boolean {
  return read(payload.metadata?.encoding) === ENCRYPTED_ENCODING;
}

/** Which key a payload was encrypted with (undefined: not encrypted). */
export function payloadKeyId(payload: Payload): string | undefined {
  return isEncrypted(payload) ? read(payload.metadata?.[KEY_ID_METADATA]) : undefined;
}

export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: KeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? payload : this.encrypt(payload)));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? this.decrypt(payload) : payload));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.keys.newest;
    const nonce = crypto.randomBytes(NONCE_BYTES);
    const cipher = crypto.createCipheriv(CIPHER, key, nonce);
    cipher.setAAD(Buffer.from(id));
    const plain = ProtoPayload.encode(ProtoPayload.create(payload)).finish();
    const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { encoding: text(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text(id) }, data: new Uint8Array(sealed) };
  }

  private decrypt(payload: Payload): Payload {
    const id = payloadKeyId(payload) ?? '';
    const key = this.keys.byId.get(id);
    if (!key) throw new PayloadDecryptionError(`payload encrypted with key "${id}", which is not configured (PAYLOAD_KEYS)`);
    const sealed = Buffer.from(payload.data ?? []);
    if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new PayloadDecryptionError('encrypted payload is too short');
    const decipher = crypto.createDecipheriv(CIPHER, key, sealed.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(`payload does not decrypt with key "${id}" (altered, or a different key under that id)`);
    }
    const decoded = ProtoPayload.decode(plain);
    return { metadata: decoded.metadata, data: decoded.data };
  }
}
