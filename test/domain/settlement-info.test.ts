import { describe, expect, it } from 'vitest';
import {
  careKinds,
  collectiveProtectionMissing,
  emptySettlementInfo,
  functionReportSchema,
  internalNoteSchema,
  interviewParticipationIssues,
  interviewRecordSchema,
  interviewRefusal,
  interviewRecordSchemaFor,
  interviewTopicLabels,
  interviewTopics,
  missingForDistribution,
  personInfoSchema,
  settlementInfoSchema,
  topicsNotCovered,
  yesNoUnknown,
  type InterviewRecordInput,
  type SettlementInfoInput,
  type UnaccompaniedMinorNoteInput,
} from '../../domain';
import { issuesOf, permit, person, PERMIT_DATE, unaccompaniedMinorPermit } from './fixtures';

const answeredHousehold: SettlementInfoInput = {
  familyRelationsDescribed: 'yes',
  familyRelations: 'Married couple with their three children.',
  pets: { answer: 'no' },
  car: { answer: 'no' },
  drivingLicence: { answer: 'yes', details: 'The father, class B' },
  fromSpecialUnit: { answer: 'no' },
};
const info = (input: SettlementInfoInput = answeredHousehold) => settlementInfoSchema.parse(input);
/** Every area answered 'no' (R-REG-2: an unknown is not a no). */
const noNeeds = { hearingSight: { hasNeed: 'no' }, cognitiveFunction: { hasNeed: 'no' }, physicalFunction: { hasNeed: 'no' }, helpReceivedToday: { hasNeed: 'no' } } as const;
const withNeedsAnswered = (persons: readonly { dufNumber: string }[], input: SettlementInfoInput = answeredHousehold): SettlementInfoInput => ({
  ...input,
  persons: persons.map((p) => ({ dufNumber: p.dufNumber, specialNeeds: noNeeds, ...input.persons?.find((q) => q.dufNumber === p.dufNumber) })),
});

