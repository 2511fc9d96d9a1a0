/** What a municipality sees before acceptance, the audit log, the staff-step pattern and the readable history. */
import { describe, expect, it } from 'vitest';
import { isValidNationalIdentityNumber } from '../../domain/identifiers';
import { completeSettlementInfo } from '../fixtures/cases';
import { interviewFor } from '../fixtures/interview';
import type { Calendar } from '../fixtures/calendar';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually, expectTimelineSoFar } from '../harness/api';

/** A valid fødselsnummer for a birth date (the first individual number of its century with valid check digits). */
function nationalIdentityNumberBornOn(dateOfBirth: string): string {
  const [y, m, d] = dateOfBirth.split('-');
  const ddmmyy = `${d}${m}${y!.slice(2)}`;
  const first = Number(y) >= 2000 ? 500 : 100; // individual numbers 500–999 for 2000–2039, 000–499 for the 1900s
  for (let individual = first; individual < first + 400; individual++) {
    for (let checks = 0; checks < 100; checks++) {
      const candidate = `${ddmmyy}${individual}${String(checks).padStart(2, '0')}`;
      if (isValidNationalIdentityNumber(candidate)) return candidate;
    }
  }
  throw new Error('no number found');
}

async function newCase(overrides: Record<string, unknown> | ((cal: Calendar) => Record<string, unknown>) = {}) {
  const cal = await apiCalendar();
  const permit = uniqueFamilyPermitBody(cal, typeof overrides === 'function' ? overrides(cal) : overrides);
  const created = await call(callers.udi, 'POST', '/v1/permits', permit);
  expect(created.status).toBe(201);
  return { caseId: created.body.caseId as string, permit: permit as any, cal };
}

