/**
 * Each caller's view of one case, read as raw JSON through the running API (R-REG-3, R-PRIV-1..3,
 * R-DIST-3, R-HOST-1, R-HOST-2; api/case-views.ts). One family goes through the real workflow:
 * an internal note with a risk to others, the host municipality's competence mapping, an offer
 * Oslo declines with a reason, an offer Ringsaker accepts. Each view is read before and after the
 * acceptance, and each step's answer is compared with the read of the same caller.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { caseViews, deadlineVisible, historyVisible, notificationVisible, timelineVisible, type CaseViewName } from '../../api/case-views';
import { LIMITS } from '../../domain/case/state';
import { isoWeekYear } from '../../domain/dates';
import { completeSettlementInfo } from '../fixtures/cases';
import { interviewFor } from '../fixtures/interview';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually, expectTimelineSoFar, type ApiResponse, type Caller } from '../harness/api';

const cal = await apiCalendar();
const week = cal.week(60);

// The centre is Lillehammer asylmottak; its host municipality here is Gjøvik (3407), so the host's
// view is told apart from the settling municipality's (Ringsaker, 3411) and the one that declined (Oslo, 0301).
const host: Caller = { role: 'kommune', org: '3407', sub: 'voksenopplaering-gjovik' };
const declining: Caller = callers.otherKommune; // 0301 Oslo
const settling: Caller = { role: 'kommune', org: '3411', sub: 'flyktningetjeneste-ringsaker' };
const stranger: Caller = { role: 'kommune', org: '5001', sub: 'flyktningetjeneste-trondheim' };

/** Texts only IMDi may read (R-REG-3): the note, its risk, and another municipality's reason. */
const NOTE = 'Familien har fått kontakt med slektninger i Bodø';
const RISK = 'Har truet ansatte to ganger – skal ikke videreformidles til kommunen';
const DECLINE = 'Ingen ledige boliger for store familier i år';

const permit = uniqueFamilyPermitBody(cal, { hostMunicipality: { municipalityNumber: '3407', name: 'Gjøvik' } }) as any;
/** R-REG-2 answered for a family's own persons (each family has DUF numbers of its own, R-ELIG-5). */
const infoFor = (p: { persons: { dufNumber: string }[] }) => completeSettlementInfo({}, p.persons.map((x) => x.dufNumber));
const [amal, omar, lina, sami] = permit.persons as { givenName: string; familyName: string; dufNumber: string; dateOfBirth: string }[];
let caseId: string;

/** Answers kept from the journey: steps' answers and reads at each point, by caller. */
const seen: Record<string, ApiResponse> = {};

async function step(caller: Caller, path: string, body: unknown): Promise<ApiResponse> {
  const response = await call(caller, 'POST', `/v1/cases/${caseId}/${path}`, body);
  expect(response.status, `${path}: ${response.text}`).toBe(200);
  return response;
}

const read = (caller: Caller) => call(caller, 'GET', `/v1/cases/${caseId}`);

function absent(response: ApiResponse, values: readonly string[]) {
  for (const value of values) expect(response.text, `"${value}" in ${response.text}`).not.toContain(value);
}

/** The keys of a view; a step's answer adds its `step` outcome beside them. */
function viewKeys(response: ApiResponse): string[] {
  return Object.keys(response.body).filter((key) => key !== 'step').sort();
}

function present(response: ApiResponse, values: readonly string[]) {
  for (const value of values) expect(response.text, `"${value}" missing in ${response.text}`).toContain(value);
}

const rulesOf = (items: { rule?: string }[] | undefined) => [...new Set((items ?? []).map((i) => i.rule))];

