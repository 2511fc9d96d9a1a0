/**
 * R-ELIG-5: a person is in at most one open settlement case. A second permit (another permit id)
 * naming someone in an open case creates nothing and answers 409, naming the open case and the
 * person's field; the same permit twice stays one case. Against the real system (API, Temporal,
 * dynalite); every family has DUF numbers of its own.
 */
import { PutItemCommand } from 'dynamodb-toolbox';
import { describe, expect, inject, it } from 'vitest';
import { caseIdForPermit } from '../../api/case-id';
import { getCaseSummary } from '../../store/case-index';
import { createDocumentClient } from '../../store/client';
import { caseOfPerson, claimPersons, personKey } from '../../store/person-index';
import { createTables } from '../../store/table';
import { freshDufNumber, uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually } from '../harness/api';

const tables = createTables(createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' }), inject('tableName'), { embedded: true });
const secret = inject('caseIdSecret');
const cal = await apiCalendar();

type Permit = { permitId: string; persons: ({ dufNumber: string; givenName: string } & Record<string, unknown>)[] } & Record<string, unknown>;
const family = (overrides: Record<string, unknown> = {}) => uniqueFamilyPermitBody(cal, overrides) as Permit;
const post = (permit: unknown) => call(callers.udi, 'POST', '/v1/permits', permit);
const keyedCaseId = (permit: Permit) => caseIdForPermit(permit.permitId, secret);

/** Another permit (new id) for a household that shares `persons` (by index) with `permit`; the rest are new people. */
function overlapping(permit: Permit, shared: number[]): Permit {
  const other = family();
  other.persons = other.persons.map((p, i) => (shared.includes(i) ? { ...p, dufNumber: permit.persons[i]!.dufNumber } : p));
  return other;
}

describe('R-ELIG-5: one open case per person', () => {
  it('R-ELIG-5: a second permit with a person of an open case is a 409 naming the case and the field; nothing is created', async () => {
    const first = family();
    const created = await post(first);
    expect(created.status, created.text).toBe(201);
    const openCaseId = created.body.caseId as string;

    const second = overlapping(first, [1]); // the spouse again, in another household
    const refused = await post(second);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      status: 409,
      title: 'Person already in an open case',
      rule: 'R-ELIG-5',
      openCaseId,
      links: { case: `/v1/cases/${openCaseId}` },
      errors: [{ path: 'persons.1.dufNumber', message: `DUF-nummeret er allerede i den åpne saken ${openCaseId} (R-ELIG-5)` }],
    });
    expect(refused.body.detail).toBe(
      `Personen med DUF-nummeret i persons[1].dufNumber er allerede i en åpen bosettingssak (${openCaseId}). ` +
        'Det opprettes ingen ny sak; IMDi må avklare hvilken sak personen hører til (R-ELIG-5).',
    );
    // Nothing of the second permit exists: no case, and its new people were not left claimed.
    expect((await call(callers.imdi, 'GET', `/v1/cases/${keyedCaseId(second)}`)).status).toBe(404);
    for (const i of [0, 2, 3]) expect(await caseOfPerson(tables, secret, second.persons[i]!.dufNumber)).toBeUndefined();
    expect(await caseOfPerson(tables, secret, first.persons[1]!.dufNumber)).toBe(openCaseId);
    // Asking again changes nothing: still refused.
    expect((await post(second)).status).toBe(409);
    // The refusal is in the open case's audit trail (R-PRIV-4).
    const trail = await call(callers.supervisor, 'GET', `/v1/cases/${openCaseId}/audit?limit=200`);
    expect(trail.body.items).toContainEqual(expect.objectContaining({ action: 'permit.create', outcome: 'refused', detail: expect.stringContaining('R-ELIG-5') }));
  });

  it('R-ELIG-5: every person in an open case is named, also when they are in different cases', async () => {
    const a = family();
    const b = family();
    const [ca, cb] = [await post(a), await post(b)];
    expect([ca.status, cb.status]).toEqual([201, 201]);
    const mixed = family();
    mixed.persons[0] = { ...mixed.persons[0]!, dufNumber: a.persons[0]!.dufNumber };
    mixed.persons[2] = { ...mixed.persons[2]!, dufNumber: b.persons[2]!.dufNumber };
    const refused = await post(mixed);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.errors).toEqual([
      { path: 'persons.0.dufNumber', message: `DUF-nummeret er allerede i den åpne saken ${ca.body.caseId} (R-ELIG-5)` },
      { path: 'persons.2.dufNumber', message: `DUF-nummeret er allerede i den åpne saken ${cb.body.caseId} (R-ELIG-5)` },
    ]);
    expect(refused.body.detail).toContain('persons[0].dufNumber, persons[2].dufNumber');
  });

  it('R-ELIG-5: the same permit posted again stays one case (201, then 200), also after another permit was refused', async () => {
    const permit = family();
    const created = await post(permit);
    expect(created.status).toBe(201);
    expect((await post(overlapping(permit, [0, 1]))).status).toBe(409);
    const again = await post(permit);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ caseId: created.body.caseId, created: false });
  });

  it('R-ELIG-5: ten permits sharing two persons, posted at once, listed in either order → exactly one case', async () => {
    const [shared, sharedToo] = [freshDufNumber(), freshDufNumber()];
    const permits = Array.from({ length: 10 }, (_, i) => {
      const p = family();
      p.persons[0] = { ...p.persons[0]!, dufNumber: shared };
      p.persons[1] = { ...p.persons[1]!, dufNumber: sharedToo };
      // Half of them list the household in reverse: claimed in the permit's order, two permits
      // would each hold one of the two and refuse each other, leaving no case at all.
      if (i % 2 === 1) p.persons = [...p.persons].reverse();
      return p;
    });
    const answers = await Promise.all(permits.map(post));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 201)!.body.caseId as string;
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.openCaseId).toBe(winner);
    expect(await caseOfPerson(tables, secret, shared)).toBe(winner);
    expect(await caseOfPerson(tables, secret, sharedToo)).toBe(winner);
    // The losers' own people are free again.
    for (const [i, p] of permits.entries()) {
      if (answers[i]!.status !== 409) continue;
      for (const person of p.persons.filter((x) => ![shared, sharedToo].includes(x.dufNumber))) expect(await caseOfPerson(tables, secret, person.dufNumber)).toBeUndefined();
    }
  });

  it('R-ELIG-5: two households sharing two persons, listed in opposite orders, claimed at once → one claims both, the other none', async () => {
    for (let round = 0; round < 5; round++) {
      const [x, y] = [freshDufNumber(), freshDufNumber()];
      const claim = (caseId: string, dufNumbers: string[]) => claimPersons(tables, { secret, caseId, dufNumbers, isOpen: async () => true });
      const [one, two] = await Promise.all([claim(`order-${round}-a`, [x, y]), claim(`order-${round}-b`, [y, x])]);
      expect([one.outcome, two.outcome].sort()).toEqual(['claimed', 'in_open_case']);
      const winner = one.outcome === 'claimed' ? `order-${round}-a` : `order-${round}-b`;
      expect([await caseOfPerson(tables, secret, x), await caseOfPerson(tables, secret, y)]).toEqual([winner, winner]);
    }
  });

  it('R-ELIG-5: a person whose case is finished (refused, R-ELIG-4) may be in a new case', async () => {
    const refusedFamily = family();
    refusedFamily.persons[0] = { ...refusedFamily.persons[0]!, previousSettlement: { municipalityNumber: '5001', municipalityName: 'Trondheim' } };
    const created = await post(refusedFamily);
    expect(created.status, created.text).toBe(201);
    const finished = await eventually(() => getCaseSummary(tables, created.body.caseId), (row) => row?.stage === 'refused');
    expect(finished?.stage).toBe('refused');

    const corrected = overlapping(refusedFamily, [0, 1, 2, 3]); // the same household, a new permit
    const again = await post(corrected);
    expect(again.status, again.text).toBe(201);
    expect(again.body.caseId).toBe(keyedCaseId(corrected));
    for (const person of corrected.persons) expect(await caseOfPerson(tables, secret, person.dufNumber)).toBe(again.body.caseId);
  });

  it('R-ELIG-5: a claim left by a case that never started (its start failed) does not block the person', async () => {
    const permit = family();
    // As a start that failed after the claim: an old claim for a case without workflow or row.
    await tables.personCase
      .build(PutItemCommand)
      .item({ ...personKey(secret, permit.persons[0]!.dufNumber), caseId: 'case-never-started', claimedAt: `${cal.day(-1)}T00:00:00.000Z` })
      .send();
    const created = await post(permit);
    expect(created.status, created.text).toBe(201);
    expect(await caseOfPerson(tables, secret, permit.persons[0]!.dufNumber)).toBe(created.body.caseId);
  });

  it('R-ELIG-5: the index holds no DUF number — its key is a keyed hash', async () => {
    const duf = freshDufNumber();
    expect(personKey(secret, duf).pk).toMatch(/^PERSON#[0-9a-f]{40}$/);
    expect(personKey(secret, duf).pk).not.toContain(duf);
    expect(personKey('another-secret', duf).pk).not.toBe(personKey(secret, duf).pk);
  });
});
