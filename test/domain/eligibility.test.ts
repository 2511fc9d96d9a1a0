import { describe, expect, it } from 'vitest';
import { addDays, assessEligibility, permitTypes, renewalDateProblem } from '../../domain';
import { familyPersons, permit, person, unaccompaniedMinorPermit } from './fixtures';

const bergen = { municipalityNumber: '4601', municipalityName: 'Bergen' };
const adultCouple = () => [person({ dateOfBirth: '1990-01-01' }), person({ dateOfBirth: '1992-05-05', relation: 'spouse' })];

describe('assessEligibility', () => {
  it('R-ELIG-1: a permit that can lead to permanent residence is eligible, for every type but § 38-5 with ID doubt and family reunification', () => {
    const eligibleTypes = permitTypes.filter((t) => t !== 'humanitarian_id_doubt' && t !== 'family_reunification');
    expect(eligibleTypes).toEqual(['protection', 'humanitarian', 'collective_protection', 'resettlement']);
    for (const permitType of eligibleTypes) {
      expect(assessEligibility(permit({ permitType })), permitType).toEqual({ outcome: 'eligible', rules: ['R-ELIG-1'] });
      expect(assessEligibility(permit({ permitType, persons: adultCouple() })), permitType).toEqual({ outcome: 'eligible', rules: ['R-ELIG-1'] });
    }
  });

  it('R-ELIG-1: § 38-5 with ID doubt and neither children nor an unaccompanied minor is not in the target group', () => {
    const result = assessEligibility(permit({ permitType: 'humanitarian_id_doubt', persons: adultCouple() }));
    expect(result).toMatchObject({ outcome: 'refused', rule: 'R-ELIG-1' });
    if (result.outcome === 'refused') expect(result.reason).toMatch(/danner ikke grunnlag for permanent oppholdstillatelse/);
  });

  it('R-ELIG-1, R-ELIG-4: a family-reunification permit counts as previously established, not in the target group (Vedlegg 8)', () => {
    for (const persons of [familyPersons(), adultCouple()]) {
      const result = assessEligibility(permit({ permitType: 'family_reunification', persons }));
      expect(result).toMatchObject({ outcome: 'refused', rule: 'R-ELIG-4' });
      if (result.outcome !== 'refused') throw new Error('expected a refusal');
      expect(result.reason).toMatch(/familiegjenforening/);
      expect(result.reason).toMatch(/tidligere etablert/);
      expect('previousMunicipality' in result && result.previousMunicipality).toBeFalsy();
    }
    // A named previous municipality is still named.
    const persons = familyPersons().map((p) => (p.relation === 'main' ? { ...p, previousSettlement: bergen } : p));
    expect(assessEligibility(permit({ permitType: 'family_reunification', persons }))).toMatchObject({ rule: 'R-ELIG-4', previousMunicipality: bergen });
  });

  it('R-ELIG-2: a § 38-5 ID-doubt family with children waits for the first renewal', () => {
    const result = assessEligibility(permit({ permitType: 'humanitarian_id_doubt' }));
    expect(result).toMatchObject({ outcome: 'waiting_for_renewal', rule: 'R-ELIG-2' });
    if (result.outcome === 'waiting_for_renewal') expect(result.reason).toMatch(/først etter førstegangsfornyelse/);
  });

  it('R-ELIG-2: the same family is eligible once the permit was renewed', () => {
    expect(assessEligibility(permit({ permitType: 'humanitarian_id_doubt', firstRenewalDate: '2026-06-01' }))).toEqual({
      outcome: 'eligible',
      rules: ['R-ELIG-2'],
    });
  });

  it('R-ELIG-3: an unaccompanied minor with a § 38-5 ID-doubt permit is eligible at first grant', () => {
    expect(assessEligibility(unaccompaniedMinorPermit({}, { permitType: 'humanitarian_id_doubt' }))).toEqual({
      outcome: 'eligible',
      rules: ['R-ELIG-3'],
    });
  });

  it('R-ELIG-4: anyone previously settled makes the case refused, naming the municipality', () => {
    const persons = familyPersons().map((p) => (p.relation === 'spouse' ? { ...p, previousSettlement: bergen } : p));
    const result = assessEligibility(permit({ persons }));
    if (result.outcome !== 'refused' || result.rule !== 'R-ELIG-4') throw new Error(`expected an R-ELIG-4 refusal, got ${JSON.stringify(result)}`);
    expect(result.previousMunicipality).toEqual(bergen);
    expect(result.reason).toContain('Yusuf Rahimi');
    expect(result.reason).toContain('Bergen (4601)');
    expect(result.reason).toMatch(/ikke i målgruppen/);
  });

  it("R-ELIG-4: names the main person's municipality first when several were settled before", () => {
    const oslo = { municipalityNumber: '0301', municipalityName: 'Oslo' };
    const persons = familyPersons().map((p) =>
      p.relation === 'spouse' ? { ...p, previousSettlement: bergen } : p.relation === 'main' ? { ...p, previousSettlement: oslo } : p,
    );
    const result = assessEligibility(permit({ persons }));
    expect(result).toMatchObject({ outcome: 'refused', rule: 'R-ELIG-4', previousMunicipality: oslo });
    if (result.outcome === 'refused') expect(result.reason).toMatch(/Oslo \(0301\).*Bergen \(4601\)/);
  });

  it('R-ELIG-4: is checked before the § 38-5 exceptions', () => {
    const result = assessEligibility(unaccompaniedMinorPermit({ previousSettlement: bergen }, { permitType: 'humanitarian_id_doubt' }));
    expect(result).toMatchObject({ outcome: 'refused', rule: 'R-ELIG-4' });
  });
});

describe('renewalDateProblem', () => {
  const permitDate = '2025-11-20';
  const today = '2026-03-02';

  it('R-ELIG-2: accepts a first renewal after the permit date, up to today', () => {
    expect(renewalDateProblem({ permitDate, renewalDate: '2026-01-15', today })).toBeUndefined();
    expect(renewalDateProblem({ permitDate, renewalDate: addDays(permitDate, 1), today })).toBeUndefined();
    expect(renewalDateProblem({ permitDate, renewalDate: today, today })).toBeUndefined();
  });

  it('R-ELIG-2: refuses a renewal on or before the permit date, saying so in bokmål', () => {
    expect(renewalDateProblem({ permitDate, renewalDate: '2025-01-01', today })).toBe(
      'R-ELIG-2: førstegangsfornyelsen (01.01.2025) må være etter datoen for tillatelsen (20.11.2025)',
    );
    expect(renewalDateProblem({ permitDate, renewalDate: permitDate, today })).toMatch(/må være etter datoen for tillatelsen/);
  });

  it('R-ELIG-2: refuses a renewal in the future', () => {
    expect(renewalDateProblem({ permitDate, renewalDate: addDays(today, 1), today })).toBe(
      'R-ELIG-2: førstegangsfornyelsen (03.03.2026) kan ikke være fram i tid; i dag er 02.03.2026',
    );
  });

  it('R-ELIG-2: refuses what is not a date', () => {
    expect(renewalDateProblem({ permitDate, renewalDate: '2026-02-30', today })).toMatch(/ÅÅÅÅ-MM-DD/);
  });
});
