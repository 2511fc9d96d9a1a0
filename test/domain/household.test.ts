import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  adults,
  ageOn,
  checkRegistrationNumbers,
  children,
  isUnaccompaniedMinorCase,
  kindergartenAgeChildren,
  parentsOf,
  schoolAgeChildren,
} from '../../domain';
import { permit, person, unaccompaniedMinorPermit } from './fixtures';

const born = (dateOfBirth: string) => ({ dateOfBirth });

describe('R-HH-1 registration numbers', () => {
  it('R-HH-1: accepts a household whose members share one Reg.nr', () => {
    expect(checkRegistrationNumbers(permit().persons)).toEqual({ ok: true });
  });

  it('R-HH-1: refuses a household whose members have different Reg.nr, naming every member and their number', () => {
    const persons = permit().persons.map((p, i) => (i === 2 ? { ...p, registrationNumber: 'REG-999' } : p));
    const result = checkRegistrationNumbers(persons);
    if (result.ok) throw new Error('expected R-HH-1 to refuse');
    expect(result.rule).toBe('R-HH-1');
    expect(result.members).toEqual(
      persons.map((p) => ({ dufNumber: p.dufNumber, name: `${p.givenName} ${p.familyName}`, registrationNumber: p.registrationNumber })),
    );
    for (const p of persons) {
      expect(result.message).toContain(`${p.givenName} ${p.familyName} (DUF ${p.dufNumber}) has Reg.nr ${p.registrationNumber}`);
    }
    expect(result.message).toMatch(/^R-HH-1: .*2 different ones/);
  });
});

describe('ages', () => {
  it('counts someone as adult from their 18th birthday', () => {
    const p = born('2007-06-02');
    expect(adults([p], '2025-06-01')).toEqual([]);
    expect(children([p], '2025-06-01')).toEqual([p]);
    expect(adults([p], '2025-06-02')).toEqual([p]);
    expect(children([p], '2025-06-02')).toEqual([]);
  });
});

describe('unaccompanied minors', () => {
  it('recognises an EM case by any member flagged as unaccompanied minor', () => {
    expect(isUnaccompaniedMinorCase(unaccompaniedMinorPermit().persons)).toBe(true);
    expect(isUnaccompaniedMinorCase(permit().persons)).toBe(false);
  });

  it("reads parents from relations to the main person: a 'child' has the main person and their spouse or partner", () => {
    const household = [person({ relation: 'main' }), person({ relation: 'spouse' }), person({ relation: 'parent' }), person({ relation: 'child' })];
    expect(parentsOf({ relation: 'child' }, household).map((p) => p.relation)).toEqual(['main', 'spouse']);
    expect(parentsOf({ relation: 'main' }, household).map((p) => p.relation)).toEqual(['parent']);
    expect(parentsOf({ relation: 'sibling' }, household).map((p) => p.relation)).toEqual(['parent']);
    expect(parentsOf({ relation: 'other' }, household)).toEqual([]);
  });
});

describe('R-ARR-4 school age', () => {
  it('R-ARR-4: starts in the calendar year the child turns 6, even before the birthday', () => {
    const december = born('2019-12-31');
    expect(schoolAgeChildren([december], '2024-12-31')).toEqual([]);
    expect(schoolAgeChildren([december], '2025-01-01')).toEqual([december]); // still 5, turns 6 this year
    expect(ageOn(december.dateOfBirth, '2025-01-01')).toBe(5);
  });

  it('R-ARR-4: ends when the child turns 16', () => {
    const teen = born('2009-03-10');
    expect(schoolAgeChildren([teen], '2025-03-09')).toEqual([teen]);
    expect(schoolAgeChildren([teen], '2025-03-10')).toEqual([]);
  });
});

describe('R-ARR-5 kindergarten age', () => {
  it('R-ARR-5: runs from birth until the year the child turns 6', () => {
    const child = born('2019-12-31');
    expect(kindergartenAgeChildren([child], '2024-12-31')).toEqual([child]);
    expect(kindergartenAgeChildren([child], '2025-01-01')).toEqual([]);
    const newborn = born('2025-06-02');
    expect(kindergartenAgeChildren([newborn], '2025-06-02')).toEqual([newborn]);
    expect(kindergartenAgeChildren([newborn], '2025-06-01')).toEqual([]); // not yet born
  });

  it('R-ARR-4/R-ARR-5: every child under 16 is of kindergarten age or of school age, never both (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 * 366 }), fc.integer({ min: 0, max: 20_000 }), (ageInDays, dayOffset) => {
        const onDate = addDays('2000-01-01', dayOffset);
        const child = born(addDays(onDate, -ageInDays));
        const inKindergarten = kindergartenAgeChildren([child], onDate).length === 1;
        const inSchool = schoolAgeChildren([child], onDate).length === 1;
        if (ageOn(child.dateOfBirth, onDate) < 16) expect(inKindergarten !== inSchool).toBe(true);
        else expect(inKindergarten || inSchool).toBe(false);
      }),
    );
  });
});
