/**
 * Moving to the municipality (R-MOVE-1..7): the travel facts, the departure and its reasons. The
 * zod schemas of the travel and the departure, for the API edge, are in moving.schema.ts.
 */
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
