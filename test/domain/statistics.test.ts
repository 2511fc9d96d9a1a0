import { describe, expect, it } from 'vitest';
import { percentile, settledWithinGoal, settlementStatistics } from '../../domain/statistics';

describe('settlement statistics', () => {
  it('R-GOAL-1: within 6 months of the permit date, 3 for unaccompanied minors; the goal date itself counts', () => {
    expect(settledWithinGoal({ permitDate: '2025-01-31', settledOn: '2025-07-31', unaccompaniedMinor: false })).toBe(true);
    expect(settledWithinGoal({ permitDate: '2025-01-31', settledOn: '2025-08-01', unaccompaniedMinor: false })).toBe(false);
    expect(settledWithinGoal({ permitDate: '2025-01-15', settledOn: '2025-04-15', unaccompaniedMinor: true })).toBe(true);
    expect(settledWithinGoal({ permitDate: '2025-01-15', settledOn: '2025-04-16', unaccompaniedMinor: true })).toBe(false);
  });

  it('nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 90)).toBe(9);
  });

  it('R-GOAL-1: per group share within the goal, median and p90 waiting days, and those still waiting past the goal', () => {
    const stats = settlementStatistics(
      [
        { permitDate: '2025-01-01', settledOn: '2025-03-02', unaccompaniedMinor: false, group: '3405' }, // 60 days
        { permitDate: '2025-01-01', settledOn: '2025-09-28', unaccompaniedMinor: false, group: '3405' }, // 270 days, late
        { permitDate: '2025-01-01', settledOn: '2025-05-01', unaccompaniedMinor: true, group: '0301' }, // 120 days, EM late
      ],
      [{ group: '3405' }, { group: '4601' }],
    );
    expect(stats).toEqual([
      { group: '0301', settled: 1, settledWithinGoal: 0, shareWithinGoal: 0, waitingDays: { median: 120, p90: 120 }, waitingPastGoal: 0 },
      { group: '3405', settled: 2, settledWithinGoal: 1, shareWithinGoal: 0.5, waitingDays: { median: 60, p90: 270 }, waitingPastGoal: 1 },
      { group: '4601', settled: 0, settledWithinGoal: 0, shareWithinGoal: null, waitingDays: { median: null, p90: null }, waitingPastGoal: 1 },
    ]);
  });
});
