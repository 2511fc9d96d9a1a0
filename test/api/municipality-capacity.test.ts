/**
 * R-DIST-2: a municipality's decided number (vedtak) counts PERSONS, and every change of its
 * capacity is one atomic update expression. Against the real store (dynalite) and API: reservations
 * go through the store's functions as the workflow's activity calls them, decided numbers through
 * PUT /v1/municipalities, many at once on one municipality.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { saveCaseSummary } from '../../store/case-index';
import { createDocumentClient } from '../../store/client';
import { getMunicipalityYear, releasePlace, reservePlace, type Reservation } from '../../store/municipalities';
import { createTables } from '../../store/table';
import { apiCalendar, call, callers } from '../harness/api';

const tables = createTables(createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-north-1' }), inject('tableName'), { embedded: true });
const cal = await apiCalendar();
/** Years no other test plans in; one municipality number of its own per test. */
const year = Number(cal.today.slice(0, 4)) + 20;
const run = randomUUID().slice(0, 8);
let municipalitySeq = 0;
const freshMunicipality = () => String(9000 + ((Number.parseInt(run.slice(0, 4), 16) + 37 * ++municipalitySeq) % 1000)).padStart(4, '0');

async function decide(municipalityNumber: string, decided: number, name = 'Testvik') {
  const response = await call(callers.imdi, 'PUT', `/v1/municipalities/${municipalityNumber}/${year}`, { name, decided });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function shown(municipalityNumber: string) {
  const response = await call(callers.imdi, 'GET', `/v1/municipalities/${municipalityNumber}/${year}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

const stored = async (municipalityNumber: string) => (await getMunicipalityYear(tables, municipalityNumber, year))!;

/** Household sizes 1..6, mixed: 50 households of 175 persons in all. */
const households = Array.from({ length: 50 }, (_, i) => ({ caseId: `cap-${run}-${i}`, persons: (i * 7) % 6 + 1 }));
const sum = (xs: { persons: number }[]) => xs.reduce((n, h) => n + h.persons, 0);

describe('R-DIST-2: capacity in persons, one atomic write per change', () => {
  it('R-DIST-2: a family of 4 is not accepted into 2 free places; the refusal says how many are free', async () => {
    const municipalityNumber = freshMunicipality();
    await decide(municipalityNumber, 6);
    const ids = { first: `four-${run}-a`, second: `four-${run}-b` };
    expect(await reservePlace(tables, { municipalityNumber, year, caseId: ids.first, persons: 4 })).toEqual({ outcome: 'reserved' });
    expect(await reservePlace(tables, { municipalityNumber, year, caseId: ids.second, persons: 4 })).toEqual({ outcome: 'full', decided: 6, used: 4, free: 2 });
    expect(await reservePlace(tables, { municipalityNumber, year, caseId: `two-${run}`, persons: 2 })).toEqual({ outcome: 'reserved' });
    expect(await shown(municipalityNumber)).toMatchObject({ decided: 6, used: 6, free: 0, overDecidedBy: 0 });
    expect(await reservePlace(tables, { municipalityNumber, year: year + 1, caseId: ids.second, persons: 4 })).toEqual({ outcome: 'no_decision' });
  });

  it('R-DIST-2: 50 concurrent reservations of mixed sizes while the decided number changes → used is the sum of the accepted, never above decided, none lost', async () => {
    const municipalityNumber = freshMunicipality();
    await decide(municipalityNumber, 20);
    // The decided number rises in steps (one lane, so it only ever grows) while all 50 households
    // ask at once and a reader watches the item: it must never show more used than decided.
    const decisions = [25, 30, 35, 40, 45, 50, 55, 60, 70, 80];
    let racing = true;
    const snapshots: { decided: number; used: number; free: number }[] = [];
    const watcher = (async () => {
      while (racing) {
        const m = await stored(municipalityNumber);
        snapshots.push({ decided: m.decided, used: m.used, free: m.free });
      }
    })();
    const raiser = (async () => {
      for (const decided of decisions) await decide(municipalityNumber, decided, `Testvik ${decided}`);
    })();
    const answers = await Promise.all(households.map((h) => reservePlace(tables, { municipalityNumber, year, ...h })));
    await raiser;
    racing = false;
    await watcher;

    const accepted = households.filter((_, i) => answers[i]!.outcome === 'reserved');
    const refused = households.filter((_, i) => answers[i]!.outcome === 'full');
    expect(accepted.length + refused.length).toBe(households.length);
    expect(accepted.length).toBeGreaterThan(0);
    const final = await stored(municipalityNumber);
    expect(final.decided).toBe(80);
    expect(final.used).toBe(sum(accepted)); // no reservation lost, none counted twice
    expect(final.reservedCases).toEqual(accepted.map((h) => h.caseId).sort());
    expect(final.used).toBeLessThanOrEqual(final.decided);
    expect(final.free).toBe(final.decided - final.used);
    expect(snapshots.length).toBeGreaterThan(0);
    for (const s of snapshots) {
      expect(s.used).toBeLessThanOrEqual(s.decided);
      expect(s.free).toBe(s.decided - s.used);
    }
    // A refusal reports the numbers it read, consistent with each other.
    for (const answer of answers) if (answer.outcome === 'full') expect(answer.free).toBe(answer.decided - answer.used);
    expect(await shown(municipalityNumber)).toMatchObject({ decided: 80, used: sum(accepted), free: 80 - sum(accepted) });
  });

  it('R-DIST-2: 50 concurrent reservations beside 20 concurrent re-decisions of the same number → every place kept', async () => {
    const municipalityNumber = freshMunicipality();
    await decide(municipalityNumber, 100);
    const [answers] = await Promise.all([
      Promise.all(households.map((h) => reservePlace(tables, { municipalityNumber, year, ...h }))),
      Promise.all(Array.from({ length: 20 }, (_, i) => decide(municipalityNumber, 100, `Testvik ${i}`))),
    ]);
    const accepted = households.filter((_, i) => answers[i]!.outcome === 'reserved');
    const final = await stored(municipalityNumber);
    expect(final.used).toBe(sum(accepted));
    expect(final.used).toBeLessThanOrEqual(100);
    expect(final.reservedCases).toEqual(accepted.map((h) => h.caseId).sort());
    // Greedy but sound: whoever was refused needed more than what was free then, and free only shrank since.
    for (const [i, answer] of answers.entries()) {
      if (answer.outcome !== 'full') continue;
      expect(answer.free).toBeLessThan(households[i]!.persons);
      expect(households[i]!.persons).toBeGreaterThan(final.free);
    }
  });

  it('R-DIST-2: releases after concurrent reservations give the same persons back; repeated releases change nothing', async () => {
    const municipalityNumber = freshMunicipality();
    await decide(municipalityNumber, sum(households));
    const answers = await Promise.all(households.map((h) => reservePlace(tables, { municipalityNumber, year, ...h })));
    expect(answers.every((a) => a.outcome === 'reserved')).toBe(true);
    expect((await stored(municipalityNumber)).used).toBe(sum(households));

    const leaving = households.filter((_, i) => i % 3 === 0);
    const staying = households.filter((_, i) => i % 3 !== 0);
    // Each leaving case released three times at once (a retried activity), beside new decisions.
    const releases = await Promise.all([
      ...leaving.flatMap((h) => [1, 2, 3].map(() => releasePlace(tables, { municipalityNumber, year, ...h }))),
      ...[1, 2, 3].map(() => decide(municipalityNumber, sum(households))),
    ]);
    const outcomes = releases.slice(0, leaving.length * 3) as { outcome: string }[];
    expect(outcomes.filter((r) => r.outcome === 'released')).toHaveLength(leaving.length);
    const after = await stored(municipalityNumber);
    expect(after.used).toBe(sum(staying));
    expect(after.free).toBe(sum(leaving));
    expect(after.reservedCases).toEqual(staying.map((h) => h.caseId).sort());
    expect(await releasePlace(tables, { municipalityNumber, year, ...leaving[0]! })).toEqual({ outcome: 'not_held' });
    expect((await stored(municipalityNumber)).used).toBe(sum(staying));
  });

  it('R-DIST-2: the same case asking again — at once or later, even when full — takes no second place', async () => {
    const municipalityNumber = freshMunicipality();
    await decide(municipalityNumber, 9);
    const caseId = `again-${run}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => reservePlace(tables, { municipalityNumber, year, caseId, persons: 5 })));
    expect(answers).toEqual(Array.from({ length: 10 }, (): Reservation => ({ outcome: 'reserved' })));
    expect(await stored(municipalityNumber)).toMatchObject({ used: 5, free: 4, reservedCases: [caseId] });
    await reservePlace(tables, { municipalityNumber, year, caseId: `fill-${run}`, persons: 4 });
    expect(await reservePlace(tables, { municipalityNumber, year, caseId, persons: 5 })).toEqual({ outcome: 'reserved' }); // full now, but it holds its place
    expect(await stored(municipalityNumber)).toMatchObject({ used: 9, free: 0 });
  });

  it('R-DIST-2: a decided number lowered below the persons already placed is recorded; no one is accepted until it is raised', async () => {
    const municipalityNumber = freshMunicipality();
    await decide(municipalityNumber, 10);
    await reservePlace(tables, { municipalityNumber, year, caseId: `low-${run}-a`, persons: 4 });
    await reservePlace(tables, { municipalityNumber, year, caseId: `low-${run}-b`, persons: 3 });

    const lowered = await decide(municipalityNumber, 5, 'Lavvik');
    expect(lowered).toMatchObject({ decided: 5, used: 7, free: 0, overDecidedBy: 2 });
    expect(lowered.warning).toBe(
      `Vedtaket for ${year} (5 personer) er lavere enn de 7 personer som allerede har fått plass i Lavvik. ` +
        'Plassene som er gitt, står ved lag, men kommunen kan ikke ta imot flere før vedtaket er minst 7 (2 personer for mange nå).',
    );
    expect(await shown(municipalityNumber)).toMatchObject({ decided: 5, used: 7, free: 0, overDecidedBy: 2 });
    expect(await reservePlace(tables, { municipalityNumber, year, caseId: `low-${run}-c`, persons: 1 })).toEqual({ outcome: 'full', decided: 5, used: 7, free: -2 });
    expect((await stored(municipalityNumber)).reservedCases).toHaveLength(2); // the places given stay

    const raised = await decide(municipalityNumber, 8, 'Lavvik');
    expect(raised).toMatchObject({ decided: 8, used: 7, free: 1, overDecidedBy: 0 });
    expect(raised.warning).toBeUndefined();
    expect(await reservePlace(tables, { municipalityNumber, year, caseId: `low-${run}-c`, persons: 1 })).toEqual({ outcome: 'reserved' });
  });

  it('R-DIST-2: an item the household-counting version wrote is upgraded on its next change: a set, used in persons', async () => {
    const municipalityNumber = freshMunicipality();
    const listed = [`old-${run}-a`, `old-${run}-b`];
    for (const [i, caseId] of listed.entries()) {
      expect(
        await saveCaseSummary(tables, {
          caseId, permitId: `P-${caseId}`, permitType: 'protection', permitDate: cal.today, stage: 'agreed', receptionCentreId: `centre-${run}`,
          receptionCentreName: 'Test', priorityGroup: 'none', goalStatus: 'on_track', householdSize: i === 0 ? 4 : 2, openTasks: [],
          createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1,
        }),
      ).toBe('written');
    }
    await tables.table.getDocumentClient().send(
      new PutCommand({
        TableName: tables.table.getName(),
        Item: {
          pk: `MUNICIPALITY#${municipalityNumber}`, sk: `YEAR#${year}`, gsi2pk: `KIND#municipality-year#${year}`, gsi2sk: municipalityNumber,
          _et: 'MunicipalityYear', _ct: new Date().toISOString(), _md: new Date().toISOString(),
          municipalityNumber, name: 'Gamlevik', year, decided: 10, used: 2, reservedCases: listed,
        },
      }),
    );
    expect(await reservePlace(tables, { municipalityNumber, year, caseId: listed[0]!, persons: 4 })).toEqual({ outcome: 'reserved' }); // already held
    expect(await reservePlace(tables, { municipalityNumber, year, caseId: `new-${run}`, persons: 5 })).toEqual({ outcome: 'full', decided: 10, used: 6, free: 4 });
    expect(await stored(municipalityNumber)).toMatchObject({ used: 6, free: 4, reservedCases: [...listed].sort() });
    expect(await releasePlace(tables, { municipalityNumber, year, caseId: listed[1]!, persons: 2 })).toEqual({ outcome: 'released' });
    expect(await shown(municipalityNumber)).toMatchObject({ decided: 10, used: 4, free: 6 });
  });
});
