/**
 * R-GOAL-1 / statistics through the workflow: two families settled through the API on the real dev
 * server, one within the goal and one after it, then /v1/statistics and /v1/cases read back. No row
 * is written by hand: the figures come from what the workflow projects into the read model.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isoWeekYear } from '../../domain/dates';
import { completeSettlementInfo } from '../fixtures/cases';
import { interviewFor } from '../fixtures/interview';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, eventually, type Caller } from '../harness/api';
import type { Calendar } from '../fixtures/calendar';

/** A family from permit to arrival in `municipality`, the permit granted `daysAgo` days before today. */
async function settleFamily(cal: Calendar, municipality: Caller & { org: string }, daysAgo: number): Promise<string> {
  const permit = uniqueFamilyPermitBody(cal, { permitDate: cal.day(-daysAgo), decisionDate: cal.day(-daysAgo) }) as { persons: { dufNumber: string }[] };
  const created = await call(callers.udi, 'POST', '/v1/permits', permit);
  expect(created.status, created.text).toBe(201);
  const { caseId } = created.body;
  const step = async (caller: Caller, path: string, body: unknown) => {
    const response = await call(caller, 'POST', `/v1/cases/${caseId}/${path}`, body);
    expect(response.status, `${path}: ${response.text}`).toBe(200);
  };
  await step(callers.mottak, 'settlement-info', completeSettlementInfo({}, permit.persons.map((p) => p.dufNumber)));
  await step(callers.mottak, 'interview', interviewFor(cal, permit));
  await step(callers.kommune, 'competence-mapping', { status: 'done', doneOn: cal.today });
  await step(callers.imdi, 'offers', { municipalityNumber: municipality.org, municipalityName: 'Testkommune' });
  await step(municipality, 'offer-response', { decision: 'accept', expectedSettlementWeek: cal.week(2) });
  await step(callers.mottak, 'moving-date', { movingDate: cal.today, travel: { mode: 'public_transport', journeyHours: 2 } });
  await step(municipality, 'arrival', { arrivedOn: cal.today, allMembersArrived: true });
  return caseId;
}

describe('statistics from settlements through the workflow', () => {
  it('R-GOAL-1: a settlement within the goal counts as within, one after the goal date as late', async () => {
    const cal = await apiCalendar();
    // 9000–9999: a number no other test of the shared system draws (read-model tests use 1000–8999).
    const municipality = { role: 'kommune', org: String(randomInt(9000, 10000)) } as const;
    const put = await call(callers.imdi, 'PUT', `/v1/municipalities/${municipality.org}/${isoWeekYear(cal.week(2))}`, { name: 'Testkommune', decided: 20 });
    expect(put.status, put.text).toBeLessThan(300);

    const onTime = await settleFamily(cal, municipality, 30);
    const late = await settleFamily(cal, municipality, 220); // the 6-month goal passed about a month ago

    const lateCase = await call(callers.imdi, 'GET', `/v1/cases/${late}`);
    expect(lateCase.body.deadlines.find((d: { rule: string }) => d.rule === 'R-GOAL-1')).toMatchObject({ status: 'missed' });
    const onTimeCase = await call(callers.imdi, 'GET', `/v1/cases/${onTime}`);
    expect(onTimeCase.body.deadlines.find((d: { rule: string }) => d.rule === 'R-GOAL-1')).toMatchObject({ status: 'met' });

    const listed = await eventually(
      () => call(callers.imdi, 'GET', `/v1/cases?stage=settled&municipality=${municipality.org}`),
      (r) => r.body.items?.length === 2,
    );
    expect(listed.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual([onTime, late].sort());

    const stats = await call(callers.supervisor, 'GET', `/v1/statistics?from=${cal.today}&to=${cal.today}&groupBy=municipality`);
    expect(stats.status, stats.text).toBe(200);
    const group = stats.body.groups.find((g: { group: string }) => g.group === municipality.org);
    expect(group).toMatchObject({ settled: 2, settledWithinGoal: 1, shareWithinGoal: 0.5 });
    expect(group.waitingDays).toEqual({ median: 30, p90: 220 });
    const perCentre = await call(callers.imdi, 'GET', `/v1/statistics?from=${cal.today}&to=${cal.today}&groupBy=receptionCentre`);
    expect(perCentre.body.groups.find((g: { group: string }) => g.group === 'mottak-lillehammer').settled).toBeGreaterThanOrEqual(2);

    const backwards = await call(callers.imdi, 'GET', `/v1/statistics?from=${cal.day(1)}&to=${cal.today}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('query.to');
    expect((await call(callers.imdi, 'GET', '/v1/statistics?from=2019-02-30&to=2019-03-01')).status).toBe(400);
  });
});
