/** The payload codec (privacy/payload-codec.ts): AES-256-GCM, key id in the metadata, rotation. */
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { EncryptionCodec, KEY_ID_METADATA, PayloadDecryptionError } from '../../privacy/payload-codec';
import { formatKey, generateKey, nextKeyId, parseKeyRing, PayloadKeyError } from '../../privacy/payload-keys';

const person = { givenName: 'Amal', familyName: 'Haddad', dufNumber: '202612345671', dateOfBirth: '1990-03-14' };
const k1 = formatKey(generateKey('k1'));
const k2 = formatKey(generateKey('k2'));
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('latin1');

describe('payload codec', () => {
  it('encrypts: no byte of the person is readable, the key id is in the metadata, and it decrypts back', async () => {
    const codec = new EncryptionCodec(parseKeyRing(k1));
    const plain = defaultPayloadConverter.toPayload(person);
    const [sealed] = await codec.encode([plain]);
    for (const value of Object.values(person)) expect(text(sealed!.data)).not.toContain(value);
    expect(text(sealed!.metadata!.encoding)).toBe('binary/encrypted');
    expect(text(sealed!.metadata![KEY_ID_METADATA])).toBe('k1');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(person);
  });

  it('a fresh nonce per payload: the same value encrypts differently each time', async () => {
    const codec = new EncryptionCodec(parseKeyRing(k1));
    const [a, b] = await codec.encode([defaultPayloadConverter.toPayload(person), defaultPayloadConverter.toPayload(person)]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('rotation: after k2 becomes the newest, new payloads use k2 and k1 payloads still decrypt', async () => {
    const before = new EncryptionCodec(parseKeyRing(k1));
    const after = new EncryptionCodec(parseKeyRing(`${k1},${k2}`));
    const [old] = await before.encode([defaultPayloadConverter.toPayload(person)]);
    const [fresh] = await after.encode([defaultPayloadConverter.toPayload(person)]);
    expect(text(fresh!.metadata![KEY_ID_METADATA])).toBe('k2');
    const decoded = await after.decode([old!, fresh!]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([person, person]);
    // Without k1 the old payload is unreadable, and the error names the key, never its value.
    await expect(new EncryptionCodec(parseKeyRing(k2)).decode([old!])).rejects.toThrowError(/key "k1", which is not configured/);
  });

  it('a changed byte is detected (GCM tag), and so is a payload relabelled with another key id', async () => {
    const ring = parseKeyRing(`${k1},${k2}`);
    const codec = new EncryptionCodec(ring);
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(person)]);
    const flipped = Uint8Array.from(sealed!.data!);
    flipped[20] = flipped[20]! ^ 1;
    await expect(codec.decode([{ ...sealed!, data: flipped }])).rejects.toThrowError(PayloadDecryptionError);
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, [KEY_ID_METADATA]: new TextEncoder().encode('k1') } };
    await expect(codec.decode([relabelled])).rejects.toThrowError(PayloadDecryptionError);
  });

  it('plaintext payloads (histories recorded before encryption) pass through unchanged', async () => {
    const codec = new EncryptionCodec(parseKeyRing(k1));
    const plain = defaultPayloadConverter.toPayload(person);
    expect(await codec.decode([plain])).toEqual([plain]);
  });
});

describe('payload keys', () => {
  it('the last key listed is the newest; ids and lengths are checked without echoing a key', () => {
    expect(parseKeyRing(`${k1},${k2}`).newest.id).toBe('k2');
    expect(nextKeyId(parseKeyRing(`${k1},${k2}`))).toBe('k3');
    const short = `k1:${Buffer.alloc(16).toString('base64')}`;
    expect(() => parseKeyRing(short)).toThrowError(PayloadKeyError);
    expect(() => parseKeyRing(`${k1},${k1}`)).toThrowError(/listed twice/);
    const secret = k1.split(':')[1]!;
    const error = (() => {
      try {
        parseKeyRing(`bad id:${secret}`);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(PayloadKeyError);
    expect(error!.message).not.toContain(secret);
  });
});

describe('failure messages', () => {
  it('a refused step’s reason (it names the person) is stored encrypted, and reads back whole', async () => {
    const { ApplicationFailure } = await import('@temporalio/common');
    const { loadDataConverter, encodeErrorToFailure, decodeOptionalFailureToOptionalError } = await import('@temporalio/common/lib/internal-non-workflow');
    const { createDataConverter } = await import('../../privacy/data-converter');
    const converter = loadDataConverter(createDataConverter(parseKeyRing(k1)));
    const reason = 'R-INT-3: Omar Haddad (202612345682) did not take part in the interview';
    const failure = await encodeErrorToFailure(converter, ApplicationFailure.nonRetryable(reason));
    const stored = JSON.stringify(failure) + text(failure.encodedAttributes?.data);
    expect(failure.message).toBe('Encoded failure');
    expect(stored).not.toContain('Omar');
    expect(stored).not.toContain('202612345682');
    expect((await decodeOptionalFailureToOptionalError(converter, failure))?.message).toBe(reason);
  });
});
