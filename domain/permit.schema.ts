/**
 * The zod schema of a granted permit, for the API edge: the shape and the household's internal
 * consistency. R-HH-1 (one Reg.nr) is checked by checkRegistrationNumbers in household.ts so
 * callers get its structured error.
 */
import { z } from 'zod';
import { addMonths, ageOn, isValidIsoDate } from './dates';
import { isoDateSchema } from './dates.schema';
import { ADULT_AGE, parentsOf } from './household';
import { dufNumberSchema, municipalityNumberSchema, nationalIdentityNumberSchema } from './identifiers.schema';
import { permitTypes, relations, sexes } from './permit';
import { booleanField, listOf, oneOf, shortText, strictObject, text } from './schema';

const MAX_AGE_YEARS = 120;

export const personSchema = strictObject({
  dufNumber: dufNumberSchema,
  nationalIdentityNumber: nationalIdentityNumberSchema.optional(),
  givenName: shortText,
  familyName: shortText,
  dateOfBirth: isoDateSchema,
  sex: oneOf(sexes),
  citizenship: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a country code as text') })
    .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 country code in capitals, e.g. SYR, UKR, AFG (XXA stateless, XXX unknown)'),
  languages: listOf(shortText).min(1, 'must name at least one language the person understands').max(20, 'must list at most 20 languages'),
  relation: oneOf(relations),
  /** Reg.nr: UDI's registration number; everyone settled together shares one (R-HH-1). */
  registrationNumber: shortText,
  /** Enslig mindreårig (EM). */
  unaccompaniedMinor: booleanField().default(false),
  /** Følgeperson: the adult who came to Norway with an unaccompanied minor. */
  companion: strictObject({ name: shortText, relation: shortText }).optional(),
  /** R-ELIG-4: settled or established in a municipality before (e.g. came by family reunification). */
  previousSettlement: strictObject({ municipalityNumber: municipalityNumberSchema, municipalityName: shortText }).optional(),
}).refine((person) => person.companion === undefined || person.unaccompaniedMinor, {
  message: 'a companion (følgeperson) can only be given for an unaccompanied minor',
  path: ['companion'],
});

export type Person = z.output<typeof personSchema>;
export type PersonInput = z.input<typeof personSchema>;

export const permitGrantedSchema = strictObject({
  permitId: text(100),
  permitType: oneOf(permitTypes),
  permitDate: isoDateSchema,
  /** The vedtak date; R-HOST-1 counts from it. Defaults to permitDate. */
  decisionDate: isoDateSchema.optional(),
  /** Førstegangsfornyelse: lets a §38-5 ID-doubt family with children proceed (R-ELIG-2). */
  firstRenewalDate: isoDateSchema.optional(),
  /** Where the household lives while it waits; resettlement refugees (overføringsflyktninger) have none. */
  receptionCentre: strictObject({ id: shortText, name: shortText }).optional(),
  hostMunicipality: strictObject({ municipalityNumber: municipalityNumberSchema, name: shortText }),
  persons: listOf(personSchema)
    .min(1, 'must list at least one person')
    .max(20, 'must list at most 20 persons; split larger groups into households'),
})
  .superRefine((permit, ctx) => {
    const { persons, permitDate } = permit;
    if (permit.receptionCentre === undefined && permit.permitType !== 'resettlement') {
      ctx.addIssue({ code: 'custom', path: ['receptionCentre'], message: 'oppgi mottaket husstanden bor i (bare overføringsflyktninger kommer uten mottak)' });
    }
    // zod runs this refinement even when a field failed above; only compare dates that are real.
    if (!isValidIsoDate(permitDate) || persons.some((p) => !isValidIsoDate(p.dateOfBirth))) return;

    const mains = persons.filter((p) => p.relation === 'main');
    if (mains.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['persons'],
        message:
          mains.length === 0
            ? "exactly one person must have relation 'main'; none has"
            : `exactly one person must have relation 'main'; ${mains.length} have (DUF ${mains.map((p) => p.dufNumber).join(', ')})`,
      });
    }

    const firstIndexOf = new Map<string, number>();
    persons.forEach((person, i) => {
      const first = firstIndexOf.get(person.dufNumber);
      if (first === undefined) firstIndexOf.set(person.dufNumber, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['persons', i, 'dufNumber'],
          message: `DUF number ${person.dufNumber} is already used by persons[${first}]; each person is listed once`,
        });
    });

    // A date that is not a real calendar day already has its own issue; the checks below need real ones.
    if (!isValidIsoDate(permitDate) || persons.some((p) => !isValidIsoDate(p.dateOfBirth))) return;

    persons.forEach((person, i) => {
      if (person.dateOfBirth > permitDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['persons', i, 'dateOfBirth'],
          message: `date of birth ${person.dateOfBirth} is after the permit date ${permitDate}`,
        });
      } else if (person.dateOfBirth < addMonths(permitDate, -12 * MAX_AGE_YEARS)) {
        ctx.addIssue({
          code: 'custom',
          path: ['persons', i, 'dateOfBirth'],
          message: `date of birth ${person.dateOfBirth} is more than ${MAX_AGE_YEARS} years before the permit date ${permitDate}`,
        });
      }
    });

    // Enslig mindreårig: under 18 and without parents. Checked only once every birth date is plausible.
    if (persons.some((p) => p.dateOfBirth > permitDate)) return;
    persons.forEach((person, i) => {
      if (!person.unaccompaniedMinor) return;
      if (ageOn(person.dateOfBirth, permitDate) >= ADULT_AGE) {
        ctx.addIssue({
          code: 'custom',
          path: ['persons', i, 'unaccompaniedMinor'],
          message: `an unaccompanied minor must be under ${ADULT_AGE} on the permit date ${permitDate}; born ${person.dateOfBirth}`,
        });
        return;
      }
      const adultParents = parentsOf(person, persons).filter((p) => ageOn(p.dateOfBirth, permitDate) >= ADULT_AGE);
      if (adultParents.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['persons', i, 'unaccompaniedMinor'],
          message: `a minor settled with a parent is not unaccompanied; the household has an adult parent (relation '${adultParents[0]!.relation}', DUF ${adultParents[0]!.dufNumber})`,
        });
      }
    });

    if (permit.firstRenewalDate !== undefined && permit.firstRenewalDate <= permitDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['firstRenewalDate'],
        message: `the first renewal (${permit.firstRenewalDate}) must be after the permit date ${permitDate}`,
      });
    }
  })
  .transform((permit) => ({ ...permit, decisionDate: permit.decisionDate ?? permit.permitDate }));

/** A parsed permit: decisionDate always set, unaccompaniedMinor always a boolean. */
export type PermitGranted = z.output<typeof permitGrantedSchema>;
/** What a caller sends. */
export type PermitGrantedInput = z.input<typeof permitGrantedSchema>;
