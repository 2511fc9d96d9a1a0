/**
 * Case ids (api/case-id.ts): the same permit is always the same case (R-ELIG-5), and the id a
 * municipality sees before it accepts gives the permit back to no one without the key (R-DIST-3).
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseIdForPermit, legacyCaseIdForPermit } from '../../api/case-id';

const secret = 'a-case-id-secret-of-at-least-32-characters';
/** Permit ids in UDI's format, as an attacker who knows the format would try them (a year holds ~10× as many). */
const yearOfPermitIds = Array.from({ length: 20_000 }, (_, n) => `UDI-2026-${String(n).padStart(6, '0')}`);
const unkeyed = (permitId: string) => `case-${createHash('sha256').update(`bosetting/permit/${permitId}`).digest('hex').slice(0, 32)}`;

describe('case ids', () => {
  it('R-ELIG-5: the same permit gives the same case id; another permit or another key another one', () => {
    expect(caseIdForPermit('UDI-2026-000123', secret)).toBe(caseIdForPermit('UDI-2026-000123', secret));
    expect(caseIdForPermit('UDI-2026-000124', secret)).not.toBe(caseIdForPermit('UDI-2026-000123', secret));
    expect(caseIdForPermit('UDI-2026-000123', `${secret}!`)).not.toBe(caseIdForPermit('UDI-2026-000123', secret));
    expect(caseIdForPermit('UDI-2026-000123', secret)).toMatch(/^case-[0-9a-f]{32}$/);
  });

  it('R-DIST-3: the permit cannot be recovered from the case id without the key (the unkeyed legacy id can)', () => {
    const permitId = 'UDI-2026-012345';
    // The attack is real against the legacy id: hashing a year of permit ids finds it.
    const legacy = legacyCaseIdForPermit(permitId);
    expect(legacy).toBe(unkeyed(permitId));
    expect(yearOfPermitIds.find((candidate) => unkeyed(candidate) === legacy)).toBe(permitId);

    // Against the keyed id the same search finds nothing, unkeyed or under a guessed key.
    const caseId = caseIdForPermit(permitId, secret);
    const guessedKeys = ['', 'bosetting', 'x'.repeat(32)];
    const hmac = (key: string, candidate: string) => `case-${createHmac('sha256', key).update(`bosetting/permit/${candidate}`).digest('hex').slice(0, 32)}`;
    expect(yearOfPermitIds.some((candidate) => unkeyed(candidate) === caseId)).toBe(false);
    for (const key of guessedKeys) expect(yearOfPermitIds.some((candidate) => hmac(key, candidate) === caseId), key).toBe(false);
    // Only the key gives it back.
    expect(yearOfPermitIds.find((candidate) => hmac(secret, candidate) === caseId)).toBe(permitId);
  }, 60_000);
});
