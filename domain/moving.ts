/**
 * Moving to the municipality (R-MOVE-1..7): the travel facts, the departure and its reasons. The
 * zod schemas of the travel and the departure, for the API edge, are in moving.schema.ts.
 */
import { diffDays, formatNorwegianDate, isValidIsoDate, type IsoDate } from './dates';
import type { Travel } from './moving.schema';

/** The travel, the new address and the departure as the API parsed them (shapes in moving.schema.ts). */
export type { Address, Departure, Travel } from './moving.schema';

/** R-MOVE-2: ~3 pieces of luggage per person. */
export const LUGGAGE_PIECES_PER_PERSON = 3;
/** R-MOVE-2: food and drink when the journey takes this many hours or more. */
export const FOOD_FROM_JOURNEY_HOURS = 3;

export const travelModes = ['public_transport', 'own_car', 'other_approved'] as const;

export type TravelPlan = Travel & { foodAndDrink: boolean; luggagePiecesPerPerson: number; carReimbursement?: number };

/** R-MOVE-2: what the centre arranges and pays for this journey. */
export function travelPlan(travel: Travel): TravelPlan {
  return {
    ...travel,
    foodAndDrink: travel.journeyHours >= FOOD_FROM_JOURNEY_HOURS,
    luggagePiecesPerPerson: LUGGAGE_PIECES_PER_PERSON,
    carReimbursement:
      travel.mode === 'own_car' ? (travel.publicTransportFarePerPerson ?? 0) * (travel.personsInCar ?? 0) : undefined,
  };
}

/** R-MOVE-4, R-MOVE-5: the departure reasons of the reception system. */
export const departureReasons = ['agreed_settlement', 'left_with_address', 'left_without_address', 'left_norway'] as const;
export type DepartureReason = (typeof departureReasons)[number];

/**
 * R-MOVE-3: how many days before the agreed moving date (R-MOVE-1) an arrival is still accepted.
 * The sources name no tolerance; a family may move a few days early when the centre and the
 * municipality arrange it (a flat that is ready, a cheaper ticket), so up to one week early is
 * taken as the agreed move. An arrival after the agreed date is always accepted: delays happen.
 */
export const EARLY_ARRIVAL_TOLERANCE_DAYS = 7;

/**
 * R-MOVE-3: why an arrival date cannot be confirmed, or undefined when it can. A household cannot
 * arrive before it had a permit, nor in the future, nor more than EARLY_ARRIVAL_TOLERANCE_DAYS
 * before the agreed moving date (when one is agreed). The reason is in bokmål: a caseworker reads it.
 */
export function arrivalProblem({
  permitDate,
  agreedMovingDate,
  arrivedOn,
  today,
}: {
  permitDate: IsoDate;
  agreedMovingDate?: IsoDate;
  arrivedOn: IsoDate;
  today: IsoDate;
}): string | undefined {
  const d = formatNorwegianDate;
  if (!isValidIsoDate(arrivedOn)) return `R-MOVE-3: ankomstdatoen må være en dato på formen ÅÅÅÅ-MM-DD, ikke «${arrivedOn}»`;
  if (arrivedOn < permitDate) return `R-MOVE-3: ankomstdatoen (${d(arrivedOn)}) er før datoen for oppholdstillatelsen (${d(permitDate)})`;
  if (arrivedOn > today) return `R-MOVE-3: ankomstdatoen (${d(arrivedOn)}) kan ikke være fram i tid; i dag er ${d(today)}`;
  if (agreedMovingDate !== undefined && diffDays(arrivedOn, agreedMovingDate) > EARLY_ARRIVAL_TOLERANCE_DAYS) {
    return (
      `R-MOVE-3: ankomstdatoen (${d(arrivedOn)}) er ${diffDays(arrivedOn, agreedMovingDate)} dager før den avtalte flyttedatoen (${d(agreedMovingDate)}); ` +
      `en husstand kan flytte inntil ${EARLY_ARRIVAL_TOLERANCE_DAYS} dager tidligere etter avtale — avtal en ny flyttedato først`
    );
  }
  return undefined;
}
