/**
 * Is the household in the target group for settlement with public help (seed 003, Vedlegg 8)?
 * The reasons are read by caseworkers, so they are in bokmål.
 *
 * R-ELIG-5 (a duplicate trigger must not create a second case) is not decided here: the workflow
 * id is derived from the permit id (api/case-id.ts), so a second start is rejected.
 */
import { formatNorwegianDate, isValidIsoDate, type IsoDate } from './dates';
import { children, fullName, isUnaccompaniedMinorCase } from './household';
import type { PermitGranted } from './permit';

export type EligibilityRule = 'R-ELIG-1' | 'R-ELIG-2' | 'R-ELIG-3';
export type PreviousMunicipality = { municipalityNumber: string; municipalityName: string };

export type EligibilityAssessment =
  /** `rules`: the rule(s) under which the household is in the target group. */
  | { outcome: 'eligible'; rules: EligibilityRule[] }
  | { outcome: 'waiting_for_renewal'; rule: 'R-ELIG-2'; reason: string }
  /** Previously settled or established (R-ELIG-4). The municipality is named when the permit names
   *  it; a family-reunification permit is established by definition, often without one. */
  | { outcome: 'refused'; rule: 'R-ELIG-4'; reason: string; previousMunicipality?: PreviousMunicipality }
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
      .map((p) => `${fullName(p)} (DUF ${p.dufNumber}) i ${p.previousSettlement!.municipalityName} (${p.previousSettlement!.municipalityNumber})`)
      .join('; ');
    return {
      outcome: 'refused',
      rule: 'R-ELIG-4',
      previousMunicipality: first.previousSettlement,
      reason:
        `R-ELIG-4: tidligere bosatt eller etablert i en kommune: ${who}. Den som har vært bosatt eller etablert i en kommune før, er som hovedregel ` +
        `ikke i målgruppen for bosetting med offentlig hjelp; re-etablering avtales med ${first.previousSettlement.municipalityName} kommune, uten ny bosetting eller nye tilskudd.`,
    };
  }

  // R-ELIG-1 / R-ELIG-4 (Vedlegg 8, "Tidligere etablert i en kommune"): "IMDi vurderer personer som
  // kom til Norge på familiegjenforening som tidligere etablert i en kommune. Som hovedregel kommer
  // de ikke inn under målgruppen" — a family-reunification permit is not a permit after a claim for
  // protection, so it is not in the target group of R-ELIG-1.
  if (permit.permitType === 'family_reunification') {
    return {
      outcome: 'refused',
      rule: 'R-ELIG-4',
      reason:
        'R-ELIG-4: tillatelsen er gitt etter familiegjenforening. IMDi regner den som kom til Norge på familiegjenforening som tidligere etablert ' +
        'i en kommune, og som hovedregel er de ikke i målgruppen for bosetting med offentlig hjelp. Re-etablering avtales med kommunen der familien er etablert.',
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
        'R-ELIG-2: en barnefamilie med tillatelse etter utlendingsloven § 38 femte ledd med tvil om identitet er i målgruppen først etter ' +
        'førstegangsfornyelse av tillatelsen; bosettingssamtalen venter til da.',
    };
  }
  return {
    outcome: 'refused',
    rule: 'R-ELIG-1',
    reason:
      'R-ELIG-1: en tillatelse etter utlendingsloven § 38 femte ledd med tvil om identitet danner ikke grunnlag for permanent oppholdstillatelse; ' +
      'av dem som har en slik tillatelse, er bare barnefamilier (etter førstegangsfornyelse, R-ELIG-2) og enslige mindreårige (R-ELIG-3) i målgruppen.',
  };
}

/**
 * R-ELIG-2: why a first renewal (førstegangsfornyelse) cannot be registered, or undefined when it
 * can. A renewal renews a permit already granted, so it lies after the permit date; and it is
 * registered when it has happened, so it is not in the future. (A renewal before the permit date
 * would also start the goal clock — R-GOAL-1 counts from the renewal for these families — in the
 * past, and fire overdue escalations at once.)
 */
export function renewalDateProblem({ permitDate, renewalDate, today }: { permitDate: IsoDate; renewalDate: IsoDate; today: IsoDate }): string | undefined {
  if (!isValidIsoDate(renewalDate)) return `R-ELIG-2: datoen for førstegangsfornyelsen må være en dato på formen ÅÅÅÅ-MM-DD, ikke «${renewalDate}»`;
  if (renewalDate <= permitDate) {
    return `R-ELIG-2: førstegangsfornyelsen (${formatNorwegianDate(renewalDate)}) må være etter datoen for tillatelsen (${formatNorwegianDate(permitDate)})`;
  }
  if (renewalDate > today) {
    return `R-ELIG-2: førstegangsfornyelsen (${formatNorwegianDate(renewalDate)}) kan ikke være fram i tid; i dag er ${formatNorwegianDate(today)}`;
  }
  return undefined;
}
