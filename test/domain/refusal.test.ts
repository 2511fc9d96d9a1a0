import { describe, expect, it } from 'vitest';
import { addDays, diffDays } from '../../domain/dates';
import { DAYS_FROM_STEP_1_TO_STEP_2, refusalConsequences, refusalLetters, refusalSchedule, unaccompaniedMinorsInRefusal } from '../../domain/refusal';
import { permit, person, PERMIT_DATE } from './fixtures';

describe('refusalSchedule', () => {
  const refusedOn = '2027-01-20';

  it('R-REF-3: step 1 (UDI\'s letter warning of the deadline and of the stop in basic allowance) is sent the day the refusal is registered', () => {
    expect(refusalSchedule({ refusedOn, moveDeadline: '2027-02-10' }).step1).toBe(refusedOn);
  });

  it("R-REF-4: step 2 (notice of eviction, basic allowance stops) is the day after IMDi's move deadline", () => {
    expect(refusalSchedule({ refusedOn, moveDeadline: '2027-02-10' })).toEqual({ step1: '2027-01-20', step2: '2027-02-11', step3: '2027-02-11' });
  });

  it('R-REF-4: but at the earliest 14 days after step 1 (2.9.1), also when the deadline is shorter or already passed', () => {
    expect(DAYS_FROM_STEP_1_TO_STEP_2).toBe(14);
    expect(refusalSchedule({ refusedOn, moveDeadline: '2027-01-27' }).step2).toBe('2027-02-03');
    expect(refusalSchedule({ refusedOn, moveDeadline: addDays(refusedOn, 13) }).step2).toBe(addDays(refusedOn, 14));
    expect(refusalSchedule({ refusedOn, moveDeadline: addDays(refusedOn, 14) }).step2).toBe(addDays(refusedOn, 15));
    expect(refusalSchedule({ refusedOn, moveDeadline: addDays(refusedOn, -3) }).step2).toBe(addDays(refusedOn, 14));
  });

  it('R-REF-5: step 3 (request to the bailiff) is sent together with the notice of eviction ("samtidig")', () => {
    for (const moveDeadline of ['2027-01-25', '2027-02-10', '2027-03-31']) {
      const { step2, step3 } = refusalSchedule({ refusedOn, moveDeadline });
      expect(step3).toBe(step2);
    }
  });

  it('R-REF-3..5: the steps never go backwards and step 2 always follows the move deadline', () => {
    for (let days = -5; days <= 60; days += 1) {
      const moveDeadline = addDays(refusedOn, days);
      const { step1, step2, step3 } = refusalSchedule({ refusedOn, moveDeadline });
      expect(diffDays(step1, step2)).toBeGreaterThanOrEqual(DAYS_FROM_STEP_1_TO_STEP_2);
      expect(step2 > moveDeadline).toBe(true);
      expect(step3 >= step2).toBe(true);
    }
  });
});

describe('refusalLetters', () => {
  it('R-HH-2: a family gets one letter, to the adults, listing every member with the DUF number', () => {
    const family = permit();
    const [letter, ...more] = refusalLetters(family.persons, PERMIT_DATE);
    expect(more).toEqual([]);
    expect(letter!.addressees.map((a) => a.name)).toEqual(['Amina Rahimi', 'Yusuf Rahimi']);
    expect(letter!.dufNumbers).toEqual(family.persons.map((p) => p.dufNumber));
    expect(letter!.members).toEqual(family.persons.map((p) => ({ name: `${p.givenName} ${p.familyName}`, dufNumber: p.dufNumber })));
  });

  it('R-HH-2: a mother with her adult son — no child, no spouse — gets letters listing both DUF numbers, addressed to both', () => {
    const mother = person({ givenName: 'Leyla', dateOfBirth: '1968-02-01' });
    const son = person({ givenName: 'Karim', dateOfBirth: '2004-09-09', sex: 'male', relation: 'child' });
    const household = permit({ persons: [mother, son] });
    const letters = refusalLetters(household.persons, PERMIT_DATE);
    const both = household.persons.map((p) => p.dufNumber);
    expect(letters.length).toBeGreaterThan(0);
    for (const letter of letters) {
      expect(letter.dufNumbers).toEqual(both);
      expect(letter.members.map((m) => m.dufNumber)).toEqual(both);
    }
    expect(letters.flatMap((l) => l.addressees.map((a) => a.name)).sort()).toEqual(['Karim Rahimi', 'Leyla Rahimi']);
  });

  it('R-HH-2: two adult siblings settled together are one household too', () => {
    const siblings = permit({ persons: [person({ dateOfBirth: '1995-01-01' }), person({ dateOfBirth: '1998-01-01', relation: 'sibling' })] });
    expect(refusalLetters(siblings.persons, PERMIT_DATE)).toHaveLength(1);
    expect(refusalLetters(siblings.persons, PERMIT_DATE)[0]!.dufNumbers).toHaveLength(2);
  });

  it('R-HH-2: a single adult gets an individual letter with only their own DUF number', () => {
    const single = permit({ persons: [person({ dateOfBirth: '1990-01-01' })] });
    const letters = refusalLetters(single.persons, PERMIT_DATE);
    expect(letters).toEqual([{ addressees: [{ name: 'Amina Rahimi', dufNumber: single.persons[0]!.dufNumber }], members: [{ name: 'Amina Rahimi', dufNumber: single.persons[0]!.dufNumber }], dufNumbers: [single.persons[0]!.dufNumber] }]);
  });

  it('R-REF-3: a household of minors gets no step letter; an unaccompanied minor keeps the reception place', () => {
    const minor = permit({ persons: [person({ givenName: 'Farid', dateOfBirth: '2013-02-11', unaccompaniedMinor: true })] });
    expect(refusalLetters(minor.persons, PERMIT_DATE)).toEqual([]);
    expect(unaccompaniedMinorsInRefusal(minor.persons, PERMIT_DATE)).toEqual([{ dufNumber: minor.persons[0]!.dufNumber, name: 'Farid Rahimi', bufetat: true }]);
    expect(refusalConsequences.keeps).toContain('free Norwegian training');
  });

  it('R-REF-3: an unaccompanied minor whose companion refuses keeps a place — Bufetat under 15, an EM centre from 15', () => {
    const companion = { name: 'Karim Noori', relation: 'uncle' };
    const young = permit({ persons: [person({ givenName: 'Farid', dateOfBirth: '2012-01-01', unaccompaniedMinor: true, companion })] });
    const older = permit({ persons: [person({ givenName: 'Farid', dateOfBirth: '2009-01-01', unaccompaniedMinor: true, companion })] });
    expect(unaccompaniedMinorsInRefusal(young.persons, PERMIT_DATE)[0]).toMatchObject({ bufetat: true });
    expect(unaccompaniedMinorsInRefusal(older.persons, PERMIT_DATE)[0]).toMatchObject({ bufetat: false });
  });
});
