/** The message catalogue: every type's data minimum (R-PRIV-3) and its Norwegian text. No servers. */
import { describe, expect, it } from 'vitest';
import { ANY_RULE } from '../../notifications/catalog/define';
import { InvalidNotificationError, messageDefinition, messageDefinitions, parseNotification, renderNotification, type MessageType } from '../../notifications/catalog';
import { recipientKinds } from '../../notifications/request';
import { notificationExamples } from '../fixtures/notification-examples';

const CASE_ID = 'case-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const REFERENCE = '0F1E-2D3C-4B5A';

function requestFor(type: MessageType, data: unknown = notificationExamples[type]) {
  const definition = messageDefinition(type)!;
  const rule = definition.rules[0] === ANY_RULE ? 'R-ARR-4' : definition.rules[0];
  return { type, rule, recipient: { kind: definition.recipients[0], id: 'x' }, data: data as Record<string, unknown> };
}

function render(type: MessageType, data: unknown = notificationExamples[type]) {
  return renderNotification(parseNotification(requestFor(type, data)), { caseId: CASE_ID, today: '2027-01-20' });
}

/** Every path in the data where an object sits (the root, nested objects, objects in lists). */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, i]));
  if (value && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([key, v]) => objectPaths(v, [...path, key]))];
  }
  return [];
}

function withExtraField(data: unknown, path: (string | number)[], key: string): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  const target = path.reduce<Record<string | number, unknown>>((node, step) => node[step] as Record<string | number, unknown>, copy);
  target[key] = 'must not get through';
  return copy;
}

function invalid(request: ReturnType<typeof requestFor>): InvalidNotificationError {
  try {
    parseNotification(request);
  } catch (error) {
    if (error instanceof InvalidNotificationError) return error;
    throw error;
  }
  throw new Error(`${request.type} accepted ${JSON.stringify(request.data)}`);
}

const types = messageDefinitions.map((d) => d.type);

