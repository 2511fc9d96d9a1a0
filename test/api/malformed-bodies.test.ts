/**
 * Random and malformed bodies at every write route (property-based, fast-check): never a 500,
 * always a problem+json for a refusal, and nothing created or changed by a body that was refused.
 */
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { caseIdForPermit } from '../../api/case-id';
import { TEST_CASE_ID_SECRET } from '../fixtures/secrets';
import { checkRegistrationNumbers } from '../../domain/household';
import { permitGrantedSchema } from '../../domain/permit.schema';
import { completeSettlementInfo } from '../fixtures/cases';
import { interviewFor } from '../fixtures/interview';
import { familyPermitBody, freshDufNumber, uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, tokenFor, type ApiResponse, type Caller } from '../harness/api';
import type { Calendar } from '../fixtures/calendar';

type Path = (string | number)[];

/** Every path to a value in a JSON document (objects and arrays included). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

type Mutation = { op: 'set'; path: Path; value: unknown } | { op: 'delete'; path: Path } | { op: 'unknown-field'; path: Path; key: string; value: unknown };

function mutate(document: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(document) as any;
  const parentPath = mutation.op === 'unknown-field' ? mutation.path : mutation.path.slice(0, -1);
  let parent = copy;
  for (const key of parentPath) parent = parent?.[key];
  if (parent === null || typeof parent !== 'object') return copy;
  const last = mutation.path[mutation.path.length - 1]!;
  if (mutation.op === 'set') parent[last] = mutation.value;
  else if (mutation.op === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else if (!Array.isArray(parent)) parent[mutation.key] = mutation.value;
  return copy;
}

/** Values a careless or hostile client sends: wrong types, near-miss dates and numbers, huge strings. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', ' ', '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '1990-03-14T00:00:00Z', '20261234567', '2026123456789', '-1', 'NaN', '__proto__', '<script>', '\u0000', 'x'.repeat(5000)),
  fc.constantFrom(null, true, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, [], {}, [[]], { __proto__: 1 }),
);

/** A value of the right kind that is wrong in a way only a rule notices: near-miss dates, numbers, texts. */
function nearMiss(original: unknown) {
  if (typeof original === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(original)) {
    return fc.constantFrom('2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '1800-01-01', '3000-01-01', '2026-1-01', original.replace(/-\d{2}$/, '-31'));
  }
  if (typeof original === 'string' && /^\d+$/.test(original)) {
    return fc.oneof(fc.stringMatching(/^\d{1,14}$/), fc.constant(original.slice(0, -1) + String((Number(original.at(-1)) + 1) % 10)));
  }
  if (typeof original === 'string') return fc.constantFrom('', '   ', original.toUpperCase(), `${original} `, 'x'.repeat(201), 'x'.repeat(4001));
  if (typeof original === 'boolean') return fc.constantFrom(!original, 'true', 1, null);
  return nasty;
}

function valueAt(document: unknown, path: Path): unknown {
  let value: any = document;
  for (const key of path) value = value?.[key];
  return value;
}

function mutationsOf(base: unknown) {
  const paths = pathsOf(base);
  const leaves = paths.filter((p) => { const v = valueAt(base, p); return v === null || typeof v !== 'object'; });
  const objectPaths: Path[] = [[], ...paths.filter((p) => {
    let v: any = base;
    for (const k of p) v = v[k];
    return v && typeof v === 'object' && !Array.isArray(v);
  })];
  return fc.oneof(
    fc.constantFrom(...leaves).chain((path) => nearMiss(valueAt(base, path)).map((value) => ({ op: 'set' as const, path, value }))),
    fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...paths), value: nasty }),
    fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...paths) }),
    fc.record({ op: fc.constant('unknown-field' as const), path: fc.constantFrom(...objectPaths), key: fc.constantFrom('diagnosis', 'actor', 'medication', 'isAdmin', 'constructor', 'extra'), value: nasty }),
  );
}

/** A body to send: a mutated valid one (1–3 mutations), any JSON value, or raw text that may not be JSON. */
function bodies(base: unknown) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(mutationsOf(base), { minLength: 1, maxLength: 3 }).map((ms) => ({ json: ms.reduce<unknown>((doc, m) => mutate(doc, m), base) })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })) },
    { weight: 2, arbitrary: fc.oneof(fc.string(), fc.constantFrom('{', '{"permitId":', '[1,', 'null', '{}{}', '\uFEFF{}', '{"a":1,"a":2}')).map((raw) => ({ raw })) },
  );
}

const contentTypes = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', undefined) },
);

async function send(caller: Caller, path: string, body: { json?: unknown; raw?: string }, contentType: string | undefined): Promise<ApiResponse> {
  const text = body.raw ?? JSON.stringify(body.json) ?? 'null';
  return call(caller, 'POST', path, text, contentType ? { 'content-type': contentType } : { 'content-type': '' });
}

