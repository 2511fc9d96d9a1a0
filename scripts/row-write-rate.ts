/**
 * Case-index rows written per second through `saveCaseSummary` (issue 13 §4: each write also moves
 * the statistics counters), on in-process dynalite, 32 writes at once as the bench writes them.
 * Three kinds of write: a new case (its goal date gets a count), a change that moves no count,
 * a settlement (the count moves from the goal date to the settlement day). Prints rows/s and CPU
 * ms per row (steadier than wall time on a shared machine); figures only, never asserted.
 *
 *   npx tsx scripts/row-write-rate.ts [rows=2000]
 */
import { startEmbeddedDynamo } from '../runtime/embedded-dynamo';
import { freePort } from '../runtime/ports';
import { saveCaseSummary, type CaseSummary } from '../store/case-index';
import { createDocumentClient, ensureTable } from '../store/client';
import { createTables } from '../store/table';

const rows = Number(process.argv[2] ?? 2000);
const dynamo = await startEmbeddedDynamo({ port: await freePort() });
const documentClient = createDocumentClient({ endpoint: dynamo.endpoint, region: 'eu-north-1' });
await ensureTable(documentClient, 'row-write-rate');
const tables = createTables(documentClient, 'row-write-rate', { embedded: true });

const centres = ['mottak-lillehammer', 'mottak-hamar', 'mottak-gjovik', 'mottak-oslo', 'mottak-bergen'];
// The bench's spread (bench/run.ts settledSummary): a year of settlement days, 40 municipalities, 5 centres.
function row(k: number, version: number, settled: boolean): CaseSummary {
  const on = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1 + (k % 360), 10));
  const permitDate = new Date(on.getTime() - (60 + (k % 200)) * 86_400_000).toISOString().slice(0, 10);
  return {
    caseId: `rate-${k}`, permitId: `P-${k}`, permitType: 'protection', permitDate, stage: settled ? 'settled' : 'distribution',
    receptionCentreId: centres[k % centres.length]!, receptionCentreName: 'Mottak', municipalityNumber: String(3401 + (k % 40)),
    priorityGroup: 'family_with_children', goalStatus: settled ? 'met' : 'on_track', householdSize: 2, openTasks: [],
    createdAt: `${permitDate}T09:00:00.000Z`, updatedAt: on.toISOString(), version, ...(settled ? { settledAt: on.toISOString() } : {}),
  };
}

async function measure(label: string, make: (k: number) => CaseSummary) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < rows) {
        const k = next++;
        if ((await saveCaseSummary(tables, make(k))) !== 'written') throw new Error(`row ${k} not written`);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${(rows / ((performance.now() - started) / 1000)).toFixed(0)} rows/s, ${((used.user + used.system) / 1000 / rows).toFixed(2)} CPU ms/row`);
}

await measure('new case', (k) => row(k, 1, false));
await measure('change that moves no count', (k) => ({ ...row(k, 2, false), householdSize: 3 }));
await measure('settlement', (k) => row(k, 3, true));
await dynamo.stop();
