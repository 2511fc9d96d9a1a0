/**
 * Logs without personal data (logging/logger.ts): a family goes through the API from permit to
 * move-in — with refused steps whose reasons name people, a bad body carrying a DUF number and a
 * path with a DUF number in it — and then every line the system under test logged (API, worker,
 * workflows, Temporal's core: one file, test/harness/global-setup.ts) is searched for the
 * household's names, DUF numbers, fødselsnummer and birth dates.
 */
import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { personalIdentifiers } from '../fixtures/identities';
import { validInterview } from '../fixtures/interview';
import { apiCalendar, call, callers, eventually } from '../harness/api';
import { familyThroughApi } from '../harness/family';

type Line = Record<string, unknown> & { msg?: string; requestId?: string };
const lines = (): Line[] =>
  fs
    .readFileSync(inject('systemLogFile'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);

describe('logs', () => {
  it('R-PRIV-3: the logs of a family’s whole journey hold none of its personal data; every API call has a request id', async () => {
    const { caseId, permit } = await familyThroughApi();
    const [main, spouse] = permit.persons;
    // Failures log more than successes do: a refused step naming a member, a bad body, an unknown DUF in a path.
    const refused = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, validInterview(await apiCalendar(), { participants: [{ dufNumber: main.dufNumber, format: 'joint' }] }));
    expect(refused.status).toBe(400);
    const bad = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/internal-notes`, { text: `${main.givenName} ${main.familyName}`, riskToSelfOrOthers: { dufNumber: spouse.dufNumber, description: 42 } });
    expect(bad.status).toBe(400);
    const missing = await call(callers.kommune, 'GET', `/v1/cases/${caseId}/persons/209912345678/journey`);
    expect(missing.status).toBe(404);
    const journey = await call(callers.kommune, 'GET', `/v1/cases/${caseId}/persons/${spouse.dufNumber}/journey`, undefined, { 'x-request-id': 'trace-me-1' });
    expect(journey.status).toBe(200);

    const logged = await eventually(async () => lines(), (all) => all.some((l) => l.requestId === 'trace-me-1'));
    // One line per API call, with its request id, the route as declared and the case.
    const mine = logged.filter((l) => l.msg === 'request' && l.caseId === caseId);
    expect(mine.length).toBeGreaterThan(12);
    for (const line of mine) expect(line.requestId).toMatch(/^[0-9a-f-]{36}$|^trace-me-1$/);
    expect(mine.find((l) => l.requestId === 'trace-me-1')).toMatchObject({ method: 'GET', route: '/v1/cases/:caseId/persons/:dufNumber/journey', status: 200, role: 'kommune' });
    expect(journey.contentType).toBeTruthy();
    // Temporal's loggers write into the same file.
    expect(logged.some((l) => l.component === 'temporal')).toBe(true);

    const text = fs.readFileSync(inject('systemLogFile'), 'utf8');
    const secrets = [...personalIdentifiers(permit), '209912345678'];
    expect(secrets.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(text, `${secret} in the log`).not.toContain(secret);
  });
});
