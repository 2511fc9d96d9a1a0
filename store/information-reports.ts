/**
 * R-DIST-8: the municipalities' reports of missing or wrong information (domain/information-report.ts).
 * A report outlives its case's workflow (it is made after settlement), so it lives here, one item per
 * report; each routing step is one write conditional on the status it moves from, so a step taken
 * twice at once applies once.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import type { InformationReport, InformationReportStatus } from '../domain/information-report';
import type { Tables } from './table';

const KIND = 'KIND#information-report';
const reportKey = (reportId: string) => ({ pk: `INFOREPORT#${reportId}`, sk: 'REPORT' });

function item(report: InformationReport) {
  return { ...reportKey(report.reportId), gsi2pk: KIND, gsi2sk: `${report.reportedAt}#${report.reportId}`, ...report };
}

function toReport(stored: Record<string, unknown>): InformationReport {
  const { pk: _pk, sk: _sk, gsi2pk: _a, gsi2sk: _b, entity: _e, _et, _ct, _md, ...report } = stored;
  return report as InformationReport;
}

/** Writes a new report once: the same id again (a retried request) answers the report already stored. */
export async function createReport(tables: Tables, report: InformationReport): Promise<{ report: InformationReport; repeated: boolean }> {
  try {
    await tables.informationReport.build(PutItemCommand).item(item(report)).options({ condition: { attr: 'pk', exists: false } }).send();
    return { report, repeated: false };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return { report: (await getReport(tables, report.reportId))!, repeated: true };
  }
}

export async function getReport(tables: Tables, reportId: string): Promise<InformationReport | undefined> {
  const { Item } = await tables.informationReport.build(GetItemCommand).key(reportKey(reportId)).send();
  return Item ? toReport(Item) : undefined;
}

/** Stores the routed report if it still has status `from`; false when another step moved it first. */
export async function saveRouted(tables: Tables, from: InformationReportStatus, routed: InformationReport): Promise<boolean> {
  try {
    await tables.informationReport.build(PutItemCommand).item(item(routed)).options({ condition: { attr: 'status', eq: from } }).send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The reports made from `from` to `to` (dates, inclusive), in the order they were made. */
export async function listReports(tables: Tables, period: { from: string; to: string }): Promise<InformationReport[]> {
  const reports: InformationReport[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await tables.table
      .build(QueryCommand)
      .entities(tables.informationReport)
      .query({ index: 'byKind', partition: KIND, range: { between: [period.from, `${period.to}~`] } })
      .options({ exclusiveStartKey: cursor })
      .send();
    reports.push(...Items.map((i) => toReport(i as Record<string, unknown>)));
    cursor = LastEvaluatedKey;
  } while (cursor);
  return reports;
}
