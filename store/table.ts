/**
 * The one DynamoDB table (single-table design) and its item types, through dynamodb-toolbox.
 * Temporal holds each case's truth; this table holds what Temporal should not: the case index for
 * lists and dashboards, municipalities and their yearly capacity, the notification and audit logs.
 *
 * Access patterns (each has a key or an index):
 * | pattern                                   | key / index                                              |
 * | one case's summary                        | pk CASE#<caseId>, sk SUMMARY                             |
 * | cases by stage, newest change first       | byStage: gsi1pk STAGE#<stage>, gsi1sk <updatedAt>#<caseId> |
 * | all cases, newest change first            | byKind:  gsi2pk KIND#case, gsi2sk <updatedAt>#<caseId>    |
 * | a reception centre's cases (R-PRIV-2)     | byCentre: gsi3pk CENTRE#<id>, gsi3sk <updatedAt>#<caseId> |
 * | a municipality's accepted cases (R-PRIV-1)| byMunicipality: gsi4pk MUNICIPALITY#<number>, gsi4sk <updatedAt>#<caseId> (sparse: accepted cases only) |
 * | cases by their earliest open deadline     | byDue: gsi5pk DUE, gsi5sk <nextDueDate>#<caseId> (sparse: cases with open tasks) |
 * | unsettled cases by goal date (R-GOAL-1)   | byGoal: gsi6pk GOAL#open, gsi6sk <goalDate>#<caseId> (sparse: not settled, closed or refused) |
 * | a municipality's decided number in a year | pk MUNICIPALITY#<number>, sk YEAR#<year>                  |
 * | all municipalities in a year              | byKind:  gsi2pk KIND#municipality-year#<year>, gsi2sk <number> |
 * | a case's whole timeline, in order         | pk CASE#<caseId>, sk EVENT#<seq> (store/case-timeline.ts) |
 * | a case's audit trail, in order (R-PRIV-4) | pk AUDIT#<caseId>, sk <at>#<id>                           |
 * | list reads of a day, in order (R-PRIV-4)  | pk AUDITREQ#<YYYY-MM-DD>, sk <at>#<id> (store/audit-log.ts; a case's: filter contains(caseIds)) |
 * | a case's notifications                    | pk CASE#<caseId>, sk NOTIFICATION#<notificationId>        |
 * | notifications by status (e.g. manual)     | byKind:  gsi2pk KIND#notification#<status>, gsi2sk <createdAt> |
 * | a letter's PDF                            | pk CASE#<caseId>, sk LETTER#<notificationId>              |
 * | one party in the recipient directory      | pk RECIPIENT#<kind>#<id>, sk RECIPIENT                    |
 * | the recipient directory, by kind          | byKind:  gsi2pk KIND#recipient, gsi2sk <kind>#<id>        |
 * | the case a person is in (R-ELIG-5)        | pk PERSON#<HMAC of the DUF number>, sk CASE              |
 * | a closed case's or journey's archive      | pk ARCHIVE#<workflowId>, sk PART#<n> (store/archive.ts)   |
 * | archives by kind, oldest closing first    | byKind:  gsi2pk KIND#archive#<kind>, gsi2sk <closedAt>#<workflowId> (part 0 only) |
 * | one missing-information report (R-DIST-8)| pk INFOREPORT#<reportId>, sk REPORT (store/information-reports.ts) |
 * | those reports, in the order reported      | byKind:  gsi2pk KIND#information-report, gsi2sk <reportedAt>#<reportId> |
 * | R-GOAL-1 counters of a day, per group      | pk STATS#DAY#<m or r>, sk <YYYY-MM-DD>#<group> (store/statistics.ts) |
 * | R-GOAL-1 counters of a month, per group    | pk STATS#MONTH#<m or r>, sk <YYYY-MM>#<group>                |
 * | whether the counters were built from the rows | pk STATS, sk BUILT (its format version)                  |
 *
 * (A table created before the statistics counters also has bySettled, gsi7: nothing reads or fills
 * it any more; rows lose its keys as they are next written.)
 *
 * Filters that no index serves (priority group, goal status or overdue next to another filter)
 * are a FilterExpression on the query of the most selective index; never a Scan.
 *
 * dynalite (the embedded store) has no transactions, so every invariant is one conditional write
 * on one item (the case summary's version, a municipality's used and free persons) — except a case
 * row and its statistics counters, written together by `writeTransaction` (store/transaction.ts):
 * one TransactWriteItems on DynamoDB, the same writes in order under an in-process lock on dynalite.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, Table, binary, boolean, item, list, map, number, set, string } from 'dynamodb-toolbox';

export const tableKeys = {
  partitionKey: { name: 'pk', type: 'string' },
  sortKey: { name: 'sk', type: 'string' },
  indexes: {
    byStage: { type: 'global', partitionKey: { name: 'gsi1pk', type: 'string' }, sortKey: { name: 'gsi1sk', type: 'string' } },
    byKind: { type: 'global', partitionKey: { name: 'gsi2pk', type: 'string' }, sortKey: { name: 'gsi2sk', type: 'string' } },
    byCentre: { type: 'global', partitionKey: { name: 'gsi3pk', type: 'string' }, sortKey: { name: 'gsi3sk', type: 'string' } },
    byMunicipality: { type: 'global', partitionKey: { name: 'gsi4pk', type: 'string' }, sortKey: { name: 'gsi4sk', type: 'string' } },
    byDue: { type: 'global', partitionKey: { name: 'gsi5pk', type: 'string' }, sortKey: { name: 'gsi5sk', type: 'string' } },
    byGoal: { type: 'global', partitionKey: { name: 'gsi6pk', type: 'string' }, sortKey: { name: 'gsi6sk', type: 'string' } },
  },
} as const;

/**
 * `embedded`: the store is dynalite (runtime/embedded-dynamo.ts), which has no TransactWriteItems;
 * required so that no caller gets DynamoDB's behaviour on dynalite, or dynalite's on DynamoDB, by default.
 */
