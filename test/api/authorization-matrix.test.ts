/**
 * Every route × every role × own/other organisation → the expected status (R-PRIV-1, R-PRIV-2,
 * R-PRIV-4 supervisors change nothing). Against the real system. The case used is in
 * mottak-lillehammer, host municipality 3405, not yet accepted by any municipality.
 * "own" callers belong to that centre / municipality, "other" callers to another.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { journeyStepSchemas } from '../../domain/journey.schema';
import { completeSettlementInfo } from '../fixtures/cases';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { interviewFor } from '../fixtures/interview';
import { apiCalendar, call, callers, type Caller } from '../harness/api';

type CallerKey = 'none' | keyof typeof callers;
const callerKeys: CallerKey[] = ['none', 'udi', 'mottak', 'otherMottak', 'kommune', 'otherKommune', 'imdi', 'supervisor'];

let sharedCase: string;
/** The main person of the shared case (each case has DUF numbers of its own, R-ELIG-5). */
let sharedDuf: string;
const permitOf = new Map<string, { persons: { dufNumber: string }[] }>();
const cal = await apiCalendar();
/** A planning year well ahead, so no other test's decided number is touched. */
const planningYear = Number(cal.today.slice(0, 4)) + 5;

async function newCase(): Promise<string> {
  const permit = uniqueFamilyPermitBody(cal) as { persons: { dufNumber: string }[] };
  const created = await call(callers.udi, 'POST', '/v1/permits', permit);
  expect(created.status).toBe(201);
  permitOf.set(created.body.caseId, permit);
  return created.body.caseId;
}

/** A case IMDi has offered to Lillehammer (3405), through the API. */
async function offeredCase(): Promise<string> {
  const caseId = await newCase();
  const steps: [Caller, string, unknown][] = [
    [callers.mottak, 'settlement-info', settlementInfoFor(caseId)],
    [callers.mottak, 'interview', interviewFor(cal, permitOf.get(caseId)!)],
    [callers.kommune, 'competence-mapping', { status: 'done', doneOn: cal.today }],
    [callers.imdi, 'offers', { municipalityNumber: '3405', municipalityName: 'Lillehammer' }],
  ];
  for (const [caller, path, body] of steps) expect((await call(caller, 'POST', `/v1/cases/${caseId}/${path}`, body)).status, path).toBe(200);
  return caseId;
}

/** Every R-REG-2 answer for the case's own persons. */
const settlementInfoFor = (caseId: string) => completeSettlementInfo({}, permitOf.get(caseId)!.persons.map((p) => p.dufNumber));

/** A staff step: the caller allowed and in reach acts on a fresh case (200, or 409 when its state refuses); all others on the shared one. */
function stepRow(path: string, body: unknown, expect: Record<CallerKey, number>, fresh: () => Promise<string> = newCase) {
  return {
    request: async (caller: CallerKey) => {
      const caseId = [200, 409].includes(expect[caller]) ? await fresh() : sharedCase;
      return { method: 'POST', path: `/v1/cases/${caseId}/${path}`, body: typeof body === 'function' ? body(caseId) : body };
    },
    expect,
  };
}

const none403 = { udi: 403, mottak: 403, otherMottak: 403, kommune: 403, otherKommune: 403, imdi: 403, supervisor: 403 };

type Request = { method: string; path: string; body?: unknown };

