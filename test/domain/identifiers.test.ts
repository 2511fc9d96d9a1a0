import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateOfNationalIdentityNumber,
  daysInMonth,
  dufNumberSchema,
  isDNumber,
  isValidNationalIdentityNumber,
  municipalityNumberSchema,
  nationalIdentityNumberSchema,
} from '../../domain';

/** Published numbers known to be valid. */
const published = {
  // UDI's settlement guide (seed 003, Vedlegg 11), the Mot-portalen screenshot: a fødselsnummer and a D-number.
  udiGuideFnr: '25097599850',
  udiGuideDNumber: '57051275146',
  // NAV's fnrvalidator test suite (github.com/navikt/fnrvalidator).
  nav: '13097248022',
  navLeapYear1996: '29029648784',
  navLeapYear2000: '29020075838',
  navCheckDigit11: '15021951940',
  navDNumber: '53097248016',
  nav2032CheckDigit: '30108299939', // k1 with remainder 1, valid from the 2032 series
};

/** The classic check digits, computed from the algorithm (used only next to the published numbers above). */
function withCheckDigits(nine: string): string | undefined {
  const d = [...nine].map(Number);
  const k1 = (11 - ([3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((s, w, i) => s + w * d[i]!, 0) % 11)) % 11;
  if (k1 === 10) return undefined;
  const k2 = (11 - ([5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * [...d, k1][i]!, 0) % 11)) % 11;
  if (k2 === 10) return undefined;
  return `${nine}${k1}${k2}`;
}

describe('national identity number (fødselsnummer / D-number)', () => {
  it('accepts published valid numbers, including D-numbers and leap days', () => {
    for (const [name, value] of Object.entries(published)) {
      expect(isValidNationalIdentityNumber(value), name).toBe(true);
      expect(nationalIdentityNumberSchema.safeParse(value).success, name).toBe(true);
    }
  });

  it('agrees with the algorithm used to compute test numbers', () => {
    expect(withCheckDigits(published.nav.slice(0, 9))).toBe(published.nav);
    expect(withCheckDigits(published.udiGuideFnr.slice(0, 9))).toBe(published.udiGuideFnr);
    expect(withCheckDigits(published.navDNumber.slice(0, 9))).toBe(published.navDNumber);
  });

  it('accepts check digit 1 of the 2032 series (remainder 0–3) and no other', () => {
    // k1 chosen so that (weighted sum + k1) mod 11 = remainder; k2 computed as usual.
    const withRemainder = (nine: string, remainder: number): string | undefined => {
      const d = [...nine].map(Number);
      const k1 = (((remainder - [3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((s, w, i) => s + w * d[i]!, 0)) % 11) + 11) % 11;
      const k2 = (11 - ([5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * [...d, k1][i]!, 0) % 11)) % 11;
      return k1 === 10 || k2 === 10 ? undefined : `${nine}${k1}${k2}`;
    };
    expect(withRemainder('301082999', 0)).toBe('30108299920'); // NAV's examples
    expect(withRemainder('301082999', 1)).toBe(published.nav2032CheckDigit);
    let checked = 0;
    for (const nine of ['301082999', '130972480', '250975998', '020132999']) {
      for (let remainder = 0; remainder <= 10; remainder++) {
        const value = withRemainder(nine, remainder);
        if (value === undefined) continue;
        expect(isValidNationalIdentityNumber(value), `${value} (remainder ${remainder})`).toBe(remainder <= 3);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('refuses a wrong first or second check digit', () => {
    expect(isValidNationalIdentityNumber('13097248032')).toBe(false);
    expect(isValidNationalIdentityNumber('13097248023')).toBe(false);
  });

  it('refuses an embedded birth date that does not exist', () => {
    expect(isValidNationalIdentityNumber('32127248022')).toBe(false); // day 32
    expect(isValidNationalIdentityNumber('13137248022')).toBe(false); // month 13
    expect(isValidNationalIdentityNumber('29020112345')).toBe(false); // 29.02.2001
    // All zeros has valid check digits, but day 00 is no date.
    expect(isValidNationalIdentityNumber('00000000000')).toBe(false);
  });

  it('reads the century from the individual number: 29.02.00 exists in 2000 but not in 1900', () => {
    const in2000 = withCheckDigits('290200567')!; // individual 567, year 00 → 2000
    const in1900 = withCheckDigits('290200123')!; // individual 123 → 1900, not a leap year
    expect(isValidNationalIdentityNumber(in2000)).toBe(true);
    expect(birthDateOfNationalIdentityNumber(in2000)).toBe('2000-02-29');
    expect(isValidNationalIdentityNumber(in1900)).toBe(false);
  });

  it('refuses H-numbers and synthetic test numbers, which never identify a resident', () => {
    expect(isValidNationalIdentityNumber('13527248013')).toBe(false); // H-number: month + 40
    expect(isValidNationalIdentityNumber('10915596784')).toBe(false); // Tenor synthetic: month + 80
  });

  it('refuses anything but exactly 11 digits, with a clear message', () => {
    for (const value of ['1234567890', '123456789101', '1234567891A', '130972 48022']) {
      expect(isValidNationalIdentityNumber(value), value).toBe(false);
      expect(nationalIdentityNumberSchema.safeParse(value).error?.issues[0]?.message, value).toMatch(/exactly 11 digits/);
    }
    expect(nationalIdentityNumberSchema.safeParse('13097248032').error?.issues[0]?.message).toMatch(/check digits or the embedded birth date/);
  });

  it('reads the birth date, also from a D-number (day − 40)', () => {
    expect(birthDateOfNationalIdentityNumber(published.nav)).toBe('1972-09-13');
    expect(birthDateOfNationalIdentityNumber(published.navDNumber)).toBe('1972-09-13');
    expect(birthDateOfNationalIdentityNumber(published.udiGuideDNumber)).toBe('2012-05-17');
    expect(birthDateOfNationalIdentityNumber(published.navLeapYear2000)).toBe('2000-02-29');
    expect(isDNumber(published.udiGuideDNumber)).toBe(true);
    expect(isDNumber(published.udiGuideFnr)).toBe(false);
  });

  /** A valid number generated from the algorithm: a real birth date and an individual number of its century. */
  const generatedNumber = fc
    .record({
      year: fc.integer({ min: 1900, max: 2039 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      serial: fc.integer({ min: 0, max: 499 }),
      dNumber: fc.boolean(),
    })
    .map(({ year, month, day, serial, dNumber }) => {
      const realDay = Math.min(day, daysInMonth(year, month)) + (dNumber ? 40 : 0);
      const individual = year >= 2000 ? 500 + serial : serial; // 000–499: 1900s, 500–999: 2000–2039
      const nine = `${String(realDay).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(individual).padStart(3, '0')}`;
      return withCheckDigits(nine);
    })
    .filter((value): value is string => value !== undefined);

  it('accepts every generated valid number, and refuses it after any single-digit change (property)', () => {
    fc.assert(
      fc.property(generatedNumber, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (value, position, delta) => {
        expect(isValidNationalIdentityNumber(value)).toBe(true);
        const changed = value.slice(0, position) + ((Number(value[position]) + delta) % 10) + value.slice(position + 1);
        expect(isValidNationalIdentityNumber(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('DUF number', () => {
  it('is exactly 12 digits', () => {
    expect(dufNumberSchema.parse('202090050110')).toBe('202090050110');
    for (const value of ['20209005011', '2020900501101', '2020-9005011', '20209005011A', ' 202090050110']) {
      expect(dufNumberSchema.safeParse(value).error?.issues[0]?.message, value).toMatch(/exactly 12 digits/);
    }
    expect(dufNumberSchema.safeParse(202090050110).error?.issues[0]?.message).toMatch(/as text/);
  });
});

describe('municipality number', () => {
  it('is exactly 4 digits, leading zero kept', () => {
    expect(municipalityNumberSchema.parse('0301')).toBe('0301');
    expect(municipalityNumberSchema.safeParse('301').error?.issues[0]?.message).toMatch(/exactly 4 digits/);
    expect(municipalityNumberSchema.safeParse('03011').success).toBe(false);
  });
});
