/**
 * The archive (issue 14): when a settlement case or an arrival journey closes, its final state and
 * readable history are kept here, so the API still answers for it once Temporal has forgotten the
 * workflow (a namespace's retention; Temporal Cloud keeps a closed workflow at most 90 days).
 *
 * Encrypted exactly like Temporal's payloads: the record is one payload (gzipped JSON) passed
 * through the client's or worker's payload codecs (privacy/payload-codec.ts), so it names its key
 * and stays readable after rotation. The sealed payload is split into parts under DynamoDB's
 * 400 KB item limit; only ids, the kind and dates are in the clear.
 *
 * Access patterns: pk ARCHIVE#<workflowId>, sk PART#<n>; by kind and closing date (retention,
 * privacy/retention.ts): byKind gsi2pk KIND#archive#<kind>, gsi2sk <closedAt>#<workflowId>, part 0 only.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';
import { BatchDeleteRequest, BatchPutRequest, BatchWriteCommand, executeBatchWrite, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import type { HistoryEntry } from '../api/history';
import type { CaseState } from '../domain/case/state';
import type { JourneyState, JourneyView } from '../domain/journey';
import type { JourneyOutcome } from '../workflows/arrival-messages';
import type { Tables } from './table';

export type ArchiveKind = 'case' | 'journey';

export type CaseArchive = {
  kind: 'case';
  caseId: string;
  workflowId: string;
  closedAt: string;
  /** The state the workflow returned. */
  state: CaseState;
  /** The readable history (api/history.ts), every entry, as the full view reads it; views filter it. */
  history: { runs: number; entries: HistoryEntry[] };
};

export type JourneyArchive = {
  kind: 'journey';
  caseId: string;
  workflowId: string;
  closedAt: string;
  state: JourneyState;
  /** The journey's view on the day it ended. */
  view: JourneyView;
  outcome: JourneyOutcome;
};

export type Archive = CaseArchive | JourneyArchive;

/** The codecs of a Temporal client or worker (`client.options.loadedDataConverter.payloadCodecs`). */
export type Codecs = readonly PayloadCodec[];

const ProtoPayload = proto.temporal.api.common.v1.Payload;
const ENCODING = 'binary/gzip-json';
/** Under DynamoDB's 400 KB item limit with room for the other attributes. */
const PART_BYTES = 350 * 1024;
const BATCH = 25;

const pk = (workflowId: string) => `ARCHIVE#${workflowId}`;
const sk = (part: number) => `PART#${String(part).padStart(4, '0')}`;

async function seal(codecs: Codecs, record: Archive): Promise<Uint8Array> {
  let payloads: Payload[] = [{ metadata: { encoding: new TextEncoder().encode(ENCODING) }, data: gzipSync(JSON.stringify(record)) }];
  for (const codec of codecs) payloads = await codec.encode(payloads);
  return ProtoPayload.encode(ProtoPayload.create(payloads[0]!)).finish();
}

async function unseal(codecs: Codecs, bytes: Uint8Array): Promise<Archive> {
  let payloads: Payload[] = [ProtoPayload.decode(bytes)];
  for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
  return JSON.parse(gunzipSync(payloads[0]!.data ?? new Uint8Array()).toString('utf8')) as Archive;
}

/**
 * Writes the archive; idempotent (a retried activity writes the same parts again). Part 0, which
 * names the number of parts and is the one the index lists, is written last: a reader that finds
 * it finds every part.
 */
export async function saveArchive(tables: Tables, codecs: Codecs, record: Archive): Promise<void> {
  const sealed = await seal(codecs, record);
  const parts = Math.max(1, Math.ceil(sealed.byteLength / PART_BYTES));
  const item = (part: number) => ({
    pk: pk(record.workflowId),
    sk: sk(part),
    kind: record.kind,
    workflowId: record.workflowId,
    caseId: record.caseId,
    closedAt: record.closedAt,
    part,
    parts,
    data: sealed.subarray(part * PART_BYTES, (part + 1) * PART_BYTES),
  });
  const rest = Array.from({ length: parts - 1 }, (_, i) => tables.archivePart.build(BatchPutRequest).item(item(i + 1)));
  await writeBatches(tables, rest);
  await tables.archivePart
    .build(PutItemCommand)
    .item({ ...item(0), gsi2pk: `KIND#archive#${record.kind}`, gsi2sk: `${record.closedAt}#${record.workflowId}` })
    .send();
}

// any: the toolbox types a batch request per entity
async function writeBatches(tables: Tables, requests: any[]): Promise<void> {
  for (let i = 0; i < requests.length; i += BATCH) {
    const { UnprocessedItems = {} } = await executeBatchWrite({ maxAttempts: 5 }, tables.table.build(BatchWriteCommand).requests(...(requests.slice(i, i + BATCH) as [BatchPutRequest])));
    if (Object.keys(UnprocessedItems).length > 0) throw new Error('the archive did not accept every part');
  }
}

async function partsOf(tables: Tables, workflowId: string) {
  const items: { sk: string; part: number; parts: number; data: Uint8Array }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await tables.table
      .build(QueryCommand)
      .entities(tables.archivePart)
      .query({ partition: pk(workflowId), range: { beginsWith: 'PART#' } })
      .options({ consistent: true, exclusiveStartKey: start })
      .send();
    items.push(...Items);
    start = LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => a.part - b.part);
}

/** The archive of one workflow, if it has one. */
export async function readArchive(tables: Tables, codecs: Codecs, workflowId: string): Promise<Archive | undefined> {
  const items = await partsOf(tables, workflowId);
  const first = items[0];
  if (!first || first.part !== 0) return undefined;
  const parts = items.slice(0, first.parts);
  if (parts.length !== first.parts) throw new Error(`the archive of ${workflowId} lacks parts (${parts.length} of ${first.parts})`);
  return unseal(codecs, Buffer.concat(parts.map((p) => Buffer.from(p.data))));
}

export async function readCaseArchive(tables: Tables, codecs: Codecs, caseId: string): Promise<CaseArchive | undefined> {
  const archive = await readArchive(tables, codecs, caseId);
  return archive?.kind === 'case' ? archive : undefined;
}

export async function readJourneyArchive(tables: Tables, codecs: Codecs, workflowId: string): Promise<JourneyArchive | undefined> {
  const archive = await readArchive(tables, codecs, workflowId);
  return archive?.kind === 'journey' ? archive : undefined;
}

export type ArchiveListing = { kind: ArchiveKind; workflowId: string; caseId: string; closedAt: string };

/** Archives of a kind closed before `before` (an ISO instant), oldest first; at most `limit`. */
export async function archivesClosedBefore(tables: Tables, kind: ArchiveKind, before: string, limit: number): Promise<ArchiveListing[]> {
  const { Items = [] } = await tables.table
    .build(QueryCommand)
    .entities(tables.archivePart)
    .query({ index: 'byKind', partition: `KIND#archive#${kind}`, range: { lt: before } })
    .options({ limit })
    .send();
  return Items.map(({ kind: k, workflowId, caseId, closedAt }) => ({ kind: k as ArchiveKind, workflowId, caseId, closedAt }));
}

/** Erases an archive, every part; answers how many parts were deleted. Part 0 last, so a listing never names a half-erased archive's missing head. */
export async function eraseArchive(tables: Tables, workflowId: string): Promise<number> {
  const items = await partsOf(tables, workflowId);
  const requests = items.map((p) => tables.archivePart.build(BatchDeleteRequest).key({ pk: pk(workflowId), sk: p.sk }));
  await writeBatches(tables, requests.slice(1));
  await writeBatches(tables, requests.slice(0, 1));
  return items.length;
}
