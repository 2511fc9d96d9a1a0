import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  daysInMonth,
  diffDays,
  instantToDate,
  isoDateSchema,
  isoDayOfWeek,
  isoInstantSchema,
  isoWeekOf,
  isoWeekSchema,
  isoWeeksInYear,
  isoWeekString,
  isoWeekYear,
  formatNorwegianDate,
  mondayOfIsoWeek,
  parseIsoWeek,
} from '../../domain';

/** Any real date 1900–2100, built from parts so the generator never produces an invalid one. */
const anyDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, daysInMonth(year, month))).padStart(2, '0')}`);

describe('addDays', () => {
  it('crosses month ends, leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-06-02', 14)).toBe('2025-06-16');
    expect(addDays('2025-06-02', 0)).toBe('2025-06-02');
  });

  it('refuses fractions of days and dates that do not exist', () => {
    expect(() => addDays('2025-06-02', 1.5)).toThrow(/whole number/);
    expect(() => addDays('2023-02-29', 1)).toThrow(/not a real calendar date/);
    expect(() => addDays('2025-6-2', 1)).toThrow(/YYYY-MM-DD/);
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-10-31', 1)).toBe('2024-11-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('crosses year boundaries both ways', () => {
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(addMonths('2025-01-15', -2)).toBe('2024-11-15');
    expect(addMonths('2025-06-02', -12 * 120)).toBe('1905-06-02');
  });

  it('never lands in a wrong month, and keeps the day unless the month is shorter (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const result = addMonths(date, months);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const index = y * 12 + (m - 1) + months;
        const [ry, rm, rd] = result.split('-').map(Number) as [number, number, number];
        expect([ry, rm]).toEqual([Math.floor(index / 12), (index % 12) + 1]);
        expect(rd).toBe(Math.min(d, daysInMonth(ry, rm)));
        expect(isoDateSchema.safeParse(result).success).toBe(true);
      }),
    );
  });
});

describe('diffDays', () => {
  it('counts days from the first date to the second', () => {
    expect(diffDays('2024-01-01', '2024-01-15')).toBe(14);
    expect(diffDays('2024-01-15', '2024-01-01')).toBe(-14);
    expect(diffDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(diffDays('2023-02-28', '2023-03-01')).toBe(1);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('undoes addDays (property)', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => diffDays(date, addDays(date, n)) === n));
  });
});

describe('ageOn', () => {
  it('counts whole years, a year older on the birthday', () => {
    expect(ageOn('2007-06-15', '2025-06-14')).toBe(17);
    expect(ageOn('2007-06-15', '2025-06-15')).toBe(18);
    expect(ageOn('2025-06-02', '2025-06-02')).toBe(0);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });
});

describe('ISO weeks', () => {
  it('puts the days around new year in the week of their Thursday', () => {
    expect(isoWeekOf('2020-12-31')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2021-01-04')).toEqual({ year: 2021, week: 1 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2019-12-30')).toEqual({ year: 2020, week: 1 });
    expect(isoWeekOf('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 });
  });

  it('has a string form YYYY-Www', () => {
    expect(isoWeekString('2026-01-28')).toBe('2026-W05');
    expect(isoWeekString('2021-01-03')).toBe('2020-W53');
  });

  it('knows which years have a week 53', () => {
    expect([2015, 2020, 2021, 2024, 2026].map(isoWeeksInYear)).toEqual([53, 53, 52, 52, 53]);
  });

  it('finds the Monday of a week, also week 53 and a week 1 starting in December', () => {
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayOfIsoWeek('2021-W01')).toBe('2021-01-04');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2026-W05')).toBe('2026-01-26');
  });

  it('refuses weeks that do not exist', () => {
    expect(() => mondayOfIsoWeek('2021-W53')).toThrow(/not an existing ISO week/);
    expect(() => mondayOfIsoWeek('2021-W00')).toThrow(/not an existing ISO week/);
    expect(() => mondayOfIsoWeek('2021-W1')).toThrow(/not an existing ISO week/);
    expect(isoWeekSchema.safeParse('2021-W53').success).toBe(false);
    expect(isoWeekSchema.safeParse('2020-W53').success).toBe(true);
  });

  it('R-DIST-2: a week belongs to its week-numbering year at every year boundary', () => {
    // 2026-W01 starts on Monday 2025-12-29 but is a week of 2026: a place booked for it counts in 2026.
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(isoWeekYear('2026-W01')).toBe(2026);
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2025-12-28')).toEqual({ year: 2025, week: 52 });
    // 2020-W53 runs into January 2021 and stays a week of 2020.
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(isoWeekYear('2020-W53')).toBe(2020);
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    // 2026 has 53 weeks (it starts on a Thursday); its week 53 ends 2027-01-03.
    expect(isoWeekYear('2026-W53')).toBe(2026);
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 });
    // Week 52 running into January: 2027-W52 is 2027-12-27 – 2028-01-02, a week of 2027.
    expect(mondayOfIsoWeek('2027-W52')).toBe('2027-12-27');
    expect(isoWeekYear('2027-W52')).toBe(2027);
    expect(isoWeekOf('2028-01-02')).toEqual({ year: 2027, week: 52 });
    expect(isoWeekOf('2028-01-03')).toEqual({ year: 2028, week: 1 });
    // 2027 has 52 weeks: 2027-W53 does not exist.
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(parseIsoWeek('2027-W53')).toBeUndefined();
    expect(() => isoWeekYear('2027-W53')).toThrow(/not an existing ISO week/);
    expect(() => mondayOfIsoWeek('2027-W53')).toThrow(/not an existing ISO week/);
    expect(isoWeekSchema.safeParse('2027-W53').success).toBe(false);
    // Week 1 starting in December: 2025-W01 begins 2024-12-30.
    expect(isoWeekYear('2025-W01')).toBe(2025);
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  it('R-DIST-2: isoWeekYear, mondayOfIsoWeek and isoWeekOf agree on every week (property)', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const week = isoWeekString(date);
        const monday = mondayOfIsoWeek(week);
        expect(isoWeekString(monday)).toBe(week);
        expect(isoWeekYear(week)).toBe(isoWeekOf(date).year);
        expect(isoWeekYear(week)).toBe(isoWeekOf(monday).year);
        // The week's Thursday lies in the week-numbering year.
        expect(Number(addDays(monday, 3).slice(0, 4))).toBe(isoWeekYear(week));
      }),
    );
  });

  it('maps every date to the Monday at most six days before it (property)', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const monday = mondayOfIsoWeek(isoWeekString(date));
        expect(isoDayOfWeek(monday)).toBe(1);
        expect(diffDays(monday, date)).toBeGreaterThanOrEqual(0);
        expect(diffDays(monday, date)).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('formatNorwegianDate', () => {
  it('writes a date as a Norwegian reader does', () => {
    expect(formatNorwegianDate('2026-03-14')).toBe('14.03.2026');
    expect(formatNorwegianDate('2025-12-01')).toBe('01.12.2025');
    expect(() => formatNorwegianDate('2025-02-30')).toThrow(/not a real calendar date/);
  });
});

describe('isoDateSchema', () => {
  it('accepts real dates, leap days included', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2025-12-31', '1905-01-01']) expect(isoDateSchema.parse(date)).toBe(date);
  });

  it('refuses dates that do not exist, saying so', () => {
    for (const date of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00']) {
      const result = isoDateSchema.safeParse(date);
      expect(result.success, date).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/not a real calendar date|YYYY-MM-DD/);
    }
    expect(isoDateSchema.safeParse('2023-02-29').error?.issues[0]?.message).toMatch(/not a real calendar date/);
  });

  it('refuses other formats', () => {
    for (const value of ['2024-2-1', '24-02-01', '01.02.2024', '2024-02-29T00:00:00Z', '']) {
      expect(isoDateSchema.safeParse(value).error?.issues[0]?.message, value).toMatch(/YYYY-MM-DD/);
    }
    expect(isoDateSchema.safeParse(20240229).error?.issues[0]?.message).toMatch(/as text/);
    expect(isoDateSchema.safeParse(undefined).error?.issues[0]?.message).toBe('is required');
  });
});

describe('instantToDate', () => {
  it('gives the UTC calendar date of an instant', () => {
    expect(instantToDate('2024-05-01T08:30:00Z')).toBe('2024-05-01');
    expect(instantToDate('2024-05-01T08:30:00.123Z')).toBe('2024-05-01');
    expect(instantToDate('2024-03-31T23:30:00-02:00')).toBe('2024-04-01');
    expect(instantToDate('2024-03-31T23:30:00+02:00')).toBe('2024-03-31');
  });

  it('is the UTC date, not yet the Norwegian one: 00:30 in Oslo is still the day before', () => {
    expect(instantToDate('2024-01-01T00:30:00+01:00')).toBe('2023-12-31');
  });

  it('refuses dates, local times without an offset and impossible days', () => {
    for (const value of ['2024-05-01', '2024-05-01T08:30:00', '2024-02-30T10:00:00Z', 'yesterday']) {
      expect(() => instantToDate(value), value).toThrow(/ISO 8601 instant/);
    }
    expect(isoInstantSchema.safeParse('2024-05-01T08:30:00Z').success).toBe(true);
    expect(isoInstantSchema.safeParse('2024-05-01T08:30:00').success).toBe(false);
  });
});
