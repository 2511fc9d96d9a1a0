import { describe, expect, it } from 'vitest';
import {
  deadlinePolicies,
  dueDate,
  goalClock,
  goalStatus,
  hostMunicipalityDutiesApply,
  nextDueDate,
  reminderDate,
  renewalDateProblem,
  unaccompaniedMinorPlansDueDate,
  type DeadlineRuleId,
} from '../../domain';
import { permit, unaccompaniedMinorPermit } from './fixtures';

describe('deadline policies', () => {
  it('R-INT-2: the interview is due 14 days after the case is created, reminded 3 days before, escalated to the centre leader and UDI', () => {
    expect(dueDate('R-INT-2', '2025-06-02')).toBe('2025-06-16');
    expect(reminderDate('R-INT-2', '2025-06-02')).toBe('2025-06-13');
    expect(deadlinePolicies['R-INT-2'].escalateTo).toEqual(['reception centre leader', 'UDI regional office']);
  });

  it('R-HOST-1: competence mapping is due 14 days after the decision date, escalated to IMDi', () => {
    expect(dueDate('R-HOST-1', '2024-12-20')).toBe('2025-01-03');
    expect(reminderDate('R-HOST-1', '2024-12-20')).toBe('2024-12-31');
    expect(deadlinePolicies['R-HOST-1'].escalateTo).toEqual(['IMDi']);
  });

  it('R-HOST-2: Norwegian training within 3 calendar months, clamped to the month end', () => {
    expect(dueDate('R-HOST-2', '2024-11-30')).toBe('2025-02-28');
    expect(reminderDate('R-HOST-2', '2024-11-30')).toBe('2025-02-14');
  });

  it('R-EM-1: the plans are due 14 days before the Monday of the expected settlement week, also in week 53', () => {
    expect(unaccompaniedMinorPlansDueDate('2026-W02')).toBe('2025-12-22'); // Monday 2026-01-05
    expect(unaccompaniedMinorPlansDueDate('2026-W53')).toBe('2026-12-14'); // Monday 2026-12-28
    expect(dueDate('R-EM-1', '2026-12-28')).toBe('2026-12-14');
    expect(reminderDate('R-EM-1', '2026-12-28')).toBe('2026-12-07');
    expect(() => unaccompaniedMinorPlansDueDate('2025-W53')).toThrow(/not an existing ISO week/);
  });

  it('R-REF-4: step 2 comes at the earliest 14 days after the step 1 letter; UDI and IMDi are told', () => {
    expect(dueDate('R-REF-4', '2025-02-20')).toBe('2025-03-06');
    expect(deadlinePolicies['R-REF-4'].escalateTo).toEqual(['UDI regional office', 'IMDi']);
  });

  it('R-REF-3, R-REF-4, R-REF-5: each refusal step is a deadline with a bokmål title', () => {
    expect(deadlinePolicies['R-REF-3'].title).toBe('Trinn 1: brev om konsekvenser av bosettingsnekt og varsel om stans i basis');
    expect(deadlinePolicies['R-REF-4'].title).toBe('Trinn 2: varsel om utkastelse og stans i basis');
    expect(deadlinePolicies['R-REF-5'].title).toBe('Trinn 3: begjæring om tvangsfravikelse sendt til namsmannen');
    expect(dueDate('R-REF-5', '2025-03-06')).toBe('2025-03-06');
  });

  it('R-REG-6: a function report at least every 6 months, the next counted from the last', () => {
    expect(dueDate('R-REG-6', '2025-02-28')).toBe('2025-08-28');
    expect(nextDueDate('R-REG-6', '2025-08-31')).toBe('2026-02-28');
    expect(reminderDate('R-REG-6', '2025-02-28')).toBe('2025-07-28');
  });

  it('R-ARR-4, R-ARR-5: school start and kindergarten place within 3 months of settlement', () => {
    expect(dueDate('R-ARR-4', '2025-08-31')).toBe('2025-11-30');
    expect(dueDate('R-ARR-5', '2025-08-31')).toBe('2025-11-30');
  });

  it('R-ARR-8: first team meeting within 3 months, then the plan is evaluated every 6 months', () => {
    expect(dueDate('R-ARR-8', '2025-01-15')).toBe('2025-04-15');
    expect(nextDueDate('R-ARR-8', '2025-04-10')).toBe('2025-10-10');
  });

  it('R-ARR-2: the move is reported to the population register within 8 days', () => {
    expect(dueDate('R-ARR-2', '2025-06-27')).toBe('2025-07-05');
  });

  it('R-GRANT-3: the extra grant is applied for within 13 months of settlement', () => {
    expect(dueDate('R-GRANT-3', '2024-01-31')).toBe('2025-02-28');
    expect(reminderDate('R-GRANT-3', '2024-01-31')).toBe('2025-01-28');
  });

  it('R-MOVE-4, R-MOVE-5: same-day duties have no reminder', () => {
    expect(dueDate('R-MOVE-4', '2025-06-27')).toBe('2025-06-27');
    expect(reminderDate('R-MOVE-4', '2025-06-27')).toBeUndefined();
    expect(dueDate('R-MOVE-5', '2025-06-27')).toBe('2025-06-27');
  });

  it('only recurring duties have a next due date', () => {
    expect(() => nextDueDate('R-INT-2', '2025-06-02')).toThrow(/does not recur/);
  });

  it('every policy says what it is, when it starts and who is responsible; a reminder never comes after the due date', () => {
    for (const [rule, policy] of Object.entries(deadlinePolicies)) {
      expect(rule).toMatch(/^R-[A-Z]+-\d+$/);
      expect(policy.title.length, rule).toBeGreaterThan(0);
      // A person reads the title (timeline, /v1/deadlines): bokmål, never the English description.
      expect(policy.title, rule).not.toMatch(/\b(the|and|of|to|sent|done|held|registered)\b/);
      expect(policy.description.length, rule).toBeGreaterThan(0);
      expect(policy.starts.length, rule).toBeGreaterThan(0);
      expect(policy.responsible.length, rule).toBeGreaterThan(0);
      const remind = reminderDate(rule as DeadlineRuleId, '2025-03-31');
      if (remind !== undefined) expect(remind <= dueDate(rule as DeadlineRuleId, '2025-03-31'), rule).toBe(true);
    }
  });
});