beforeAll(async () => {
  expect((await call(callers.imdi, 'PUT', `/v1/municipalities/3411/${isoWeekYear(week)}`, { name: 'Ringsaker', decided: 40 })).status).toBeLessThan(300);
  const created = await call(callers.udi, 'POST', '/v1/permits', permit);
  expect(created.status, created.text).toBe(201);
  caseId = created.body.caseId;

  await step(callers.mottak, 'settlement-info', infoFor(permit));
  await step(callers.mottak, 'interview', interviewFor(cal, permit));
  await step(callers.mottak, 'internal-notes', { text: NOTE, riskToSelfOrOthers: { dufNumber: omar!.dufNumber, description: RISK, measures: 'To ansatte til stede i samtaler.' } });
  seen.hostStep = await step(host, 'competence-mapping', { status: 'done', doneOn: cal.today });
  seen.hostRead = await read(host);
  await step(callers.imdi, 'offers', { municipalityNumber: '0301', municipalityName: 'Oslo' });
  seen.declineStep = await step(declining, 'offer-response', { decision: 'decline', reason: DECLINE });
  await step(callers.imdi, 'offers', { municipalityNumber: '3411', municipalityName: 'Ringsaker' });

  // In distribution: Ringsaker's offer waits for its answer.
  for (const [key, caller] of Object.entries({ imdi: callers.imdi, supervisor: callers.supervisor, udi: callers.udi, centre: callers.mottak, offered: settling, declined: declining, host })) {
    seen[`${key}Before`] = await read(caller);
    expect(seen[`${key}Before`]!.status, `${key}: ${seen[`${key}Before`]!.text}`).toBe(200);
  }

  seen.acceptStep = await step(settling, 'offer-response', { decision: 'accept', expectedSettlementWeek: week });
  for (const [key, caller] of Object.entries({ imdi: callers.imdi, udi: callers.udi, centre: callers.mottak, settling, declined: declining, host })) {
    seen[`${key}After`] = await read(caller);
    expect(seen[`${key}After`]!.status, `${key}: ${seen[`${key}After`]!.text}`).toBe(200);
  }
});