describe('R-REG-2 settlement-relevant information', () => {
  it("R-REG-2: an answer is 'yes', 'no' or 'unknown', and an omitted one is 'unknown', never 'no'", () => {
    expect(yesNoUnknown.options).toEqual(['yes', 'no', 'unknown']);
    expect(emptySettlementInfo()).toEqual({
      familyRelationsDescribed: 'unknown',
      pets: { answer: 'unknown' },
      car: { answer: 'unknown' },
      drivingLicence: { answer: 'unknown' },
      fromSpecialUnit: { answer: 'unknown' },
      persons: [],
    });
    // The plain literal (no zod in the workflow) is exactly what the schema gives for an empty form.
    expect(emptySettlementInfo()).toStrictEqual(settlementInfoSchema.parse({}));
  });

  it('R-REG-2: lists every household fact still unknown, each with its rule', () => {
    const missing = missingForDistribution(undefined, 'protection');
    expect(missing.map((m) => m.field)).toEqual(['familyRelationsDescribed', 'pets', 'car', 'drivingLicence', 'fromSpecialUnit']);
    expect(missing.every((m) => m.rule === 'R-REG-2' && /ukjent er ikke «nei»/.test(m.message))).toBe(true);
    expect(missing.find((m) => m.field === 'pets')?.message).toBe(
      'R-REG-2: om husstanden har husdyr i Norge er ukjent; en fordeling kan ikke sendes før det er besvart (ukjent er ikke «nei»)',
    );
  });

  describe('R-REG-2 family relations', () => {
    const family = permit(); // five persons
    const household = { persons: family.persons, onDate: PERMIT_DATE };
    const answered = withNeedsAnswered(family.persons);

    it("R-REG-2: 'no' (nothing to describe) does not pass for a household of several persons", () => {
      const missing = missingForDistribution(info({ ...answered, familyRelationsDescribed: 'no', familyRelations: undefined }), 'protection', { household });
      expect(missing).toEqual([
        {
          field: 'familyRelationsDescribed',
          rule: 'R-REG-2',
          message:
            'R-REG-2: familierelasjonene er ikke beskrevet, men husstanden har 5 personer; beskriv hvordan de er i familie med hverandre («nei» passer bare for en husstand på én person)',
        },
      ]);
      expect(missingForDistribution(info(answered), 'protection', { household })).toEqual([]);
    });

    it("R-REG-2: a family of four answering 'no' is blocked too, also without the household in context", () => {
      const four = family.persons.slice(0, 4);
      const input = withNeedsAnswered(four, { ...answeredHousehold, familyRelationsDescribed: 'no', familyRelations: undefined });
      expect(missingForDistribution(info(input), 'protection', { household: { persons: four, onDate: PERMIT_DATE } }).map((m) => m.field)).toEqual(['familyRelationsDescribed']);
      expect(missingForDistribution(info(input), 'protection').map((m) => m.field)).toEqual(['familyRelationsDescribed']);
    });

    it("R-REG-2: 'no' is the answer for a household of one", () => {
      const single = permit({ persons: [person({ dateOfBirth: '1990-01-01' })] });
      const input = withNeedsAnswered(single.persons, { ...answeredHousehold, familyRelationsDescribed: 'no', familyRelations: undefined });
      expect(missingForDistribution(info(input), 'protection', { household: { persons: single.persons, onDate: PERMIT_DATE } })).toEqual([]);
    });
  });

  describe('R-REG-2 special needs, person by person', () => {
    const family = permit();
    const household = { persons: family.persons, onDate: PERMIT_DATE };
    const [amina, yusuf, zahra] = family.persons;

    it('R-REG-2: every person whose needs are all unknown blocks the distribution — no entry means unknown, not no', () => {
      const missing = missingForDistribution(info(), 'protection', { household });
      expect(missing.map((m) => m.field)).toEqual(family.persons.map((p) => `persons.${p.dufNumber}.specialNeeds`));
      expect(missing.every((m) => m.rule === 'R-REG-2')).toBe(true);
      expect(missing[0]!.message).toBe(
        `R-REG-2: behov for tilrettelegging (særlig hensyn) for Amina Rahimi (DUF ${amina!.dufNumber}) er ukjent for hørsel og syn, kognitiv funksjon, ` +
          'fysisk funksjon, mobilitet og hjelpemidler og hjelpebehov i dag; svar ja eller nei for hvert område før fordelingen sendes (ukjent er ikke «nei»)',
      );
    });

    it('R-REG-2: one area left unknown is named; yes and no both answer it', () => {
      const answered = withNeedsAnswered(family.persons);
      const persons = answered.persons!.map((p) =>
        p.dufNumber === yusuf!.dufNumber
          ? { ...p, specialNeeds: { ...noNeeds, cognitiveFunction: { hasNeed: 'unknown' as const } } }
          : p.dufNumber === zahra!.dufNumber
            ? { ...p, specialNeeds: { ...noNeeds, hearingSight: { hasNeed: 'yes' as const, description: 'Hører dårlig på venstre øre; trenger plass foran i klasserommet.' } } }
            : p,
      );
      const missing = missingForDistribution(info({ ...answered, persons }), 'protection', { household });
      expect(missing).toHaveLength(1);
      expect(missing[0]).toMatchObject({ field: `persons.${yusuf!.dufNumber}.specialNeeds`, rule: 'R-REG-2' });
      expect(missing[0]!.message).toMatch(/Yusuf Rahimi .* er ukjent for kognitiv funksjon; svar ja eller nei/);
    });

    it('R-REG-2, R-INT-5: needs the resident declined to tell count as answered', () => {
      expect(missingForDistribution(info(), 'protection', { household, declinedInformation: ['specialNeeds'] })).toEqual([]);
    });

    it('R-REG-2: without the household, the registered persons are checked', () => {
      const input = { ...answeredHousehold, persons: [{ dufNumber: amina!.dufNumber, specialNeeds: { hearingSight: { hasNeed: 'no' as const } } }] };
      expect(missingForDistribution(info(input), 'protection').map((m) => m.field)).toEqual([`persons.${amina!.dufNumber}.specialNeeds`]);
    });
  });

  it("R-REG-2: 'no' is an answer, so a fully answered household misses nothing", () => {
    expect(missingForDistribution(info(), 'protection')).toEqual([]);
    expect(missingForDistribution(info({ ...answeredHousehold, pets: { answer: 'unknown' } }), 'protection').map((m) => m.field)).toEqual(['pets']);
  });

  it("R-REG-2: family relations answered 'yes' must be described", () => {
    expect(issuesOf(settlementInfoSchema.safeParse({ familyRelationsDescribed: 'yes' }))).toEqual([
      "familyRelations: describe how the members are related when familyRelationsDescribed is 'yes'",
    ]);
  });

  it('R-REG-2: coming from a special unit names which of the three kinds', () => {
    for (const unit of ['facilitated_department', 'special_housing_and_care', 'special_nursing_and_care']) {
      expect(settlementInfoSchema.safeParse({ fromSpecialUnit: { answer: 'yes', unit } }).success, unit).toBe(true);
    }
    expect(issuesOf(settlementInfoSchema.safeParse({ fromSpecialUnit: { answer: 'yes' } }))[0]).toMatch(/^fromSpecialUnit\.unit: name the unit/);
    expect(settlementInfoSchema.safeParse({ fromSpecialUnit: { answer: 'no', unit: 'facilitated_department' } }).success).toBe(false);
  });

  it('rejects unknown fields and answers outside the three', () => {
    expect(issuesOf(settlementInfoSchema.safeParse({ religion: 'x' }))).toEqual([': unknown field(s): religion']);
    expect(issuesOf(settlementInfoSchema.safeParse({ pets: { answer: 'maybe' } }))).toEqual(['pets.answer: must be one of: yes, no, unknown']);
  });
});