/** The route as documented in OpenAPI → how to call it, and the expected status per caller. */
const matrix: Record<string, { request: (caller: CallerKey) => Promise<Request>; expect: Record<CallerKey, number> }> = {
  'POST /v1/permits': {
    request: async () => ({ method: 'POST', path: '/v1/permits', body: uniqueFamilyPermitBody(cal) }),
    //        none  udi  mottak otherMottak kommune otherKommune imdi supervisor
    expect: { none: 401, udi: 201, mottak: 403, otherMottak: 403, kommune: 403, otherKommune: 403, imdi: 403, supervisor: 403 },
  },
  'GET /v1/me': {
    // Every signed-in caller may ask who it is (the web UI shows it); nobody without a token.
    request: async () => ({ method: 'GET', path: '/v1/me' }),
    expect: { none: 401, udi: 200, mottak: 200, otherMottak: 200, kommune: 200, otherKommune: 200, imdi: 200, supervisor: 200 },
  },
  'GET /v1/cases': {
    // Each asks for Lillehammer's list: its own centre, or 3405's accepted cases.
    request: async (caller) => ({ method: 'GET', path: caller.endsWith('ommune') ? '/v1/cases?municipality=3405' : '/v1/cases?receptionCentre=mottak-lillehammer' }),
    expect: { none: 401, udi: 403, mottak: 200, otherMottak: 403, kommune: 200, otherKommune: 403, imdi: 200, supervisor: 200 },
  },
  'GET /v1/cases/{caseId}': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}` }),
    // Offered to 3405, not accepted: that municipality sees the anonymised profile, no other one sees it (R-DIST-3).
    expect: { none: 401, udi: 200, mottak: 200, otherMottak: 404, kommune: 200, otherKommune: 404, imdi: 200, supervisor: 200 },
  },
  'GET /v1/cases/{caseId}/steps': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}/steps` }),
    // Whoever may read the case may ask which of its role's steps are open (the offered municipality too).
    expect: { none: 401, udi: 200, mottak: 200, otherMottak: 404, kommune: 200, otherKommune: 404, imdi: 200, supervisor: 200 },
  },
  'GET /v1/cases/{caseId}/history': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}/history` }),
    // Not accepted yet: no municipality sees the history.
    expect: { none: 401, udi: 403, mottak: 200, otherMottak: 404, kommune: 404, otherKommune: 404, imdi: 200, supervisor: 200 },
  },
  'GET /v1/cases/{caseId}/audit': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}/audit` }),
    expect: { none: 401, udi: 403, mottak: 403, otherMottak: 403, kommune: 403, otherKommune: 403, imdi: 403, supervisor: 200 },
  },
  'GET /v1/cases/{caseId}/audit/lists': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}/audit/lists` }),
    expect: { none: 401, udi: 403, mottak: 403, otherMottak: 403, kommune: 403, otherKommune: 403, imdi: 403, supervisor: 200 },
  },
  'POST /v1/cases/{caseId}/interview': {
    // A fresh case for the caller who may do it, so a 200 is not a 409 from an earlier row.
    request: async (caller) => {
      const caseId = caller === 'mottak' ? await newCase() : sharedCase;
      return { method: 'POST', path: `/v1/cases/${caseId}/interview`, body: interviewFor(cal, permitOf.get(caseId)!) };
    },
    expect: { none: 401, udi: 403, mottak: 200, otherMottak: 404, kommune: 403, otherKommune: 403, imdi: 403, supervisor: 403 },
  },
  'POST /v1/cases/{caseId}/first-renewal': stepRow('first-renewal', { renewalDate: cal.today }, { ...none403, none: 401, udi: 409, imdi: 409 }),
  'POST /v1/cases/{caseId}/settlement-info': stepRow('settlement-info', settlementInfoFor, { ...none403, none: 401, mottak: 200, otherMottak: 404 }),
  'POST /v1/cases/{caseId}/internal-notes': stepRow('internal-notes', { text: 'New information.' }, { ...none403, none: 401, mottak: 200, otherMottak: 404, imdi: 200 }),
  'POST /v1/cases/{caseId}/competence-mapping': stepRow('competence-mapping', { status: 'done', doneOn: cal.today }, { ...none403, none: 401, mottak: 200, otherMottak: 404, kommune: 200, otherKommune: 404, imdi: 200 }),
  'POST /v1/cases/{caseId}/norwegian-training': stepRow('norwegian-training', { offeredOn: cal.today }, { ...none403, none: 401, mottak: 200, otherMottak: 404, kommune: 200, otherKommune: 404 }),
  'POST /v1/cases/{caseId}/function-reports': stepRow('function-reports', { recordedOn: cal.today, outcome: 'no_change' }, { ...none403, none: 401, mottak: 409, otherMottak: 404 }),
  'POST /v1/cases/{caseId}/offers': stepRow('offers', { municipalityNumber: '3403', municipalityName: 'Hamar' }, { ...none403, none: 401, imdi: 409 }),
  'POST /v1/cases/{caseId}/offer-response': stepRow('offer-response', { decision: 'decline', reason: 'No housing.' }, { ...none403, none: 401, kommune: 200, otherKommune: 404 }, offeredCase),
  'POST /v1/cases/{caseId}/self-settlement': stepRow('self-settlement', { municipalityNumber: '3403', municipalityName: 'Hamar', expectedSettlementWeek: `${planningYear}-W10` }, { ...none403, none: 401, imdi: 409 }),
  'POST /v1/cases/{caseId}/minor-plans': stepRow('minor-plans', { sentOn: cal.today, signedByMinor: true, signedByRepresentative: true }, { ...none403, none: 401, mottak: 409, otherMottak: 404 }),
  'POST /v1/cases/{caseId}/moving-date': stepRow('moving-date', { movingDate: cal.day(60), travel: { mode: 'public_transport', journeyHours: 2 } }, { ...none403, none: 401, mottak: 409, otherMottak: 404, kommune: 404, otherKommune: 404 }),
  'POST /v1/cases/{caseId}/refusal': stepRow('refusal', { refusedOn: cal.today, moveDeadline: cal.day(14) }, { ...none403, none: 401, mottak: 409, otherMottak: 404 }),
  'POST /v1/cases/{caseId}/refusal-end': stepRow('refusal-end', { outcome: 'left', on: cal.today }, { ...none403, none: 401, udi: 409, mottak: 409, otherMottak: 404 }),
  'POST /v1/cases/{caseId}/departure': stepRow('departure', { date: cal.today, reason: 'left_norway' }, { ...none403, none: 401, mottak: 200, otherMottak: 404 }),
  'POST /v1/cases/{caseId}/arrival': stepRow('arrival', { arrivedOn: cal.today, allMembersArrived: true }, { ...none403, none: 401, kommune: 404, otherKommune: 404 }),
  'POST /v1/cases/{caseId}/tasks-done': stepRow('tasks-done', { taskId: 'delivery#1', note: 'Posted by hand.' }, { ...none403, none: 401, mottak: 409, otherMottak: 404, kommune: 404, otherKommune: 404, imdi: 409 }),
  'GET /v1/municipalities': {
    request: async () => ({ method: 'GET', path: `/v1/municipalities?year=${planningYear}` }),
    expect: { ...none403, none: 401, kommune: 200, otherKommune: 200, imdi: 200, supervisor: 200 },
  },
  'GET /v1/municipalities/{municipalityNumber}/{year}': {
    request: async () => ({ method: 'GET', path: `/v1/municipalities/3405/${planningYear}` }),
    expect: { ...none403, none: 401, kommune: 200, otherKommune: 200, imdi: 200, supervisor: 200 },
  },
  'PUT /v1/municipalities/{municipalityNumber}/{year}': {
    request: async () => ({ method: 'PUT', path: `/v1/municipalities/3405/${planningYear}`, body: { name: 'Lillehammer', decided: 40 } }),
    expect: { ...none403, none: 401, imdi: 200 },
  },
  'GET /v1/cases/{caseId}/persons/{dufNumber}/journey': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}/persons/${sharedDuf}/journey` }),
    // Not settled yet: no municipality reaches it; IMDi and supervisors learn there is no journey yet.
    expect: { ...none403, none: 401, kommune: 404, otherKommune: 404, imdi: 404, supervisor: 404 },
  },
  'GET /v1/cases/{caseId}/household-journey': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}/household-journey` }),
    expect: { ...none403, none: 401, kommune: 404, otherKommune: 404, imdi: 404, supervisor: 404 },
  },
  ...Object.fromEntries(
    Object.keys(journeyStepSchemas).map((kind) => [
      `POST /v1/cases/{caseId}/persons/{dufNumber}/${kind.replace(/_/g, '-')}`,
      {
        request: async () => ({ method: 'POST', path: `/v1/cases/${sharedCase}/persons/${sharedDuf}/${kind.replace(/_/g, '-')}`, body: {} }),
        // Only the settling municipality's refugee service; this case has none yet, so it is out of reach.
        expect: { ...none403, none: 401, kommune: 400, otherKommune: 400 },
      },
    ]),
  ),
  'GET /v1/recipients': {
    request: async () => ({ method: 'GET', path: '/v1/recipients' }),
    expect: { ...none403, none: 401, imdi: 200, supervisor: 200 },
  },
  'GET /v1/recipients/{kind}/{id}': {
    request: async () => ({ method: 'GET', path: '/v1/recipients/school/matrix-school' }),
    expect: { ...none403, none: 401, imdi: 200, supervisor: 200 },
  },
  'PUT /v1/recipients/{kind}/{id}': {
    request: async () => ({ method: 'PUT', path: '/v1/recipients/school/matrix-school', body: { name: 'Matrise skole', channel: { type: 'none' } } }),
    expect: { ...none403, none: 401, imdi: 200 },
  },
  'GET /v1/cases/{caseId}/notifications': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}/notifications` }),
    expect: { ...none403, none: 401, udi: 200, imdi: 200, supervisor: 200 },
  },
  'GET /v1/notifications': {
    request: async () => ({ method: 'GET', path: '/v1/notifications' }),
    expect: { ...none403, none: 401, udi: 200, imdi: 200, supervisor: 200 },
  },
  'GET /v1/cases/{caseId}/letters/{notificationId}.pdf': {
    request: async () => ({ method: 'GET', path: `/v1/cases/${sharedCase}/letters/none.pdf` }),
    expect: { ...none403, none: 401, udi: 404, imdi: 404, supervisor: 404 },
  },
  'GET /v1/deadlines': {
    request: async () => ({ method: 'GET', path: '/v1/deadlines' }),
    // Always within the caller's reach: a reception centre or municipality gets its own only.
    expect: { none: 401, udi: 403, mottak: 200, otherMottak: 200, kommune: 200, otherKommune: 200, imdi: 200, supervisor: 200 },
  },
  'POST /v1/cases/{caseId}/information-reports': {
    // R-DIST-8: only the settling municipality; this case is offered, not settled, so out of its reach.
    request: async () => ({ method: 'POST', path: `/v1/cases/${sharedCase}/information-reports`, body: { categories: ['pets'], description: 'Hund ikke nevnt.' } }),
    expect: { ...none403, none: 401, kommune: 404, otherKommune: 404 },
  },
  'GET /v1/information-reports': {
    // Everyone with a part in the routing reads the reports within its reach (a list, never another's).
    request: async () => ({ method: 'GET', path: `/v1/information-reports?from=${cal.day(-1)}&to=${cal.today}` }),
    expect: { none: 401, udi: 200, mottak: 200, otherMottak: 200, kommune: 200, otherKommune: 200, imdi: 200, supervisor: 200 },
  },
  'POST /v1/information-reports/{reportId}/forward': {
    request: async () => ({ method: 'POST', path: '/v1/information-reports/rapport-none/forward', body: {} }),
    expect: { ...none403, none: 401, imdi: 404 },
  },
  'POST /v1/information-reports/{reportId}/take-up': {
    request: async () => ({ method: 'POST', path: '/v1/information-reports/rapport-none/take-up', body: { note: 'Tatt opp.' } }),
    expect: { ...none403, none: 401, udi: 404 },
  },
  'GET /v1/statistics': {
    request: async () => ({ method: 'GET', path: `/v1/statistics?from=${cal.month(-12)}&to=${cal.today}` }),
    expect: { none: 401, udi: 403, mottak: 403, otherMottak: 403, kommune: 403, otherKommune: 403, imdi: 200, supervisor: 200 },
  },
};