describe('R-REG-3, R-PRIV-3: per-role views of one case (raw JSON)', () => {
  it('IMDi and supervisors read the whole case: the note with its risk, every offer and its answer', () => {
    for (const response of [seen.imdiBefore!, seen.supervisorBefore!, seen.imdiAfter!]) {
      expect(response.body.view).toBe('full');
      present(response, [NOTE, RISK, DECLINE, 'Oslo', amal!.dufNumber]);
      expect(response.body.internalNotes).toHaveLength(1);
    }
    expect(seen.imdiAfter!.body.offers.map((o: any) => [o.municipalityNumber, o.status])).toEqual([
      ['0301', 'declined'],
      ['3411', 'accepted'],
    ]);
  });

  it('UDI: permit, household, stage and outcome — no internal note, no offers, no decline reason', () => {
    for (const response of [seen.udiBefore!, seen.udiAfter!]) {
      expect(response.body.view).toBe('udi');
      expect(response.body.permit.persons.map((p: any) => p.dufNumber)).toEqual(permit.persons.map((p: any) => p.dufNumber));
      expect(response.body).toHaveProperty('stage');
      for (const field of ['internalNotes', 'offers', 'settlementInfo', 'interview']) expect(response.body, field).not.toHaveProperty(field);
      absent(response, [NOTE, RISK, DECLINE, 'Oslo', '0301', 'internal-note']);
    }
  });

  it('seed 003 §2.6: the reception centre is told that IMDi works on the case, not which municipalities were asked', () => {
    const before = seen.centreBefore!;
    expect(before.body.view).toBe('centre');
    expect(before.body.distribution).toEqual({ status: 'in_progress', text: 'IMDi arbeider med å finne en bosettingskommune.' });
    expect(before.body).not.toHaveProperty('offers');
    expect(before.body).not.toHaveProperty('internalNotes');
    present(before, [amal!.givenName, lina!.dufNumber]);
    expect(before.body.interview.record.participants).toHaveLength(2);
    absent(before, [NOTE, RISK, DECLINE, 'Oslo', '0301', 'Ringsaker', '3411', 'internal-note']);
    // Its own tasks only: the host's mapping it reminds of, never the goal clock or a distribution task.
    expect(rulesOf(before.body.deadlines)).toEqual(expect.arrayContaining(['R-INT-2', 'R-HOST-1', 'R-HOST-2']));
    expect(rulesOf(before.body.deadlines)).not.toContain('R-GOAL-1');
    for (const entry of before.body.timeline) expect(entry.rule, entry.text).not.toMatch(/^R-(INT-6|REG-3|DIST-[123])$/);

    // R-DIST-7: once agreed, the centre learns the municipality and the week — still not who declined.
    const after = seen.centreAfter!;
    expect(after.body.distribution.status).toBe('agreed');
    expect(after.body.agreement).toMatchObject({ municipalityNumber: '3411', municipalityName: 'Ringsaker', expectedSettlementWeek: week });
    absent(after, [NOTE, RISK, DECLINE, 'Oslo', '0301', 'internal-note']);
  });

  it('R-DIST-3: a municipality with a pending offer sees the anonymised profile only', () => {
    const offered = seen.offeredBefore!;
    expect(offered.body.view).toBe('anonymised');
    expect(Object.keys(offered.body).sort()).toEqual(['caseId', 'profile', 'stage', 'version', 'view']);
    expect(offered.body.profile.members).toHaveLength(4);
    absent(offered, [...permit.persons.flatMap((p: any) => [p.givenName, p.familyName, p.dufNumber, p.dateOfBirth]), permit.receptionCentre.name, NOTE, RISK, DECLINE, 'Oslo']);
  });

  it('R-PRIV-1: the accepting municipality gets the household and what settlement needs — never the note, its risk or another municipality’s answer', () => {
    for (const response of [seen.acceptStep!, seen.settlingAfter!]) {
      expect(response.body.view).toBe('municipality');
      present(response, [amal!.givenName, sami!.dufNumber, permit.receptionCentre.name]);
      expect(response.body.settlementInfo.familyRelationsDescribed).toBe('yes');
      expect(response.body.agreement).toMatchObject({ municipalityNumber: '3411', expectedSettlementWeek: week });
      for (const field of ['internalNotes', 'offers']) expect(response.body, field).not.toHaveProperty(field);
      absent(response, [NOTE, RISK, 'skal ikke videreformidles', DECLINE, 'Oslo', '0301', 'internal-note']);
      for (const entry of response.body.timeline) expect(entry.rule, entry.text).not.toMatch(/^R-(INT-6|REG-3|DIST-[123])$/);
    }
    // The step answers as the read does (core's steps route uses caseViewFor) plus its own outcome: a step never returns more.
    expect(viewKeys(seen.acceptStep!)).toEqual(viewKeys(seen.settlingAfter!));
    expect(seen.acceptStep!.body.step).toMatchObject({ step: 'respondToOffer', outcome: expect.stringContaining('sa ja') });
  });

  it('a municipality that declined sees only that it answered — in the step’s answer and on every read after', () => {
    for (const response of [seen.declineStep!, seen.declinedBefore!, seen.declinedAfter!]) {
      expect(response.body.view).toBe('answered');
      expect(viewKeys(response)).toEqual(['answeredAt', 'caseId', 'view']);
      expect(Date.parse(response.body.answeredAt)).not.toBeNaN();
    }
  });

  it('R-HOST-1, R-HOST-2: the host municipality sees exactly what its duties need — the adults’ names and dates of birth, its two deadlines', () => {
    for (const response of [seen.hostStep!, seen.hostRead!, seen.hostBefore!, seen.hostAfter!]) {
      expect(response.body.view).toBe('host');
      expect(viewKeys(response)).toEqual(['adults', 'caseId', 'deadlines', 'hostMunicipality', 'view']);
      expect(response.body.adults).toEqual([
        { name: `${amal!.givenName} ${amal!.familyName}`, dateOfBirth: amal!.dateOfBirth },
        { name: `${omar!.givenName} ${omar!.familyName}`, dateOfBirth: omar!.dateOfBirth },
      ]);
      expect(rulesOf(response.body.deadlines).sort()).toEqual(['R-HOST-1', 'R-HOST-2']);
      absent(response, [...permit.persons.map((p: any) => p.dufNumber), lina!.givenName, sami!.givenName, permit.receptionCentre.name, NOTE, RISK, DECLINE, 'Oslo', 'Ringsaker']);
    }
    const status = (response: ApiResponse, rule: string) => response.body.deadlines.find((d: any) => d.rule === rule)?.status;
    expect(status(seen.hostStep!, 'R-HOST-1')).toBe('met');
    expect(status(seen.hostStep!, 'R-HOST-2')).toBe('open');
  });

  it('a municipality in no relation to the case does not learn it exists (404)', async () => {
    const response = await read(stranger);
    expect(response.status).toBe(404);
    expect(response.contentType).toContain('application/problem+json');
  });
});