function expectNoServerError(response: ApiResponse, allowed: number[]) {
  expect(response.status, response.text).toBeLessThan(500);
  expect(allowed, `${response.status}: ${response.text}`).toContain(response.status);
  if (response.status >= 400) expect(response.contentType).toContain('application/problem+json');
}

/**
 * The parts of the case a step at `path` would change, so "nothing changed" is checked on them —
 * not on `version`, which the case's own timers also move. Waits until the case wrote its first
 * version (after its first notice) before the first comparison.
 */
const touchedBy: Record<string, string[]> = {
  interview: ['stage', 'interview', 'deadlines'],
  'first-renewal': ['stage', 'renewalDate', 'eligibility', 'deadlines'],
  'settlement-info': ['settlementInfo', 'deadlines'],
  'internal-notes': ['internalNotes', 'settlementInfo', 'settlementInfoCorrections'],
  'competence-mapping': ['competenceMapping'],
  'norwegian-training': ['norwegianTraining'],
  'function-reports': ['functionReports'],
  offers: ['stage', 'offers'],
  'offer-response': ['stage', 'offers', 'agreement'],
  'self-settlement': ['stage', 'agreement'],
  'minor-plans': ['unaccompaniedMinorPlans'],
  'moving-date': ['stage', 'moving'],
  refusal: ['stage', 'refusal'],
  'refusal-end': ['stage', 'refusal', 'outcome'],
  departure: ['stage', 'departure', 'outcome'],
  arrival: ['stage', 'arrival', 'outcome'],
  'tasks-done': ['deadlines'],
};

async function readyToCompare(caseId: string, path: string): Promise<() => Promise<Record<string, unknown>>> {
  const read = async () => (await call(callers.imdi, 'GET', `/v1/cases/${caseId}`)).body as Record<string, unknown> & { version: number };
  for (let i = 0; i < 100 && (await read()).version < 1; i++) await new Promise((r) => setTimeout(r, 50));
  const fields = touchedBy[path]!;
  return async () => {
    const state = await read();
    // A deadline's reminder and escalation are the timers' doing; whether it is open or closed is a step's.
    const deadlines = (state.deadlines as { id: string; status: string }[]).map((d) => `${d.id}:${['met', 'not_applicable'].includes(d.status) ? d.status : 'open'}`);
    return Object.fromEntries(fields.map((f) => [f, f === 'deadlines' ? deadlines : state[f]]));
  };
}

