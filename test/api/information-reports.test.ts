/**
 * R-DIST-8 over HTTP: a settled family's municipality reports missing information; IMDi forwards it
 * to UDI, UDI takes it up with the centre, which only then reads it; counted per centre.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers } from '../harness/api';
import { familyThroughApi, type Family } from '../harness/family';

let family: Family;
let period: string;
const description = 'Familien har en hund som ikke var nevnt; boligen tillater ikke dyr.';

beforeAll(async () => {
  family = await familyThroughApi();
  const cal = await apiCalendar();
  period = `from=${cal.day(-1)}&to=${cal.day(1)}`;
}, 300_000);

const reportsOf = async (caller: (typeof callers)[keyof typeof callers]) => {
  const list = await call(caller, 'GET', `/v1/information-reports?${period}`);
  expect(list.status, list.text).toBe(200);
  return list.body as { items: { reportId: string; caseId: string; status: string; description: string; receptionCentreId: string }[]; countsByCentre: { receptionCentreId: string; reports: number }[] };
};

describe('R-DIST-8 missing or wrong information, reported after settlement', () => {
  it('R-DIST-8: the municipality reports once per key; IMDi → UDI → the centre, each step once; counted per centre; the audit keeps no text', async () => {
    const path = `/v1/cases/${family.caseId}/information-reports`;
    const body = { categories: ['pets', 'family_relations'], description };
    const key = { 'idempotency-key': `report-${family.caseId}` };
    const made = await call(callers.kommune, 'POST', path, body, key);
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({ caseId: family.caseId, municipalityNumber: '3405', receptionCentreId: 'mottak-lillehammer', status: 'with_imdi', party: 'imdi', description });
    const again = await call(callers.kommune, 'POST', path, body, key);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ reportId: made.body.reportId, repeated: true });
    const { reportId } = made.body;

    // Another municipality does not reach the case; a field that is not a category is named.
    expect((await call(callers.otherKommune, 'POST', path, body)).status).toBe(404);
    const wrong = await call(callers.kommune, 'POST', path, { categories: ['weather'], description });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toEqual(['categories.0']);

    // With IMDi: UDI cannot take it up yet, and the centre does not see it.
    expect((await call(callers.udi, 'POST', `/v1/information-reports/${reportId}/take-up`, { note: 'x' })).status).toBe(409);
    expect((await reportsOf(callers.mottak)).items.map((r) => r.reportId)).not.toContain(reportId);
    expect((await reportsOf(callers.otherKommune)).items.map((r) => r.reportId)).not.toContain(reportId);

    // IMDi forwards it, twice at once: applied once.
    const forwards = await Promise.all([1, 2].map(() => call(callers.imdi, 'POST', `/v1/information-reports/${reportId}/forward`, {})));
    expect(forwards.map((f) => f.status).sort()).toEqual([200, 409]);
    const taken = await call(callers.udi, 'POST', `/v1/information-reports/${reportId}/take-up`, { note: 'Tatt opp med mottaket.' });
    expect(taken.status, taken.text).toBe(200);
    expect(taken.body).toMatchObject({ status: 'with_centre', party: 'reception_centre', udiNote: 'Tatt opp med mottaket.', forwardedBy: { role: 'imdi' }, takenUpBy: { role: 'udi' } });

    // Now the centre reads it, and IMDi counts it for the centre.
    expect((await reportsOf(callers.mottak)).items.find((r) => r.reportId === reportId)).toMatchObject({ status: 'with_centre', description });
    const all = await reportsOf(callers.imdi);
    const atCentre = all.items.filter((r) => r.receptionCentreId === 'mottak-lillehammer').length;
    expect(atCentre).toBeGreaterThanOrEqual(1);
    expect(all.countsByCentre.find((c) => c.receptionCentreId === 'mottak-lillehammer')?.reports).toBe(atCentre);

    // Supervisors read, never write; the audit log records the steps, not the municipality's words.
    expect((await call(callers.supervisor, 'POST', `/v1/information-reports/${reportId}/forward`, {})).status).toBe(403);
    const trail = await call(callers.supervisor, 'GET', `/v1/cases/${family.caseId}/audit?limit=200`);
    const actions = trail.body.items.map((e: { action: string }) => e.action);
    for (const action of ['report.create', 'report.forward', 'report.take-up']) expect(actions).toContain(action);
    expect(trail.text).not.toContain('hund');
  });

  it('R-DIST-8: a case the municipality has not accepted is out of its reach, like an unknown case', async () => {
    const created = await call(callers.udi, 'POST', '/v1/permits', uniqueFamilyPermitBody(await apiCalendar()));
    expect(created.status, created.text).toBe(201);
    // Out of the municipality's reach before it accepts: 404, exactly like an unknown case.
    expect((await call(callers.kommune, 'POST', `/v1/cases/${created.body.caseId}/information-reports`, { categories: ['car'], description })).status).toBe(404);
  });
});