const callerOf = (key: CallerKey): Caller | undefined => (key === 'none' ? undefined : callers[key]);

beforeAll(async () => {
  sharedCase = await offeredCase();
  sharedDuf = permitOf.get(sharedCase)!.persons[0]!.dufNumber;
  expect((await call(callers.imdi, 'PUT', `/v1/municipalities/3405/${planningYear}`, { name: 'Lillehammer', decided: 40 })).status).toBe(200);
  expect((await call(callers.imdi, 'PUT', '/v1/recipients/school/matrix-school', { name: 'Matrise skole', channel: { type: 'none' } })).status).toBeLessThan(300);
});

describe('authorisation matrix: every route × every role × own/other organisation', () => {
  it('covers every /v1 route of the OpenAPI document, and keeps health and the docs public', async () => {
    const doc = (await call(undefined, 'GET', '/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((route) => route.includes(' /v1/'));
    expect(Object.keys(matrix).sort()).toEqual(documented.sort());
    for (const path of ['/health', '/openapi.json', '/docs']) expect((await call(undefined, 'GET', path)).status, path).toBe(200);
  });

  for (const [route, row] of Object.entries(matrix)) {
    it.each(callerKeys)(`R-PRIV-1, R-PRIV-2: ${route} as %s`, async (key) => {
      const request = await row.request(key);
      const response = await call(callerOf(key), request.method, request.path, request.body);
      expect(response.status, response.text).toBe(row.expect[key]);
      if (response.status >= 400) expect(response.contentType).toContain('application/problem+json');
    });
  }

  it('R-PRIV-4: a supervisor is refused every write with 403, whatever the body', async () => {
    for (const [route, row] of Object.entries(matrix)) {
      if (!route.startsWith('POST')) continue;
      const request = await row.request('supervisor');
      for (const body of [request.body, {}, 'not json', { unknown: 1 }]) {
        const response = await call(callers.supervisor, request.method, request.path, body);
        expect(response.status, `${route} ${JSON.stringify(body)}`).toBe(403);
        expect(response.body.detail).toContain('Ledere (supervisor) leser alle saker og endrer ingen');
      }
    }
  });

  it('a kommune before acceptance gets the anonymised view; the centre its own, IMDi the full case (api/case-views.ts)', async () => {
    expect((await call(callers.kommune, 'GET', `/v1/cases/${sharedCase}`)).body.view).toBe('anonymised');
    expect((await call(callers.mottak, 'GET', `/v1/cases/${sharedCase}`)).body.view).toBe('centre');
    expect((await call(callers.imdi, 'GET', `/v1/cases/${sharedCase}`)).body.view).toBe('full');
    // A case outside one's reach answers exactly like a case that does not exist.
    const hidden = await call(callers.otherMottak, 'GET', `/v1/cases/${sharedCase}`);
    const missing = await call(callers.otherMottak, 'GET', `/v1/cases/${sharedCase}-nope`);
    expect(hidden.body.detail.replace(sharedCase, 'X')).toBe(missing.body.detail.replace(`${sharedCase}-nope`, 'X'));
  });

  it('a malformed token is a 401 with WWW-Authenticate', async () => {
    const response = await fetch(`${inject('apiUrl')}/v1/cases`, { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });
});
