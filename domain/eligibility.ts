/**
 * Is the household in the target group for settlement with public help (seed 003, Vedlegg 8)?
 *
 * R-ELIG-5 (a duplicate trigger must not create a second case) is not decided here: the workflow
 * id is derived from the permit id (api/case-id.ts), so a second start is rejected.
 */
import { children, fullName, isUnaccompaniedMinorCase } from './household';
import type { PermitGranted } from './permit';

export type EligibilityRule = 'R-ELIG-1' | 'R-ELIG-2' | 'R-ELIG-3';
export type PreviousMunicipality = { municipalityNumber: string; municipalityName: string };

export type EligibilityAssessment =
  /** `rules`: the rule(s) under which the household is in the target group. */
  | { outcome: 'eligible'; rules: EligibilityRule[] }
  | { outcome: 'waiting_for_renewal'; rule: 'R-ELIG-2'; reason: string }
  | { outcome: 'refused'; rule: 'R-ELIG-4'; reason: string; previousMunicipality: PreviousMunicipality }
  /** A permit that cannot lead to permanent residence, outside the two exceptions (R-ELIG-2, R-ELIG-3). */
  | { outcome: 'refused'; rule: 'R-ELIG-1'; reason: string };

export function assessEligibility(permit: PermitGranted): EligibilityAssessment {
  // R-ELIG-4: previously settled or established in a municipality → as a rule not in the target
  // group; re-establishment is arranged with that municipality. The main person's municipality is
  // named first when several members were settled before.
  const previouslySettled = permit.persons
    .filter((p) => p.previousSettlement !== undefined)
    .sort((a, b) => Number(b.relation === 'main') - Number(a.relation === 'main'));
  const first = previouslySettled[0];
  if (first?.previousSettlement) {
    const who = previouslySettled
      .map((p) => `${fullName(p)} (DUF ${p.dufNumber}) in ${p.previousSettlement!.municipalityName} (${p.previousSettlement!.municipalityNumber})`)
      .join('; ');
    return {
      outcome: 'refused',
      rule: 'R-ELIG-4',
      previousMunicipality: first.previousSettlement,
      reason:
        `R-ELIG-4: previously settled or established: ${who}. People who were settled in a municipality before are as a rule ` +
        `not in the target group; re-establishment is to be agreed with ${first.previousSettlement.municipalityName}, with no new settlement or grants.`,
    };
  }

  if (permit.permitType !== 'humanitarian_id_doubt') return { outcome: 'eligible', rules: ['R-ELIG-1'] };

  // § 38 fifth paragraph with doubt about identity: the permit cannot lead to permanent residence,
  // so only the two exceptions of Vedlegg 8 are in the target group.
  if (isUnaccompaniedMinorCase(permit.persons)) return { outcome: 'eligible', rules: ['R-ELIG-3'] }; // R-ELIG-3: at first grant
  if (children(permit.persons, permit.permitDate).length > 0) {
    // R-ELIG-2: families with children only after the first renewal.
    if (permit.firstRenewalDate !== undefined) return { outcome: 'eligible', rules: ['R-ELIG-2'] };
    return {
      outcome: 'waiting_for_renewal',
      rule: 'R-ELIG-2',
      reason:
        'R-ELIG-2: a family with children holding a § 38 fifth-paragraph permit with doubt about identity is in the target group ' +
        'only after the first renewal of the permit (førstegangsfornyelse); the settlement interview waits until then.',
    };
  }
  return {
    outcome: 'refused',
    rule: 'R-ELIG-1',
    reason:
      'R-ELIG-1: a § 38 fifth-paragraph permit with doubt about identity cannot lead to permanent residence; of such holders only ' +
      'families with children (after the first renewal, R-ELIG-2) and unaccompanied minors (R-ELIG-3) are in the target group.',
  };
}
