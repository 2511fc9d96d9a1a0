/**
 * R-DIST-8: a municipality that finds, after settlement, that information it was given was missing
 * or wrong reports it; the report goes to IMDi, which passes it to UDI, which takes the case up with
 * the reception centre (seed 003: UDI and IMDi collect these so they learn where in the process
 * errors happen; a municipality does not contact the centre itself). Counted per centre. Pure:
 * times are passed in; the store keeps the reports (store/information-reports.ts).
 */
import type { Role } from './case/state';

/** What was missing or wrong — the examples the sources name, and anything else. */
export const informationReportCategories = ['health_follow_up', 'pets', 'car', 'family_relations', 'adapted_unit', 'other'] as const;
export type InformationReportCategory = (typeof informationReportCategories)[number];

export const informationReportCategoryNames: Record<InformationReportCategory, string> = {
  health_follow_up: 'behov for oppfølging og tilrettelegging knyttet til helse',
  pets: 'kjæledyr',
  car: 'bil',
  family_relations: 'familierelasjoner',
  adapted_unit: 'bosatt fra tilrettelagt avdeling i mottak',
  other: 'annet',
};

/** Where the report is on its way IMDi → UDI → the centre. */
export type InformationReportStatus = 'with_imdi' | 'with_udi' | 'with_centre';
export type InformationReportParty = 'imdi' | 'udi' | 'reception_centre';

export const partyOfStatus: Record<InformationReportStatus, InformationReportParty> = { with_imdi: 'imdi', with_udi: 'udi', with_centre: 'reception_centre' };

export type ReportedBy = { id: string; role: string; organisation?: string };

export type InformationReport = {
  reportId: string;
  caseId: string;
  /** The municipality that settled the household and reports. */
  municipalityNumber: string;
  /** The centre the household came from: the report is counted for it. */
  receptionCentreId: string;
  categories: InformationReportCategory[];
  /** The municipality's own words: personal data, shown only to those the report goes through. */
  description: string;
  status: InformationReportStatus;
  reportedAt: string;
  reportedBy: ReportedBy;
  forwardedAt?: string;
  forwardedBy?: ReportedBy;
  takenUpAt?: string;
  takenUpBy?: ReportedBy;
  /** UDI's note on how it took the case up with the centre. */
  udiNote?: string;
};

/** Counted for no centre: a household that did not live at a reception centre. */
export const NO_CENTRE = 'uten-mottak';

/** The case as the report needs it. */
export type ReportedCase = { caseId: string; stage: string; municipalityNumber?: string; receptionCentreId: string };

/** Why `by` may not report on this case now, or undefined: after settlement, by the municipality that settled it. */
export function reportRefusal(reported: ReportedCase, by: ReportedBy): string | undefined {
  if (reported.stage !== 'settled') return 'Mangelfulle eller feil opplysninger meldes etter bosettingen; husstanden er ikke bosatt ennå (R-DIST-8).';
  if (by.organisation !== reported.municipalityNumber) return 'Bare kommunen som bosatte husstanden, melder fra om opplysningene den fikk (R-DIST-8).';
  return undefined;
}

export function newReport(reported: ReportedCase, input: { reportId: string; categories: readonly InformationReportCategory[]; description: string }, by: ReportedBy, at: string): InformationReport {
  return {
    reportId: input.reportId,
    caseId: reported.caseId,
    municipalityNumber: reported.municipalityNumber!,
    receptionCentreId: reported.receptionCentreId,
    categories: [...new Set(input.categories)],
    description: input.description,
    status: 'with_imdi',
    reportedAt: at,
    reportedBy: by,
  };
}

export type RoutingStep = 'forward' | 'take_up';

/** Which status each routing step moves the report from and to, and who takes it. */
export const routing: Record<RoutingStep, { from: InformationReportStatus; to: InformationReportStatus; role: Role }> = {
  forward: { from: 'with_imdi', to: 'with_udi', role: 'imdi' },
  take_up: { from: 'with_udi', to: 'with_centre', role: 'udi' },
};

const statusNames: Record<InformationReportStatus, string> = { with_imdi: 'hos IMDi', with_udi: 'sendt videre til UDI', with_centre: 'tatt opp med mottaket' };

/** Why the report cannot take `step` now, or undefined. */
export function routingRefusal(report: InformationReport, step: RoutingStep): string | undefined {
  const { from } = routing[step];
  if (report.status === from) return undefined;
  return step === 'forward'
    ? `Meldingen er allerede ${statusNames[report.status]}; IMDi sender den videre bare én gang (R-DIST-8).`
    : report.status === 'with_imdi'
      ? 'Meldingen er fortsatt hos IMDi; UDI tar den opp med mottaket når IMDi har sendt den videre (R-DIST-8).'
      : `Meldingen er allerede ${statusNames[report.status]} (R-DIST-8).`;
}

/** The report after `step` (check routingRefusal first). */
export function route(report: InformationReport, step: RoutingStep, by: ReportedBy, at: string, note?: string): InformationReport {
  const to = routing[step].to;
  return step === 'forward'
    ? { ...report, status: to, forwardedAt: at, forwardedBy: by }
    : { ...report, status: to, takenUpAt: at, takenUpBy: by, ...(note !== undefined ? { udiNote: note } : {}) };
}

export type CentreCount = { receptionCentreId: string; reports: number; byCategory: Partial<Record<InformationReportCategory, number>> };

/** R-DIST-8: the reports counted per reception centre (and per category), most reports first. */
export function countByCentre(reports: readonly Pick<InformationReport, 'receptionCentreId' | 'categories'>[]): CentreCount[] {
  const counts = new Map<string, CentreCount>();
  for (const report of reports) {
    const count = counts.get(report.receptionCentreId) ?? { receptionCentreId: report.receptionCentreId, reports: 0, byCategory: {} };
    count.reports += 1;
    for (const category of report.categories) count.byCategory[category] = (count.byCategory[category] ?? 0) + 1;
    counts.set(report.receptionCentreId, count);
  }
  return [...counts.values()].sort((a, b) => b.reports - a.reports || a.receptionCentreId.localeCompare(b.receptionCentreId));
}