describe('privacy', () => {
  it('R-DIST-3, R-PRIV-1: the municipality’s view before acceptance has no name, DUF number, identity number or reception centre (raw response)', async () => {
    const { caseId, permit, cal } = await newCase();
    // A second household whose main person has a national identity number, so there is one to leak.
    const withId = uniqueFamilyPermitBody(cal);
    (withId.persons as any[])[0].nationalIdentityNumber = nationalIdentityNumberBornOn((withId.persons as { dateOfBirth: string }[])[0]!.dateOfBirth);
    const idCase = await call(callers.udi, 'POST', '/v1/permits', withId);
    expect(idCase.status, idCase.text).toBe(201);
    const cases = [
      { caseId, permit },
      { caseId: idCase.body.caseId as string, permit: withId as any },
    ];

    // Interview held (its record names participants by DUF number), information complete, and IMDi
    // offers both households to Lillehammer (3405): only then may it see the anonymised profile.
    for (const { caseId: id, permit: p } of cases) {
      const steps: [typeof callers.mottak | typeof callers.kommune | typeof callers.imdi, string, unknown][] = [
        [callers.mottak, 'settlement-info', completeSettlementInfo({}, p.persons.map((person: { dufNumber: string }) => person.dufNumber))],
        [callers.mottak, 'interview', interviewFor(cal, p)],
        [callers.kommune, 'competence-mapping', { status: 'done', doneOn: cal.today }],
        [callers.imdi, 'offers', { municipalityNumber: '3405', municipalityName: 'Lillehammer' }],
      ];
      for (const [caller, path, body] of steps) expect((await call(caller, 'POST', `/v1/cases/${id}/${path}`, body)).status, path).toBe(200);
    }

    for (const { caseId: id, permit: p } of cases) {
      const seen = await call(callers.kommune, 'GET', `/v1/cases/${id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.view).toBe('anonymised');
      expect(seen.body.profile.members).toHaveLength(p.persons.length);
      const forbidden = [
        ...p.persons.flatMap((person: any) => [person.givenName, person.familyName, person.dufNumber, person.nationalIdentityNumber, person.dateOfBirth, person.registrationNumber]),
        p.receptionCentre.id,
        p.receptionCentre.name,
        p.hostMunicipality.name,
      ].filter(Boolean);
      for (const value of forbidden) expect(seen.text, `${value} in ${seen.text}`).not.toContain(value);
      // Names of the centre's town are dropped too ("Lillehammer"), case-insensitively.
      expect(seen.text.toLowerCase()).not.toContain('lillehammer');
    }
  });

  it('R-PRIV-2: a reception centre’s list holds only its residents; asking for another centre is refused', async () => {
    const own = await newCase();
    const other = await newCase({ receptionCentre: { id: 'mottak-hamar', name: 'Hamar asylmottak' } });
    const page = await eventually(
      () => call(callers.mottak, 'GET', '/v1/cases?limit=200'),
      (r) => r.body.items.some((c: any) => c.caseId === own.caseId),
    );
    expect(page.body.items.every((c: any) => c.receptionCentreId === 'mottak-lillehammer')).toBe(true);
    expect(page.body.items.map((c: any) => c.caseId)).not.toContain(other.caseId);
    expect((await call(callers.mottak, 'GET', '/v1/cases?receptionCentre=mottak-hamar')).status).toBe(403);
  });
});

describe('audit log', () => {
  it('R-PRIV-4: every read and change by a person is logged with who, role, organisation, when, what and outcome', async () => {
    const { caseId, cal, permit } = await newCase();
    await call(callers.mottak, 'GET', `/v1/cases/${caseId}`);
    await call(callers.otherKommune, 'GET', `/v1/cases/${caseId}`);
    await call(callers.otherMottak, 'GET', `/v1/cases/${caseId}`);
    await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit));
    await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit)); // refused: already held
    await call(callers.imdi, 'GET', `/v1/cases/${caseId}/history`);

    const trail = await call(callers.supervisor, 'GET', `/v1/cases/${caseId}/audit?limit=200`);
    expect(trail.status).toBe(200);
    // Lists other tests read at the same time are logged once per request (GET …/audit/lists), not in this trail.
    const mine = trail.body.items;
    const rows = mine.map((e: any) => [e.actor, e.role, e.organisation ?? null, e.action, e.outcome]);
    expect(rows).toEqual([
      ['udi-case-officer', 'udi', null, 'permit.create', 'ok'],
      ['bosettingsansvarlig-lillehammer', 'mottak', 'mottak-lillehammer', 'case.read', 'ok'],
      // R-DIST-3: not offered to Oslo (nor its host), so not within its reach at all.
      ['flyktningetjeneste-oslo', 'kommune', '0301', 'case.read', 'denied'],
      ['bosettingsansvarlig-hamar', 'mottak', 'mottak-hamar', 'case.read', 'denied'],
      ['bosettingsansvarlig-lillehammer', 'mottak', 'mottak-lillehammer', 'case.interview', 'ok'],
      ['bosettingsansvarlig-lillehammer', 'mottak', 'mottak-lillehammer', 'case.interview', 'refused'],
      ['imdi-caseworker', 'imdi', null, 'case.history', 'ok'],
    ]);
    // The refusal's reason went to the caller; the audit log keeps its type only (no personal data).
    expect(mine[5].detail).toMatch(/^[A-Za-z]+( R-[A-Z]+-\d+)*$/);
    expect(mine[5].detail).not.toContain('klargjøring');
    for (const entry of mine) expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 120_000);
  });
});

describe('staff steps (the interview as the pattern)', () => {
  it('R-INT-2: the actor comes from the token; the body cannot name one', async () => {
    const { caseId, cal, permit } = await newCase();
    const forged = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, { ...interviewFor(cal, permit), actor: { id: 'someone-else', role: 'imdi' } });
    expect(forged.status).toBe(400);
    expect(forged.body.errors).toContainEqual(expect.objectContaining({ message: expect.stringContaining('unknown field(s): actor') }));

    const done = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ view: 'centre', stage: 'preparing', interview: { completedBy: { id: 'bosettingsansvarlig-lillehammer', role: 'mottak', organisation: 'mottak-lillehammer' } } });
  });

  it('R-INT-6: a step the workflow refuses is a 409 problem with the workflow’s reason', async () => {
    const { caseId, cal, permit } = await newCase();
    expect((await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit))).status).toBe(200);
    const again = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit));
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body.detail).toContain('saken er i «klargjøring»');
  });

  it('R-INT-3: a record the household check refuses is a 400 naming the member at the field', async () => {
    const { caseId, cal, permit } = await newCase();
    const onlyOne = interviewFor(cal, permit, { participants: [{ dufNumber: permit.persons[0].dufNumber, format: 'joint' }] });
    const refused = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, onlyOne);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: 'participants', message: expect.stringContaining('Omar Haddad') }));
  });

  it('an Idempotency-Key makes a retried step apply once', async () => {
    const { caseId, cal, permit } = await newCase();
    const headers = { 'idempotency-key': `retry-${caseId}` };
    const first = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit), headers);
    const retry = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit), headers);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body.version).toBe(first.body.version);
  });

  it('an invalid body is a 400 with the field path, and changes nothing', async () => {
    const { caseId, cal, permit } = await newCase();
    const bad = await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit, { heldOn: '2026-02-30' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ path: 'heldOn' }));
    expect((await call(callers.imdi, 'GET', `/v1/cases/${caseId}`)).body.stage).toBe('interview');
  });
});

describe('history', () => {
  it('R-INT-1, R-INT-2: the readable history tells, in order, the start, the notice to the centre, the timers and the interview with who held it', async () => {
    // UDI's decision two days before the case: the competence mapping's reminder (decision + 11 days,
    // R-HOST-1) comes before the interview's (case + 11 days, R-INT-2).
    const { caseId, cal, permit } = await newCase((c) => ({ decisionDate: c.day(-2), permitDate: c.day(-2) }));
    // The interview after the notice to the centre is handed over and the reminder timer is set (the order the test reads).
    await eventually(
      () => call(callers.imdi, 'GET', `/v1/cases/${caseId}/history`),
      (r) =>
        r.body.entries?.some((e: any) => e.kind === 'timer') &&
        r.body.entries.some((e: any) => e.source === 'case' && e.text.startsWith('Sendt melding om ny bosettingssak')),
    );
    expect((await call(callers.mottak, 'POST', `/v1/cases/${caseId}/interview`, interviewFor(cal, permit))).status).toBe(200);
    const history = await call(callers.imdi, 'GET', `/v1/cases/${caseId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.runs).toBe(1);
    expect(history.body.links.temporalUi).toMatch(new RegExp(`/namespaces/default/workflows/${caseId}$`));
    const texts: string[] = history.body.entries.map((e: any) => `${e.source}: ${e.text}`);
    const at = (pattern: RegExp) => {
      const index = texts.findIndex((t) => pattern.test(t));
      expect(index, `${pattern} in\n${texts.join('\n')}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const started = at(/^temporal: Saksforløpet startet$/);
    const notice = at(/^temporal: Melding: new-case → reception_centre mottak-lillehammer$/);
    // One timer at a time: the next deadline to act on (the competence mapping's reminder, R-HOST-1).
    const timer = at(/^temporal: Tidtaker satt til .* \(påminnelse: Kompetansekartlegging gjennomført\)$/);
    const step = at(/^temporal: Steget «registrer bosettingssamtale» godtatt fra bosettingsansvarlig-lillehammer \(mottak, mottak-lillehammer\)$/);
    const recorded = at(/^case: Bosettingssamtalen er gjennomført/);
    expect(started).toBeLessThan(notice);
    expect(notice).toBeLessThan(step);
    expect(timer).toBeLessThan(step);
    expect(recorded).toBeGreaterThan(timer);
    const stepEntry = history.body.entries.find((e: any) => e.kind === 'step' && e.source === 'temporal');
    expect(stepEntry).toMatchObject({ actor: { id: 'bosettingsansvarlig-lillehammer', role: 'mottak' } });
    expect(history.body.entries.find((e: any) => e.text.startsWith('Tidtaker satt'))).toMatchObject({ rule: 'R-HOST-1' });
    // The step's content (the interview record) is not copied into the history.
    expect(history.text).not.toContain(permit.persons[0].dufNumber);
    // In the order things happened: Temporal's events by event id (not by their clocks), the case's timeline in its own order.
    const eventIds = history.body.entries.filter((e: any) => e.source === 'temporal').map((e: any) => e.eventId);
    expect(eventIds).toEqual([...eventIds].sort((a: number, b: number) => a - b));
    const told = history.body.entries.filter((e: any) => e.source === 'case').map((e: any) => e.text);
    expectTimelineSoFar(told, (await call(callers.imdi, 'GET', `/v1/cases/${caseId}`)).body.timeline.map((e: any) => e.text));
  });
});
