/**
 * The bokmål text of every message type, held as golden files (test/golden/notifications/<type>.txt:
 * subject, blank line, body). A change to a text shows in review as a change to its golden file; to
 * accept one, run `npx vitest run test/unit/notification-texts.test.ts -u` and read the diff.
 */
import { describe, expect, it } from 'vitest';
import { arrivalChecklist } from '../../domain/arrival';
import { messageDefinition, messageDefinitions, parseNotification, renderNotification, textsByLocale, type MessageType } from '../../notifications/catalog';
import { ANY_RULE } from '../../notifications/catalog/define';
import { shortReference } from '../../notifications/catalog/fields';
import { notificationExamples } from '../fixtures/notification-examples';

const CASE_ID = 'case-c5d51a2b3c4d5e6f708192a3b4c5d6e7';
/** The message's date: ages (and so "du"/"dere", gutt/jente) are counted on it. */
const TODAY = '2027-01-20';

function render(type: MessageType, data: unknown = notificationExamples[type]) {
  const definition = messageDefinition(type)!;
  const rule = definition.rules[0] === ANY_RULE ? 'R-ARR-4' : definition.rules[0];
  const parsed = parseNotification({ type, rule, recipient: { kind: definition.recipients[0], id: 'x' }, data: data as Record<string, unknown> });
  return renderNotification(parsed, { caseId: CASE_ID, today: TODAY });
}

const types = messageDefinitions.map((d) => d.type);

