import { createHash, createHmac } from 'node:crypto';

/**
 * The case id (and workflow id) of a permit's settlement case: an HMAC-SHA256 of the permit id under
 * CASE_ID_SECRET. Derived, so the same permit twice is one case (R-ELIG-5); keyed, so the id a
 * municipality sees before it accepts does not give UDI's permit reference back (R-DIST-3) — permit
 * ids follow a known format, and an unkeyed hash of every id of a year is computed in about a second.
 */
export function caseIdForPermit(permitId: string, secret: string): string {
  return `case-${createHmac('sha256', secret).update(`bosetting/permit/${permitId}`).digest('hex').slice(0, 32)}`;
}

/**
 * The id cases got before the key (an unkeyed SHA-256). Such cases keep their id — it is their
 * workflow's id — and a permit that already has one is found under it, never started again.
 */
export function legacyCaseIdForPermit(permitId: string): string {
  return `case-${createHash('sha256').update(`bosetting/permit/${permitId}`).digest('hex').slice(0, 32)}`;
}
