import { describe, expect, it } from 'vitest';
import {
  anonymisedProfile,
  assessEligibility,
  distributionPreconditions,
  missingForDistribution,
  priorityGroup,
  settlementInfoSchema,
  type DistributionInput,
} from '../../domain';
import { permit, person, PERMIT_DATE, unaccompaniedMinorPermit } from './fixtures';

describe('R-DIST-1 preconditions', () => {
  const ready: DistributionInput = {
    eligibility: { outcome: 'eligible', rules: ['R-ELIG-1'] },
    interviewCompleted: true,
    competenceMapping: 'done',
    missingInfo: [],
  };

  it('R-DIST-1: IMDi may start with an eligible permit, a completed interview and the mapping done or not applicable', () => {
    expect(distributionPreconditions(ready)).toEqual([]);
    expect(distributionPreconditions({ ...ready, competenceMapping: 'not_applicable' })).toEqual([]);
  });

  it('R-DIST-1: names each unmet precondition', () => {
    expect(distributionPreconditions({ ...ready, interviewCompleted: false })).toEqual([{ rule: 'R-DIST-1', message: 'R-DIST-1: bosettingssamtalen er ikke gjennomført' }]);
    expect(distributionPreconditions({ ...ready, competenceMapping: 'pending' })[0]?.message).toBe(
      'R-DIST-1: kompetansekartleggingen (R-HOST-1) er verken gjennomført eller registrert som ikke aktuell',
    );
    const waiting = assessEligibility(permit({ permitType: 'humanitarian_id_doubt' }));
    expect(distributionPreconditions({ ...ready, eligibility: waiting })[0]?.message).toBe(
      'R-DIST-1: husstanden må være i målgruppen for bosetting; saken venter på førstegangsfornyelsen (R-ELIG-2)',
    );
    const reunified = assessEligibility(permit({ permitType: 'family_reunification' }));
    expect(distributionPreconditions({ ...ready, eligibility: reunified })[0]?.message).toBe(
      'R-DIST-1: husstanden må være i målgruppen for bosetting; saken er vurdert som utenfor målgruppen (R-ELIG-4)',
    );
  });

  it('R-REG-2: any information still unknown blocks the distribution, with its field', () => {
    const missingInfo = missingForDistribution(undefined, 'protection');
    const unmet = distributionPreconditions({ ...ready, missingInfo });
    expect(unmet).toHaveLength(5);
    expect(unmet[1]).toEqual({ rule: 'R-REG-2', field: 'pets', message: missingInfo[1]!.message });
  });
});

describe('R-DIST-5 priority', () => {
  it('R-DIST-5: unaccompanied minors first, then families with children, then resettlement refugees', () => {
    expect(priorityGroup(unaccompaniedMinorPermit().persons, 'resettlement', PERMIT_DATE)).toBe('unaccompanied_minor');
    expect(priorityGroup(permit().persons, 'protection', PERMIT_DATE)).toBe('family_with_children');
    expect(priorityGroup(permit().persons, 'resettlement', PERMIT_DATE)).toBe('resettlement');
    const couple = [person({ dateOfBirth: '1990-01-01' }), person({ dateOfBirth: '1991-01-01', relation: 'spouse' })];
    expect(priorityGroup(permit({ persons: couple }).persons, 'protection', PERMIT_DATE)).toBe('none');
  });

  it('R-DIST-5: a grown-up child does not make a family with children', () => {
    const withAdultChild = [person({ dateOfBirth: '1970-01-01' }), person({ dateOfBirth: '2005-01-01', relation: 'child' })];
    expect(priorityGroup(permit({ persons: withAdultChild }).persons, 'protection', PERMIT_DATE)).toBe('none');
  });
});