describe('R-REG-3: the history and the notification log follow the view', () => {
  it('the centre’s and the settling municipality’s history hold no note, no offer and no other municipality’s answer', async () => {
    for (const caller of [callers.mottak, settling]) {
      const history = await call(caller, 'GET', `/v1/cases/${caseId}/history`);
      expect(history.status, history.text).toBe(200);
      absent(history, [NOTE, RISK, DECLINE, 'Oslo', '0301', 'internal-note', 'flyktningetjeneste-oslo']);
      expect(history.body.entries.some((e: any) => e.source === 'case')).toBe(true);
    }
    const full = await call(callers.imdi, 'GET', `/v1/cases/${caseId}/history`);
    present(full, ['internal-note', 'Oslo sa nei']);
  });

  it('UDI never reads an internal note or its data — in the case’s log, the lists by status or a letter', async () => {
    const mine = await eventually(
      () => call(callers.imdi, 'GET', `/v1/cases/${caseId}/notifications`),
      (r) => r.body.items.some((n: any) => n.type === 'internal-note'),
    );
    const note = mine.body.items.find((n: any) => n.type === 'internal-note');
    present(mine, [RISK]);

    const udi = await call(callers.udi, 'GET', `/v1/cases/${caseId}/notifications`);
    expect(udi.status).toBe(200);
    expect(udi.body.items.map((n: any) => n.type)).toContain('new-case'); // UDI's own notice to the centre
    expect(udi.body.items.map((n: any) => n.type)).not.toContain('internal-note');
    expect(udi.body.items.map((n: any) => n.type)).not.toContain('distribution-offer');
    absent(udi, [NOTE, RISK, DECLINE]);
    for (const item of udi.body.items) expect(item).not.toHaveProperty('data');

    for (const status of ['pending', 'delivered', 'failed', 'manual']) {
      for (let cursor: string | undefined, page = 0; page < 50; page++) {
        const list = await call(callers.udi, 'GET', `/v1/notifications?status=${status}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        expect(list.status, list.text).toBe(200);
        expect(list.body.items.map((n: any) => n.type)).not.toContain('internal-note');
        absent(list, [NOTE, RISK]);
        cursor = list.body.nextCursor;
        if (!cursor) break;
      }
    }
    // Its letter (were there one) answers as if there were none.
    const letter = await call(callers.udi, 'GET', `/v1/cases/${caseId}/letters/${encodeURIComponent(note.notificationId)}.pdf`);
    expect(letter.status).toBe(404);
  });

  it('a case’s notification log reads in the order the messages were sent (message 10 after 9, not after 1)', async () => {
    const other = uniqueFamilyPermitBody(cal) as any;
    const created = await call(callers.udi, 'POST', '/v1/permits', other);
    expect(created.status).toBe(201);
    const id = created.body.caseId;
    await call(callers.mottak, 'POST', `/v1/cases/${id}/interview`, interviewFor(cal, other));
    for (let n = 1; n <= 10; n++) expect((await call(callers.imdi, 'POST', `/v1/cases/${id}/internal-notes`, { text: `Merknad nummer ${n}.` })).status).toBe(200);
    const log = await eventually(
      () => call(callers.imdi, 'GET', `/v1/cases/${id}/notifications`),
      (r) => r.body.items.length >= 11,
    );
    const numbers = log.body.items.map((n: any) => Number(n.notificationId.slice(id.length + 1).split(':')[0]));
    expect(numbers.length).toBeGreaterThanOrEqual(11);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const times = log.body.items.map((n: any) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('history order', () => {
  it('settlement information posted right after the permit: the history keeps Temporal’s event order and the case’s own order, five times out of five', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const other = uniqueFamilyPermitBody(cal) as any;
      const created = await call(callers.udi, 'POST', '/v1/permits', other);
      expect(created.status).toBe(201);
      const id = created.body.caseId;
      expect((await call(callers.mottak, 'POST', `/v1/cases/${id}/settlement-info`, infoFor(other))).status).toBe(200);
      const history = await eventually(
        () => call(callers.imdi, 'GET', `/v1/cases/${id}/history`),
        (r) => r.body.entries.some((e: any) => e.text.startsWith('Saken er opprettet')),
      );
      const entries = history.body.entries as { source: string; text: string; eventId?: number }[];
      expect(entries[0]!.text).toBe('Saksforløpet startet');
      const eventIds = entries.filter((e) => e.source === 'temporal').map((e) => e.eventId!);
      expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));
      const timeline = (await call(callers.imdi, 'GET', `/v1/cases/${id}`)).body.timeline.map((e: any) => e.text);
      const told = entries.filter((e) => e.source === 'case').map((e) => e.text);
      expectTimelineSoFar(told, timeline);
      // The case is created before anything is recorded on it (the workflow records it first; the API keeps that order).
      const createdAt = told.findIndex((t) => t.startsWith('Saken er opprettet'));
      const infoAt = told.indexOf('Bosettingsrelevante opplysninger registrert');
      expect(createdAt, told.join('\n')).toBeGreaterThanOrEqual(0);
      expect(createdAt, told.join('\n')).toBeLessThan(infoAt);
    }
  });
});

describe('a long history', () => {
  it('the history holds the whole timeline from the read model, also what the workflow’s window has dropped', async () => {
    const created = await call(callers.udi, 'POST', '/v1/permits', uniqueFamilyPermitBody(cal));
    expect(created.status).toBe(201);
    const id = created.body.caseId;
    const notes = LIMITS.timeline / 2 + 5; // each note is two entries: the step and its alert to IMDi
    for (let n = 1; n <= notes; n++) expect((await call(callers.imdi, 'POST', `/v1/cases/${id}/internal-notes`, { text: `Merknad ${n}.` })).status).toBe(200);
    const window = (await call(callers.imdi, 'GET', `/v1/cases/${id}`)).body.timeline as { seq: number; text: string }[];
    expect(window.length).toBeLessThanOrEqual(LIMITS.timeline);
    expect(window[0]!.seq).toBeGreaterThan(1);
    const history = await eventually(
      () => call(callers.imdi, 'GET', `/v1/cases/${id}/history`),
      (r) => r.body.entries.filter((e: any) => e.source === 'case').length >= window.at(-1)!.seq,
    );
    const told = history.body.entries.filter((e: any) => e.source === 'case');
    expect(told.map((e: any) => e.seq)).toEqual(Array.from({ length: told.length }, (_, i) => i + 1));
    expect(told[0].text).toMatch(/^Saken er opprettet/);
    // The centre's history leaves every note out, however long it is.
    const centre = await call(callers.mottak, 'GET', `/v1/cases/${id}/history`);
    expect(centre.body.entries.filter((e: any) => e.rule === 'R-INT-6')).toEqual([]);
  });
});

describe('R-HOST-1, R-HOST-2: /v1/deadlines for the host and the settling municipality', () => {
  it('the host municipality sees its two deadlines of the centre’s residents and nothing else of the case; no other municipality sees them', async () => {
    const created = await call(callers.udi, 'POST', '/v1/permits', uniqueFamilyPermitBody(cal, { hostMunicipality: { municipalityNumber: '3407', name: 'Gjøvik' } }));
    expect(created.status).toBe(201);
    const id = created.body.caseId;
    const board = (caller: Caller) => call(caller, 'GET', `/v1/deadlines?before=${cal.month(4)}&limit=200`);
    const mine = (r: ApiResponse) => r.body.items.filter((t: any) => t.caseId === id);

    const hosts = await eventually(() => board(host), (r) => mine(r).length >= 2);
    expect(hosts.status).toBe(200);
    expect(mine(hosts).map((t: any) => t.rule).sort()).toEqual(['R-HOST-1', 'R-HOST-2']);
    for (const task of mine(hosts)) expect(Object.keys(task).sort()).toEqual(['caseId', 'dueDate', 'id', 'overdue', 'party', 'rule', 'title']);
    // The case has other deadlines (R-INT-2, the centre's): IMDi sees them, the host does not.
    expect(mine(await board(callers.imdi)).map((t: any) => t.rule).sort()).toEqual(['R-HOST-1', 'R-HOST-2', 'R-INT-2']);
    for (const caller of [stranger, settling, callers.kommune]) expect(mine(await board(caller)), caller.org).toEqual([]);

    // Its view of the case itself, and the mapping step's answer, are the same host view.
    expect((await call(host, 'GET', `/v1/cases/${id}`)).body.view).toBe('host');
    const mapped = await call(host, 'POST', `/v1/cases/${id}/competence-mapping`, { status: 'done', doneOn: cal.today });
    expect(mapped.status, mapped.text).toBe(200);
    expect(mapped.body.view).toBe('host');
    const after = await eventually(() => board(host), (r) => !mine(r).some((t: any) => t.rule === 'R-HOST-1'));
    expect(mine(after).map((t: any) => t.rule)).toEqual(['R-HOST-2']);
  });

  it('R-PRIV-1: the settling municipality sees the open deadlines of its own families that concern it — not the goal clock', async () => {
    const board = await eventually(
      () => call(settling, 'GET', `/v1/deadlines?before=${cal.month(4)}&limit=200`),
      (r) => r.body.items.some((t: any) => t.caseId === caseId),
    );
    const tasks = board.body.items.filter((t: any) => t.caseId === caseId);
    expect(tasks.map((t: any) => t.rule)).toEqual(['R-HOST-2']);
    expect(tasks[0]).toMatchObject({ municipalityNumber: '3411', stage: 'agreed' });
  });
});

describe('R-REG-3: the table itself', () => {
  const restricted = (Object.keys(caseViews) as CaseViewName[]).filter((name) => name !== 'full');

  it('no view but full shows an internal note, its alert or the distribution’s offers and answers, whatever its rules say', () => {
    for (const name of restricted) {
      for (const rule of ['R-INT-6', 'R-REG-3', 'R-DIST-1', 'R-DIST-2', 'R-DIST-3']) {
        expect(timelineVisible(name, { kind: 'step', rule }), `${name} ${rule}`).toBe(false);
        expect(deadlineVisible(name, { rule }), `${name} ${rule}`).toBe(false);
      }
      expect(timelineVisible(name, { kind: 'note', rule: 'R-HOST-1' }), name).toBe(false);
      expect(notificationVisible(name, { type: 'internal-note', recipient: 'imdi:imdi' }, { role: 'udi' }), name).toBe(false);
    }
    expect(timelineVisible('full', { kind: 'note', rule: 'R-INT-6' })).toBe(true);
  });

  it('a timeline entry’s audience narrows what a view shows, never widens it', () => {
    expect(timelineVisible('centre', { kind: 'step', rule: 'R-INT-2', audience: 'case' })).toBe(true);
    expect(timelineVisible('centre', { kind: 'step', rule: 'R-INT-2', audience: 'imdi' })).toBe(false);
    expect(timelineVisible('full', { kind: 'step', rule: 'R-INT-2', audience: 'imdi' })).toBe(true);
    expect(timelineVisible('centre', { kind: 'step', rule: 'R-DIST-2', audience: ['centre'] })).toBe(false);
    expect(timelineVisible('municipality', { kind: 'step', rule: 'R-MOVE-1', audience: ['centre'] })).toBe(false);
    expect(historyVisible('municipality', { source: 'case', kind: 'step', rule: 'R-MOVE-1', audience: 'imdi' })).toBe(false);
    // From Temporal a restricted view gets the run's life and the timers and messages of its rules — no staff step events.
    expect(historyVisible('centre', { source: 'temporal', kind: 'step', rule: undefined })).toBe(false);
    expect(historyVisible('centre', { source: 'temporal', kind: 'timer', rule: 'R-INT-2' })).toBe(true);
  });

  it('UDI reads its own letters and what is addressed to it; a municipality only what is addressed to itself', () => {
    expect(notificationVisible('udi', { type: 'bailiff-request', recipient: 'bailiff:namsfogden' }, { role: 'udi' })).toBe(true);
    expect(notificationVisible('udi', { type: 'refusal-reported', recipient: 'udi:udi' }, { role: 'udi' })).toBe(true);
    expect(notificationVisible('udi', { type: 'distribution-offer', recipient: 'municipality:0301' }, { role: 'udi' })).toBe(false);
    expect(notificationVisible('municipality', { type: 'school-assignment', recipient: 'school:3411' }, { role: 'kommune', organisation: '3411' })).toBe(true);
    expect(notificationVisible('municipality', { type: 'school-assignment', recipient: 'school:0301' }, { role: 'kommune', organisation: '3411' })).toBe(false);
    expect(notificationVisible('host', { type: 'mapping-reminder', recipient: 'host_municipality:3407' }, { role: 'kommune', organisation: '3407' })).toBe(true);
    expect(notificationVisible('answered', { type: 'distribution-offer', recipient: 'municipality:0301' }, { role: 'kommune', organisation: '0301' })).toBe(false);
  });
});
