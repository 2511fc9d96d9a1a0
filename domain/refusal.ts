/**
 * Settlement refusal (bosettingsnekt, R-REF-1..6): who gets which letter at which step.
 */
import { addDays, ageOn, type IsoDate } from './dates';
import { ADULT_AGE, adults, fullName } from './household';
import type { Person } from './permit';

/** R-REF-4: step 2 comes 14 days after step 1; step 3 (the bailiff) is sent together with it (2.9.1). */
export const DAYS_FROM_STEP_1_TO_STEP_2 = 14;

/** R-REF-3: an unaccompanied minor under this age goes to Bufetat's care centre. */
export const BUFETAT_UNDER_AGE = 15;

export function step2Date(step1Date: IsoDate): IsoDate {
  return addDays(step1Date, DAYS_FROM_STEP_1_TO_STEP_2);
}

export type RefusalLetter = { addressees: { name: string; dufNumber: string }[]; dufNumbers: string[] };

/**
 * R-HH-2, R-REF-3: step letters go to adults only, never children. A family gets one letter that
 * lists the DUF number of every member; single adults each get their own letter.
 */
export function refusalLetters(persons: readonly Person[], onDate: IsoDate): RefusalLetter[] {
  const grownUps = adults(persons, onDate);
  if (grownUps.length === 0) return [];
  const isFamily = persons.some((p) => ageOn(p.dateOfBirth, onDate) < ADULT_AGE) || persons.some((p) => p.relation === 'spouse' || p.relation === 'partner');
  const addressee = (p: Person) => ({ name: fullName(p), dufNumber: p.dufNumber });
  if (isFamily) return [{ addressees: grownUps.map(addressee), dufNumbers: persons.map((p) => p.dufNumber) }];
  return grownUps.map((p) => ({ addressees: [addressee(p)], dufNumbers: [p.dufNumber] }));
}

export type MinorProtection = { dufNumber: string; name: string; bufetat: boolean };

/**
 * R-REF-3, R-REF-6: unaccompanied minors never lose their reception place. Their guardian and child
 * welfare are told before anything else; under 15 they go to Bufetat's care centre, otherwise to a
 * reception centre for unaccompanied minors.
 */
export function unaccompaniedMinorsInRefusal(persons: readonly Person[], onDate: IsoDate): MinorProtection[] {
  return persons
    .filter((p) => p.unaccompaniedMinor && ageOn(p.dateOfBirth, onDate) < ADULT_AGE)
    .map((p) => ({ dufNumber: p.dufNumber, name: fullName(p), bufetat: ageOn(p.dateOfBirth, onDate) < BUFETAT_UNDER_AGE }));
}

/** R-REF-6: what a resident who refuses loses and keeps, recorded on the case. */
export const refusalConsequences = {
  loses: ['reception place', 'introduction programme and stipend', 'municipal financial support', 'travel costs', 'municipal housing'],
  keeps: ['free Norwegian training', "children's right to school"],
} as const;

export const refusalOutcomes = ['moved', 'evicted', 'left'] as const;
export type RefusalOutcome = (typeof refusalOutcomes)[number];
