/** The zod schemas of DUF, national identity and municipality numbers (the checks are in identifiers.ts). */
import { z } from 'zod';
import { isValidNationalIdentityNumber } from './identifiers';

function digitsString(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what} as text`) });
}

export const dufNumberSchema = digitsString('a DUF number').regex(
  /^\d{12}$/,
  'must be a DUF number of exactly 12 digits, without spaces',
);

export const nationalIdentityNumberSchema = digitsString('a national identity number')
  .regex(/^\d{11}$/, 'must be a national identity number (fødselsnummer or D-number) of exactly 11 digits')
  .refine(
    isValidNationalIdentityNumber,
    'is not a valid national identity number: the check digits or the embedded birth date are wrong',
  );

export const municipalityNumberSchema = digitsString('a municipality number').regex(
  /^\d{4}$/,
  'must be a municipality number of exactly 4 digits, e.g. 0301',
);
