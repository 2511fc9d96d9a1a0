/**
 * History per run (issue 13 §1): how many events and bytes one workflow run piles up, for the
 * settlement case of a family (permit → settled, on the bench's dev server) and for the family's
 * five-year arrival journeys (on a time-skipping test server of their own: five years of timers in
 * minutes). Bytes are the history as Temporal stores it (protobuf, payloads encrypted).
 */
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { addMonths, type IsoDate } from '../domain/dates';
import { ensureSearchAttributes } from '../runtime/search-attributes';
import type { TestServerExecutable } from '../runtime/temporal-binaries';
import { ensureTable } from '../store/client';
import { createTables } from '../store/table';
import { ARRIVAL_JOURNEY_WORKFLOW, arrivalJourneyWorkflowId } from '../workflows/arrival-messages';
import { family, journeyInput } from '../test/fixtures/arrival';

export type RunSize = { events: number; bytes: number };

async function sizedHistory(client: Client, workflowId: string, runId?: string) {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const size: RunSize = { events: history.events?.length ?? 0, bytes: proto.temporal.api.history.v1.History.encode(history).finish().length };
  return { history, size };
}

/** Events and stored bytes of one run (the latest unless `runId`). */
export async function runSize(client: Client, workflowId: string, runId?: string): Promise<RunSize> {
  return (await sizedHistory(client, workflowId, runId)).size;
}

/** Every run of a workflow that continued as new, first run first (each run's start names the one before). */
export async function allRuns(client: Client, workflowId: string): Promise<RunSize[]> {
  const runs: RunSize[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const { history, size } = await sizedHistory(client, workflowId, runId);
    runs.unshift(size);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

/**
 * The family (two adults, a school child, a toddler) settled today on a fresh time-skipping
 * server, no staff step taken: reminders, escalations, grant dates and the yearly continue-as-new
 * run on their own until every journey has ended after settlement year five.
 */
export async function fiveYearJourneys(opts: {
  testServer: TestServerExecutable;
  bundlePath: string;
  documentClient: DynamoDBDocumentClient;
  dataConverter: DataConverter;
  log: (line: string) => void;
}): Promise<{ person: string; runs: RunSize[] }[]> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: opts.testServer } });
  try {
    // Locked, the server's clock moves only in env.sleep(), so the journeys exist before time moves.
    await env.connection.testService!.lockTimeSkipping({});
    await ensureSearchAttributes(env.connection, 'default');
    const tableName = `bench-history-${randomUUID().slice(0, 8)}`;
    await ensureTable(opts.documentClient, tableName);
    const tables = createTables(opts.documentClient, tableName, { embedded: true });
    const taskQueue = `bench-history-${randomUUID().slice(0, 8)}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: opts.bundlePath },
      activities: createActivities({ tables, webhooks: { allowLoopback: true } }),
      dataConverter: opts.dataConverter,
    });
    const client = new Client({ connection: env.connection, namespace: 'default', dataConverter: opts.dataConverter });
    return await worker.runUntil(async () => {
      const settled: IsoDate = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const f = family(settled);
      const members = { adult: f.main, 'spouse under 25': f.spouse, 'school child': f.schoolChild, toddler: f.toddler };
      const household = Object.values(members);
      const caseId = `bench-history-${randomUUID()}`;
      const handles: WorkflowHandle[] = await Promise.all(
        household.map((p, i) =>
          client.workflow.start(ARRIVAL_JOURNEY_WORKFLOW, {
            workflowId: arrivalJourneyWorkflowId(caseId, i + 1),
            taskQueue,
            args: [journeyInput(p, household, settled, caseId)],
          }),
        ),
      );
      // A month at a time, so the worker keeps up with each month's timers as a year of steps would.
      const end = addMonths(settled, 12 * 6 + 1);
      for (let month = 1; ; month++) {
        const now = await env.currentTimeMs();
        if (now >= Date.parse(`${end}T12:00:00Z`)) break;
        await env.sleep(Date.parse(`${addMonths(settled, month)}T12:00:00Z`) - now);
        if (month % 12 === 0) opts.log(`history: the family's journeys in settlement year ${month / 12 + 1}`);
      }
      const closed = await Promise.all(handles.map(async (h) => (await client.workflow.getHandle(h.workflowId).describe()).status.name));
      if (closed.some((s) => s === 'RUNNING')) throw new Error(`the five-year journeys had not ended by ${end}: ${closed.join(', ')}`);
      return Promise.all(Object.keys(members).map(async (person, i) => ({ person, runs: await allRuns(client, handles[i]!.workflowId) })));
    });
  } finally {
    await env.teardown();
  }
}