describe('R-REG-1 collective protection', () => {
  const family = permit({ permitType: 'collective_protection' });
  const household = { persons: family.persons, onDate: PERMIT_DATE };
  const [mother, father] = family.persons;
  const adultFacts = (dufNumber: string) => ({
    dufNumber,
    highestEducation: { level: 'bachelor' as const, field: 'Nursing' },
    lastOccupation: 'Nurse',
    languageSkills: { englishLevel: 'intermediate' as const, other: [{ language: 'Ukrainian', level: 'native' as const }] },
  });

  it('R-REG-1: requires education, occupation and language skills of every adult, not of the children', () => {
    const missing = collectiveProtectionMissing(info(), { household });
    expect(missing.map((m) => m.field)).toEqual([
      `persons.${mother!.dufNumber}.highestEducation`,
      `persons.${mother!.dufNumber}.lastOccupation`,
      `persons.${mother!.dufNumber}.languageSkills`,
      `persons.${father!.dufNumber}.highestEducation`,
      `persons.${father!.dufNumber}.lastOccupation`,
      `persons.${father!.dufNumber}.languageSkills`,
    ]);
    expect(missing.every((m) => m.rule === 'R-REG-1')).toBe(true);
    expect(missing[0]!.message).toContain('Amina Rahimi');
  });

  it('R-REG-1: nothing is missing once pets, car, licence and every adult are registered', () => {
    const complete = info(withNeedsAnswered(family.persons, { ...answeredHousehold, persons: [adultFacts(mother!.dufNumber), adultFacts(father!.dufNumber)] }));
    expect(collectiveProtectionMissing(complete, { household })).toEqual([]);
    expect(missingForDistribution(complete, 'collective_protection', { household })).toEqual([]);
  });

  it('R-REG-1: the English level is mandatory in language skills', () => {
    const withoutEnglish = { dufNumber: mother!.dufNumber, languageSkills: { other: [] } };
    expect(issuesOf(personInfoSchema.safeParse(withoutEnglish))).toEqual(['languageSkills.englishLevel: is required']);
  });

  it('R-REG-1: higher education names its field', () => {
    expect(issuesOf(personInfoSchema.safeParse({ dufNumber: mother!.dufNumber, highestEducation: { level: 'master_or_higher' } }))).toEqual([
      'highestEducation.field: name the field of study for vocational or higher education',
    ]);
    expect(personInfoSchema.safeParse({ dufNumber: mother!.dufNumber, highestEducation: { level: 'primary' } }).success).toBe(true);
  });

  it('R-REG-1: reports pets, car and licence once, under R-REG-1, for collective protection', () => {
    const missing = missingForDistribution(undefined, 'collective_protection', { household });
    const fields = missing.map((m) => m.field);
    expect(fields.filter((f) => f === 'pets')).toHaveLength(1);
    expect(missing.find((m) => m.field === 'pets')?.rule).toBe('R-REG-1');
    expect(missing.find((m) => m.field === 'fromSpecialUnit')?.rule).toBe('R-REG-2');
  });

  it('R-REG-1: without the household, asks for at least one registered person', () => {
    expect(collectiveProtectionMissing(info()).map((m) => m.field)).toEqual(['persons']);
  });
});

