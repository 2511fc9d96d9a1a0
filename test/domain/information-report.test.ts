/** R-DIST-8: reports of missing or wrong information, routed IMDi → UDI → the centre and counted per centre; no server. */
import { describe, expect, it } from 'vitest';
import { countByCentre, newReport, reportRefusal, route, routingRefusal, type ReportedCase } from '../../domain/information-report';

const settled: ReportedCase = { caseId: 'case-1', stage: 'settled', municipalityNumber: '3405', receptionCentreId: 'mottak-lillehammer' };
const kommune = { id: 'flyktningtjenesten-1', role: 'kommune', organisation: '3405' };
const imdi = { id: 'imdi-1', role: 'imdi' };
const udi = { id: 'udi-1', role: 'udi' };
const at = '2030-01-02T10:00:00.000Z';

describe('R-DIST-8 missing or wrong information after settlement', () => {
  it('R-DIST-8: only the settling municipality reports, and only once the household is settled', () => {
    expect(reportRefusal(settled, kommune)).toBeUndefined();
    expect(reportRefusal({ ...settled, stage: 'moving' }, kommune)).toMatch(/ikke bosatt ennå.*R-DIST-8/);
    expect(reportRefusal(settled, { ...kommune, organisation: '0301' })).toMatch(/Bare kommunen som bosatte husstanden.*R-DIST-8/);
  });

  it('R-DIST-8: a report goes to IMDi, then UDI, then the centre — in that order, each step once', () => {
    const report = newReport(settled, { reportId: 'r-1', categories: ['pets', 'pets', 'health_follow_up'], description: 'Hund ikke nevnt.' }, kommune, at);
    expect(report).toMatchObject({ status: 'with_imdi', categories: ['pets', 'health_follow_up'], receptionCentreId: 'mottak-lillehammer', municipalityNumber: '3405' });
    expect(routingRefusal(report, 'take_up')).toMatch(/fortsatt hos IMDi/);
    expect(routingRefusal(report, 'forward')).toBeUndefined();
    const forwarded = route(report, 'forward', imdi, at);
    expect(forwarded).toMatchObject({ status: 'with_udi', forwardedBy: imdi });
    expect(routingRefusal(forwarded, 'forward')).toMatch(/allerede sendt videre til UDI/);
    const takenUp = route(forwarded, 'take_up', udi, at, 'Tatt opp med mottaket i møte.');
    expect(takenUp).toMatchObject({ status: 'with_centre', takenUpBy: udi, udiNote: 'Tatt opp med mottaket i møte.' });
    expect(routingRefusal(takenUp, 'take_up')).toMatch(/allerede tatt opp med mottaket/);
  });

  it('R-DIST-8: counted per reception centre and per category, most reports first', () => {
    const reports = [
      { receptionCentreId: 'mottak-hamar', categories: ['car' as const] },
      { receptionCentreId: 'mottak-lillehammer', categories: ['pets' as const, 'family_relations' as const] },
      { receptionCentreId: 'mottak-lillehammer', categories: ['pets' as const] },
    ];
    expect(countByCentre(reports)).toEqual([
      { receptionCentreId: 'mottak-lillehammer', reports: 2, byCategory: { pets: 2, family_relations: 1 } },
      { receptionCentreId: 'mottak-hamar', reports: 1, byCategory: { car: 1 } },
    ]);
  });
});
