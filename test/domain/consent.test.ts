/** R-PRIV-5: consent to share confidential information between municipal services, without Temporal. */
import { describe, expect, it } from 'vitest';
import { consentStatus, sharingAllowed, type Consent } from '../../domain/consent';
import { addDays } from '../../domain/dates';
import { applyStep, journeyView, startJourney, stepRefusal, type JourneyState, type JourneyStep, type JourneyStepKind } from '../../domain/journey';
import { parseStep } from '../../domain/journey.schema';
import type { ArrivalProfile } from '../../domain/arrival';
import { family, profileOf } from '../fixtures/arrival';

const settled = '2026-03-02';
const f = family(settled);
const profile = profileOf(f.main, [f.main, f.spouse, f.schoolChild, f.toddler], settled);
const staff = { id: 'kommune-sel-1', role: 'kommune', organisation: 'Sel flyktningetjeneste' };

function step<K extends JourneyStepKind>(kind: K, input: unknown): JourneyStep {
  const parsed = parseStep(kind, input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.step;
}

function act(state: JourneyState, s: JourneyStep, today: string, p: ArrivalProfile = profile): string | undefined {
  const refusal = stepRefusal(p, state, s, today);
  if (refusal === undefined) applyStep(p, state, s, staff, `${today}T10:00:00.000Z`);
  return refusal;
}

describe('R-PRIV-5 consent between municipal services', () => {
  const today = addDays(settled, 10);

  it('R-PRIV-5: a consent is recorded with its services, period and limitations, and holds only inside its period', () => {
    const state = startJourney(profile);
    const validTo = addDays(today, 365);
    const consent = step('consent', { services: ['school', 'health', 'school'], validFrom: today, validTo, limitations: 'Ikke opplysninger om psykisk helse' });
    expect(act(state, consent, today)).toBeUndefined();
    const [recorded] = journeyView(profile, state, today).consents;
    expect(recorded).toMatchObject({ id: 'samtykke-1', services: ['school', 'health'], validFrom: today, validTo, limitations: 'Ikke opplysninger om psykisk helse', status: 'valid' });
    expect(recorded!.record).toMatchObject({ by: staff, what: expect.stringMatching(/^Samtykke til å dele taushetsbelagte opplysninger mellom skolen og helsetjenesten, fra .* \(begrensninger: Ikke opplysninger om psykisk helse\)$/) });
    expect(sharingAllowed(state.consents!, 'school', 'health', today)).toBe(true);
    // Only between the services it names, and only inside its period.
    expect(sharingAllowed(state.consents!, 'school', 'nav', today)).toBe(false);
    expect(sharingAllowed(state.consents!, 'school', 'health', addDays(today, -1))).toBe(false);
    expect(sharingAllowed(state.consents!, 'school', 'health', validTo)).toBe(true);
    expect(sharingAllowed(state.consents!, 'school', 'health', addDays(validTo, 1))).toBe(false);
    expect(journeyView(profile, state, addDays(validTo, 1)).consents[0]!.status).toBe('expired');
  });

  it('R-PRIV-5: without a consent nothing is shared', () => {
    expect(sharingAllowed([], 'school', 'health', today)).toBe(false);
    expect(journeyView(profile, startJourney(profile), today).consents).toEqual([]);
  });

  it('R-PRIV-5: a consent is withdrawn at any time; from that day it covers nothing, and it is not withdrawn twice', () => {
    const state = startJourney(profile);
    act(state, step('consent', { services: ['nav', 'refugee_service'], validFrom: settled }), today);
    const withdrawnOn = addDays(today, 30);
    expect(act(state, step('consent_withdrawal', { consentId: 'samtykke-1', withdrawnOn }), withdrawnOn)).toBeUndefined();
    expect(sharingAllowed(state.consents!, 'nav', 'refugee_service', addDays(withdrawnOn, -1))).toBe(true);
    expect(sharingAllowed(state.consents!, 'nav', 'refugee_service', withdrawnOn)).toBe(false);
    expect(journeyView(profile, state, withdrawnOn).consents[0]).toMatchObject({ status: 'withdrawn', withdrawal: { by: staff } });
    expect(act(state, step('consent_withdrawal', { consentId: 'samtykke-1', withdrawnOn }), withdrawnOn)).toMatch(/allerede trukket tilbake .*R-PRIV-5/);
  });

  it('R-PRIV-5: refused with the reason — a period that ends before it starts, fewer than two services, an unknown consent, a withdrawal in the future', () => {
    const state = startJourney(profile);
    expect(act(state, step('consent', { services: ['school', 'health'], validFrom: today, validTo: addDays(today, -1) }), today)).toMatch(/kan ikke slutte .* før det begynner .*R-PRIV-5/);
    expect(act(state, step('consent', { services: ['school'], validFrom: today }), today)).toBe('Et samtykke til å dele opplysninger må gjelde minst to tjenester (R-PRIV-5)');
    expect(act(state, step('consent_withdrawal', { consentId: 'samtykke-9', withdrawnOn: today }), today)).toMatch(/ikke noe samtykke «samtykke-9»; registrerte samtykker: ingen/);
    act(state, step('consent', { services: ['school', 'health'], validFrom: today }), today);
    expect(act(state, step('consent_withdrawal', { consentId: 'samtykke-1', withdrawnOn: addDays(today, 1) }), today)).toMatch(/ikke fram i tid/);
    expect(state.consents).toHaveLength(1);
  });

  it('R-PRIV-5: the API edge refuses an unknown service and a missing date, naming the field', () => {
    expect(parseStep('consent', { services: ['police', 'school'], validFrom: today })).toMatchObject({ ok: false, message: expect.stringContaining('services.0') });
    expect(parseStep('consent', { services: ['nav', 'school'] })).toMatchObject({ ok: false, message: expect.stringContaining('validFrom: is required') });
  });

  it('R-PRIV-5: a journey started before consents existed (no consents in its state) records one', () => {
    const old = startJourney(profile) as JourneyState;
    delete old.consents;
    expect(journeyView(profile, old, today).consents).toEqual([]);
    expect(act(old, step('consent', { services: ['school', 'kindergarten'], validFrom: today }), today)).toBeUndefined();
    expect(consentStatus(old.consents![0] as Consent, today)).toBe('valid');
  });
});