describe('R-REG-3 / R-REG-4 special needs without medical records', () => {
  it('R-REG-3: records needs per person in four areas, unknown until answered', () => {
    const parsed = personInfoSchema.parse({ dufNumber: '202500000099', specialNeeds: { physicalFunction: { hasNeed: 'yes', description: 'Cannot climb stairs; uses a wheelchair outdoors.' } } });
    expect(parsed.specialNeeds).toEqual({
      hearingSight: { hasNeed: 'unknown' },
      cognitiveFunction: { hasNeed: 'unknown' },
      physicalFunction: { hasNeed: 'yes', description: 'Cannot climb stairs; uses a wheelchair outdoors.' },
      helpReceivedToday: { hasNeed: 'unknown' },
    });
  });

  it("R-REG-3: a need answered 'yes' must be described", () => {
    expect(issuesOf(personInfoSchema.safeParse({ dufNumber: '202500000099', specialNeeds: { hearingSight: { hasNeed: 'yes' } } }))[0]).toMatch(
      /^specialNeeds\.hearingSight\.description: describe the need/,
    );
  });

  it('R-REG-3: risk to self or others has no place in the settlement information, only in the internal note', () => {
    expect(settlementInfoSchema.safeParse({ riskToSelfOrOthers: 'yes' }).success).toBe(false);
    expect(personInfoSchema.safeParse({ dufNumber: '202500000099', riskToSelfOrOthers: 'yes' }).success).toBe(false);
    expect(personInfoSchema.safeParse({ dufNumber: '202500000099', specialNeeds: { riskToSelfOrOthers: { hasNeed: 'yes' } } }).success).toBe(false);
    const note = internalNoteSchema.parse({
      text: 'New information after the interview.',
      riskToSelfOrOthers: { dufNumber: '202500000099', description: 'Has threatened staff.', measures: 'Follow-up by the centre.' },
    });
    expect(note.riskToSelfOrOthers?.description).toBe('Has threatened staff.');
  });

  it('R-REG-4: refuses diagnosis, medication and medical-record fields, saying why', () => {
    for (const key of ['diagnosis', 'diagnoses', 'medication', 'medications', 'medicalRecord']) {
      const issues = issuesOf(personInfoSchema.safeParse({ dufNumber: '202500000099', [key]: 'x' }));
      expect(issues, key).toEqual([`: unknown field(s): ${key} — R-REG-4: diagnoses, medication and medical records are never stored; describe the settlement-relevant need in specialNeeds`]);
    }
    expect(issuesOf(settlementInfoSchema.safeParse({ diagnosis: 'x' }))[0]).toMatch(/R-REG-4/);
    expect(issuesOf(personInfoSchema.safeParse({ dufNumber: '202500000099', specialNeeds: { hearingSight: { hasNeed: 'no', diagnosis: 'x' } } }))[0]).toMatch(/R-REG-4/);
  });

  it('R-REG-4: keeps only dialysis several times a week and medication-assisted rehabilitation (LAR), as booleans', () => {
    const defaults = personInfoSchema.parse({ dufNumber: '202500000099' });
    expect(defaults.dialysisSeveralTimesWeekly).toBe(false);
    expect(defaults.medicationAssistedRehabilitation).toBe(false);
    const flagged = personInfoSchema.parse({ dufNumber: '202500000099', dialysisSeveralTimesWeekly: true, medicationAssistedRehabilitation: true });
    expect([flagged.dialysisSeveralTimesWeekly, flagged.medicationAssistedRehabilitation]).toEqual([true, true]);
    expect(personInfoSchema.safeParse({ dufNumber: '202500000099', dialysisSeveralTimesWeekly: 'twice' }).success).toBe(false);
  });
});

