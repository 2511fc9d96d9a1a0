/**
 * Data fields shared by several message types, and the Norwegian (bokmål) phrasing they are
 * rendered with. Each message type picks the fields its rule allows; nothing here is optional
 * by accident.
 */
import { z } from 'zod';
import type { IsoDate, IsoWeekString } from '../../domain/dates';
import { isoDateSchema, isoWeekSchema } from '../../domain/dates.schema';
import { dufNumberSchema, municipalityNumberSchema } from '../../domain/identifiers.schema';
import { listOf, shortText, strictObject } from '../../domain/schema';

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

// ─── Norwegian phrasing ─────────────────────────────────────────────────────────────────────

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** '2026-03-14' → '14. mars 2026'. */
export function formatDate(value: IsoDate): string {
  const [year, month, day] = value.split('-').map(Number);
  return `${day}. ${MONTHS[month! - 1]} ${year}`;
}

/** '2026-W05' → 'uke 5 i 2026'. */
export function formatWeek(value: IsoWeekString): string {
  const [year, week] = value.split('-W');
  return `uke ${Number(week)} i ${year}`;
}

export function municipalityName(m: Municipality): string {
  return `${m.name} kommune (${m.number})`;
}

export function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

/** R-HH-2: the block every letter about a household carries. */
export function concerning(members: readonly HouseholdMember[]): string {
  return `Gjelder:\n${bulletList(members.map((m) => `${m.name}, DUF-nr. ${m.dufNumber}`))}`;
}

/** Joins the paragraphs that are present. */
export function paragraphs(...parts: (string | false | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n\n');
}

export function caseReference(caseId: string): string {
  return `Saksreferanse i Bosetting: ${caseId}`;
}

export const yesNoUnknownText = { yes: 'ja', no: 'nei', unknown: 'ukjent' } as const;
