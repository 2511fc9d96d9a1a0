/**
 * Data fields shared by several message types, and small helpers that phrase them with the
 * texts of a language. Each message type picks the fields its rule allows; nothing here is
 * optional by accident.
 */
import { z } from 'zod';
import { ageOn, type IsoDate } from '../../domain/dates';
import { isoDateSchema, isoWeekSchema } from '../../domain/dates.schema';
import { ADULT_AGE } from '../../domain/household';
import { dufNumberSchema, municipalityNumberSchema } from '../../domain/identifiers.schema';
import { listOf, shortText, strictObject } from '../../domain/schema';
import type { Say } from '../texts/format';

export const date = isoDateSchema;
export const week = isoWeekSchema;
export const name = shortText;

export const municipality = strictObject({ number: municipalityNumberSchema, name: shortText });
export type Municipality = z.output<typeof municipality>;

/** R-HH-2: who a letter concerns — each family member's name and DUF number. */
export const householdMember = strictObject({ name: shortText, dufNumber: dufNumberSchema });
export const householdMembers = listOf(householdMember)
  .min(1, 'must list at least one person')
  .max(20, 'must list at most 20 persons');
export type HouseholdMember = z.output<typeof householdMember>;

/** ISO 3166-1 alpha-3, as in the permit (e.g. SYR, UKR; XXA stateless, XXX unknown). */
export const countryCode = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a country code as text') })
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 country code in capitals, e.g. SYR');

export const postalAddress = strictObject({
  /** Street, c/o, P.O. box: what goes above the postcode line. */
  lines: listOf(shortText).min(1, 'must have at least one line').max(4, 'must have at most 4 lines'),
  postcode: z.string({ error: 'is required' }).regex(/^\d{4}$/, 'must be a Norwegian postcode of 4 digits'),
  town: shortText,
  country: shortText.optional(),
});
export type PostalAddress = z.output<typeof postalAddress>;

/**
 * R-HH-2 for letters to the household itself: each member with the date of birth, so the letter
 * can speak to the adults ("du" to one, "dere" to several) and name them as addressees.
 */
export const letterHouseholdMember = strictObject({ name: shortText, dufNumber: dufNumberSchema, dateOfBirth: isoDateSchema });
export const letterHousehold = listOf(letterHouseholdMember)
  .min(1, 'must list at least one person')
  .max(20, 'must list at most 20 persons');
export type LetterHouseholdMember = z.output<typeof letterHouseholdMember>;

/** Where the residents live: the letter goes to them c/o the centre (its address is in the recipient directory). */
export const receptionCentreRef = strictObject({ id: shortText, name: shortText });

// ─── Phrasing helpers (the words are in notifications/texts/) ───────────────────────────────

/**
 * The reference a reader can quote: the first 12 hex digits of a case id (`case-<hex>`) in groups
 * of four, e.g. "C5D5-1A2B-3C4D" — short to read out, still a prefix of the case id to search by.
 * Other ids are shown as they are.
 */
export function shortReference(caseId: string): string {
  const hex = /^case-([0-9a-f-]+)$/i.exec(caseId)?.[1]?.replaceAll('-', '');
  if (!hex || hex.length < 12) return caseId;
  return hex.slice(0, 12).toUpperCase().match(/.{4}/g)!.join('-');
}

export function municipalityText(say: Say, m: Municipality): string {
  return say('municipality', { name: m.name, number: m.number });
}

/** R-HH-2: the "Gjelder" block — each person's name and DUF number. */
export function concerningText(say: Say, members: readonly HouseholdMember[]): string {
  return say('concerning', { members: say.bullets(members.map((m) => say('member', { name: m.name, dufNumber: m.dufNumber }))) });
}

/** A letter to a household is to its adults on the letter's date; a household of minors is addressed as a whole. */
export function householdAddressee(members: readonly LetterHouseholdMember[], today: IsoDate, receptionCentre?: { id: string; name: string }) {
  const grownUps = members.filter((m) => ageOn(m.dateOfBirth, today) >= ADULT_AGE);
  const to = grownUps.length > 0 ? grownUps : members;
  return { names: to.map((m) => m.name), addressees: to.length, ...(receptionCentre && { receptionCentre }) };
}

/** How many of the members are children on the date. */
export function childCount(members: readonly LetterHouseholdMember[], today: IsoDate): number {
  return members.filter((m) => ageOn(m.dateOfBirth, today) < ADULT_AGE).length;
}

export const yesNo = (value: boolean) => (value ? 'yes' : 'no');
