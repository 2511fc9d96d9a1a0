/**
 * R-PRIV-5: consent to share confidential information between municipal services. A consent names
 * the services it covers, the period it holds (from, and optionally to), any limitations the person
 * set, and can be withdrawn at any time — from then on it covers nothing. Without a consent that
 * holds today, the services do not share (the duty of confidentiality is the default). Pure: today
 * is passed in.
 */
import { formatNorwegianDate as d, isValidIsoDate, type IsoDate } from './dates';
import { listInNorwegian } from './text';

/** The municipal services a refugee may let share information with each other. */
export const consentServices = ['refugee_service', 'adult_education', 'school', 'kindergarten', 'health', 'nav', 'child_welfare', 'housing'] as const;
export type ConsentService = (typeof consentServices)[number];

/** The services by their Norwegian names, for every text a person reads. */
export const consentServiceNames: Record<ConsentService, string> = {
  refugee_service: 'flyktningtjenesten',
  adult_education: 'voksenopplæringen',
  school: 'skolen',
  kindergarten: 'barnehagen',
  health: 'helsetjenesten',
  nav: 'NAV-kontoret',
  child_welfare: 'barnevernstjenesten',
  housing: 'boligkontoret',
};

/** A consent as recorded: the input of the step that records it. */
export type ConsentInput = { services: ConsentService[]; validFrom: IsoDate; validTo?: IsoDate; limitations?: string };
export type Consent = ConsentInput & { id: string; withdrawnOn?: IsoDate };

export type ConsentStatus = 'not_yet_valid' | 'valid' | 'expired' | 'withdrawn';

/** A person keeps few consents at a time; the bound keeps the journey's state small. */
export const MAX_CONSENTS = 20;

export function consentStatus(consent: Consent, today: IsoDate): ConsentStatus {
  if (consent.withdrawnOn !== undefined && consent.withdrawnOn <= today) return 'withdrawn';
  if (today < consent.validFrom) return 'not_yet_valid';
  if (consent.validTo !== undefined && consent.validTo < today) return 'expired';
  return 'valid';
}

/** R-PRIV-5: may `from` share confidential information with `to` today? Only under a consent that holds and names both. */
export function sharingAllowed(consents: readonly Consent[], from: ConsentService, to: ConsentService, today: IsoDate): boolean {
  return consents.some((c) => consentStatus(c, today) === 'valid' && c.services.includes(from) && c.services.includes(to));
}

/** Why this consent cannot be recorded, or undefined. */
export function consentRefusal(consents: readonly Consent[], input: ConsentInput): string | undefined {
  if (!isValidIsoDate(input.validFrom)) return `Samtykket gjelder fra («${input.validFrom}») er ikke en dato på formen ÅÅÅÅ-MM-DD (R-PRIV-5)`;
  if (input.validTo !== undefined && !isValidIsoDate(input.validTo)) return `Samtykket gjelder til («${input.validTo}») er ikke en dato på formen ÅÅÅÅ-MM-DD (R-PRIV-5)`;
  if (input.validTo !== undefined && input.validTo < input.validFrom) {
    return `Samtykket kan ikke slutte (${d(input.validTo)}) før det begynner (${d(input.validFrom)}) (R-PRIV-5)`;
  }
  if (new Set(input.services).size < 2) return 'Et samtykke til å dele opplysninger må gjelde minst to tjenester (R-PRIV-5)';
  if (consents.length >= MAX_CONSENTS) return `Personen har allerede ${MAX_CONSENTS} registrerte samtykker; trekk tilbake eller avslutt et før du registrerer et nytt (R-PRIV-5)`;
  return undefined;
}

/** Why this consent cannot be withdrawn on that day, or undefined. A consent can be withdrawn at any time while it has not been. */
export function withdrawalRefusal(consents: readonly Consent[], consentId: string, withdrawnOn: IsoDate, today: IsoDate): string | undefined {
  const consent = consents.find((c) => c.id === consentId);
  if (!consent) return `Personen har ikke noe samtykke «${consentId}»; registrerte samtykker: ${consents.map((c) => c.id).join(', ') || 'ingen'} (R-PRIV-5)`;
  if (consent.withdrawnOn !== undefined) return `Samtykket ble allerede trukket tilbake ${d(consent.withdrawnOn)} (R-PRIV-5)`;
  if (!isValidIsoDate(withdrawnOn)) return `Datoen samtykket ble trukket tilbake («${withdrawnOn}») er ikke en dato på formen ÅÅÅÅ-MM-DD (R-PRIV-5)`;
  if (withdrawnOn > today) return `Et samtykke trekkes tilbake når personen sier det, ikke fram i tid (${d(withdrawnOn)}; i dag er ${d(today)}) (R-PRIV-5)`;
  return undefined;
}

/** What the consent covers, as the journey's record says it. */
export function describeConsent(input: ConsentInput): string {
  const list = listInNorwegian(input.services.map((s) => consentServiceNames[s]));
  const period = input.validTo === undefined ? `fra ${d(input.validFrom)}` : `fra ${d(input.validFrom)} til ${d(input.validTo)}`;
  return `Samtykke til å dele taushetsbelagte opplysninger mellom ${list}, ${period}${input.limitations ? ` (begrensninger: ${input.limitations})` : ''}`;
}