describe('R-REG-5 unaccompanied minors', () => {
  const note: UnaccompaniedMinorNoteInput = {
    familyInNorway: [{ name: 'Karim Noori', address: 'Storgata 1, 0155 Oslo' }],
    education: 'Eight years of school in Afghanistan.',
    selfReliance: { level: 'moderate', justification: 'Gets up and cooks alone; needs help with money.' },
    recommendedCare: { kind: 'shared_housing_partial_staff', justification: 'Copes in daily life with some follow-up.' },
  };

  it('R-REG-5: the recommended housing and care is one of the eight kinds', () => {
    expect(careKinds).toHaveLength(8);
    expect(personInfoSchema.safeParse({ dufNumber: '202500000099', unaccompaniedMinorNote: { ...note, recommendedCare: { kind: 'hotel', justification: 'x' } } }).success).toBe(false);
  });

  it('R-REG-5: an unaccompanied minor cannot be distributed without the settlement note', () => {
    const minor = unaccompaniedMinorPermit();
    const household = { persons: minor.persons, onDate: PERMIT_DATE };
    const [em] = minor.persons;
    const single = { ...answeredHousehold, familyRelationsDescribed: 'no' as const, familyRelations: undefined };
    expect(missingForDistribution(info(withNeedsAnswered(minor.persons, single)), 'protection', { household })).toEqual([
      expect.objectContaining({ field: `persons.${em!.dufNumber}.unaccompaniedMinorNote`, rule: 'R-REG-5' }),
    ]);
    const withNote = info(withNeedsAnswered(minor.persons, { ...single, persons: [{ dufNumber: em!.dufNumber, unaccompaniedMinorNote: note }] }));
    expect(missingForDistribution(withNote, 'protection', { household })).toEqual([]);
  });

  it('R-REG-5: a minor with a companion needs the companion described', () => {
    const minor = unaccompaniedMinorPermit({ companion: { name: 'Karim Noori', relation: 'uncle' } });
    const [em] = minor.persons;
    const household = { persons: minor.persons, onDate: PERMIT_DATE };
    const withNote = info(withNeedsAnswered(minor.persons, { ...answeredHousehold, persons: [{ dufNumber: em!.dufNumber, unaccompaniedMinorNote: note }] }));
    expect(missingForDistribution(withNote, 'protection', { household }).map((m) => m.field)).toEqual([`persons.${em!.dufNumber}.unaccompaniedMinorNote.companion`]);
    const companion = { relationship: 'Uncle', knownFor: 'Since birth', feelsSafe: 'yes', wishesToLiveTogether: 'yes', staffObservations: 'They eat together daily.' } as const;
    const complete = info(withNeedsAnswered(minor.persons, { ...answeredHousehold, persons: [{ dufNumber: em!.dufNumber, unaccompaniedMinorNote: { ...note, companion } }] }));
    expect(missingForDistribution(complete, 'protection', { household })).toEqual([]);
  });
});

