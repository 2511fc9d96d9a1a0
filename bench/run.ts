/**
 * `npm run bench`: how fast Bosetting is on this machine, beside raw Temporal in the same run
 * (issue 13). Starts a throw-away system of its own (in-memory dev server, dynalite, worker, API on
 * free ports, a temp data dir), runs each measurement through the API and through raw Temporal
 * client calls doing the same work, and prints a table. Figures are printed, never asserted.
 *
 *   npm run bench                     # the default run, about 5 minutes on 2 idle cores
 *   npm run bench -- --quick          # a smoke run
 *   npm run bench -- --full           # bigger: more cases, concurrency 1/10/50, 1k/10k/100k rows, 5 000 open cases (an hour or more here)
 *   npm run bench -- --cases 200 --concurrency 10,50 --rows 1000,100000 --open 2000 --repeats 3
 *
 * Measurements:
 *  1. step latency (concurrency 1): every staff step of a family from permit to move-in, through the
 *     API, as raw updates on the same workflow, and a raw update on a trivial workflow (the floor);
 *  2. creation: new cases fully processed (permit → read-model row written) per second, and
 *     whole journeys: families permit → settled (row says settled) per second;
 *  3a. one case read: an open case cached in the worker, a completed case (archive vs replayed query);
 *  3. statistics for a year (and one list page) at 1 k and 100 k case-index rows, written
 *     straight to the store with its own code (store/case-index.ts saveCaseSummary);
 *  4. worker memory: a worker alone in its own process (bench/memory-worker.ts), RSS with 0 and N
 *     open cases cached, bytes per cached workflow, RSS extrapolated to 150 000 open journeys;
 *  5. history: events and bytes per run of a family's settlement case and of its five-year arrival
 *     journeys (on a time-skipping server), and what replaying the case's history costs a worker
 *     that no longer has it cached;
 *  6. letters: CPU per letter PDF (notifications/channels/letter.ts), rendered in the notify activity on
 *     the worker's main thread — the thread that also carries every workflow task to the server.
 */
import crypto from 'node:crypto';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { signToken, type Role } from '../api/auth';
import { caseIdForPermit } from '../api/case-id';
import { isoWeekYear } from '../domain/dates';
import type { PermitGranted } from '../domain/permit';
import { permitGrantedSchema } from '../domain/permit.schema';
import { interviewRecordSchemaFor } from '../domain/settlement-info.schema';
import { stepSchemas, type StepName } from '../domain/steps.schema';
import { messageDefinition, parseNotification, renderNotification, textsByLocale } from '../notifications/catalog';
import { renderLetterPdf, type LetterContent } from '../notifications/channels/letter';
import { createDataConverter } from '../privacy/data-converter';
import { parseKeyRing } from '../privacy/payload-keys';
import { freePort } from '../runtime/ports';
import { SINGLE_MACHINE_DYNAMIC_CONFIG, startDevServer } from '../runtime/dev-server';
import { startSystem } from '../runtime/system';
import { ensureTemporalCli, ensureTestServer } from '../runtime/temporal-binaries';
import { getCaseSummary, saveCaseSummary, type CaseSummary } from '../store/case-index';
import { DEV_AUDIENCE, DEV_ISSUER, loadConfig } from '../temporal.config';
import { workflowBundleOptions } from '../worker/worker';
import { caseStateQuery, stepUpdates, type Actor } from '../workflows/messages';
import { completeSettlementInfo } from '../test/fixtures/cases';
import { calendarOn, type Calendar } from '../test/fixtures/calendar';
import { interviewFor } from '../test/fixtures/interview';
import { notificationExamples } from '../test/fixtures/notification-examples';
import { uniqueFamilyPermitBody } from '../test/fixtures/permits';
import { TEST_CASE_ID_SECRET, TEST_PAYLOAD_KEYS } from '../test/fixtures/secrets';
import { fiveYearJourneys, runSize } from './history';
import { pingUpdate } from './trivial-workflow';

// ─── Options ─────────────────────────────────────────────────────────────────────────────────
const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    cases: { type: 'string' },
    'latency-cases': { type: 'string' },
    creations: { type: 'string' },
    'creation-concurrency': { type: 'string' },
    concurrency: { type: 'string' },
    rows: { type: 'string' },
    open: { type: 'string' },
    repeats: { type: 'string' },
    'max-cached': { type: 'string' },
    only: { type: 'string' },
    'server-config': { type: 'string', default: 'embedded' },
  },
});
// The default fits about 3 minutes on this shared 2-core machine; --full is the issue's whole set.
const preset = flags.full
  ? { cases: 100, latencyCases: 10, creations: 500, creationConcurrency: [1, 10, 50], concurrency: [1, 10, 50], rows: [1_000, 10_000, 100_000], open: [1_000, 5_000], repeats: 3 }
  : flags.quick
    ? { cases: 6, latencyCases: 2, creations: 100, creationConcurrency: [10, 50], concurrency: [10], rows: [500, 1_500], open: [100], repeats: 1 }
    : { cases: 12, latencyCases: 3, creations: 300, creationConcurrency: [1, 10, 50], concurrency: [10], rows: [1_000, 3_000], open: [1_000], repeats: 1 };