export type StoreKind = { embedded: boolean };

export function createTables(documentClient: DynamoDBDocumentClient, tableName: string, store: StoreKind) {
  const table = new Table({ documentClient, name: tableName, ...tableKeys });

  /** The read model of one settlement case: written by activities, versioned so a late write never wins. */
  const caseSummary = new Entity({
    name: 'CaseSummary',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      gsi1pk: string(),
      gsi1sk: string(),
      gsi2pk: string(),
      gsi2sk: string(),
      gsi3pk: string(),
      gsi3sk: string(),
      gsi4pk: string().optional(),
      gsi4sk: string().optional(),
      gsi5pk: string().optional(),
      gsi5sk: string().optional(),
      gsi6pk: string().optional(),
      gsi6sk: string().optional(),
      caseId: string(),
      permitId: string(),
      permitType: string(),
      permitDate: string(),
      stage: string(),
      receptionCentreId: string(),
      receptionCentreName: string(),
      municipalityNumber: string().optional(),
      offeredToMunicipalityNumber: string().optional(),
      hostMunicipalityNumber: string().optional(),
      priorityGroup: string(),
      goalStatus: string(),
      householdSize: number(),
      goalStartsOn: string().optional(),
      openTasks: list(map({ id: string(), title: string(), rule: string(), dueDate: string(), party: string().optional() })),
      createdAt: string(),
      updatedAt: string(),
      version: number(),
      settledAt: string().optional(),
      unaccompaniedMinor: boolean().optional(),
      // Derived on write (case-index.ts), for filters and dashboards.
      goalDate: string(),
      atRiskDate: string(),
      /** The R-GOAL-1 clock still runs: not settled, closed or refused. */
      goalRunning: boolean(),
      nextDueDate: string().optional(),
    }),
  });

  /**
   * A municipality's yearly decided number (vedtak, R-DIST-2) in persons, and how many are reserved.
   * Written only by update expressions (store/municipalities.ts), never put whole: each change is
   * one atomic write, so a change of the decided number cannot wipe a reservation.
   */
  const municipalityYear = new Entity({
    name: 'MunicipalityYear',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      gsi2pk: string(),
      gsi2sk: string(),
      municipalityNumber: string(),
      name: string(),
      year: number(),
      /** Persons the municipality decided to settle this year. */
      decided: number(),
      /** Persons in the households holding a place. */
      used: number(),
      /** decided − used, kept in every write: the condition of a reservation (`free >= persons`). Negative when the decided number was lowered below used. */
      free: number(),
      /** The cases holding a place (a string set, ADD / DELETE): a retried reservation is a no-op. Absent when empty. */
      reservedCases: set(string()).optional(),
    }),
  });

  /** Who did what to which case, when (R-PRIV-4). Append-only. */
  const auditEvent = new Entity({
    name: 'AuditEvent',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      caseId: string(),
      at: string(),
      actor: string(),
      role: string(),
      organisation: string().optional(),
      action: string(),
      outcome: string().optional(),
      detail: string().optional(),
    }),
  });

  /**
   * One list read (R-PRIV-4): who read which cases in one request, when — one item per request, not
   * one per case, so a list of 200 cases costs one write. `caseIds` holds ids only, no person.
   */
  const auditRequest = new Entity({
    name: 'AuditRequest',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      requestId: string(),
      at: string(),
      actor: string(),
      role: string(),
      organisation: string().optional(),
      action: string(),
      outcome: string(),
      detail: string().optional(),
      caseIds: list(string()),
      /** Cases the request returned in all (a request past the item size limit is split; each part names its share). */
      caseCount: number(),
    }),
  });

  /** Every message the system decided to send, written once per notification id (retries never duplicate). */
  const notification = new Entity({
    name: 'Notification',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      gsi2pk: string(),
      gsi2sk: string(),
      notificationId: string(),
      caseId: string(),
      type: string(),
      rule: string(),
      recipient: string(),
      channel: string(),
      status: string(),
      attempts: number(),
      subject: string(),
      body: string(),
      /** The validated data as JSON: exactly what the type's schema let through (R-PRIV-3). */
      data: string().optional(),
      lastError: string().optional(),
      createdAt: string(),
      // Optional so entries written before the notifications layer still read.
      recipientKind: string().optional(),
      recipientId: string().optional(),
      recipientName: string().optional(),
      requestHash: string().optional(),
      hasLetter: boolean().optional(),
      updatedAt: string().optional(),
      deliveredAt: string().optional(),
    }),
  });

  /** A letter's PDF, kept with its case (a few KB; well under DynamoDB's 400 KB item limit). */
  const letter = new Entity({
    name: 'Letter',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      caseId: string(),
      notificationId: string(),
      pdf: binary(),
      createdAt: string(),
    }),
  });

  /** A party that receives notifications (school, NAV office, …) and how it is reached. */
  const recipient = new Entity({
    name: 'Recipient',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      gsi2pk: string(),
      gsi2sk: string(),
      kind: string(),
      recipientId: string(),
      name: string(),
      channel: map({
        type: string(),
        url: string().optional(),
        secret: string().optional(),
        address: string().optional(),
        postalAddress: map({ lines: list(string()), postcode: string(), town: string(), country: string().optional() }).optional(),
      }),
      updatedAt: string(),
    }),
  });

  /**
   * The case a person is in (R-ELIG-5): one item per person, claimed with a conditional put when a
   * case is started, so a second permit for someone in an open case cannot start a second case.
   * Keyed by an HMAC of the DUF number (store/person-index.ts): no DUF number in the table.
   */
  const personCase = new Entity({
    name: 'PersonCase',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      caseId: string(),
      claimedAt: string(),
    }),
  });

  /**
   * One part of a closed case's or journey's archive (store/archive.ts): encrypted like Temporal's
   * payloads, so the clear attributes name no person (ids, kind, dates and part numbers only).
   */
  const archivePart = new Entity({
    name: 'ArchivePart',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      gsi2pk: string().optional(),
      gsi2sk: string().optional(),
      kind: string(),
      workflowId: string(),
      caseId: string(),
      closedAt: string(),
      part: number(),
      parts: number(),
      data: binary(),
    }),
  });

  /** R-DIST-8: a municipality's report of missing or wrong information, on its way IMDi → UDI → the centre. */
  const informationReport = new Entity({
    name: 'InformationReport',
    table,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      gsi2pk: string(),
      gsi2sk: string(),
      reportId: string(),
      caseId: string(),
      municipalityNumber: string(),
      receptionCentreId: string(),
      categories: list(string()),
      description: string(),
      status: string(),
      reportedAt: string(),
      reportedBy: map({ id: string(), role: string(), organisation: string().optional() }),
      forwardedAt: string().optional(),
      forwardedBy: map({ id: string(), role: string(), organisation: string().optional() }).optional(),
      takenUpAt: string().optional(),
      takenUpBy: map({ id: string(), role: string(), organisation: string().optional() }).optional(),
      udiNote: string().optional(),
    }),
  });

  return {
    table,
    caseSummary,
    municipalityYear,
    auditEvent,
    auditRequest,
    notification,
    letter,
    recipient,
    personCase,
    archivePart,
    informationReport,
    /** How `writeTransaction` writes several items at once on this store. */
    transactions: store.embedded ? ('serialized' as const) : ('dynamodb' as const),
    /** The in-process lock of the serialized form (one per Tables: the system shares one). */
    serialize: createLock(),
  };
}

export type Tables = ReturnType<typeof createTables>;

/** Runs the functions given to it one at a time, in the order given. */
function createLock(): <T>(run: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (run) => {
    const result = tail.then(run);
    tail = result.catch(() => undefined);
    return result;
  };
}