describe('message catalogue', () => {
  it('has one definition per type, each with rule ids and recipient kinds that exist', () => {
    expect(new Set(types).size).toBe(types.length);
    for (const d of messageDefinitions) {
      for (const rule of d.rules) expect(rule === ANY_RULE || /^R-[A-Z]+-\d+$/.test(rule), `${d.type}: ${rule}`).toBe(true);
      for (const kind of d.recipients) expect(recipientKinds).toContain(kind);
    }
  });

  it.each(types)('R-PRIV-3: %s accepts its example and renders a Norwegian subject and body with the short case reference', (type) => {
    const rendered = render(type);
    expect(rendered.subject.length).toBeGreaterThan(5);
    expect(rendered.body).toMatch(new RegExp(`(Saksreferanse: |Oppgi referansen )${REFERENCE}`));
    expect(rendered.body).not.toMatch(/undefined|\[object Object\]/);
  });

  it.each(types)('R-PRIV-3: %s rejects a field outside its schema at every level of its data', (type) => {
    const example = notificationExamples[type];
    const paths = objectPaths(example);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const error = invalid(requestFor(type, withExtraField(example, path, 'diagnosis')));
      expect(error.message).toContain(`notification type "${type}"`);
      expect(error.issues).toContainEqual({ path: ['data', ...path].join('.'), message: expect.stringContaining('unknown field(s): diagnosis') });
    }
  });

  it('R-REG-6: the function-report reminder goes to the centre, the overdue notice to the centre and IMDi, with the due date only', () => {
    const due = messageDefinition('function-report-due')!;
    const overdue = messageDefinition('function-report-overdue')!;
    expect(due.recipients).toEqual(['reception_centre']);
    expect(overdue.recipients).toEqual(['reception_centre', 'imdi']);
    for (const d of [due, overdue]) {
      expect(d.rules).toEqual(['R-REG-6']);
      expect(Object.keys(d.schema.shape)).toEqual(['dueDate']);
    }
    expect(render('function-report-due').subject).toBe('Påminnelse: oppdatert funksjonsrapport til IMDi senest 1. februar 2027');
    expect(invalid({ ...requestFor('function-report-overdue'), recipient: { kind: 'municipality', id: '3405' } }).issues).toContainEqual({
      path: 'recipient.kind',
      message: 'is municipality; this type may go only to reception_centre, imdi',
    });
  });

  it('R-ARR-6: the health notice has exactly name, date of birth, nationality and reception centre', () => {
    const schema = messageDefinition('health-settlement')!.schema;
    expect(Object.keys(schema.shape).sort()).toEqual(['persons', 'receptionCentre']);
    const person = (schema.shape.persons as any).element;
    expect(Object.keys(person.shape).sort()).toEqual(['dateOfBirth', 'name', 'nationality']);

    for (const extra of ['dufNumber', 'nationalIdentityNumber', 'specialNeeds', 'address', 'sex']) {
      const data = structuredClone(notificationExamples['health-settlement']) as any;
      data.persons[0][extra] = extra === 'specialNeeds' ? { hearingSight: { hasNeed: 'yes' } } : '202612345671';
      expect(invalid(requestFor('health-settlement', data)).issues[0]!.path).toBe('data.persons.0');
    }
    const { body } = render('health-settlement');
    expect(body).toContain('Amal Haddad, født 14. mars 1990, statsborgerskap: Syria');
    expect(body).toContain('Lillehammer asylmottak');
    expect(body).not.toMatch(/\d{11,12}/);
  });

  it('R-DIST-3: the distribution offer carries no names, DUF or identity numbers and no reception centre', () => {
    const { subject, body } = render('distribution-offer');
    const text = `${subject}\n${body}`;
    for (const forbidden of ['Amal', 'Omar', 'Lina', 'Sami', 'Haddad', '2026123456', 'Lillehammer', 'mottak-lillehammer']) expect(text).not.toContain(forbidden);
    expect(text).toContain('Bruker rullator'); // what the municipality needs to decide (R-DIST-6) does get through
    expect(text).toContain('36 år');

    const named = structuredClone(notificationExamples['distribution-offer']) as any;
    named.profile.members[0].name = 'Amal Haddad';
    expect(invalid(requestFor('distribution-offer', named)).issues[0]!.path).toBe('data.profile.members.0');

    const centre = structuredClone(notificationExamples['distribution-offer']) as any;
    centre.profile.receptionCentre = 'Lillehammer asylmottak';
    expect(invalid(requestFor('distribution-offer', centre)).issues[0]!.path).toBe('data.profile');

    const numberInText = structuredClone(notificationExamples['distribution-offer']) as any;
    numberInText.profile.household.familyRelations = 'Mor (DUF 202612345671) og far.';
    expect(invalid(requestFor('distribution-offer', numberInText)).issues[0]!.message).toContain('R-DIST-3');
  });

  it('R-DIST-7: the centre learns the municipality and the expected settlement week', () => {
    const { subject, body } = render('distribution-accepted');
    expect(subject).toBe('Bosetting avtalt i Bodø kommune, uke 10 i 2027');
    expect(body).toContain('Bodø kommune (1804)');
  });

  it('R-DIST-7: the settlement decision names the municipality, and the week only when the workflow sends it', () => {
    expect(render('settlement-decision').body).toContain('uke 10 i 2027');
    const { expectedSettlementWeek: _week, ...withoutWeek } = notificationExamples['settlement-decision'];
    const body = render('settlement-decision', withoutWeek).body;
    expect(body).toContain('bosettes i Bodø kommune.');
    expect(body).not.toContain('uke');
  });

  it('R-HH-2: every refusal letter lists the DUF number of every family member', () => {
    for (const type of ['refusal-deadline-letter', 'refusal-step-1-letter', 'eviction-notice', 'bailiff-request'] as const) {
      const data = notificationExamples[type] as { householdMembers: { dufNumber: string }[] };
      const { body } = render(type);
      for (const member of data.householdMembers) expect(body, type).toContain(`DUF-nr. ${member.dufNumber}`);
      expect(messageDefinition(type)!.letter).toBe(true);
    }
  });

  it('R-REF-3: the step 1 letter goes to adults only, never to a child', () => {
    const data = structuredClone(notificationExamples['refusal-step-1-letter']);
    data.addressee = { name: 'Lina Haddad', dufNumber: '202612345693', dateOfBirth: '2019-05-30' };
    expect(invalid(requestFor('refusal-step-1-letter', data)).issues).toContainEqual({
      path: 'data.addressee.dateOfBirth',
      message: expect.stringContaining('R-REF-3'),
    });
  });

  it('refuses an unknown type, a rule the type is not sent under, and a recipient kind its rule does not name', () => {
    expect(invalid({ ...requestFor('new-case'), type: 'newsletter' as MessageType }).issues[0]).toMatchObject({ path: 'type' });
    expect(invalid({ ...requestFor('new-case'), rule: 'R-INT-2' }).issues).toContainEqual({ path: 'rule', message: expect.stringContaining('R-INT-1') });
    // R-ARR-6 / R-PRIV-3: the health notice never goes to NAV or the school.
    expect(invalid({ ...requestFor('health-settlement'), recipient: { kind: 'school', id: 'x' } }).issues).toContainEqual({
      path: 'recipient.kind',
      message: expect.stringContaining('only to health'),
    });
  });
});
