/**
 * Replay: recorded histories of the arrival journey (test/histories/) are replayed against the
 * current workflow code, so a change that would break running journeys fails the suite.
 *
 * The histories are recorded once, by this file, when they are missing; RECORD_HISTORIES=1
 * records them again (only do that for a deliberate, versioned change of the workflow).
 *
 * Stored as JSON through @temporalio/proto's own protobuf classes: the SDK's historyToJSON and
 * historyFromJSON fail in this install (@temporalio/common carries protobufjs 8, @temporalio/proto
 * protobufjs 7: "type must be a Type").
 */
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../domain/dates';
import {
  applyForGrantUpdate,
  closeTaskNotApplicableUpdate,
  completeTaskUpdate,
  recordInterpreterNeedUpdate,
  recordPlanEvaluationUpdate,
  recordProgrammeStartUpdate,
  recordTeamMeetingUpdate,
  registerInNirUpdate,
  runInfoQuery,
} from '../../workflows/arrival-messages';
import { family } from '../fixtures/arrival';
import { newCaseId, serverToday, skipTo, staff, startJourneys, viewUntil } from '../harness/arrival';
import { testDataConverter } from '../harness/codec';
import { eventually, useTimeSkipping } from '../harness/workers';

const historiesDir = path.resolve(import.meta.dirname, '../histories');
const files = ['arrival-journey-run-1.json', 'arrival-journey-run-2.json'];
const record = process.env.RECORD_HISTORIES === '1' || files.some((file) => !fs.existsSync(path.join(historiesDir, file)));

const t = useTimeSkipping();

/** An adult's first year and the start of the second: steps, reminders, an escalation, the year boundary. */
async function recordHistories(): Promise<void> {
  const settled = await serverToday(t);
  const year = Number(settled.slice(0, 4));
  const f = family(settled);
  const [h] = await startJourneys(t, [f.main], [f.main, f.spouse, f.schoolChild, f.toddler], settled, newCaseId(), () => ({ specialNeeds: true }));
  const journey = h!;
  const step = async (fn: () => Promise<unknown>) => void (await fn());

  await step(() => journey.executeUpdate(recordInterpreterNeedUpdate, { args: [{ actor: staff, needed: true, language: 'Arabic' }] }));
  for (const taskId of ['pick-up', 'first-day-food', 'money-until-stipend']) await step(() => journey.executeUpdate(completeTaskUpdate, { args: [{ actor: staff, taskId }] }));
  await step(() => journey.executeUpdate(closeTaskNotApplicableUpdate, { args: [{ actor: staff, taskId: 'housing-allowance', reason: 'Income above the limit' }] }));
  await step(() => journey.executeUpdate(registerInNirUpdate, { args: [{ actor: staff, registeredOn: settled }] }));
  await step(() => journey.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'integration', settlementYear: 1 }] }));
  await step(() => journey.executeUpdate(recordProgrammeStartUpdate, { args: [{ actor: staff, startDate: settled }] }));
  // 'urgent-health' stays open: the first day escalates; the first days are reminded and escalated.
  await skipTo(t, addDays(settled, 10));
  await viewUntil(journey, (v) => v.deadlines.some((d) => d.id === 'first-days' && d.status === 'overdue'));
  await step(() => journey.executeUpdate(recordTeamMeetingUpdate, { args: [{ actor: staff, heldOn: addDays(settled, 10) }] }));

  await skipTo(t, `${year + 1}-01-05`);
  await viewUntil(journey, (v) => v.settlementYear === 2);
  await step(() => journey.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'integration', settlementYear: 2 }] }));
  await step(() => journey.executeUpdate(applyForGrantUpdate, { args: [{ actor: staff, grant: 'extra', variant: 'one_time' }] }));
  const evaluatedOn = `${year + 1}-01-05`;
  await step(() => journey.executeUpdate(recordPlanEvaluationUpdate, { args: [{ actor: staff, evaluatedOn }] }));

  const info = await eventually(() => journey.query(runInfoQuery), (i) => i.runIndex === 2);
  const runIds = [info.previousRuns[0]!.runId, info.runId];
  fs.mkdirSync(historiesDir, { recursive: true });
  for (const [i, runId] of runIds.entries()) {
    const history = await t.client.workflow.getHandle(journey.workflowId, runId).fetchHistory();
    const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
    fs.writeFileSync(path.join(historiesDir, files[i]!), `${JSON.stringify(json, null, 1)}\n`);
  }
}

const History = temporal.api.history.v1.History;

function loadHistory(file: string) {
  return History.fromObject(JSON.parse(fs.readFileSync(path.join(historiesDir, file), 'utf8')));
}

describe('arrival journey replay', () => {
  beforeAll(async () => {
    if (record) await recordHistories();
  });

  it.each(files)('replays %s with the current workflow code', async (file) => {
    const history = loadHistory(file);
    expect(history.events!.length).toBeGreaterThan(20);
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: testDataConverter() }, history);
  });

  it('fails the replay when the recorded commands no longer match the code', async () => {
    const history = loadHistory(files[0]!);
    const scheduled = history.events!.find((e) => e.activityTaskScheduledEventAttributes)!;
    scheduled.activityTaskScheduledEventAttributes!.activityType = { name: 'recordCaseSummary' };
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: testDataConverter() }, history)).rejects.toThrowError(DeterminismViolationError);
  });
});
