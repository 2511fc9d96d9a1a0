import { describe, expect, it } from 'vitest';
import { assessEligibility, permitTypes } from '../../domain';
import { familyPersons, permit, person, unaccompaniedMinorPermit } from './fixtures';

const bergen = { municipalityNumber: '4601', municipalityName: 'Bergen' };
const adultCouple = () => [person({ dateOfBirth: '1990-01-01' }), person({ dateOfBirth: '1992-05-05', relation: 'spouse' })];

describe('assessEligibility', () => {
  it('R-ELIG-1: a permit that can lead to permanent residence is eligible, for every type but § 38-5 with ID doubt', () => {
    for (const permitType of permitTypes.filter((t) => t !== 'humanitarian_id_doubt')) {
      expect(assessEligibility(permit({ permitType })), permitType).toEqual({ outcome: 'eligible', rules: ['R-ELIG-1'] });
      expect(assessEligibility(permit({ permitType, persons: adultCouple() })), permitType).toEqual({ outcome: 'eligible', rules: ['R-ELIG-1'] });
    }
  });

  it('R-ELIG-1: § 38-5 with ID doubt and neither children nor an unaccompanied minor is not in the target group', () => {
    const result = assessEligibility(permit({ permitType: 'humanitarian_id_doubt', persons: adultCouple() }));
    expect(result).toMatchObject({ outcome: 'refused', rule: 'R-ELIG-1' });
    if (result.outcome === 'refused') expect(result.reason).toMatch(/cannot lead to permanent residence/);
  });

  it('R-ELIG-2: a § 38-5 ID-doubt family with children waits for the first renewal', () => {
    const result = assessEligibility(permit({ permitType: 'humanitarian_id_doubt' }));
    expect(result).toMatchObject({ outcome: 'waiting_for_renewal', rule: 'R-ELIG-2' });
    if (result.outcome === 'waiting_for_renewal') expect(result.reason).toMatch(/first renewal/);
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
