/**
 * Refusal (bosettingsnekt): R-REF-2 deadline to move and keep-offer request, R-REF-3 step 1,
 * R-REF-4 step 2 eviction notice, R-REF-5 step 3 bailiff request; the dates of the steps come from
 * refusalSchedule (domain/refusal.ts). R-HH-2: every letter lists the DUF number of every member of
 * the household; a single adult gets an individual letter. Texts: notifications/texts/.
 */
import { ageOn } from '../../domain/dates';
import { ADULT_AGE } from '../../domain/household';
import { dufNumberSchema } from '../../domain/identifiers.schema';
import { listOf, shortText, strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { day } from '../texts/format';
import { childCount, concerningText, date, householdAddressee, householdMembers, letterHousehold, municipality, municipalityText, name, postalAddress, receptionCentreRef } from './fields';

export const refusalReported = defineMessage({
  type: 'refusal-reported',
  rules: ['R-REF-2'],
  // R-REF-2: the centre notifies IMDi, copy UDI, at once.
  recipients: ['imdi', 'udi'],
  sender: 'reception_centre',
  letter: false,
  description: 'A resident refused the settlement offer; the centre tells IMDi (copy UDI) at once.',
  schema: strictObject({ refusedOn: date, municipality, householdMembers }),
  values: (data, { say }) => ({
    refusedOn: day(data.refusedOn),
    municipalityName: data.municipality.name,
    municipality: municipalityText(say, data.municipality),
    concerning: concerningText(say, data.householdMembers),
  }),
});

export const keepOfferRequest = defineMessage({
  type: 'keep-offer-request',
  // R-REF-2 at the refusal; R-REF-4 again at step 2.
  rules: ['R-REF-2', 'R-REF-4'],
  recipients: ['municipality'],
  sender: 'imdi',
  letter: false,
  description: 'IMDi asks the municipality to keep the offer open until the resident has moved or been evicted.',
  schema: strictObject({ moveByDate: date }),
  values: (data) => ({ moveByDate: day(data.moveByDate) }),
});

export const refusalDeadlineLetter = defineMessage({
  type: 'refusal-deadline-letter',
  rules: ['R-REF-2'],
  recipients: ['resident'],
  sender: 'imdi',
  letter: true,
  description: "IMDi's letter to the resident with the deadline to move to the municipality.",
  schema: strictObject({ municipality, moveByDate: date, householdMembers: letterHousehold, receptionCentre: receptionCentreRef }),
  addressee: (data, { today }) => householdAddressee(data.householdMembers, today, data.receptionCentre),
  values: (data, { say, today }) => ({
    concerning: concerningText(say, data.householdMembers),
    municipalityName: data.municipality.name,
    moveByDate: day(data.moveByDate),
    children: childCount(data.householdMembers, today),
  }),
});

export const refusalStep1Letter = defineMessage({
  type: 'refusal-step-1-letter',
  rules: ['R-REF-3'],
  recipients: ['resident'],
  sender: 'udi',
  letter: true,
  description:
    "UDI's step 1 letter, sent when the refusal is registered: the consequences of not moving by IMDi's deadline and the warning " +
    'that the basic allowance stops on the step-2 date — to each adult, never to a child.',
  schema: strictObject({
    addressee: strictObject({ name, dufNumber: dufNumberSchema, dateOfBirth: date }),
    /** R-HH-2: every member of the household, the addressee among them. */
    householdMembers,
    receptionCentre: receptionCentreRef,
    /** refusalSchedule's step 2: the basic allowance stops then unless the household has moved. */
    allowanceStopsOn: date,
    /** IMDi's deadline to move (R-REF-2). */
    moveByDate: date,
  })
    .refine((data) => ageOn(data.addressee.dateOfBirth, data.allowanceStopsOn) >= ADULT_AGE, {
      message: 'R-REF-3: step 1 letters go to adults (18 or older) only, never to children',
      path: ['addressee', 'dateOfBirth'],
    })
    .refine((data) => data.householdMembers.some((m) => m.dufNumber === data.addressee.dufNumber), {
      message: 'R-HH-2: the letter lists every member of the household, the addressee too',
      path: ['householdMembers'],
    }),
  // R-REF-3: one letter to each adult, by name.
  addressee: (data) => ({ names: [data.addressee.name], addressees: 1, receptionCentre: data.receptionCentre }),
  values: (data, { say }) => ({
    concerning: concerningText(say, data.householdMembers),
    allowanceStopsOn: day(data.allowanceStopsOn),
    moveByDate: day(data.moveByDate),
  }),
});

export const refusalDeadlinePassed = defineMessage({
  type: 'refusal-deadline-passed',
  rules: ['R-REF-4'],
  // R-REF-4: "if not moved by the deadline, the centre tells UDI and IMDi".
  recipients: ['udi', 'imdi'],
  sender: 'reception_centre',
  letter: false,
  description: 'The resident has not moved by the deadline after step 1; the centre tells UDI and IMDi.',
  schema: strictObject({ moveByDate: date, step1SentOn: date }),
  values: (data) => ({ moveByDate: day(data.moveByDate), step1SentOn: day(data.step1SentOn) }),
});

export const evictionNotice = defineMessage({
  type: 'eviction-notice',
  rules: ['R-REF-4'],
  recipients: ['resident'],
  sender: 'udi',
  letter: true,
  description:
    "UDI's step 2 notice of eviction: IMDi's deadline has passed (at the earliest 14 days after step 1), the right to a place has run out " +
    'and the basic allowance has stopped; the bailiff is asked at the same time.',
  schema: strictObject({
    householdMembers: letterHousehold,
    receptionCentre: receptionCentreRef,
    step1SentOn: date,
    /** refusalSchedule's step 2: from this day the right to a place has run out and the basic allowance has stopped. */
    evictionDate: date,
  }),
  addressee: (data, { today }) => householdAddressee(data.householdMembers, today, data.receptionCentre),
  values: (data, { say }) => ({
    concerning: concerningText(say, data.householdMembers),
    step1SentOn: day(data.step1SentOn),
    evictionDate: day(data.evictionDate),
  }),
});

export const bailiffRequest = defineMessage({
  type: 'bailiff-request',
  rules: ['R-REF-5'],
  recipients: ['bailiff'],
  sender: 'udi',
  letter: true,
  description: "UDI's step 3 request for forced eviction, sent to the bailiff together with the eviction notice.",
  schema: strictObject({
    householdMembers: listOf(strictObject({ name, dufNumber: dufNumberSchema, dateOfBirth: date })).min(1).max(20),
    /** The address comes from the recipient directory when the case does not know it; the letter then leaves it for the caseworker. */
    receptionCentre: strictObject({ name: shortText, address: postalAddress.optional() }),
    evictionNoticeSentOn: date,
    evictionDate: date,
  }),
  values: (data, { say }) => {
    const address = data.receptionCentre.address;
    return {
      count: data.householdMembers.length,
      persons: say.bullets(data.householdMembers.map((m) => say('memberBorn', { name: m.name, dateOfBirth: day(m.dateOfBirth), dufNumber: m.dufNumber }))),
      receptionCentre: address
        ? say('bailiffCentre', { name: data.receptionCentre.name, address: [...address.lines, `${address.postcode} ${address.town}`].join(', ') })
        : data.receptionCentre.name,
      evictionNoticeSentOn: day(data.evictionNoticeSentOn),
      evictionDate: day(data.evictionDate),
    };
  },
});

export const minorCompanionEviction = defineMessage({
  type: 'minor-companion-eviction',
  rules: ['R-REF-3'],
  // R-REF-3: guardian and child welfare before any eviction of an EM's companion; Bufetat for a minor under 15.
  recipients: ['guardian', 'child_welfare', 'bufetat'],
  sender: 'udi',
  letter: false,
  description: 'Before a companion is evicted, the minor’s guardian and child welfare (and Bufetat under 15) are told.',
  schema: strictObject({ minor: strictObject({ name, dateOfBirth: date }), plannedEvictionDate: date }),
  values: (data) => ({ minorName: data.minor.name, minorDateOfBirth: day(data.minor.dateOfBirth), plannedEvictionDate: day(data.plannedEvictionDate) }),
});

export const refusalMessages = [
  refusalReported,
  keepOfferRequest,
  refusalDeadlineLetter,
  refusalStep1Letter,
  refusalDeadlinePassed,
  evictionNotice,
  bailiffRequest,
  minorCompanionEviction,
] as const;