describe('R-DIST-3 anonymised profile', () => {
  const family = permit();
  const [amina, yusuf, zahra] = family.persons;
  const settlementInfo = settlementInfoSchema.parse({
    familyRelationsDescribed: 'yes',
    familyRelations: 'Amina and Yusuf Rahimi are married; Zahra, Omid and Sara are their children.',
    pets: { answer: 'yes', details: 'A cat that Zahra looks after.' },
    car: { answer: 'no' },
    drivingLicence: { answer: 'yes', details: `Yusuf (DUF ${yusuf!.dufNumber}), class B` },
    fromSpecialUnit: { answer: 'no' },
    persons: [
      {
        dufNumber: amina!.dufNumber,
        specialNeeds: { physicalFunction: { hasNeed: 'yes', description: 'Amina cannot climb stairs; staff at Fjellheim asylmottak help her.' } },
        lastOccupation: 'Teacher',
      },
    ],
    settlementWishes: { text: 'Wants to live in Tromsø near a cousin.', informedWishesMayNotBeHonoured: true },
  });
  const profile = anonymisedProfile({ permit: family, settlementInfo, declinedInformation: ['car'], onDate: PERMIT_DATE });
  const serialised = JSON.stringify(profile);

  it('R-DIST-3: holds no names, DUF numbers, national identity numbers, birth dates or reception centre', () => {
    const forbidden = [
      family.receptionCentre.id,
      family.receptionCentre.name,
      family.hostMunicipality.name,
      ...family.persons.flatMap((p) => [p.givenName, p.familyName, p.dufNumber, p.dateOfBirth, ...(p.nationalIdentityNumber ? [p.nationalIdentityNumber] : [])]),
    ];
    expect(amina!.nationalIdentityNumber).toBe('25097599850');
    for (const value of forbidden) expect(serialised, value).not.toContain(value);
  });

  it('R-DIST-3: removes identifying words from free text but keeps the meaning', () => {
    expect(profile.household?.familyRelations).toBe('[removed] and [removed] are married; [removed], [removed] and [removed] are their children.');
    expect(profile.members[0]?.specialNeeds?.physicalFunction.description).toBe('[removed] cannot climb stairs; staff at [removed] help her.');
    expect(profile.household?.drivingLicence).toEqual({ answer: 'yes', details: '[removed] (DUF [removed]), class B' });
  });

  it('R-DIST-3: gives the household composition, languages, citizenship, answers and special needs', () => {
    expect(profile.members.map((m) => [m.age, m.sex, m.relation])).toEqual([
      [49, 'female', 'main'],
      [41, 'male', 'spouse'],
      [14, 'female', 'child'],
      [7, 'male', 'child'],
      [2, 'female', 'child'],
    ]);
    expect(profile.members[1]).toMatchObject({ citizenship: 'AFG', languages: ['Dari', 'English'] });
    expect(profile.members[0]?.specialNeeds?.physicalFunction.hasNeed).toBe('yes');
    expect(profile.members[0]?.lastOccupation).toBe('Teacher');
    expect(profile.household?.pets.answer).toBe('yes');
    expect(profile.priorityGroup).toBe('family_with_children');
    expect(profile.declinedInformation).toEqual(['car']);
    expect(zahra).toBeDefined();
  });

  it('R-DIST-3: leaves the settlement wishes with IMDi', () => {
    expect(serialised).not.toContain('Tromsø');
  });

  it("R-DIST-3: for an unaccompanied minor, tells the companion's relation and that family lives in Norway, never who or where", () => {
    const minor = unaccompaniedMinorPermit({ companion: { name: 'Karim Haidari', relation: 'uncle' } });
    const [em] = minor.persons;
    const info = settlementInfoSchema.parse({
      persons: [
        {
          dufNumber: em!.dufNumber,
          unaccompaniedMinorNote: {
            familyInNorway: [{ name: 'Leila Haidari', address: 'Storgata 1, 0155 Oslo' }],
            education: 'Eight years of school.',
            selfReliance: { level: 'moderate', justification: 'Farid cooks alone; Karim helps with money.' },
            recommendedCare: { kind: 'with_companion', justification: 'Farid and Karim Haidari are close; Leila Haidari visits.' },
            companion: { relationship: 'Uncle', knownFor: 'Since birth', feelsSafe: 'yes', wishesToLiveTogether: 'yes', staffObservations: 'They eat together.' },
          },
        },
      ],
    });
    const emProfile = anonymisedProfile({ permit: minor, settlementInfo: info, onDate: PERMIT_DATE });
    const text = JSON.stringify(emProfile);
    for (const value of ['Karim', 'Haidari', 'Leila', 'Storgata', 'Farid', 'Noori', em!.dufNumber]) expect(text, value).not.toContain(value);
    expect(emProfile.members[0]).toMatchObject({ age: 15, unaccompaniedMinor: true, companionRelation: 'uncle' });
    expect(emProfile.members[0]?.unaccompaniedMinorNote).toMatchObject({ hasFamilyInNorway: true, recommendedCare: { kind: 'with_companion' } });
    expect(emProfile.priorityGroup).toBe('unaccompanied_minor');
  });

  it('R-DIST-3: removes whole words only, so a name inside another word stays', () => {
    const ali = permit({ persons: [person({ givenName: 'Ali', familyName: 'Karimi', dateOfBirth: '1990-01-01' })] });
    const info = settlementInfoSchema.parse({ familyRelationsDescribed: 'no', pets: { answer: 'yes', details: 'Ali has a quality cat called Karimi-Junior.' } });
    expect(anonymisedProfile({ permit: ali, settlementInfo: info, onDate: PERMIT_DATE }).household?.pets.details).toBe(
      '[removed] has a quality cat called [removed]-Junior.',
    );
  });
});
