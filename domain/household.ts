/**
 * The household: the people settled together (a family or a single adult), described by each
 * person's relation to the main person.
 */
import { ageOn, type IsoDate } from './dates';
import type { Person } from './permit';

export const ADULT_AGE = 18;
/** Compulsory school ends the year a pupil turns 16; "children under 16 have the right and duty to attend school". */
const SCHOOL_LEAVING_AGE = 16;
const SCHOOL_START_AGE = 6;

type Dated = Pick<Person, 'dateOfBirth'>;

export function fullName(person: Pick<Person, 'givenName' | 'familyName'>): string {
  return `${person.givenName} ${person.familyName}`;
}

export function mainPerson<P extends Pick<Person, 'relation'>>(persons: readonly P[]): P | undefined {
  return persons.find((p) => p.relation === 'main');
}

export type RegistrationNumberMember = { dufNumber: string; name: string; registrationNumber: string };
export type RegistrationNumberCheck =
  | { ok: true }
  | { ok: false; rule: 'R-HH-1'; message: string; members: RegistrationNumberMember[] };

/** R-HH-1: everyone settled together has the same Reg.nr; otherwise IMDi cannot start. */
export function checkRegistrationNumbers(
  persons: readonly Pick<Person, 'dufNumber' | 'givenName' | 'familyName' | 'registrationNumber'>[],
): RegistrationNumberCheck {
  const distinct = new Set(persons.map((p) => p.registrationNumber));
  if (distinct.size <= 1) return { ok: true };
  const members = persons.map((p) => ({ dufNumber: p.dufNumber, name: fullName(p), registrationNumber: p.registrationNumber }));
  const listing = members.map((m) => `${m.name} (DUF ${m.dufNumber}) has Reg.nr ${m.registrationNumber}`).join('; ');
  return {
    ok: false,
    rule: 'R-HH-1',
    members,
    message:
      `R-HH-1: everyone settled together must have the same Reg.nr, but this household has ${distinct.size} different ones: ` +
      `${listing}. The reception centre must have the Reg.nr corrected (through the police) before IMDi can start.`,
  };
}

/** Household members who are this person's parents (or step-parents), read from their relations
 *  to the main person: the main person's parents are also the parents of the main person's siblings;
 *  the main person and their spouse or partner are the parents of a 'child'. */
export function parentsOf<P extends Pick<Person, 'relation'>>(person: Pick<Person, 'relation'>, persons: readonly P[]): P[] {
  switch (person.relation) {
    case 'main':
    case 'sibling':
      return persons.filter((p) => p.relation === 'parent');
    case 'child':
      return persons.filter((p) => p.relation === 'main' || p.relation === 'spouse' || p.relation === 'partner');
    default:
      return [];
  }
}

export function adults<P extends Dated>(persons: readonly P[], onDate: IsoDate): P[] {
  return persons.filter((p) => ageOn(p.dateOfBirth, onDate) >= ADULT_AGE);
}

export function children<P extends Dated>(persons: readonly P[], onDate: IsoDate): P[] {
  return persons.filter((p) => ageOn(p.dateOfBirth, onDate) < ADULT_AGE);
}

/** An EM case: the household is one (or more) unaccompanied minors — many special rules apply. */
export function isUnaccompaniedMinorCase(persons: readonly Pick<Person, 'unaccompaniedMinor'>[]): boolean {
  return persons.some((p) => p.unaccompaniedMinor);
}

function yearsSinceBirthYear(dateOfBirth: IsoDate, onDate: IsoDate): number {
  return Number(onDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
}

/** R-ARR-4: school age runs from the calendar year the child turns 6 until they turn 16. */
export function schoolAgeChildren<P extends Dated>(persons: readonly P[], onDate: IsoDate): P[] {
  return persons.filter(
    (p) => yearsSinceBirthYear(p.dateOfBirth, onDate) >= SCHOOL_START_AGE && ageOn(p.dateOfBirth, onDate) < SCHOOL_LEAVING_AGE,
  );
}

/** R-ARR-5: kindergarten age is 0–5 and not yet school age (born on or before onDate). */
export function kindergartenAgeChildren<P extends Dated>(persons: readonly P[], onDate: IsoDate): P[] {
  return persons.filter((p) => p.dateOfBirth <= onDate && yearsSinceBirthYear(p.dateOfBirth, onDate) < SCHOOL_START_AGE);
}
