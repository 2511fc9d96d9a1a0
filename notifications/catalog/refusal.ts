/**
 * Refusal (bosettingsnekt): R-REF-2 deadline to move and keep-offer request, R-REF-3 step 1,
 * R-REF-4 step 2 eviction notice, R-REF-5 step 3 bailiff request. R-HH-2: every letter lists the
 * DUF number of every family member; a single adult gets an individual letter.
 */
import { ageOn } from '../../domain/dates';
import { ADULT_AGE } from '../../domain/household';
import { dufNumberSchema } from '../../domain/identifiers.schema';
import { listOf, shortText, strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { bulletList, caseReference, concerning, date, formatDate, householdMembers, municipality, municipalityName, name, paragraphs, postalAddress } from './fields';

export const refusalReported = defineMessage({
  type: 'refusal-reported',
  rules: ['R-REF-2'],
  // R-REF-2: the centre notifies IMDi, copy UDI, at once.
  recipients: ['imdi', 'udi'],
  sender: 'reception_centre',
  letter: false,
  description: 'A resident refused the settlement offer; the centre tells IMDi (copy UDI) at once.',
  schema: strictObject({ refusedOn: date, municipality, householdMembers }),
  render: (data, { caseId }) => ({
    subject: `Bosettingsnekt: tilbud om bosetting i ${data.municipality.name} kommune`,
    body: paragraphs(
      `Beboeren takket ${formatDate(data.refusedOn)} nei til tilbudet om bosetting i ${municipalityName(data.municipality)}.`,
      concerning(data.householdMembers),
      'IMDi bes be kommunen holde tilbudet åpent og sende beboeren brev med frist for å flytte.',
      caseReference(caseId),
    ),
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
  render: (data, { caseId }) => ({
    subject: 'Anmodning om å holde bosettingstilbudet åpent',
    body: paragraphs(
      'Beboeren har takket nei til tilbudet om bosetting i kommunen. IMDi ber kommunen holde tilbudet åpent til beboeren har flyttet eller er flyttet ut av mottaket.',
      `Beboeren har fått frist til ${formatDate(data.moveByDate)} med å flytte.`,
      caseReference(caseId),
    ),
  }),
});

export const refusalDeadlineLetter = defineMessage({
  type: 'refusal-deadline-letter',
  rules: ['R-REF-2'],
  recipients: ['resident'],
  sender: 'imdi',
  letter: true,
  description: "IMDi's letter to the resident with the deadline to move to the municipality.",
  schema: strictObject({ municipality, moveByDate: date, householdMembers }),
  render: (data, { caseId }) => ({
    subject: 'Frist for å flytte til bosettingskommunen',
    body: paragraphs(
      concerning(data.householdMembers),
      `Du har takket nei til tilbudet om bosetting i ${municipalityName(data.municipality)}. Kommunen holder tilbudet åpent.`,
      `Du må flytte til kommunen senest ${formatDate(data.moveByDate)}.`,
      'Hvis du ikke flytter, mister du retten til å bo i mottaket. Du kan også miste introduksjonsprogrammet og introduksjonsstønaden, økonomisk støtte fra kommunen, dekning av reiseutgifter og kommunal bolig. Du beholder retten til gratis norskopplæring, og barna beholder retten til skole.',
      caseReference(caseId),
    ),
  }),
});

export const refusalStep1Letter = defineMessage({
  type: 'refusal-step-1-letter',
  rules: ['R-REF-3'],
  recipients: ['resident'],
  sender: 'udi',
  letter: true,
  description: "UDI's step 1 letter on the consequences and the stop of basic allowance — to each adult, never to a child.",
  schema: strictObject({
    addressee: strictObject({ name, dufNumber: dufNumberSchema, dateOfBirth: date }),
    householdMembers,
    allowanceStopsOn: date,
    moveByDate: date,
  }).refine((data) => ageOn(data.addressee.dateOfBirth, data.allowanceStopsOn) >= ADULT_AGE, {
    message: 'R-REF-3: step 1 letters go to adults (18 or older) only, never to children',
    path: ['addressee', 'dateOfBirth'],
  }),
  render: (data, { caseId }) => ({
    subject: 'Konsekvenser av å takke nei til bosetting – stans av basisbeløp',
    body: paragraphs(
      `Til ${data.addressee.name}, DUF-nr. ${data.addressee.dufNumber}`,
      concerning(data.householdMembers),
      `Du har takket nei til bosetting og er ikke flyttet. Basisbeløpet til livsopphold stanses fra ${formatDate(data.allowanceStopsOn)}.`,
      `Du må flytte til bosettingskommunen senest ${formatDate(data.moveByDate)}. Hvis du ikke flytter, vil UDI sende varsel om utkastelse fra mottaket.`,
      caseReference(caseId),
    ),
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
  render: (data, { caseId }) => ({
    subject: `Ikke flyttet innen fristen ${formatDate(data.moveByDate)}`,
    body: paragraphs(
      `Beboeren har ikke flyttet til bosettingskommunen innen fristen ${formatDate(data.moveByDate)}. Brev om konsekvenser (trinn 1) ble sendt ${formatDate(data.step1SentOn)}.`,
      'UDI bes sende varsel om utkastelse, og IMDi bes be kommunen holde tilbudet åpent.',
      caseReference(caseId),
    ),
  }),
});

export const evictionNotice = defineMessage({
  type: 'eviction-notice',
  rules: ['R-REF-4'],
  recipients: ['resident'],
  sender: 'udi',
  letter: true,
  description: "UDI's step 2 notice of eviction from the reception centre (14 days after step 1).",
  schema: strictObject({ householdMembers, step1SentOn: date, evictionDate: date }),
  render: (data, { caseId }) => ({
    subject: 'Varsel om utkastelse fra mottaket',
    body: paragraphs(
      concerning(data.householdMembers),
      `UDI sendte ${formatDate(data.step1SentOn)} brev om konsekvensene av å takke nei til bosetting. Du har ikke flyttet til bosettingskommunen.`,
      `Du må forlate mottaket senest ${formatDate(data.evictionDate)}. Hvis du ikke gjør det, vil UDI begjære tvangsfravikelse hos namsmannen.`,
      'Du kan fortsatt flytte til bosettingskommunen. Da avsluttes denne saken.',
      caseReference(caseId),
    ),
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
  render: (data, { caseId }) => ({
    subject: 'Begjæring om tvangsfravikelse fra asylmottak',
    body: paragraphs(
      'UDI begjærer tvangsfravikelse av følgende personer fra asylmottaket:',
      bulletList(data.householdMembers.map((m) => `${m.name}, født ${formatDate(m.dateOfBirth)}, DUF-nr. ${m.dufNumber}`)),
      data.receptionCentre.address
        ? `Mottak: ${data.receptionCentre.name}, ${[...data.receptionCentre.address.lines, `${data.receptionCentre.address.postcode} ${data.receptionCentre.address.town}`].join(', ')}.`
        : `Mottak: ${data.receptionCentre.name}.`,
      `Varsel om utkastelse ble sendt ${formatDate(data.evictionNoticeSentOn)} med frist til ${formatDate(data.evictionDate)}. Varselet følger vedlagt. Beboerne har takket nei til bosetting og har ikke forlatt mottaket.`,
      caseReference(caseId),
    ),
  }),
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
  render: (data, { caseId }) => ({
    subject: `Før utkastelse av følgeperson: ${data.minor.name}`,
    body: paragraphs(
      `Følgepersonen til ${data.minor.name}, født ${formatDate(data.minor.dateOfBirth)}, har takket nei til bosetting og kan bli kastet ut av mottaket fra ${formatDate(data.plannedEvictionDate)}.`,
      'Den mindreårige beholder sin mottaksplass og får plass i mottak for enslige mindreårige; under 15 år gis plass i omsorgssenter (Bufetat).',
      caseReference(caseId),
    ),
  }),
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
