/**
 * A family from permit to move-in through the API, with every kind of personal data a case holds:
 * names, DUF numbers, a fødselsnummer, birth dates, and free texts that repeat them. The privacy
 * tests then look for those values where they must not be (Temporal's raw history, the logs).
 */
import { expect } from 'vitest';
import { isoWeekYear } from '../../domain/dates';
import { completeSettlementInfo } from '../fixtures/cases';
import { nationalIdentityNumberBornOn } from '../fixtures/identities';
import { interviewFor } from '../fixtures/interview';
import { uniqueFamilyPermitBody } from '../fixtures/permits';
import { apiCalendar, call, callers, roomForEveryTestHousehold } from './api';

export type Family = { caseId: string; permit: any };

export async function familyThroughApi(): Promise<Family> {
  const cal = await apiCalendar();
  const week = cal.week(60);
  await roomForEveryTestHousehold('3405', 'Lillehammer', isoWeekYear(week));
  const permit = uniqueFamilyPermitBody(cal) as any;
  permit.persons[0].nationalIdentityNumber = nationalIdentityNumberBornOn(permit.persons[0].dateOfBirth);
  const [y, m, d] = (permit.persons[0].dateOfBirth as string).split('-');
  const created = await call(callers.udi, 'POST', '/v1/permits', permit);
  expect(created.status, created.text).toBe(201);
  const { caseId } = created.body;
  const step = async (caller: (typeof callers)[keyof typeof callers], path: string, body: unknown) => {
    const response = await call(caller, 'POST', `/v1/cases/${caseId}/${path}`, body);
    expect(response.status, `${path}: ${response.text}`).toBe(200);
  };
  await step(callers.mottak, 'settlement-info', completeSettlementInfo({ familyRelations: `Amal Haddad (born ${d}.${m}.${y}) and Omar Haddad with Lina and Sami.` }, permit.persons.map((p: { dufNumber: string }) => p.dufNumber)));
  await step(callers.mottak, 'interview', interviewFor(cal, permit));
  await step(callers.mottak, 'internal-notes', { text: `Amal Haddad, DUF ${permit.persons[0].dufNumber}, asks about schools for Lina.` });
  await step(callers.kommune, 'competence-mapping', { status: 'done', doneOn: cal.today });
  await step(callers.imdi, 'offers', { municipalityNumber: '3405', municipalityName: 'Lillehammer' });
  await step(callers.kommune, 'offer-response', { decision: 'accept', expectedSettlementWeek: week });
  // The real dev server cannot skip time: the family moves today.
  await step(callers.mottak, 'moving-date', { movingDate: cal.today, travel: { mode: 'public_transport', journeyHours: 3.5 } });
  await step(callers.mottak, 'departure', { date: cal.today, reason: 'agreed_settlement', address: { street: 'Storgata 10', postcode: '2609', town: 'Lillehammer', county: 'Innlandet' } });
  await step(callers.kommune, 'arrival', { arrivedOn: cal.today, allMembersArrived: true });
  const need = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${permit.persons[1].dufNumber}/interpreter-need`, { needed: true, language: 'Arabic' });
  expect(need.status, need.text).toBe(200);
  return { caseId, permit };
}
