/** The access policy as pure functions: who sees how much of which case (R-PRIV-1, R-PRIV-2, R-DIST-3). */
import { describe, expect, it } from 'vitest';
import { listRestriction, organisationsOfState, policy, reach, scopeOf, type CaseOrganisations, type Scope } from '../../api/access';
import { viewForStandings } from '../../api/case-views';
import type { Principal } from '../../api/auth';
import { roles } from '../../api/auth';
import type { CaseState } from '../../workflows/messages';
import { calendarOn } from '../fixtures/calendar';
import { familyPermit } from '../fixtures/permits';

const mottak = { id: 'm', role: 'mottak' as const, organisation: 'mottak-lillehammer' };
const otherMottak = { id: 'm2', role: 'mottak' as const, organisation: 'mottak-hamar' };
const kommune = { id: 'k', role: 'kommune' as const, organisation: '3405' };
const otherKommune = { id: 'k2', role: 'kommune' as const, organisation: '0301' };

function state(extra: Partial<CaseState> = {}): CaseState {
  return { caseId: 'c', permit: familyPermit(calendarOn('2026-11-20')), stage: 'distribution', createdAt: '2026-11-20T00:00:00Z', version: 1, deadlines: [], timeline: [], offers: [], ...extra } as unknown as CaseState;
}

const offer = (municipalityNumber: string, status: 'pending' | 'accepted' | 'declined') =>
  ({ municipalityNumber, municipalityName: municipalityNumber, offeredAt: '', offeredBy: { id: 'i', role: 'imdi' }, status }) as CaseState['offers'][number];
const agreement = (municipalityNumber: string) => ({ kind: 'distribution', municipalityNumber, municipalityName: 'Lillehammer', expectedSettlementWeek: '2027-W04', agreedAt: '' }) as const;

/** The view a caller gets within a scope, or 'none' when the case is out of its reach. */
const caseView = (scope: Scope, principal: Principal, orgs: CaseOrganisations) => viewForStandings(reach(scope, principal, orgs)) ?? 'none';

describe('access policy', () => {
  it('R-PRIV-4 supervisors: every read is allowed to them, no write action names them', () => {
    for (const [action, entry] of Object.entries(policy)) {
      if (entry.kind === 'write') expect(scopeOf(action as keyof typeof policy, 'supervisor'), action).toBeUndefined();
      else if (action !== 'case.audit') expect(scopeOf(action as keyof typeof policy, 'supervisor'), action).toBe('all');
    }
  });

  it('every role in the table is a known role', () => {
    for (const entry of Object.values(policy)) for (const role of Object.keys(entry.roles)) expect(roles).toContain(role);
  });

  it('R-PRIV-2: a reception centre sees its own residents in full and no one else’s', () => {
    const orgs = organisationsOfState(state());
    expect(caseView('own-centre', mottak, orgs)).toBe('centre');
    expect(caseView('own-centre', otherMottak, orgs)).toBe('none');
    expect(listRestriction('own-centre', mottak)).toEqual({ receptionCentreId: 'mottak-lillehammer' });
  });

  it('R-PRIV-1, R-DIST-3: before acceptance a municipality sees the anonymised profile; after, only the accepting one, in full', () => {
    const before = organisationsOfState(state({ offers: [offer('3405', 'pending')] }));
    expect(caseView('anonymised-until-accepted', kommune, before)).toBe('anonymised');
    expect(caseView('own-municipality', kommune, before)).toBe('none');

    for (const accepted of [state({ agreement: agreement('3405') }), state({ offers: [offer('0301', 'declined'), offer('3405', 'accepted')], agreement: agreement('3405') })]) {
      const orgs = organisationsOfState(accepted);
      expect(orgs.acceptedMunicipality).toBe('3405');
      expect(caseView('anonymised-until-accepted', kommune, orgs)).toBe('municipality');
      expect(caseView('anonymised-until-accepted', otherKommune, orgs)).toBe(accepted.offers.length ? 'answered' : 'none');
      expect(caseView('own-municipality', kommune, orgs)).toBe('municipality');
      expect(caseView('own-municipality', otherKommune, orgs)).toBe('none');
    }
  });

  it('R-DIST-3: only a municipality that was asked sees the profile', () => {
    expect(caseView('anonymised-until-accepted', kommune, organisationsOfState(state()))).toBe('none'); // not offered yet
    const orgs = organisationsOfState(state({ offers: [offer('3405', 'pending')] }));
    expect(caseView('anonymised-until-accepted', kommune, orgs)).toBe('anonymised');
    expect(caseView('anonymised-until-accepted', otherKommune, orgs)).toBe('none');
  });

  it('a token without an organisation reaches nothing that is scoped to one', () => {
    const orgless = { id: 'x', role: 'mottak' as const };
    expect(caseView('own-centre', orgless, organisationsOfState(state()))).toBe('none');
    expect(caseView('own-municipality', { id: 'y', role: 'kommune' as const }, { receptionCentreId: 'a', acceptedMunicipality: undefined })).toBe('none');
    expect(caseView(['anonymised-until-accepted', 'host-municipality'], { id: 'y', role: 'kommune' as const }, { receptionCentreId: 'a', hostMunicipality: '3405', hostDutiesOpen: true })).toBe('none');
  });

  it('R-HOST-1, R-HOST-2: the host municipality reaches a case while its duties apply and the household is at the centre', () => {
    const host = { id: 'h', role: 'kommune' as const, organisation: '3405' }; // the fixture family's host
    const duties = [{ id: 'R-HOST-1', rule: 'R-HOST-1', title: '', dueDate: '', status: 'open' }] as CaseState['deadlines'];
    const read = policy['case.read'].roles.kommune;
    expect(caseView(read, host, organisationsOfState(state({ stage: 'preparing', deadlines: duties })))).toBe('host');
    expect(caseView(read, otherKommune, organisationsOfState(state({ stage: 'preparing', deadlines: duties })))).toBe('none');
    // Collective protection: no duty before settlement, so no reach; nor once the household has moved.
    expect(caseView(read, host, organisationsOfState(state({ stage: 'preparing' })))).toBe('none');
    expect(caseView(read, host, organisationsOfState(state({ stage: 'settled', deadlines: duties })))).toBe('none');
    // Host and settling at once: the settling municipality's view, which holds the host's parts.
    expect(caseView(read, host, organisationsOfState(state({ stage: 'agreed', deadlines: duties, agreement: agreement('3405') })))).toBe('municipality');
  });
});