describe('message texts in bokmål (golden)', () => {
  it.each(types)('%s reads as held in its golden file', async (type) => {
    const { subject, body } = render(type);
    await expect(`${subject}\n\n${body}\n`).toMatchFileSnapshot(`../golden/notifications/${type}.txt`);
  });

  it.each(types)('%s has no English identifier, no raw code and no unformatted value in its text', (type) => {
    const { subject, body } = render(type);
    const text = `${subject}\n${body}`;
    expect(text).not.toMatch(/undefined|null|NaN|\[object Object\]|\{|\}/);
    expect(text, 'camelCase field id').not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
    expect(text, 'snake_case id').not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    expect(text, 'ISO date').not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text, 'ISO week').not.toMatch(/\b\d{4}-W\d{2}\b/);
    expect(text, 'the type id').not.toContain(type);
  });

  it('every text file has texts for every message type, and every value its templates use', () => {
    for (const texts of Object.values(textsByLocale)) {
      expect(Object.keys(texts.messages).sort()).toEqual([...types].sort());
    }
  });

  it('the reference a reader can quote is short: 12 characters of the case id in groups of four', () => {
    expect(shortReference(CASE_ID)).toBe('C5D5-1A2B-3C4D');
    expect(render('interview-reminder').body).toContain('Saksreferanse: C5D5-1A2B-3C4D');
    expect(render('settlement-decision').body).toContain('Oppgi referansen C5D5-1A2B-3C4D.');
    expect(render('settlement-decision').body).not.toContain(CASE_ID);
  });

  it('a letter says "du" to one adult and "dere" to several, counted on the letter date', () => {
    const family = render('refusal-deadline-letter');
    expect(family.addressee?.names).toEqual(['Amal Haddad', 'Omar Haddad']);
    expect(family.body).toContain('Dere må flytte til kommunen senest 10. februar 2027.');
    expect(family.body).toContain('og barna beholder retten til skolegang');

    const single = structuredClone(notificationExamples['refusal-deadline-letter']);
    single.householdMembers = [single.householdMembers[0]!, single.householdMembers[2]!];
    const one = render('refusal-deadline-letter', single);
    expect(one.addressee?.names).toEqual(['Amal Haddad']);
    expect(one.body).toContain('Du må flytte til kommunen senest 10. februar 2027.');
    expect(one.body).toContain('og barnet beholder retten til skolegang');
    expect(one.body).not.toMatch(/\b[Dd]ere\b/);
  });

  it('R-DIST-3: children are gutt/jente, adults kvinne/mann; citizenship and languages by their Norwegian names', () => {
    const profile = structuredClone(notificationExamples['distribution-offer']);
    profile.profile.members[0]!.citizenship = 'UKR';
    profile.profile.members[0]!.languages = ['uk', 'ru'];
    profile.profile.members[1]!.languages = ['Tigrinya'];
    profile.profile.members[1]!.citizenship = 'ERI';
    profile.profile.declinedInformation = ['specialNeeds', 'highestEducation', 'lastOccupation'];
    const { body } = render('distribution-offer', profile);
    expect(body).toMatch(/kvinne, \d+ år, statsborgerskap: Ukraina, språk: ukrainsk og russisk/);
    expect(body).toMatch(/mann, \d+ år, statsborgerskap: Eritrea, språk: tigrinja/);
    expect(body).toMatch(/barn, jente, \d+ år/);
    expect(body).toMatch(/barn, gutt, \d+ år/);
    expect(body).toContain('Husstanden har valgt å ikke oppgi opplysninger om særlige behov, høyeste utdanning og siste yrke.');
    expect(body).not.toMatch(/UKR|ERI|\buk\b|specialNeeds/);
  });

  it('R-ARR-*: every deadline and task of the arrival journey has a bokmål name', () => {
    const { terms } = textsByLocale.nb;
    for (const item of arrivalChecklist) expect(terms.arrivalTask, item.id).toHaveProperty([item.id]);
    for (const id of ['first-day', 'first-days', 'first-weeks', 'school-start', 'kindergarten-place', 'team-meeting', 'extra-grant']) {
      expect(terms.arrivalDeadline, id).toHaveProperty([id]);
    }
    const evaluation = structuredClone(notificationExamples['arrival-task-reminder']);
    evaluation.deadlineId = 'plan-evaluation-2';
    evaluation.openTasks = ['plan-evaluation-2'];
    expect(render('arrival-task-reminder', evaluation).subject).toBe('Påminnelse: Evaluering av individuell plan (2. evaluering) – Lina Haddad');
  });

  it('R-HH-2: a letter to one adult still lists every member of the household with the DUF number', () => {
    const letter = render('refusal-step-1-letter');
    expect(letter.addressee?.names).toEqual(['Amal Haddad']);
    for (const m of notificationExamples['refusal-step-1-letter'].householdMembers) expect(letter.body).toContain(`- ${m.name}, DUF-nr. ${m.dufNumber}`);
    // The letter must list the addressee among the members.
    const without = structuredClone(notificationExamples['refusal-step-1-letter']);
    without.householdMembers = without.householdMembers.slice(1);
    expect(() => render('refusal-step-1-letter', without)).toThrow(/R-HH-2: the letter lists every member of the household/);
  });

  it('R-HH-2: a mother and her adult son get one settlement decision addressed to both, listing both DUF numbers', () => {
    const data = structuredClone(notificationExamples['settlement-decision']);
    data.householdMembers = [
      { name: 'Amal Haddad', dufNumber: '202612345671', dateOfBirth: '1970-03-14' },
      { name: 'Omar Haddad', dufNumber: '202612345682', dateOfBirth: '2003-07-02' },
    ];
    const letter = render('settlement-decision', data);
    expect(letter.addressee?.names).toEqual(['Amal Haddad', 'Omar Haddad']);
    expect(letter.body).toContain('- Amal Haddad, DUF-nr. 202612345671\n- Omar Haddad, DUF-nr. 202612345682');
  });

  it("R-REF-3: step 1 warns of IMDi's deadline and that the basic allowance stops on the step-2 date", () => {
    const { subject, body } = render('refusal-step-1-letter');
    expect(subject).toBe('Konsekvenser av flyttenekt – varsel om stopp i basis'); // UDI's own title (2.9.1)
    expect(body).toContain('senest 10. februar 2027');
    expect(body).toContain('Hvis du ikke har flyttet innen fristen, har du ikke lenger rett til plass i mottaket, og basisbeløpet til livsopphold stanses fra 11. februar 2027.');
    expect(body).not.toMatch(/er stanset/);
  });

  it('R-REF-4, R-REF-5: the eviction notice says the basic allowance has stopped and that the bailiff is asked at the same time', () => {
    const { body } = render('eviction-notice');
    expect(body).toContain('Basisbeløpet til livsopphold er stanset fra 11. februar 2027.');
    expect(body).toContain('har ikke lenger rett til plass i mottaket');
    expect(body).toContain('UDI sender samtidig begjæring om tvangsfravikelse til namsmannen.');
  });
});
