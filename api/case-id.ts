import { createHash } from 'node:crypto';

/**
 * The case id (and workflow id) of a permit's settlement case. Derived from the permit id, so the
 * same permit twice is one case (R-ELIG-5); hashed, so the id shown to a municipality before it
 * accepts does not carry UDI's permit reference (R-DIST-3).
 */
export function caseIdForPermit(permitId: string): string {
  return `case-${createHash('sha256').update(`bosetting/permit/${permitId}`).digest('hex').slice(0, 32)}`;
}
