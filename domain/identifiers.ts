/**
 * Identifiers of people and municipalities.
 *  - DUF number (DUF-nummer): UDI's 12-digit case number for a foreign national.
 *  - National identity number (fødselsnummer or D-nummer): 11 digits, DDMMYY + individual number
 *    (3 digits) + two mod-11 check digits.
 *  - Municipality number (kommunenummer): 4 digits.
 * Their zod schemas, for the API edge, are in identifiers.schema.ts.
 */
import { daysInMonth, type IsoDate } from './dates';

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function weightedSum(digits: number[], weights: number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * digits[i]!, 0);
}

/** Check digit 1 is valid when (weighted sum incl. k1) mod 11 is 0 — or, for numbers issued from
 *  1 January 2032 (Skatteetaten's new series), 1, 2 or 3. Systems must accept both already, so we
 *  do. A single wrong digit is still always caught: check digit 2 has only one valid value. */
function checkDigitsAreValid(digits: number[]): boolean {
  const remainder1 = (weightedSum(digits, K1_WEIGHTS) + digits[9]!) % 11;
  if (remainder1 > 3) return false;
  const k2 = (11 - (weightedSum(digits, K2_WEIGHTS) % 11)) % 11;
  return k2 !== 10 && k2 === digits[10];
}

/** The century the classic individual-number table gives for a two-digit year, if any. */
function centuryOf(individualNumber: number, twoDigitYear: number): number | undefined {
  if (individualNumber <= 499) return 1900;
  if (individualNumber <= 749 && twoDigitYear >= 54) return 1800;
  if (twoDigitYear <= 39) return 2000;
  if (individualNumber >= 900) return 1900;
  return undefined;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A D-number (D-nummer, for people not (yet) registered as resident) adds 4 to the first digit. */
export function isDNumber(value: string): boolean {
  return /^\d{11}$/.test(value) && Number(value[0]) >= 4;
}

function embeddedDate(value: string) {
  return {
    day: Number(value.slice(0, 2)) - (isDNumber(value) ? 40 : 0),
    month: Number(value.slice(2, 4)),
    twoDigitYear: Number(value.slice(4, 6)),
    century: centuryOf(Number(value.slice(6, 9)), Number(value.slice(4, 6))),
  };
}

/**
 * The birth date embedded in a fødselsnummer or D-number, when the classic individual-number
 * table gives its century; undefined otherwise (numbers issued from 2032 need not follow the
 * table — the population register's birth date is then the source).
 */
export function birthDateOfNationalIdentityNumber(value: string): IsoDate | undefined {
  if (!/^\d{11}$/.test(value)) return undefined;
  const { day, month, twoDigitYear, century } = embeddedDate(value);
  if (century === undefined || !isRealDate(century + twoDigitYear, month, day)) return undefined;
  return `${century + twoDigitYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A fødselsnummer or D-number: 11 digits, valid check digits and a real embedded birth date (for
 * a D-number, day − 40). When the individual number gives no century the date must exist in
 * 1900+YY or 2000+YY. Not accepted: H-numbers (month + 40, internal to health services) and
 * synthetic test numbers (Tenor: month + 80) — they never identify a resident.
 */
export function isValidNationalIdentityNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value) || !checkDigitsAreValid([...value].map(Number))) return false;
  const { day, month, twoDigitYear, century } = embeddedDate(value);
  const candidateYears = century === undefined ? [1900 + twoDigitYear, 2000 + twoDigitYear] : [century + twoDigitYear];
  return candidateYears.some((year) => isRealDate(year, month, day));
}
