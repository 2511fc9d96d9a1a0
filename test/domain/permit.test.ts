import { describe, expect, it } from 'vitest';
import { permitGrantedSchema, permitTypes, personSchema } from '../../domain';
import { familyPersons, issuesOf, person, PERMIT_DATE, permit, permitInput } from './fixtures';
import { calendarOn } from '../fixtures/calendar';
import { familyPermitBody } from '../fixtures/permits';

const parse = (input: unknown) => permitGrantedSchema.safeParse(input);

describe('permitGrantedSchema', () => {
  it('parses a family and fills in the defaults', () => {
    const parsed = permit();
    expect(parsed.persons).toHaveLength(5);
    expect(parsed.decisionDate).toBe(PERMIT_DATE); // defaults to the permit date
    expect(parsed.persons.every((p) => p.unaccompaniedMinor === false)).toBe(true);
  });

  it('keeps an explicit decision date (R-HOST-1 counts from it)', () => {
    expect(permit({ decisionDate: '2025-05-28' }).decisionDate).toBe('2025-05-28');
  });

  it('knows the six permit types', () => {
    expect(permitTypes).toEqual(['protection', 'humanitarian', 'humanitarian_id_doubt', 'collective_protection', 'resettlement', 'family_reunification']);
    expect(issuesOf(parse(permitInput({ permitType: 'asylum' as never })))).toEqual([
      'permitType: must be one of: protection, humanitarian, humanitarian_id_doubt, collective_protection, resettlement, family_reunification',
    ]);
  });

  it('rejects unknown fields, at the top and in a person, naming them', () => {
    const [first, ...rest] = familyPersons();
    const issues = issuesOf(parse({ ...permitInput(), priority: 'high', persons: [{ ...first, religion: 'x' }, ...rest] }));
    expect(issues).toContain(': unknown field(s): priority');
    expect(issues).toContain('persons.0: unknown field(s): religion');
  });

  it('requires exactly one main person', () => {
    const noMain = familyPersons().map((p) => (p.relation === 'main' ? { ...p, relation: 'other' as const } : p));
    expect(issuesOf(parse(permitInput({ persons: noMain })))).toEqual(["persons: exactly one person must have relation 'main'; none has"]);

    const twoMains = familyPersons().map((p) => (p.relation === 'spouse' ? { ...p, relation: 'main' as const } : p));
    const [issue] = issuesOf(parse(permitInput({ persons: twoMains })));
    expect(issue).toMatch(/exactly one person must have relation 'main'; 2 have \(DUF \d{12}, \d{12}\)/);
  });

  it('rejects a DUF number listed twice, pointing at the second', () => {
    const persons = familyPersons();
    persons[3] = { ...persons[3]!, dufNumber: persons[1]!.dufNumber };
    expect(issuesOf(parse(permitInput({ persons })))).toEqual([
      `persons.3.dufNumber: DUF number ${persons[1]!.dufNumber} is already used by persons[1]; each person is listed once`,
    ]);
  });

  it('rejects a birth date after the permit date or more than 120 years before it', () => {
    const born = (dateOfBirth: string) => issuesOf(parse(permitInput({ persons: [person({ dateOfBirth })] })));
    expect(born('2025-06-03')).toEqual(['persons.0.dateOfBirth: date of birth 2025-06-03 is after the permit date 2025-06-02']);
    expect(born('1905-06-01')).toEqual(['persons.0.dateOfBirth: date of birth 1905-06-01 is more than 120 years before the permit date 2025-06-02']);
    expect(born('1905-06-02')).toEqual([]);
    expect(born('2025-06-02')).toEqual([]);
  });

  it('takes 1 to 20 persons', () => {
    expect(issuesOf(parse(permitInput({ persons: [] })))).toContain('persons: must list at least one person');
    const many = Array.from({ length: 21 }, (_, i) => person({ relation: i === 0 ? 'main' : 'other' }));
    expect(issuesOf(parse(permitInput({ persons: many })))[0]).toMatch(/^persons: must list at most 20 persons/);
  });

  it('limits the permit id to 100 characters', () => {
    expect(parse(permitInput({ permitId: 'x'.repeat(100) })).success).toBe(true);
    expect(issuesOf(parse(permitInput({ permitId: 'x'.repeat(101) })))).toEqual(['permitId: must be at most 100 characters']);
    expect(issuesOf(parse(permitInput({ permitId: '  ' })))).toEqual(['permitId: must not be empty']);
  });

  it('requires the first renewal to come after the permit', () => {
    expect(issuesOf(parse(permitInput({ firstRenewalDate: PERMIT_DATE })))).toEqual([
      'firstRenewalDate: the first renewal (2025-06-02) must be after the permit date 2025-06-02',
    ]);
  });

  describe('unaccompanied minor (enslig mindreårig)', () => {
    it('accepts a minor alone, or minor siblings together', () => {
      const alone = [person({ dateOfBirth: '2010-02-11', unaccompaniedMinor: true })];
      expect(parse(permitInput({ persons: alone })).success).toBe(true);
      const siblings = [
        person({ dateOfBirth: '2009-08-01', unaccompaniedMinor: true }),
        person({ dateOfBirth: '2012-03-05', relation: 'sibling', unaccompaniedMinor: true }),
      ];
      expect(parse(permitInput({ persons: siblings })).success).toBe(true);
    });

    it('accepts a minor with an adult companion who is not a parent', () => {
      const persons = [
        person({ dateOfBirth: '2010-02-11', unaccompaniedMinor: true, companion: { name: 'Karim Noori', relation: 'uncle' } }),
        person({ dateOfBirth: '1999-01-01', relation: 'sibling' }),
      ];
      expect(parse(permitInput({ persons })).success).toBe(true);
    });

    it('must be under 18 on the permit date', () => {
      const onBirthday = [person({ dateOfBirth: '2007-06-02', unaccompaniedMinor: true })];
      expect(issuesOf(parse(permitInput({ persons: onBirthday })))).toEqual([
        'persons.0.unaccompaniedMinor: an unaccompanied minor must be under 18 on the permit date 2025-06-02; born 2007-06-02',
      ]);
      const dayBefore = [person({ dateOfBirth: '2007-06-03', unaccompaniedMinor: true })];
      expect(parse(permitInput({ persons: dayBefore })).success).toBe(true);
    });

    it('is not unaccompanied when an adult parent is in the household', () => {
      const childOfMain = [person({ dateOfBirth: '1980-01-01' }), person({ dateOfBirth: '2012-01-01', relation: 'child', unaccompaniedMinor: true })];
      expect(issuesOf(parse(permitInput({ persons: childOfMain })))[0]).toMatch(
        /^persons\.1\.unaccompaniedMinor: a minor settled with a parent is not unaccompanied; the household has an adult parent \(relation 'main'/,
      );
      const mainWithParent = [person({ dateOfBirth: '2012-01-01', unaccompaniedMinor: true }), person({ dateOfBirth: '1980-01-01', relation: 'parent' })];
      expect(issuesOf(parse(permitInput({ persons: mainWithParent })))[0]).toMatch(/relation 'parent'/);
    });

    it('allows a companion only for an unaccompanied minor', () => {
      const result = personSchema.safeParse(person({ companion: { name: 'Karim Noori', relation: 'uncle' } }));
      expect(issuesOf(result)).toEqual(['companion: a companion (følgeperson) can only be given for an unaccompanied minor']);
    });
  });

  describe('a person', () => {
    it('accepts a valid national identity number or D-number and refuses an invalid one', () => {
      expect(personSchema.safeParse(person({ nationalIdentityNumber: '57051275146' })).success).toBe(true);
      expect(issuesOf(personSchema.safeParse(person({ nationalIdentityNumber: '25097599851' })))).toEqual([
        'nationalIdentityNumber: is not a valid national identity number: the check digits or the embedded birth date are wrong',
      ]);
    });

    it('needs a three-letter upper-case citizenship code and at least one language', () => {
      expect(issuesOf(personSchema.safeParse(person({ citizenship: 'af' })))[0]).toMatch(/^citizenship: must be an ISO 3166-1 alpha-3 country code/);
      expect(issuesOf(personSchema.safeParse(person({ languages: [] })))).toEqual(['languages: must name at least one language the person understands']);
      // Issue 11: 40 000 languages were accepted (a 235 KiB permit).
      expect(issuesOf(personSchema.safeParse(person({ languages: Array.from({ length: 21 }, (_, i) => `språk ${i}`) })))).toEqual(['languages: must list at most 20 languages']);
    });

    it('names a missing field as required', () => {
      const { registrationNumber: _omitted, ...withoutRegNr } = person();
      expect(issuesOf(personSchema.safeParse(withoutRegNr))).toEqual(['registrationNumber: is required']);
    });

    it('R-ELIG-4: can record a previous settlement with a valid municipality number', () => {
      const previousSettlement = { municipalityNumber: '4601', municipalityName: 'Bergen' };
      expect(personSchema.parse(person({ previousSettlement })).previousSettlement).toEqual(previousSettlement);
      expect(issuesOf(personSchema.safeParse(person({ previousSettlement: { ...previousSettlement, municipalityNumber: '46' } })))[0]).toMatch(
        /^previousSettlement\.municipalityNumber: must be a municipality number of exactly 4 digits/,
      );
    });
  });
});

describe('permitGrantedSchema with impossible dates', () => {
  it('reports an impossible permit date or birth date as a field error instead of throwing', async () => {
    const { permitGrantedSchema } = await import('../../domain/permit.schema');
    const base = familyPermitBody(calendarOn('2026-11-20')) as { persons: { dateOfBirth: string }[] };
    const badPermitDate = permitGrantedSchema.safeParse({ ...base, permitDate: '2026-02-30' });
    expect(badPermitDate.success).toBe(false);
    expect(badPermitDate.error?.issues.map((i) => i.path.join('.'))).toContain('permitDate');
    const persons = structuredClone(base.persons);
    persons[0]!.dateOfBirth = '1990-13-01';
    const badBirth = permitGrantedSchema.safeParse({ ...base, persons });
    expect(badBirth.success).toBe(false);
    expect(badBirth.error?.issues.map((i) => i.path.join('.'))).toContain('persons.0.dateOfBirth');
  });
});