describe('random and malformed bodies at every write route', () => {
  it('POST /v1/permits: no 500, and no case from a body that was refused (R-ELIG-5, R-HH-1)', async () => {
    const created = new Set<string>();
    let sequence = 0;
    const base = familyPermitBody(await apiCalendar());
    const baseDufs = new Set((base.persons as { dufNumber: string }[]).map((p) => p.dufNumber));
    await fc.assert(
      fc.asyncProperty(bodies(base), contentTypes, async (generated, contentType) => {
        const body: { json?: unknown; raw?: string } = generated;
        // A fresh permit id unless the mutation itself set one, so an earlier case cannot answer for this body;
        // fresh DUF numbers too (the same fresh number for the same base number), so no earlier case holds its persons (R-ELIG-5).
        sequence += 1;
        if (body.json && typeof body.json === 'object' && !Array.isArray(body.json) && (body.json as any).permitId?.startsWith?.('UDI-TEST-')) {
          (body.json as any).permitId = `UDI-FUZZ-${process.pid}-${Date.now()}-${sequence}`;
          const fresh = new Map([...baseDufs].map((duf) => [duf, freshDufNumber()]));
          const persons = (body.json as any).persons;
          if (Array.isArray(persons)) for (const p of persons) if (p && typeof p === 'object' && fresh.has(p.dufNumber)) p.dufNumber = fresh.get(p.dufNumber);
        }
        const response = await send(callers.udi, '/v1/permits', body, contentType);
        // 409: a mutated DUF number that happens to be in an earlier run's open case (R-ELIG-5).
        expectNoServerError(response, [200, 201, 400, 409, 413, 415, 422]);

        const permitId = (body.json as any)?.permitId;
        if (response.status === 201) {
          // Accepted only what the domain accepts.
          const parsed = permitGrantedSchema.safeParse(body.json);
          expect(parsed.success, response.text).toBe(true);
          expect(checkRegistrationNumbers(parsed.data!.persons).ok).toBe(true);
          created.add(permitId);
        } else if (response.status >= 400 && typeof permitId === 'string' && permitId.trim() !== '' && !created.has(permitId) && permitId.length <= 100) {
          const lookup = await call(callers.imdi, 'GET', `/v1/cases/${caseIdForPermit(permitId.trim(), TEST_CASE_ID_SECRET)}`);
          expect(lookup.status, `a case exists for refused permit ${permitId}`).toBe(404);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('POST /v1/cases/{caseId}/interview: no 500, and a refused body changes nothing', async () => {
    const cal = await apiCalendar();
    const permit = uniqueFamilyPermitBody(cal) as { persons: { dufNumber: string }[] };
    const caseId = (await call(callers.udi, 'POST', '/v1/permits', permit)).body.caseId;
    const touched = await readyToCompare(caseId, 'interview');
    await fc.assert(
      fc.asyncProperty(bodies(interviewFor(cal, permit)), contentTypes, async (body, contentType) => {
        const before = await touched();
        const response = await send(callers.mottak, `/v1/cases/${caseId}/interview`, body, contentType);
        expectNoServerError(response, [200, 400, 409, 413, 415]);
        if (response.status !== 200) expect(await touched()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  // Every other staff step of the settlement case, by the role that does it, on a case in the
  // interview stage: a refusal (400/404/409) leaves the case exactly as it was.
  const stepSamples: [string, Caller, (cal: Calendar, dufNumbers: string[]) => unknown][] = [
    ['first-renewal', callers.udi, (cal) => ({ renewalDate: cal.today })],
    ['settlement-info', callers.mottak, (_, dufNumbers) => completeSettlementInfo({}, dufNumbers)],
    ['internal-notes', callers.mottak, (_, dufNumbers) => ({ text: 'New information.', correctedSettlementInfo: completeSettlementInfo({}, dufNumbers) })],
    ['competence-mapping', callers.kommune, (cal) => ({ status: 'done', doneOn: cal.today })],
    ['norwegian-training', callers.kommune, (cal) => ({ offeredOn: cal.today })],
    ['function-reports', callers.mottak, (cal) => ({ recordedOn: cal.today, outcome: 'no_change' })],
    ['offers', callers.imdi, () => ({ municipalityNumber: '3403', municipalityName: 'Hamar' })],
    ['offer-response', callers.kommune, (cal) => ({ decision: 'accept', expectedSettlementWeek: cal.week(60) })],
    ['self-settlement', callers.imdi, (cal) => ({ municipalityNumber: '3403', municipalityName: 'Hamar', expectedSettlementWeek: cal.week(60) })],
    ['minor-plans', callers.mottak, (cal) => ({ sentOn: cal.today, signedByMinor: true, signedByRepresentative: true })],
    ['moving-date', callers.mottak, (cal) => ({ movingDate: cal.day(60), travel: { mode: 'own_car', journeyHours: 4, personsInCar: 4, publicTransportFarePerPerson: 600, selfDeclarationSigned: true, greenCardValid: true } })],
    ['refusal', callers.mottak, (cal) => ({ refusedOn: cal.today, moveDeadline: cal.day(14) })],
    ['refusal-end', callers.udi, (cal) => ({ outcome: 'left', on: cal.today })],
    ['departure', callers.mottak, (cal) => ({ date: cal.today, reason: 'agreed_settlement', address: { street: 'Storgata 1', postcode: '2609', town: 'Lillehammer', county: 'Innlandet' } })],
    ['arrival', callers.kommune, (cal) => ({ arrivedOn: cal.today, allMembersArrived: true })],
    ['tasks-done', callers.mottak, () => ({ taskId: 'delivery#1', note: 'Posted by hand.' })],
  ];
  it.each(stepSamples)('POST /v1/cases/{caseId}/%s: no 500, and a refused body changes nothing', async (path, caller, sample) => {
    const cal = await apiCalendar();
    const permit = uniqueFamilyPermitBody(cal) as { persons: { dufNumber: string }[] };
    const caseId = (await call(callers.udi, 'POST', '/v1/permits', permit)).body.caseId;
    const touched = await readyToCompare(caseId, path);
    await fc.assert(
      fc.asyncProperty(bodies(sample(cal, permit.persons.map((p) => p.dufNumber))), contentTypes, async (body, contentType) => {
        const before = await touched();
        const response = await send(caller, `/v1/cases/${caseId}/${path}`, body, contentType);
        expectNoServerError(response, [200, 400, 404, 409, 413, 415]);
        if (response.status !== 200) expect(await touched()).toEqual(before);
      }),
      { numRuns: 20 },
    );
  });

  it('a body over the size limit is a 413 at every write route, before it is read', async () => {
    const big = JSON.stringify({ ...familyPermitBody(await apiCalendar()), padding: 'x'.repeat(300 * 1024) });
    for (const path of ['/v1/permits', '/v1/cases/settlement-case-none/interview']) {
      const caller = path === '/v1/permits' ? callers.udi : callers.mottak;
      const response = await fetch(`${inject('apiUrl')}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(caller)}` },
        body: big,
      });
      expect(response.status, path).toBe(413);
    }
  });
});
