import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates';
import { arrivalProblem, EARLY_ARRIVAL_TOLERANCE_DAYS, travelPlan } from '../../domain/moving';

describe('R-MOVE-3 arrival date', () => {
  const permitDate = '2026-01-12';
  const agreedMovingDate = '2026-04-20';
  const today = '2026-04-22';
  const problem = (arrivedOn: string, overrides: { agreedMovingDate?: string; today?: string } = {}) =>
    arrivalProblem({ permitDate, agreedMovingDate, arrivedOn, today, ...overrides });

  it('R-MOVE-3: accepts an arrival on the agreed date, after it, or up to the tolerance before it', () => {
    expect(EARLY_ARRIVAL_TOLERANCE_DAYS).toBe(7);
    expect(problem(agreedMovingDate)).toBeUndefined();
    expect(problem(addDays(agreedMovingDate, 2))).toBeUndefined();
    expect(problem(addDays(agreedMovingDate, -EARLY_ARRIVAL_TOLERANCE_DAYS))).toBeUndefined();
    expect(problem(today)).toBeUndefined();
  });

  it('R-MOVE-3: refuses an arrival more than the tolerance before the agreed moving date, naming both dates', () => {
    expect(problem(addDays(agreedMovingDate, -EARLY_ARRIVAL_TOLERANCE_DAYS - 1))).toBe(
      'R-MOVE-3: ankomstdatoen (12.04.2026) er 8 dager før den avtalte flyttedatoen (20.04.2026); en husstand kan flytte inntil 7 dager tidligere etter avtale — avtal en ny flyttedato først',
    );
  });

  it('R-MOVE-3: refuses an arrival before the permit date', () => {
    expect(problem(addDays(permitDate, -1), { agreedMovingDate: undefined })).toBe(
      'R-MOVE-3: ankomstdatoen (11.01.2026) er før datoen for oppholdstillatelsen (12.01.2026)',
    );
    expect(problem(permitDate, { agreedMovingDate: undefined })).toBeUndefined();
  });

  it('R-MOVE-3: refuses an arrival in the future', () => {
    expect(problem(addDays(today, 1))).toBe('R-MOVE-3: ankomstdatoen (23.04.2026) kan ikke være fram i tid; i dag er 22.04.2026');
  });

  it('R-MOVE-3: without an agreed moving date only the permit date and today bound the arrival', () => {
    expect(problem('2026-02-01', { agreedMovingDate: undefined })).toBeUndefined();
    expect(problem('2026-02-30', { agreedMovingDate: undefined })).toMatch(/ÅÅÅÅ-MM-DD/);
  });
});

describe('R-MOVE-2 travel plan', () => {
  it('R-MOVE-2: food from a 3-hour journey; own car reimbursed the fare per person in the car', () => {
    const plan = travelPlan({ mode: 'own_car', journeyHours: 3, publicTransportFarePerPerson: 450, personsInCar: 4 } as never);
    expect(plan).toMatchObject({ foodAndDrink: true, luggagePiecesPerPerson: 3, carReimbursement: 1800 });
  });
});
