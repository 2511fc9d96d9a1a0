/**
 * R-GOAL-1 in numbers: of the households settled in a period, how many within the goal (6 months
 * from the permit date, 3 for unaccompanied minors), and how long they waited (median and 90th
 * percentile, in days). Households still waiting whose goal date fell in the period are counted
 * apart, so a slow municipality cannot look good by settling only the quick cases.
 */
import { diffDays, type IsoDate } from './dates';
import { goalClock } from './deadlines';

export type SettledCase = { permitDate: IsoDate; settledOn: IsoDate; unaccompaniedMinor: boolean; group: string };
export type WaitingCase = { group: string };

export type GroupStatistics = {
  group: string;
  settled: number;
  settledWithinGoal: number;
  /** settledWithinGoal / settled; null when nobody was settled. */
  shareWithinGoal: number | null;
  waitingDays: { median: number | null; p90: number | null };
  /** Not settled, goal date in the period and passed (R-GOAL-1 "late"). */
  waitingPastGoal: number;
};

/** Nearest-rank percentile (p in 0–100) of numbers; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function settledWithinGoal(c: Pick<SettledCase, 'permitDate' | 'settledOn' | 'unaccompaniedMinor'>): boolean {
  return c.settledOn <= goalClock(c.permitDate, c.unaccompaniedMinor).goalDate;
}

export function settlementStatistics(settled: readonly SettledCase[], waitingPastGoal: readonly WaitingCase[]): GroupStatistics[] {
  const groups = [...new Set([...settled.map((c) => c.group), ...waitingPastGoal.map((c) => c.group)])].sort();
  return groups.map((group) => {
    const mine = settled.filter((c) => c.group === group);
    const within = mine.filter(settledWithinGoal).length;
    const days = mine.map((c) => diffDays(c.permitDate, c.settledOn));
    return {
      group,
      settled: mine.length,
      settledWithinGoal: within,
      shareWithinGoal: mine.length === 0 ? null : within / mine.length,
      waitingDays: { median: percentile(days, 50), p90: percentile(days, 90) },
      waitingPastGoal: waitingPastGoal.filter((c) => c.group === group).length,
    };
  });
}
