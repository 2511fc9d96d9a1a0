/**
 * R-PRIV-4 (issue 11): the audit log says who, when, what and which case — not the personal data.
 * A family goes through the API; then steps are refused with reasons that name a person (an adult's
 * school start) and a DUF number (a journey of someone outside the household). The callers get the
 * reasons; the audit rows hold only codes.
 */
import { describe, expect, it } from 'vitest';
import { personalIdentifiers } from '../fixtures/identities';
import { apiCalendar, call, callers } from '../harness/api';
import { familyThroughApi } from '../harness/family';

describe('audit log without personal data', () => {
  it('R-PRIV-4: refusal reasons naming a person or a DUF number are not copied into the audit log', async () => {
    const { caseId, permit } = await familyThroughApi();
    const cal = await apiCalendar();
    const [main] = permit.persons;

    const school = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${main.dufNumber}/school-start`, { school: 'Kringsjå skole', startDate: cal.today });
    expect(school.status, school.text).toBe(409);
    expect(school.body.detail).toContain(main.givenName); // the caller is told whom it is about

    const stranger = '209912345678';
    const outside = await call(callers.kommune, 'POST', `/v1/cases/${caseId}/persons/${stranger}/interpreter-need`, { needed: true, language: 'Arabic' });
    expect([404, 409]).toContain(outside.status);
    expect(outside.body.detail).toContain(stranger);

    const trail = await call(callers.supervisor, 'GET', `/v1/cases/${caseId}/audit?limit=200`);
    expect(trail.status).toBe(200);
    const refused = trail.body.items.filter((e: any) => e.outcome === 'refused');
    expect(refused.map((e: any) => [e.actor, e.role, e.organisation, e.action])).toEqual([
      ['flyktningetjeneste-lillehammer', 'kommune', '3405', 'journey.step'],
      ['flyktningetjeneste-lillehammer', 'kommune', '3405', 'journey.step'],
    ]);
    // What is kept of a refusal: the failure's type and the rules the reason names.
    expect(refused[0].detail).toMatch(/^[A-Za-z]+( R-[A-Z]+-\d+)*$/);
    expect(refused[0].detail).toContain('R-ARR-4');
    const text = JSON.stringify(trail.body.items);
    for (const secret of [...personalIdentifiers(permit), stranger, 'Kringsjå']) expect(text, `${secret} in the audit log`).not.toContain(secret);
  });
});