describe('R-REG-6 / R-REG-7', () => {
  it("R-REG-6: a function report is recorded as sent, or as 'no change'", () => {
    expect(functionReportSchema.parse({ recordedOn: '2025-08-01', outcome: 'no_change' }).outcome).toBe('no_change');
    expect(functionReportSchema.safeParse({ recordedOn: '2025-08-01', outcome: 'skipped' }).success).toBe(false);
  });

  it('R-REG-7: wishes are recorded only together with the fact that they may not be honoured', () => {
    const wishes = { text: 'Would like to live near the coast.', informedWishesMayNotBeHonoured: true };
    expect(settlementInfoSchema.parse({ settlementWishes: wishes }).settlementWishes).toEqual(wishes);
    expect(issuesOf(settlementInfoSchema.safeParse({ settlementWishes: { ...wishes, informedWishesMayNotBeHonoured: false } }))[0]).toMatch(
      /^settlementWishes\.informedWishesMayNotBeHonoured: R-REG-7: tell the resident/,
    );
  });
});

describe('the settlement interview', () => {
  const family = permit(); // adults Amina and Yusuf; Zahra 14, Omid 7, Sara 2
  const [amina, yusuf, zahra] = family.persons;
  const record = (overrides: Partial<InterviewRecordInput> = {}) =>
    interviewRecordSchema.parse({
      heldOn: '2025-06-10',
      participants: [
        { dufNumber: amina!.dufNumber, format: 'joint' },
        { dufNumber: yusuf!.dufNumber, format: 'joint' },
      ],
      childrenOfferedOwnInterview: [zahra!.dufNumber],
      topicsCovered: [...interviewTopics],
      ...overrides,
    });

  it('R-INT-3: a joint family interview with both adults, and the child over 12 offered her own, is complete', () => {
    expect(interviewParticipationIssues(record(), family)).toEqual([]);
  });

  it('R-INT-3: all adults take part', () => {
    const issues = interviewParticipationIssues(record({ participants: [{ dufNumber: amina!.dufNumber, format: 'joint' }] }), family);
    expect(issues.map((i) => i.message)).toEqual([`alle voksne skal delta; Yusuf Rahimi (DUF ${yusuf!.dufNumber}) (41 år) er ikke ført opp`]);
    expect(issues[0]!.rule).toBe('R-INT-3');
  });

  it('R-INT-3: children over 12 are offered their own interview — from their 12th birthday', () => {
    expect(interviewParticipationIssues(record({ childrenOfferedOwnInterview: [] }), family).map((i) => i.message)).toEqual([
      `barn over 12 år skal få tilbud om egen samtale; registrer at Zahra Rahimi (DUF ${zahra!.dufNumber}) (14 år) fikk tilbudet`,
    ]);
    const twelve = permit({ persons: [person({ dateOfBirth: '1980-01-01' }), person({ dateOfBirth: '2013-06-10', relation: 'child' })] });
    const eleven = permit({ persons: [person({ dateOfBirth: '1980-01-01' }), person({ dateOfBirth: '2013-06-11', relation: 'child' })] });
    const adultOnly = (p: typeof twelve) => record({ participants: [{ dufNumber: p.persons[0]!.dufNumber, format: 'joint' }], childrenOfferedOwnInterview: [] });
    expect(interviewParticipationIssues(adultOnly(twelve), twelve)).toHaveLength(1);
    expect(interviewParticipationIssues(adultOnly(eleven), eleven)).toEqual([]);
  });

  it('R-INT-3: a child who had an interview of their own needs no separate offer', () => {
    const participants = [
      { dufNumber: amina!.dufNumber, format: 'joint' as const },
      { dufNumber: yusuf!.dufNumber, format: 'joint' as const },
      { dufNumber: zahra!.dufNumber, format: 'own' as const },
    ];
    expect(interviewParticipationIssues(record({ participants, childrenOfferedOwnInterview: [] }), family)).toEqual([]);
  });

  it('R-INT-3: an unaccompanied minor has the extended interview, and only they may', () => {
    const minor = unaccompaniedMinorPermit({ companion: { name: 'Karim Noori', relation: 'uncle' } });
    const [em] = minor.persons;
    const own = record({ participants: [{ dufNumber: em!.dufNumber, format: 'own' }], childrenOfferedOwnInterview: [] });
    expect(interviewParticipationIssues(own, minor).map((i) => i.message)).toEqual([
      `den enslige mindreårige Farid Noori (DUF ${em!.dufNumber}) skal ha en egen, utvidet samtale`,
    ]);
    const extended = record({ participants: [{ dufNumber: em!.dufNumber, format: 'extended_unaccompanied_minor' }], childrenOfferedOwnInterview: [] });
    expect(interviewParticipationIssues(extended, minor)).toEqual([]);
    const wrong = record({ participants: [{ dufNumber: amina!.dufNumber, format: 'extended_unaccompanied_minor' }, { dufNumber: yusuf!.dufNumber, format: 'joint' }] });
    expect(interviewParticipationIssues(wrong, family).map((i) => i.path)).toEqual([['participants', 0, 'format']]);
  });

  it('R-INT-3: participants must belong to the household; the schema for a household reports it at the field', () => {
    const input = { heldOn: '2025-06-10', participants: [{ dufNumber: '209900000000', format: 'joint' }, { dufNumber: amina!.dufNumber, format: 'joint' }, { dufNumber: yusuf!.dufNumber, format: 'joint' }], childrenOfferedOwnInterview: [zahra!.dufNumber] };
    expect(issuesOf(interviewRecordSchemaFor(family).safeParse(input))).toEqual(['participants.0.dufNumber: DUF 209900000000 er ikke medlem av denne husstanden']);
  });

  it('R-INT-3: the workflow refuses with the same issues as one reason, field by field', () => {
    expect(interviewRefusal(record(), family)).toBeUndefined();
    const withoutYusuf = record({ participants: [{ dufNumber: amina!.dufNumber, format: 'joint' }, { dufNumber: '209900000000', format: 'joint' }] });
    expect(interviewRefusal(withoutYusuf, family)).toBe(
      `participants.1.dufNumber: DUF 209900000000 er ikke medlem av denne husstanden; participants: alle voksne skal delta; Yusuf Rahimi (DUF ${yusuf!.dufNumber}) (41 år) er ikke ført opp`,
    );
  });

  it('R-INT-4: knows the 12 topics, each with its Norwegian label, and lists those not covered', () => {
    expect(interviewTopics).toHaveLength(12);
    expect(Object.keys(interviewTopicLabels).sort()).toEqual([...interviewTopics].sort());
    expect(interviewTopicLabels.agreed_self_settlement).toBe('Avtalt selvbosetting');
    expect(topicsNotCovered(record({ topicsCovered: interviewTopics.filter((t) => t !== 'child_benefit') }))).toEqual(['child_benefit']);
    expect(issuesOf(interviewRecordSchema.safeParse({ heldOn: '2025-06-10', participants: [{ dufNumber: amina!.dufNumber, format: 'joint' }], topicsCovered: ['housing_forms', 'housing_forms'] }))).toEqual([
      'topicsCovered: lists a topic twice',
    ]);
  });

  it('R-INT-5: records which information was declined, by field name and without a reason', () => {
    expect(record({ declinedInformation: ['pets', 'lastOccupation'] }).declinedInformation).toEqual(['pets', 'lastOccupation']);
    expect(interviewRecordSchema.safeParse({ ...record(), declinedReason: 'private' }).success).toBe(false);
    expect(interviewRecordSchema.safeParse({ ...record(), declinedInformation: [{ field: 'pets', reason: 'private' }] }).success).toBe(false);
    expect(interviewRecordSchema.safeParse({ ...record(), declinedInformation: ['favouriteColour'] }).success).toBe(false);
  });

  it('R-INT-5: a declined field counts as answered, so a refusal to answer does not block distribution forever', () => {
    const declined = missingForDistribution(info({ ...answeredHousehold, pets: { answer: 'unknown' } }), 'protection', { declinedInformation: ['pets'] });
    expect(declined).toEqual([]);
  });
});