describe('R-HOST-1 applicability', () => {
  it('R-HOST-1: applies to adults with an individual permit, not to collective protection, resettlement or children alone', () => {
    const family = permit();
    expect(hostMunicipalityDutiesApply('protection', family.persons, family.permitDate)).toBe(true);
    expect(hostMunicipalityDutiesApply('collective_protection', family.persons, family.permitDate)).toBe(false);
    expect(hostMunicipalityDutiesApply('resettlement', family.persons, family.permitDate)).toBe(false);
    const minor = unaccompaniedMinorPermit();
    expect(hostMunicipalityDutiesApply('protection', minor.persons, minor.permitDate)).toBe(false);
  });
});

describe('R-GOAL-1 goal clock', () => {
  it('R-GOAL-1: settled within 6 months of the permit date, at risk from 5 months', () => {
    expect(goalClock('2025-01-31', false)).toEqual({ goalDate: '2025-07-31', atRiskDate: '2025-06-30', rule: 'R-GOAL-1', title: 'Bosatt innen 6 måneder etter vedtaket om oppholdstillatelse' });
    expect(goalClock('2024-08-31', false)).toMatchObject({ goalDate: '2025-02-28', atRiskDate: '2025-01-31' });
  });

  it('R-GOAL-1: an unaccompanied minor within 3 months, at risk from 2', () => {
    expect(goalClock('2025-01-31', true)).toEqual({ goalDate: '2025-04-30', atRiskDate: '2025-03-31', rule: 'R-GOAL-1', title: 'Bosatt innen 3 måneder etter vedtaket om oppholdstillatelse' });
  });

  it('R-GOAL-1, R-ELIG-2: for a § 38-5 ID-doubt family the clock starts at the first renewal, not the first grant', () => {
    const permitDate = '2025-11-20';
    const renewalDate = '2026-05-04';
    expect(renewalDateProblem({ permitDate, renewalDate, today: renewalDate })).toBeUndefined();
    const clock = goalClock(renewalDate, false, 'first_renewal');
    expect(clock).toEqual({ goalDate: '2026-11-04', atRiskDate: '2026-10-04', rule: 'R-GOAL-1', title: 'Bosatt innen 6 måneder etter førstegangsfornyelsen' });
    // Counted from the first grant the family would be "at risk" the day it may first be offered.
    expect(goalStatus(goalClock(permitDate, false), renewalDate)).toBe('at_risk');
    expect(goalStatus(clock, renewalDate)).toBe('on_track');
  });

  it('R-GOAL-1: on track before the risk date, at risk up to and including the goal date, late after it', () => {
    const clock = goalClock('2025-01-31', false);
    expect(goalStatus(clock, '2025-06-29')).toBe('on_track');
    expect(goalStatus(clock, '2025-06-30')).toBe('at_risk');
    expect(goalStatus(clock, '2025-07-31')).toBe('at_risk');
    expect(goalStatus(clock, '2025-08-01')).toBe('late');
  });
});
