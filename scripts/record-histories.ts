/**
 * `npm run record-histories`: runs real cases on a throw-away system (in-memory dev server and
 * store, free ports) and writes their histories to test/histories/, which the replay test runs
 * through the current workflow code. Record again only after a deliberate, patched() change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { WorkflowHandle } from '@temporalio/client';
import { addDays, isoWeekYear } from '../domain/dates';
import { freePort } from '../runtime/ports';
import { startSystem } from '../runtime/system';
import { ensureTemporalCli } from '../runtime/temporal-binaries';
import { setDecidedNumber } from '../store/municipalities';
import { loadConfig } from '../temporal.config';
import { caseStateQuery } from '../workflows/messages';
import { readyForDistribution, staff, startCase, step } from '../test/fixtures/cases';
import { validInterview } from '../test/fixtures/interview';
import { calendarOn } from '../test/fixtures/calendar';
import { TEST_CASE_ID_SECRET, TEST_PAYLOAD_KEYS } from '../test/fixtures/secrets';

const out = path.join(import.meta.dirname, '..', 'test', 'histories');
const log = (line: string) => console.log(`[record] ${line}`);

const config = loadConfig({
  ...process.env,
  TEMPORAL_ADDRESS: undefined,
  DYNAMODB_ENDPOINT: undefined,
  DYNAMODB_REGION: undefined,
  TEMPORAL_DEV_PORT: String(await freePort()),
  TEMPORAL_DEV_UI: 'false',
  DYNALITE_PORT: String(await freePort()),
  PORT: String(await freePort()),
  BOSETTING_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bosetting-record-')),
  // Recorded encrypted, with the tests' key, so the replay test can read them.
  PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
  CASE_ID_SECRET: TEST_CASE_ID_SECRET,
  // Nothing signs in while recording; a throwaway secret satisfies the API's start-up check.
  AUTH_SECRET: 'record-histories-only-not-a-real-secret-000000',
});
const system = await startSystem(config, { log, persist: false });
const { client, tables } = system;
const taskQueue = config.temporal.taskQueue;

const cli = await ensureTemporalCli({ cacheDir: config.binaries.cacheDir, explicitPath: config.binaries.cliPath, log });

/** The CLI writes the standard proto-JSON history that Worker.runReplayHistory reads. */
async function save(name: string, handle: WorkflowHandle) {
  await handle.result();
  const shown = spawnSync(cli, ['workflow', 'show', '--workflow-id', handle.workflowId, '--address', system.temporalAddress, '--output', 'json'], { encoding: 'utf8' });
  if (shown.status !== 0) throw new Error(`temporal workflow show failed: ${shown.stderr}`);
  fs.writeFileSync(path.join(out, `${name}.json`), shown.stdout);
  log(`wrote ${name}.json`);
}

try {
  fs.mkdirSync(out, { recursive: true });
  const cal = calendarOn(new Date().toISOString().slice(0, 10));
  const week = cal.week(60);
  await setDecidedNumber(tables, { municipalityNumber: '3403', name: 'Hamar', year: isoWeekYear(week), decided: 50 });
  const harness = { client, taskQueue, calendar: async () => cal };

  const family = await startCase(harness);
  await readyForDistribution(family.handle, validInterview(cal));
  await step(family.handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
  await step(family.handle, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: week });
  // R-MOVE-3: an arrival is never in the future, so the family moves today.
  const movingDate = new Date().toISOString().slice(0, 10);
  await step(family.handle, 'agreeMovingDate', staff.mottak, { movingDate, travel: { mode: 'public_transport', journeyHours: 5 } });
  await step(family.handle, 'confirmArrival', staff.kommune('3403'), { arrivedOn: movingDate, allMembersArrived: true });
  await save('settlement-case-family-to-move-in', family.handle);

  const refusal = await startCase(harness);
  await readyForDistribution(refusal.handle, validInterview(cal));
  await step(refusal.handle, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
  await step(refusal.handle, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: week });
  const today = new Date().toISOString().slice(0, 10);
  await step(refusal.handle, 'registerRefusal', staff.mottak, { refusedOn: today, moveDeadline: addDays(today, 20) });
  await step(refusal.handle, 'registerDeparture', staff.mottak, { date: today, reason: 'left_without_address' });
  await save('settlement-case-refusal-left', refusal.handle);
} finally {
  await system.stop();
}
