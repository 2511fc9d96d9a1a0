/**
 * Settlement refusal (bosettingsnekt, R-REF-1..6): when each step falls, and who gets which letter.
 *
 * The reading of the sources (seed 003, 2.9.1 and Vedlegg 7), in domain.md's terms:
 *  - R-REF-2: the refusal is registered; IMDi sends the resident a letter with a deadline to move
 *    (the move deadline) and tells UDI.
 *  - R-REF-3, step 1 — the day the refusal is registered: "Når IMDi har gitt beskjed til UDI ... om
 *    beboers frist til å flytte", UDI writes to each adult on the consequences of not moving by
 *    IMDi's deadline and gives notice that the basic allowance will stop ("varsel om stopp i basis").
 *    Step 1 is a warning: the allowance does not stop yet.
 *  - R-REF-4, step 2 — if the resident has not moved by IMDi's deadline (Vedlegg 7: "innen fristen
 *    som er beskrevet i trinn 1"), and at the earliest 14 days after step 1 (2.9.1: "Hvis beboeren
 *    ikke flytter innen 14 dager"): UDI's notice of eviction; the right to a place has run out and
 *    the basic allowance stops ("og beboeren mister basisutbetalingen"). So step 2 is the later of
 *    the day after the move deadline and step 1 + 14 days.
 *  - R-REF-5, step 3 — the same day as step 2: UDI sends the bailiff the request for forced eviction
 *    "samtidig" with the notice (2.9.1 and Vedlegg 7, Trinn 3 alike); the bailiff takes over.
 */
import { addDays, ageOn, type IsoDate } from './dates';
import { ADULT_AGE, adults, fullName } from './household';
import type { Person } from './permit';

/** R-REF-4: step 2 comes at the earliest 14 days after step 1 (2.9.1). */
export const DAYS_FROM_STEP_1_TO_STEP_2 = 14;

/** R-REF-3: an unaccompanied minor under this age goes to Bufetat's care centre. */
export const BUFETAT_UNDER_AGE = 15;

export type RefusalSchedule = {
  /** R-REF-3: UDI's letter on the consequences, warning that the basic allowance will stop. */
  step1: IsoDate;
  /** R-REF-4: the notice of eviction; the right to a place has run out and the basic allowance stops. */
  step2: IsoDate;
  /** R-REF-5: the request for forced eviction to the bailiff, together with the notice. */
  step3: IsoDate;
};

/**
 * R-REF-3..5: the dates of the three steps for a refusal registered on `refusedOn` with IMDi's
 * deadline to move `moveDeadline` (see the reading above). Each step happens only if the resident
 * has not moved by then (R-REF-6). A deadline on or before the refusal date still leaves the
 * resident the 14 days of 2.9.1.
 */
export function refusalSchedule({ refusedOn, moveDeadline }: { refusedOn: IsoDate; moveDeadline: IsoDate }): RefusalSchedule {
  const step1 = refusedOn;
  const dayAfterDeadline = addDays(moveDeadline, 1);
  const earliestStep2 = addDays(step1, DAYS_FROM_STEP_1_TO_STEP_2);
  const step2 = dayAfterDeadline > earliestStep2 ? dayAfterDeadline : earliestStep2;
  return { step1, step2, step3: step2 };
}

/** @deprecated Step 2 depends on IMDi's deadline too: use refusalSchedule. The earliest step 2 after a step 1. */
export function step2Date(step1Date: IsoDate): IsoDate {
  return addDays(step1Date, DAYS_FROM_STEP_1_TO_STEP_2);
}

export type RefusalLetter = {
  /** Whom the letter is to: the adults, by name. */
  addressees: { name: string; dufNumber: string }[];
  /** R-HH-2: everyone the letter concerns — every member of the household, with their DUF number. */
  members: { name: string; dufNumber: string }[];
  dufNumbers: string[];
};

/**
 * R-HH-2, R-REF-3: "For brev som omhandler familier som skal bosettes samlet må DUF-nummeret til
 * alle familiemedlemmene stå i brevet. Brev som omhandler enslige voksne skal sendes individuelt."
 * A household is the people settled together, so every household of more than one person gets
 * letters that list every member's DUF number — also a mother with her grown-up son, who have no
 * child and no spouse between them. The letter is to the household's adults (never to a child); a
 * single adult gets a letter of their own. A household of minors only gets no letter here: they
 * keep their reception place (R-REF-6).
 */
export function refusalLetters(persons: readonly Person[], onDate: IsoDate): RefusalLetter[] {
  const grownUps = adults(persons, onDate);
  if (grownUps.length === 0) return [];
  const member = (p: Person) => ({ name: fullName(p), dufNumber: p.dufNumber });
  return [{ addressees: grownUps.map(member), members: persons.map(member), dufNumbers: persons.map((p) => p.dufNumber) }];
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