const list = (text: string | undefined, fallback: number[]) => (text ? text.split(',').map(Number) : fallback);
const opts = {
  cases: Number(flags.cases ?? preset.cases),
  latencyCases: Number(flags['latency-cases'] ?? preset.latencyCases),
  concurrency: list(flags.concurrency, preset.concurrency),
  rows: list(flags.rows, preset.rows),
  open: list(flags.open, preset.open),
  repeats: Number(flags.repeats ?? preset.repeats),
  /** Sections to run: latency, creation, throughput, case-reads, reads, memory, history, letters (default all). */
  only: new Set((flags.only ?? 'latency,creation,throughput,case-reads,reads,memory,history,letters').split(',')),
  /** New cases per creation run (issue 13: cases/s fully processed, at concurrency 1, 10, 50). */
  creations: Number(flags.creations ?? preset.creations),
  creationConcurrency: list(flags['creation-concurrency'], preset.creationConcurrency),
};

const benchStarted = performance.now();
const log = (line: string) => console.error(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(3)} s] ${line}`);

// ─── Figures ─────────────────────────────────────────────────────────────────────────────────
type Row = { figure: string; api?: string; raw?: string; ratio?: string; note?: string };
const rows: Row[] = [];
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
const pct = (xs: number[], p: number) => {
  const s = sorted(xs);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const median = (xs: number[]) => pct(xs, 50);
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const spread = (xs: number[], fmt: (x: number) => string) => (xs.length > 1 ? `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})` : fmt(xs[0]!));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** Runs `work(i)` for i in [0, n) with at most `concurrency` at once. */
async function pool(n: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

/**
 * CPU seconds used so far by this process (API, worker, dynalite) and every process under it (the
 * dev server), from /proc: on a shared machine CPU per case is steadier than wall time.
 */
function cpuSeconds(): number {
  const tick = 100; // USER_HZ on Linux
  const ofPid = (pid: number) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      return 0;
    }
  };
  const children = (pid: number): number[] => {
    try {
      return fs
        .readdirSync(`/proc/${pid}/task`)
        .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      return [];
    }
  };
  const all: number[] = [];
  const queue = [process.pid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    all.push(pid);
    queue.push(...children(pid));
  }
  return all.reduce((sum, pid) => sum + ofPid(pid), 0);
}

async function timed<T>(samples: number[] | undefined, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  samples?.push(performance.now() - started);
  return result;
}

// ─── The system ──────────────────────────────────────────────────────────────────────────────
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bosetting-bench-'));
// The dev server, started here so its dynamic config can be compared: `embedded` is what
// `npm start` runs (runtime/dev-server.ts SINGLE_MACHINE_DYNAMIC_CONFIG), `server-default` the server's own.
const serverConfig = flags['server-config'];
if (serverConfig !== 'embedded' && serverConfig !== 'server-default') throw new Error('--server-config: embedded or server-default');
// dynalite in this process on a free port, so the bench runs beside `npm start` (which holds DYNALITE_PORT).
const dynamoPort = await freePort();
const devPort = await freePort();
const devServer = await startDevServer({
  cliPath: await ensureTemporalCli({ cacheDir: loadConfig({}).binaries.cacheDir, log: (line) => log(line) }),
  port: devPort,
  ui: false,
  dynamicConfig: serverConfig === 'embedded' ? SINGLE_MACHINE_DYNAMIC_CONFIG : {},
});
const authSecret = crypto.randomBytes(32).toString('base64url');
const config = loadConfig({
  ...process.env,
  TEMPORAL_ADDRESS: devServer.address,
  TEMPORAL_NAMESPACE: 'default',
  DYNAMODB_ENDPOINT: undefined,
  DYNAMODB_REGION: undefined,
  DYNALITE_PORT: String(dynamoPort),
  PORT: String(await freePort()),
  BOSETTING_DATA_DIR: tmp,
  DYNAMODB_TABLE: 'bosetting-bench',
  TEMPORAL_TASK_QUEUE: 'bosetting-bench',
  AUTH_JWKS_URL: undefined,
  AUTH_SECRET: authSecret,
  PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
  CASE_ID_SECRET: TEST_CASE_ID_SECRET,
  LOG_LEVEL: 'warn',
  ...(flags['max-cached'] ? { WORKER_MAX_CACHED_WORKFLOWS: flags['max-cached'] } : {}),
});
const taskQueue = config.temporal.taskQueue;

log(`bundling the workflow code`);
const bundle = await bundleWorkflowCode({ ...workflowBundleOptions, logger: quietLogger() });
const bundlePath = path.join(tmp, 'workflow-bundle.js');
fs.writeFileSync(bundlePath, bundle.code);

log(`starting the system (dev server, dynalite, worker, API) in ${tmp}`);
const system = await startSystem(config, { log: (line) => log(line), workflowBundle: { codePath: bundlePath }, persist: false });
const client: Client = system.client;
const dataConverter = createDataConverter(parseKeyRing(TEST_PAYLOAD_KEYS));

// The floor: a trivial workflow on a task queue of its own, in this process.
const trivialConnection = await NativeConnection.connect({ address: system.temporalAddress });
const trivialWorker = await Worker.create({
  connection: trivialConnection,
  taskQueue: 'bench-trivial',
  workflowsPath: path.join(import.meta.dirname, 'trivial-workflow.ts'),
  dataConverter,
});
const trivialRunning = trivialWorker.run();

const stops: (() => Promise<unknown>)[] = [];

async function main() {
  const cal = calendarOn(new Date().toISOString().slice(0, 10));
  const week = cal.week(60);
  const municipalities = ['3401', '3403', '3405', '3407', '3411', '3412', '3413', '3414', '3415', '3416'];
  for (const m of municipalities) {
    const r = await api({ role: 'imdi' }, 'PUT', `/v1/municipalities/${m}/${isoWeekYear(week)}`, { name: `Kommune ${m}`, decided: 100_000 });
    if (r.status >= 300) throw new Error(`PUT municipality ${m}: ${r.status} ${r.text}`);
  }
  const journey = { cal, week, municipalities };

  if (opts.only.has('latency')) await latency(journey);
  if (opts.only.has('creation')) await creations(journey);
  if (opts.only.has('throughput')) await throughputs(journey);
  // 3a. One case read: open and cached, completed.
  if (opts.only.has('case-reads')) await caseReads(journey);
  // 3. Reads at 1 k … 100 k case-index rows.
  if (opts.only.has('reads')) await readsAtScale(cal);
  // 4. Worker memory.
  if (opts.only.has('memory')) await workerMemory(cal);
  // 5. History per run.
  if (opts.only.has('history')) await historyPerRun(journey);
  // 6. Letters.
  if (opts.only.has('letters')) await letters();
}

/** 1. Step latency at concurrency 1. */
async function latency(journey: Journey) {
  log(`step latency: ${opts.latencyCases} families through the API and raw, 200 trivial updates`);
  const apiSteps = new Map<string, number[]>();
  const rawSteps = new Map<string, number[]>();
  const apiCreate: number[] = [];
  const rawCreate: number[] = [];
  await familyThroughApi(journey, 0, undefined, undefined); // warm-up
  await familyRaw(journey, 0, undefined, undefined);
  for (let i = 0; i < opts.latencyCases; i++) {
    await familyThroughApi(journey, i, apiSteps, apiCreate);
    await familyRaw(journey, i, rawSteps, rawCreate);
  }
  const trivial = await trivialUpdates(200);
  const halves = { update: rawSteps.get(UPDATE_ALONE) ?? [], query: rawSteps.get(QUERY_AFTER) ?? [] };
  rawSteps.delete(UPDATE_ALONE);
  rawSteps.delete(QUERY_AFTER);
  const all = (m: Map<string, number[]>) => [...m.values()].flat();
  const apiAll = all(apiSteps);
  const rawAll = all(rawSteps);
  rows.push({ figure: 'Create case p50 / p95 (ms)', api: `${ms(median(apiCreate))} / ${ms(pct(apiCreate, 95))}`, raw: `${ms(median(rawCreate))} / ${ms(pct(rawCreate, 95))}`, ratio: `${(median(apiCreate) / median(rawCreate)).toFixed(2)}` });
  rows.push({
    figure: `Staff step p50 / p95 (ms), ${apiAll.length} steps`,
    api: `${ms(median(apiAll))} / ${ms(pct(apiAll, 95))}`,
    raw: `${ms(median(rawAll))} / ${ms(pct(rawAll, 95))}`,
    ratio: `${(median(apiAll) / median(rawAll)).toFixed(2)}`,
    note: 'raw = the same update on the case workflow',
  });
  rows.push({
    figure: 'Staff step p50 vs trivial update p50 (ms)',
    api: ms(median(apiAll)),
    raw: `${ms(median(trivial))} (p95 ${ms(pct(trivial, 95))})`,
    ratio: `${(median(apiAll) / median(trivial)).toFixed(1)}`,
    note: 'raw = update on a workflow that does nothing',
  });
  rows.push({
    figure: 'Raw step split: the update alone / the query after it, p50 (ms)',
    raw: `${ms(median(halves.update))} / ${ms(median(halves.query))}`,
    note: 'where a step spends its time',
  });
  for (const [name, samples] of apiSteps) {
    const raw = rawSteps.get(name) ?? [];
    rows.push({ figure: `  step ${name} p50 (ms)`, api: ms(median(samples)), raw: ms(median(raw)), ratio: (median(samples) / median(raw)).toFixed(2) });
  }

}

/**
 * 2a. Creation (the issue's "cases/s fully processed"): new cases from a permit until the read
 * model's row exists — `POST /v1/permits` against `workflow.start` — with each case's latency from
 * the request to its row.
 */
async function creations(journey: Journey) {
  const createApi = async (latencies: number[]) => {
    const started = performance.now();
    const created = await api({ role: 'udi' }, 'POST', '/v1/permits', uniqueFamilyPermitBody(journey.cal));
    if (created.status !== 201) throw new Error(`POST /v1/permits: ${created.status} ${created.text}`);
    await rowWritten(created.body.caseId);
    latencies.push(performance.now() - started);
  };
  const createRaw = async (latencies: number[]) => {
    const started = performance.now();
    const permit: PermitGranted = permitGrantedSchema.parse(uniqueFamilyPermitBody(journey.cal));
    const caseId = caseIdForPermit(permit.permitId, TEST_CASE_ID_SECRET);
    await client.workflow.start('settlementCase', { workflowId: caseId, taskQueue, args: [{ caseId, permit }] });
    await rowWritten(caseId);
    latencies.push(performance.now() - started);
  };
  await pool(20, 10, () => createApi([])); // warm-up
  await pool(20, 10, () => createRaw([]));
  for (const concurrency of opts.creationConcurrency) {
    const results = { api: [] as { rate: number; lat: number[]; cpuMs: number }[], raw: [] as { rate: number; lat: number[]; cpuMs: number }[] };
    for (let r = 0; r < opts.repeats; r++) {
      log(`creation: ${opts.creations} new cases at concurrency ${concurrency}, API then raw (repeat ${r + 1}/${opts.repeats})`);
      for (const [kind, create] of [['api', createApi], ['raw', createRaw]] as const) {
        const lat: number[] = [];
        const started = performance.now();
        const cpu = cpuSeconds();
        await pool(opts.creations, concurrency, () => create(lat));
        const seconds = (performance.now() - started) / 1000;
        results[kind].push({ rate: opts.creations / seconds, lat, cpuMs: ((cpuSeconds() - cpu) * 1000) / opts.creations });
      }
    }
    const rate = (k: 'api' | 'raw') => results[k].map((x) => x.rate);
    const lat = (k: 'api' | 'raw') => results[k].flatMap((x) => x.lat);
    const cpu = (k: 'api' | 'raw') => results[k].map((x) => x.cpuMs);
    rows.push({
      figure: `New cases fully processed/s, concurrency ${concurrency}`,
      api: spread(rate('api'), (x) => x.toFixed(0)),
      raw: spread(rate('raw'), (x) => x.toFixed(0)),
      ratio: (median(rate('api')) / median(rate('raw'))).toFixed(2),
      note: `permit → read-model row, ${opts.creations} cases × ${opts.repeats}`,
    });
    rows.push({
      figure: `  permit → row p50 / p99 (ms), concurrency ${concurrency}`,
      api: `${ms(median(lat('api')))} / ${ms(pct(lat('api'), 99))}`,
      raw: `${ms(median(lat('raw')))} / ${ms(pct(lat('raw'), 99))}`,
      ratio: (median(lat('api')) / median(lat('raw'))).toFixed(2),
    });
    rows.push({
      figure: `  CPU ms per new case (whole system), concurrency ${concurrency}`,
      api: spread(cpu('api'), ms),
      raw: spread(cpu('raw'), ms),
      ratio: (median(cpu('api')) / median(cpu('raw'))).toFixed(2),
    });
  }
}

/**
 * The read model has the case's row (written by the case's projection after its start). The bench
 * watches the store client's writes instead of polling: polling 50 cases every few milliseconds
 * would itself load the main thread it measures.
 */
const rowWaiters = new Map<string, () => void>();
function rowWritten(caseId: string): Promise<void> {
  const written = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`case ${caseId}: no read-model row after 60 s`)), 60_000);
    rowWaiters.set(caseId, () => {
      clearTimeout(timer);
      rowWaiters.delete(caseId);
      resolve();
    });
  });
  // Written before the watch began (a quick projection): the row is there already.
  void getCaseSummary(system.tables, caseId).then((row) => row && rowWaiters.get(caseId)?.());
  return written;
}
system.tables.table.getDocumentClient().middlewareStack.add(
  (next) => async (args) => {
    const result = await next(args);
    const input = args.input as { Item?: Record<string, any>; TransactItems?: { Put?: { Item?: Record<string, any> } }[] };
    const items = [input.Item, ...(input.TransactItems ?? []).map((t) => t.Put?.Item)];
    for (const item of items) {
      const pk: unknown = item?.pk?.S ?? item?.pk;
      if (typeof pk === 'string' && pk.startsWith('CASE#') && (item?.sk?.S ?? item?.sk) === 'SUMMARY') rowWaiters.get(pk.slice(5))?.();
    }
    return result;
  },
  { step: 'build', name: 'benchRowWatch' },
);

/** 2b. Throughput of whole journeys: families fully processed (permit → settled) per second. */
async function throughputs(journey: Journey) {
  for (const concurrency of opts.concurrency) {
    const apiRates: number[] = [];
    const rawRates: number[] = [];
    const apiCpu: number[] = [];
    const rawCpu: number[] = [];
    for (let r = 0; r < opts.repeats; r++) {
      log(`throughput: ${opts.cases} families at concurrency ${concurrency}, API then raw (repeat ${r + 1}/${opts.repeats})`);
      const a = await throughput(concurrency, (i) => familyThroughApi(journey, i, undefined, undefined));
      const b = await throughput(concurrency, (i) => familyRaw(journey, i, undefined, undefined));
      apiRates.push(a.rate);
      rawRates.push(b.rate);
      apiCpu.push(a.cpuMs);
      rawCpu.push(b.cpuMs);
    }
    rows.push({
      figure: `Cases fully processed/s, concurrency ${concurrency}`,
      api: spread(apiRates, (x) => x.toFixed(1)),
      raw: spread(rawRates, (x) => x.toFixed(1)),
      ratio: (median(apiRates) / median(rawRates)).toFixed(2),
      note: `permit → settled, 8 steps, ${opts.cases} cases × ${opts.repeats}`,
    });
    rows.push({
      figure: `CPU ms per case (whole system), concurrency ${concurrency}`,
      api: spread(apiCpu, ms),
      raw: spread(rawCpu, ms),
      ratio: (median(apiCpu) / median(rawCpu)).toFixed(2),
      note: `capacity on ${os.cpus().length} idle cores ≈ ${((os.cpus().length * 1000) / median(apiCpu)).toFixed(0)} cases/s (API)`,
    });
  }
}

// ─── The API and raw Temporal doing the same work ────────────────────────────────────────────
type Caller = { role: Role; org?: string };
const tokens = new Map<string, Promise<string>>();
function token(caller: Caller) {
  const key = `${caller.role}|${caller.org ?? ''}`;
  if (!tokens.has(key)) tokens.set(key, signToken(authSecret, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE }, { sub: `bench-${caller.role}`, role: caller.role, org: caller.org }));
  return tokens.get(key)!;
}
/**
 * One request as `caller`. A connection reset (a kept-alive socket the server closed, common on a
 * loaded machine) is retried: steps carry an Idempotency-Key and a permit is one case per permit id,
 * so a retry never applies anything twice.
 */
async function api(caller: Caller, method: string, route: string, body?: unknown, idempotencyKey?: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${system.apiUrl}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${await token(caller)}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, text, body: text.startsWith('{') ? JSON.parse(text) : undefined };
    } catch (error) {
      if (attempt >= 3) throw error;
      retries += 1;
    }
  }
}
let retries = 0;

type Journey = { cal: Calendar; week: string; municipalities: string[] };

/** The family of the e2e test, step by step: [step, API path, caller, body]. */
function familySteps(j: Journey, permit: { persons: { dufNumber: string }[] }, i: number) {
  const m = j.municipalities[i % j.municipalities.length]!;
  const mottak: Caller = { role: 'mottak', org: 'mottak-lillehammer' };
  const settling: Caller = { role: 'kommune', org: m };
  const today = j.cal.today;
  return [
    ['recordSettlementInfo', 'settlement-info', mottak, completeSettlementInfo({}, permit.persons.map((p) => p.dufNumber))],
    ['completeInterview', 'interview', mottak, interviewFor(j.cal, permit)],
    ['recordCompetenceMapping', 'competence-mapping', { role: 'kommune', org: '3405' }, { status: 'done', doneOn: today }],
    ['offerToMunicipality', 'offers', { role: 'imdi' }, { municipalityNumber: m, municipalityName: `Kommune ${m}` }],
    ['respondToOffer', 'offer-response', settling, { decision: 'accept', expectedSettlementWeek: j.week }],
    ['agreeMovingDate', 'moving-date', mottak, { movingDate: today, travel: { mode: 'public_transport', journeyHours: 3.5 } }],
    ['registerDeparture', 'departure', mottak, { date: today, reason: 'agreed_settlement', address: { street: 'Storgata 10', postcode: '2609', town: 'Lillehammer', county: 'Innlandet' } }],
    ['confirmArrival', 'arrival', settling, { arrivedOn: today, allMembersArrived: true }],
  ] as const satisfies readonly (readonly [StepName, string, Caller, unknown])[];
}

const record = (m: Map<string, number[]> | undefined, name: string) => {
  if (!m) return undefined;
  if (!m.has(name)) m.set(name, []);
  return m.get(name)!;
};

async function familyThroughApi(j: Journey, i: number, stepTimes?: Map<string, number[]>, createTimes?: number[]) {
  const permit = uniqueFamilyPermitBody(j.cal) as { persons: { dufNumber: string }[] };
  const created = await timed(createTimes, () => api({ role: 'udi' }, 'POST', '/v1/permits', permit));
  if (created.status !== 201 && created.status !== 200) throw new Error(`POST /v1/permits: ${created.status} ${created.text}`);
  const caseId: string = created.body.caseId;
  for (const [name, route, caller, body] of familySteps(j, permit, i)) {
    const r = await timed(record(stepTimes, name), () => api(caller, 'POST', `/v1/cases/${caseId}/${route}`, body, `bench-${name}`));
    if (r.status !== 200) throw new Error(`${route}: ${r.status} ${r.text}`);
  }
  await assertSettledRow(caseId);
  return caseId;
}

/** The raw step's two halves, recorded beside the steps (latency() shows them as their own rows). */
const UPDATE_ALONE = '(update alone)';
const QUERY_AFTER = '(query after the update)';

async function familyRaw(j: Journey, i: number, stepTimes?: Map<string, number[]>, createTimes?: number[]) {
  const permit: PermitGranted = permitGrantedSchema.parse(uniqueFamilyPermitBody(j.cal));
  const caseId = caseIdForPermit(permit.permitId, TEST_CASE_ID_SECRET);
  const handle = await timed(createTimes, async () => {
    const h = await client.workflow.start('settlementCase', { workflowId: caseId, taskQueue, args: [{ caseId, permit }] });
    await h.query(caseStateQuery);
    return h;
  });
  for (const [name, , caller, body] of familySteps(j, permit, i)) {
    const actor: Actor = { id: `bench-${caller.role}`, role: caller.role, organisation: 'org' in caller ? caller.org : undefined };
    const schema = name === 'completeInterview' ? interviewRecordSchemaFor(permit) : stepSchemas[name];
    const input = schema.parse(body);
    await timed(record(stepTimes, name), async () => {
      await timed(record(stepTimes, UPDATE_ALONE), () => handle.executeUpdate(stepUpdates[name] as never, { args: [{ actor, input }] }));
      // The API answers the case after the step: the same query.
      await timed(record(stepTimes, QUERY_AFTER), () => handle.query(caseStateQuery));
    });
  }
  await assertSettledRow(caseId);
}

/**
 * Fully processed: the read model's row says settled. The row follows the step (the projection,
 * issue 13 §3), so this waits for it — a case counts only once its row is written.
 */
async function assertSettledRow(caseId: string) {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const row = await getCaseSummary(system.tables, caseId);
    if (row?.stage === 'settled') return;
    if (performance.now() > deadline) throw new Error(`case ${caseId}: read-model row is ${row?.stage ?? 'missing'}, not settled`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Cases per second, and CPU milliseconds per case (this process tree: API, worker, dynalite, dev server). */
async function throughput(concurrency: number, family: (i: number) => Promise<void>): Promise<{ rate: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = cpuSeconds();
  await pool(opts.cases, concurrency, family);
  return { rate: opts.cases / ((performance.now() - started) / 1000), cpuMs: ((cpuSeconds() - cpu) * 1000) / opts.cases };
}

async function trivialUpdates(n: number): Promise<number[]> {
  const handle = await client.workflow.start('trivialWorkflow', { workflowId: `bench-trivial-${crypto.randomUUID()}`, taskQueue: 'bench-trivial' });
  for (let i = 0; i < 10; i++) await handle.executeUpdate(pingUpdate, { args: [i] }); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) await timed(samples, () => handle.executeUpdate(pingUpdate, { args: [i] }));
  await handle.executeUpdate(pingUpdate, { args: [-1] });
  return samples;
}

// ─── One case read ───────────────────────────────────────────────────────────────────────────
/**
 * 3a. `GET /v1/cases/{id}` as a supervisor (issue 13 §4): an open case the worker has cached (the
 * query is answered from memory), and a completed one — read from its archive — beside the raw
 * query of that completed workflow, which has a worker replay its whole history each time (what the
 * API did before §4). An evicted open case is not measured: Temporal has no call that evicts one
 * workflow from a worker's cache, only a cache too small for the open cases (`--max-cached`).
 */
async function caseReads(journey: Journey) {
  const n = 20;
  log(`case reads: an open case and a completed one, ${n} reads each through the API and raw`);
  const opened = await api({ role: 'udi' }, 'POST', '/v1/permits', uniqueFamilyPermitBody(journey.cal));
  if (opened.status !== 201) throw new Error(`POST /v1/permits: ${opened.status} ${opened.text}`);
  const openId: string = opened.body.caseId;
  const completedId = await familyThroughApi(journey, 0);
  // Settled is final: the workflow archives the case as its last activity, then completes.
  await client.workflow.getHandle(completedId).result();
  const measure = async (caseId: string) => {
    const viaApi: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < n + 2; i++) {
      // The first two of each are warm-up.
      const r = await timed(i < 2 ? undefined : viaApi, () => api({ role: 'supervisor' }, 'GET', `/v1/cases/${caseId}`));
      if (r.status !== 200) throw new Error(`GET /v1/cases/${caseId}: ${r.status} ${r.text}`);
      await timed(i < 2 ? undefined : raw, () => client.workflow.getHandle(caseId).query(caseStateQuery));
    }
    return { viaApi, raw };
  };
  const row = (figure: string, { viaApi, raw }: { viaApi: number[]; raw: number[] }, note: string) =>
    rows.push({ figure, api: `${ms(median(viaApi))} / ${ms(pct(viaApi, 95))}`, raw: `${ms(median(raw))} / ${ms(pct(raw, 95))}`, ratio: (median(viaApi) / median(raw)).toFixed(2), note });
  row('Case read, open case cached p50 / p95 (ms)', await measure(openId), 'raw = the state query');
  row('Case read, completed case p50 / p95 (ms)', await measure(completedId), 'API: from the archive; raw: the query, replayed from history');
}

// ─── Reads at scale ──────────────────────────────────────────────────────────────────────────
async function readsAtScale(cal: Calendar) {
  // A past year of settled cases, so the rows change nothing the cases above read.
  const year = Number(cal.today.slice(0, 4)) - 1;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  let written = 0;
  const writeRates: number[] = [];
  for (const target of opts.rows) {
    const n = target - written;
    log(`reads: writing ${n} case-index rows (to ${target})`);
    const started = performance.now();
    await pool(n, 32, async (k) => {
      await saveCaseSummary(system.tables, settledSummary(year, written + k));
    });
    writeRates.push(n / ((performance.now() - started) / 1000));
    written = target;
    const stats: number[] = [];
    const lists: number[] = [];
    const times = target >= 50_000 ? 3 : 5;
    for (let r = 0; r < times; r++) {
      const s = await timed(stats, () => api({ role: 'supervisor' }, 'GET', `/v1/statistics?from=${from}&to=${to}`));
      if (s.status !== 200) throw new Error(`statistics: ${s.status} ${s.text}`);
      const l = await timed(lists, () => api({ role: 'supervisor' }, 'GET', `/v1/cases?limit=50`));
      if (l.status !== 200) throw new Error(`list: ${l.status} ${l.text}`);
    }
    rows.push({ figure: `Statistics for a year at ${target.toLocaleString('en')} rows (ms)`, api: spread(stats, ms), note: `${times} reads` });
    rows.push({ figure: `List of 50 cases at ${target.toLocaleString('en')} rows (ms)`, api: spread(lists, ms), note: `${times} reads` });
  }
  const first = rows.find((r) => r.figure.startsWith('Statistics'))!;
  const last = rows.filter((r) => r.figure.startsWith('Statistics')).at(-1)!;
  if (first !== last) last.ratio = `${(parseFloat(last.api!) / parseFloat(first.api!)).toFixed(1)}× of ${opts.rows[0]!.toLocaleString('en')}`;
  rows.push({ figure: 'Case-index rows written/s (store code, 32 at once)', api: spread(writeRates, (x) => x.toFixed(0)) });
}

const centres = ['mottak-lillehammer', 'mottak-hamar', 'mottak-gjovik', 'mottak-oslo', 'mottak-bergen'];
function settledSummary(year: number, k: number): CaseSummary {
  const day = 1 + (k % 360);
  const settled = new Date(Date.UTC(year, 0, day, 10));
  const permit = new Date(settled.getTime() - (60 + (k % 200)) * 86_400_000).toISOString().slice(0, 10);
  const at = settled.toISOString();
  return {
    caseId: `bench-row-${k}`,
    permitId: `UDI-BENCH-${k}`,
    permitType: 'protection',
    permitDate: permit,
    stage: 'settled',
    receptionCentreId: centres[k % centres.length]!,
    receptionCentreName: 'Bench mottak',
    municipalityNumber: String(3401 + (k % 40)),
    hostMunicipalityNumber: '3405',
    priorityGroup: 'family_with_children',
    goalStatus: 'met',
    goalStartsOn: permit,
    householdSize: 1 + (k % 5),
    openTasks: [],
    createdAt: `${permit}T09:00:00.000Z`,
    updatedAt: at,
    version: 1,
    settledAt: at,
    unaccompaniedMinor: k % 17 === 0,
  };
}

// ─── Worker memory ───────────────────────────────────────────────────────────────────────────
type Measured = { rss: number; heapUsed: number; cached: number };
/** A memory-worker.ts process of its own, polling `taskQueue` with the workflows of `codePath`. */
async function memoryWorker(taskQueue: string, codePath: string, maxCached: number) {
  const child = fork(path.join(import.meta.dirname, 'memory-worker.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_DYNAMO_ENDPOINT: system.dynamoEndpoint!,
      BENCH_TABLE: config.dynamo.table,
      BENCH_TEMPORAL_ADDRESS: system.temporalAddress,
      BENCH_TASK_QUEUE: taskQueue,
      BENCH_BUNDLE: codePath,
      // Every open workflow stays cached: the figure is bytes per cached workflow.
      BENCH_TUNING: JSON.stringify({ ...config.worker, maxCachedWorkflows: maxCached }),
      BENCH_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.send({ type: 'stop' });
      await new Promise((r) => child.once('exit', r));
    }
  };
  stops.push(stop);
  const next = (type: string) => new Promise<any>((resolve) => child.once('message', (m: any) => m.type === type && resolve(m)));
  await next('ready');
  const measure = async (): Promise<Measured> => {
    const answer = next('measured');
    child.send({ type: 'measure' });
    return answer;
  };
  return { measure, stop };
}

async function workerMemory(cal: Calendar) {
  const maxOpen = Math.max(...opts.open);
  const worker = await memoryWorker('bench-memory', bundlePath, maxOpen + 100);
  const { measure } = worker;
  const open = async (from: number, to: number, latencies?: number[]) =>
    pool(to - from, 20, async () => {
      const permit: PermitGranted = permitGrantedSchema.parse(uniqueFamilyPermitBody(cal));
      const caseId = caseIdForPermit(permit.permitId, TEST_CASE_ID_SECRET);
      await timed(latencies, async () => {
        const h = await client.workflow.start('settlementCase', { workflowId: caseId, taskQueue: 'bench-memory', args: [{ caseId, permit }] });
        await h.query(caseStateQuery);
      });
    });

  const idle = await measure();
  log(`memory: worker idle at ${mib(idle.rss)}; warming up with 20 open cases`);
  await open(0, 20);
  const warm = await measure();
  rows.push({ figure: 'Worker RSS, idle / warm (20 open cases)', api: `${mib(idle.rss)} / ${mib(warm.rss)}`, note: 'worker alone in its own process' });
  let opened = 20;
  let last = warm;
  for (const target of opts.open) {
    log(`memory: opening cases up to ${target}`);
    const started = performance.now();
    await open(opened, target);
    const rate = (target - opened) / ((performance.now() - started) / 1000);
    opened = target;
    last = await measure();
    const per = (last.rss - warm.rss) / (last.cached - warm.cached);
    const perHeap = (last.heapUsed - warm.heapUsed) / (last.cached - warm.cached);
    rows.push({
      figure: `Worker RSS with ${target.toLocaleString('en')} open cases cached`,
      api: mib(last.rss),
      note: `${kib(per)} RSS per cached workflow (main-thread heap ${kib(perHeap)}); opened ${rate.toFixed(0)}/s`,
    });
  }
  const perCached = (last.rss - warm.rss) / (last.cached - warm.cached);
  const cacheSize = config.worker.maxCachedWorkflows;
  const journeys = 150_000;
  rows.push({ figure: 'Bytes per cached workflow (RSS)', api: kib(perCached), note: `from ${last.cached} cached` });
  rows.push({
    figure: `Worker RSS at ${journeys.toLocaleString('en')} open journeys`,
    api: mib(warm.rss + Math.min(journeys, cacheSize) * perCached),
    note: `cache ${cacheSize}: the rest are replayed on demand; all cached would be ${mib(warm.rss + journeys * perCached)}`,
  });
  await worker.stop();
  await trivialMemory(maxOpen, perCached);
}

/**
 * Temporal's own floor per cached workflow: bench/trivial-workflow.ts opened the same way (start, then
 * a query once its first task ran) in a memory worker of its own, with the same tuning, so the
 * difference to the settlement case is Bosetting's (its modules, state and pending promises).
 */
async function trivialMemory(maxOpen: number, perCase: number) {
  const trivialBundle = await bundleWorkflowCode({ ...workflowBundleOptions, workflowsPath: path.join(import.meta.dirname, 'trivial-workflow.ts'), logger: quietLogger() });
  const trivialPath = path.join(tmp, 'trivial-bundle.js');
  fs.writeFileSync(trivialPath, trivialBundle.code);
  const worker = await memoryWorker('bench-memory-trivial', trivialPath, maxOpen + 100);
  const open = (n: number) =>
    pool(n, 20, async () => {
      const h = await client.workflow.start('trivialWorkflow', { workflowId: `bench-memory-trivial-${crypto.randomUUID()}`, taskQueue: 'bench-memory-trivial' });
      await h.query('__temporal_workflow_metadata');
    });
  log('memory: the trivial workflow, warming up with 20 open');
  await open(20);
  const warm = await worker.measure();
  await open(maxOpen - 20);
  const last = await worker.measure();
  const per = (last.rss - warm.rss) / (last.cached - warm.cached);
  rows.push({
    figure: "Bytes per cached trivial workflow (Temporal's floor)",
    api: kib(per),
    note: `from ${last.cached} cached; the settlement case's own part ≈ ${kib(perCase - per)}`,
  });
  await worker.stop();
}

