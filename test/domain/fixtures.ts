/** Households for the domain tests: valid by default, changed per test. */
import { permitGrantedSchema, type PermitGranted, type PermitGrantedInput, type PersonInput } from '../../domain';

let nextDuf = 202500000001;

/** A person with a fresh DUF number; adult main person unless overridden. */
export function person(overrides: Partial<PersonInput> = {}): PersonInput {
  const dufNumber = String(nextDuf++);
  return {
    dufNumber,
    givenName: 'Amina',
    familyName: 'Rahimi',
    dateOfBirth: '1985-04-10',
    sex: 'female',
    citizenship: 'AFG',
    languages: ['Dari'],
    relation: 'main',
    registrationNumber: 'REG-100200',
    ...overrides,
  };
}

export const PERMIT_DATE = '2025-06-02';

/** Two adults and three children (14, 7 and 2 on the permit date). */
export function familyPersons(): PersonInput[] {
  return [
    person({ givenName: 'Amina', dateOfBirth: '1975-09-25', sex: 'female', relation: 'main', nationalIdentityNumber: '25097599850' }),
    person({ givenName: 'Yusuf', dateOfBirth: '1983-11-23', sex: 'male', relation: 'spouse', languages: ['Dari', 'English'] }),
    person({ givenName: 'Zahra', dateOfBirth: '2011-01-15', relation: 'child' }),
    person({ givenName: 'Omid', dateOfBirth: '2018-03-01', sex: 'male', relation: 'child' }),
    person({ givenName: 'Sara', dateOfBirth: '2023-01-20', relation: 'child' }),
  ];
}

export function permitInput(overrides: Partial<PermitGrantedInput> = {}): PermitGrantedInput {
  return {
    permitId: 'UDI-2025-000042',
    permitType: 'protection',
    permitDate: PERMIT_DATE,
    receptionCentre: { id: 'mottak-fjellheim', name: 'Fjellheim asylmottak' },
    hostMunicipality: { municipalityNumber: '3405', name: 'Lillehammer' },
    persons: familyPersons(),
    ...overrides,
  };
}

export function permit(overrides: Partial<PermitGrantedInput> = {}): PermitGranted {
  return permitGrantedSchema.parse(permitInput(overrides));
}

/** An unaccompanied minor of 15 on the permit date, alone. */
export function unaccompaniedMinorPermit(overrides: Partial<PersonInput> = {}, permitOverrides: Partial<PermitGrantedInput> = {}): PermitGranted {
  return permit({
    persons: [person({ givenName: 'Farid', familyName: 'Noori', dateOfBirth: '2010-02-11', sex: 'male', unaccompaniedMinor: true, ...overrides })],
    ...permitOverrides,
  });
}

/** The messages of a failed parse, as "path: message" lines. */
export function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  if (result.success) return [];
  return result.error!.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
}
