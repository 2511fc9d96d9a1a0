/** The zod schemas of the travel (R-MOVE-2) and the departure (R-MOVE-4, R-MOVE-5), for the API edge. */
import { z } from 'zod';
import { isoDateSchema } from './dates.schema';
import { departureReasons, travelModes } from './moving';
import { booleanField, oneOf, shortText, strictObject } from './schema';

/** R-MOVE-2: public transport unless UDI's regional office approved otherwise in writing. */
export const travelSchema = strictObject({
  mode: oneOf(travelModes),
  journeyHours: z.number({ error: 'must be a number of hours' }).positive('must be more than 0').max(72, 'must be at most 72 hours'),
  /** The public-transport fare per person (NOK): what an own-car journey is reimbursed per person in the car. */
  publicTransportFarePerPerson: z.number().nonnegative().max(50_000).optional(),
  personsInCar: z.number().int().min(1).max(9).optional(),
  /** Own car: the resident signed the self-declaration and the car has a valid green card. */
  selfDeclarationSigned: booleanField().optional(),
  greenCardValid: booleanField().optional(),
  /** Other transport: the reference of UDI's written approval. */
  udiApprovalReference: shortText.optional(),
  /** The centre pays to the nearest hub, the municipality from the hub on. */
  hub: shortText.optional(),
}).superRefine((travel, ctx) => {
  if (travel.mode === 'own_car') {
    if (travel.selfDeclarationSigned !== true) ctx.addIssue({ code: 'custom', path: ['selfDeclarationSigned'], message: 'own-car travel needs the signed self-declaration (R-MOVE-2)' });
    if (travel.greenCardValid !== true) ctx.addIssue({ code: 'custom', path: ['greenCardValid'], message: 'own-car travel needs a valid green card for the car (R-MOVE-2)' });
    if (travel.personsInCar === undefined) ctx.addIssue({ code: 'custom', path: ['personsInCar'], message: 'own-car travel is reimbursed per person in the car; give how many (R-MOVE-2)' });
    if (travel.publicTransportFarePerPerson === undefined) ctx.addIssue({ code: 'custom', path: ['publicTransportFarePerPerson'], message: 'own-car travel is reimbursed at the public-transport fare; give it (R-MOVE-2)' });
  }
  if (travel.mode === 'other_approved' && travel.udiApprovalReference === undefined) {
    ctx.addIssue({ code: 'custom', path: ['udiApprovalReference'], message: "travel other than public transport needs UDI's written approval (R-MOVE-2)" });
  }
});
export type Travel = z.output<typeof travelSchema>;

/** R-MOVE-4: the new address registered with an agreed settlement. */
export const addressSchema = strictObject({
  street: shortText,
  postcode: z.string().regex(/^\d{4}$/, 'must be a Norwegian postcode of 4 digits'),
  town: shortText,
  county: shortText,
});
export type Address = z.output<typeof addressSchema>;

export const departureSchema = strictObject({
  date: isoDateSchema,
  reason: oneOf(departureReasons),
  address: addressSchema.optional(),
  /** R-MOVE-5: left Norway but says they will be back before the agreed week. */
  intendsToReturn: booleanField().optional(),
}).superRefine((departure, ctx) => {
  const needsAddress = departure.reason === 'agreed_settlement' || departure.reason === 'left_with_address';
  if (needsAddress && !departure.address) ctx.addIssue({ code: 'custom', path: ['address'], message: `a departure with reason ${departure.reason} needs the new address (R-MOVE-4)` });
  if (!needsAddress && departure.address) ctx.addIssue({ code: 'custom', path: ['address'], message: `a departure with reason ${departure.reason} has no address` });
  if (departure.intendsToReturn !== undefined && departure.reason !== 'left_norway') {
    ctx.addIssue({ code: 'custom', path: ['intendsToReturn'], message: 'only a departure from Norway can say the resident intends to return' });
  }
});
export type Departure = z.output<typeof departureSchema>;
