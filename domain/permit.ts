/**
 * The trigger of a settlement case: UDI has granted a residence permit to a household. Its kinds
 * and the types of a parsed permit; the schema that checks a permit at the API edge is in
 * permit.schema.ts.
 */

export const permitTypes = [
  'protection', // individual protection, utlendingsloven § 28
  'humanitarian', // strong humanitarian grounds, § 38
  'humanitarian_id_doubt', // § 38 fifth paragraph, limited because of doubt about identity (ID-tvil)
  'collective_protection', // temporary collective protection, § 34 (e.g. Ukraine)
  'resettlement', // overføringsflyktning: resettlement refugee arriving directly from abroad
  'family_reunification', // familiegjenforent
] as const;
export type PermitType = (typeof permitTypes)[number];

export const sexes = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

/** Relation to the household's main person. */
export const relations = ['main', 'spouse', 'partner', 'child', 'sibling', 'parent', 'other'] as const;
export type Relation = (typeof relations)[number];

/** A person and a permit as the API parsed them (the shapes are inferred from permit.schema.ts). */
export type { Person, PersonInput, PermitGranted, PermitGrantedInput } from './permit.schema';