// ─── History per run ─────────────────────────────────────────────────────────────────────────
async function historyPerRun(journey: Journey) {
  log('history: a family permit → settled through the API');
  const caseId = await familyThroughApi(journey, 0);
  await client.workflow.getHandle(caseId).result();
  const kase = await runSize(client, caseId);
  rows.push({ figure: 'History of a settlement case, permit → settled (events / KiB)', api: `${kase.events} / ${kib(kase.bytes)}`, note: 'one run' });

  // What an evicted case costs: the worker replays its whole history before the next task or query.
  // One replay worker for all (its start is not the cost), the first two replays are warm-up.
  const history = await client.workflow.getHandle(caseId).fetchHistory();
  const n = 22;
  const replays: number[] = [];
  let cpuFrom = process.cpuUsage();
  let last = performance.now();
  let seen = 0;
  const copies = Array.from({ length: n }, (_, i) => ({ workflowId: `${caseId}-replay-${i}`, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: bundlePath }, dataConverter, replayName: 'bench-replay' }, copies)) {
    if (result.error) throw result.error;
    const now = performance.now();
    if (++seen > 2) replays.push(now - last);
    else if (seen === 2) cpuFrom = process.cpuUsage();
    last = now;
  }
  const cpu = process.cpuUsage(cpuFrom);
  rows.push({
    figure: 'Replay of that history, an evicted case (ms)',
    api: spread(replays, ms),
    note: `${replays.length} replays in one replay worker; ${ms((cpu.user + cpu.system) / 1000 / replays.length)} ms CPU each`,
  });

  log('history: the family\'s arrival journeys through five settlement years (time-skipping server)');
  const journeys = await fiveYearJourneys({
    testServer: await ensureTestServer({ cacheDir: config.binaries.cacheDir, explicitPath: config.binaries.testServerPath, log }),
    bundlePath,
    documentClient: system.tables.table.getDocumentClient(),
    dataConverter,
    log,
  });
  for (const { person, runs } of journeys) {
    const events = runs.map((r) => r.events);
    const bytes = runs.map((r) => r.bytes);
    rows.push({
      figure: `Five-year arrival journey, ${person}: runs; events / KiB per run (largest)`,
      api: `${runs.length}; ${Math.max(...events)} / ${kib(Math.max(...bytes))}`,
      note: `total ${events.reduce((a, b) => a + b, 0)} events, ${kib(bytes.reduce((a, b) => a + b, 0))}; no staff step taken`,
    });
  }
}


// ─── Letters ─────────────────────────────────────────────────────────────────────────────────
/** 6. A letter's PDF: the first one in a process (fonts parsed, words shaped) and the next ones. */
async function letters() {
  const n = 20;
  log(`letters: ${n} settlement decisions as PDF`);
  const texts = textsByLocale.nb;
  const today = new Date().toISOString().slice(0, 10);
  const definition = messageDefinition('settlement-decision')!;
  const letter = (i: number): LetterContent => {
    const data = { ...notificationExamples['settlement-decision'], expectedSettlementWeek: `2027-W${String(10 + (i % 40)).padStart(2, '0')}` };
    const parsed = parseNotification({ type: 'settlement-decision', rule: definition.rules[0], recipient: { kind: definition.recipients[0], id: 'x' }, data });
    const rendered = renderNotification(parsed, { caseId: `bench-letter-${i}`, today });
    const recipient = { name: (rendered.addressee?.names ?? ['Husstanden']).join(' og '), careOf: rendered.addressee?.receptionCentre?.name };
    return { texts, sender: texts.senders[definition.sender], recipient, date: today, reference: `BENCH-${i}`, subject: rendered.subject, body: rendered.body };
  };
  const cpuOf = async (work: () => Promise<unknown>) => {
    const started = process.cpuUsage();
    await work();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  const first = await cpuOf(() => renderLetterPdf(letter(0)));
  const next: number[] = [];
  for (let i = 1; i <= n; i++) next.push(await cpuOf(() => renderLetterPdf(letter(i))));
  rows.push({ figure: 'Letter PDF, CPU per letter: the first in a process / the next (ms)', api: `${ms(first)} / ${ms(median(next))}`, note: `p95 ${ms(pct(next, 95))}; process CPU (all threads); the worker renders it in the notify activity` });
}

// ─── The table ───────────────────────────────────────────────────────────────────────────────
function quietLogger() {
  return { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: (m: string) => console.error(m), error: (m: string) => console.error(m) };
}

process.on('exit', () => {
  const header: Row = { figure: 'Figure', api: 'API', raw: 'raw Temporal', ratio: 'API/raw', note: 'note' };
  const table = [header, ...rows];
  const width = (k: keyof Row) => Math.max(...table.map((r) => (r[k] ?? '').length));
  const cols = (['figure', 'api', 'raw', 'ratio', 'note'] as const).map((k) => [k, width(k)] as const);
  const line = (r: Row) => `| ${cols.map(([k, w]) => (r[k] ?? '').padEnd(w)).join(' | ')} |`;
  console.log(`\nBosetting bench — ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, ${new Date().toISOString()}`);
  console.log(`options: ${JSON.stringify({ ...opts, only: [...opts.only] })}; dev server: ${serverConfig} dynamic config; dynalite in the system process; worker: ${JSON.stringify(config.worker)}`);
  console.log(line(header));
  console.log(`| ${cols.map(([, w]) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
  console.log(`total ${((performance.now() - benchStarted) / 1000).toFixed(0)} s${retries ? `; ${retries} request(s) retried after a connection reset` : ''}`);
});

// ─── Run (last: every declaration above is initialised) ──────────────────────────────────────
try {
  await main();
} finally {
  log('stopping');
  for (const stop of stops.reverse()) await stop().catch(() => {});
  trivialWorker.shutdown();
  await trivialRunning.catch(() => {});
  await trivialConnection.close();
  await system.stop();
  await devServer.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

