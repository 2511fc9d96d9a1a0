/**
 * The case's deadlines over time: when each needs attention next, and what happens then — the
 * reminder before the due date, the escalation after it (domain/deadlines.ts names who), or, for
 * the refusal steps, the step itself on its date. Pure; the workflow sleeps until `nextWake`.
 *
 * Day-granular: a reminder goes out at the start of its date, a deadline falls due at the end of
 * its date (UTC), a refusal step happens at the start of its date.
 */
import { addDays, type IsoDate } from '../dates';
import { adults, fullName } from '../household';
import { notify } from './effects';
import { agreedMunicipality, centreOf } from './lifecycle';
import { refusalStepDue } from './refusal';
import { FINAL_STAGES, isOpen, record, type CaseState, type Change, type Clock, type Deadline } from './state';

/** Deadlines that are steps the case takes on the day (R-REF-4, R-REF-5), not duties someone can miss. */
const STEPS_ON_THE_DAY = new Set(['R-REF-4', 'R-REF-5']);

export function startOfDate(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function endOfDate(date: IsoDate): number {
  return startOfDate(addDays(date, 1));
}

export type DueAction = 'remind' | 'escalate' | 'step';

/** What has come due for this deadline by `now` (ms), or nothing yet. */
export function dueAction(deadline: Deadline, now: number): DueAction | undefined {
  if (STEPS_ON_THE_DAY.has(deadline.rule)) return isOpen(deadline) && startOfDate(deadline.dueDate) <= now ? 'step' : undefined;
  if ((deadline.status === 'open' || deadline.status === 'reminded') && endOfDate(deadline.dueDate) <= now) return 'escalate';
  if (deadline.status === 'open' && deadline.remindDate && startOfDate(deadline.remindDate) <= now) return 'remind';
  return undefined;
}

function nextInstant(deadline: Deadline): number | undefined {
  if (STEPS_ON_THE_DAY.has(deadline.rule)) return isOpen(deadline) ? startOfDate(deadline.dueDate) : undefined;
  if (deadline.status === 'open' && deadline.remindDate) return startOfDate(deadline.remindDate);
  if (deadline.status === 'open' || deadline.status === 'reminded') return endOfDate(deadline.dueDate);
  return undefined;
}

/** When the case next needs its scheduler (ms), or undefined when nothing is pending. */
export function nextWake(state: CaseState): number | undefined {
  if (FINAL_STAGES.includes(state.stage)) return undefined;
  const instants = state.deadlines.map(nextInstant).filter((t): t is number => t !== undefined);
  return instants.length ? Math.min(...instants) : undefined;
}

/** Runs everything due by `clock.now`; returns whether anything changed (then the version grows). */
export function runDue(state: CaseState, clock: Clock, change: Change): boolean {
  if (FINAL_STAGES.includes(state.stage)) return false;
  const now = Date.parse(clock.now);
  let changed = false;
  // Steps in their order (step 2 before step 3 on the same day), then reminders and escalations.
  for (const deadline of [...state.deadlines]) {
    const action = dueAction(deadline, now);
    if (!action) continue;
    changed = true;
    if (action === 'step') refusalStepDue(state, deadline, clock, change);
    else if (action === 'remind') remind(state, deadline, clock, change);
    else escalate(state, deadline, clock, change);
  }
  if (changed) state.version += 1;
  return changed;
}

/** Before the due date: the responsible party is reminded. */
function remind(state: CaseState, deadline: Deadline, clock: Clock, change: Change): void {
  deadline.status = 'reminded';
  const { permit } = state;
  const centre = centreOf(state);
  switch (deadline.rule) {
    case 'R-GOAL-1':
      state.goal.status = 'at_risk';
      record(state, change, clock, { kind: 'timer', text: `Risiko for å ikke nå målet for bosetting ${deadline.dueDate}`, rule: 'R-GOAL-1' });
      return;
    case 'R-INT-2':
      if (centre) change.effects.push(notify('R-INT-2', 'interview-reminder', centre, { interviewDueDate: deadline.dueDate }));
      break;
    case 'R-HOST-1':
      change.effects.push(
        notify('R-HOST-1', 'mapping-reminder', { kind: 'host_municipality', id: permit.hostMunicipality.municipalityNumber }, {
          mappingDueDate: deadline.dueDate,
          adults: adults(permit.persons, clock.today).map((p) => ({ name: fullName(p), dufNumber: p.dufNumber })),
        }),
      );
      break;
    case 'R-REG-6': // R-REG-6: the centre owes the report; IMDi waits for it
      if (centre) change.effects.push(notify('R-REG-6', 'function-report-due', centre, { dueDate: deadline.dueDate }));
      break;
    case 'R-EM-1':
      if (centre) change.effects.push(notify('R-EM-1', 'em-plans-due', centre, { plansDueDate: deadline.dueDate, expectedSettlementWeek: state.agreement!.expectedSettlementWeek, municipality: agreedMunicipality(state) }));
      break;
  }
  record(state, change, clock, { kind: 'timer', text: `Påminnelse: ${deadline.title} innen ${deadline.dueDate}`, rule: deadline.rule });
}

/** After the due date: flagged overdue, and escalated to whom the rule names. */
function escalate(state: CaseState, deadline: Deadline, clock: Clock, change: Change): void {
  deadline.status = 'overdue';
  const { permit } = state;
  const centre = centreOf(state);
  const imdi = { kind: 'imdi', id: 'imdi' } as const;
  const escalatedTo: string[] = [];
  const send = (effect: ReturnType<typeof notify>, to: string) => {
    change.effects.push(effect);
    escalatedTo.push(to);
  };
  switch (deadline.rule) {
    case 'R-GOAL-1':
      state.goal.status = 'late';
      record(state, change, clock, { kind: 'timer', text: `Forsinket: ikke bosatt innen målet ${deadline.dueDate}`, rule: 'R-GOAL-1' });
      return;
    case 'R-INT-2': // the centre's leader and UDI's regional office
      if (!permit.receptionCentre) break;
      send(notify('R-INT-2', 'interview-overdue', { kind: 'reception_centre_leader', id: permit.receptionCentre.id }, { interviewDueDate: deadline.dueDate }), 'mottaksleder');
      send(notify('R-INT-2', 'interview-overdue', { kind: 'udi_regional_office', id: permit.hostMunicipality.municipalityNumber }, { interviewDueDate: deadline.dueDate }), 'UDI regionkontor');
      break;
    case 'R-HOST-1': // "if still not done, IMDi is contacted"
      send(notify('R-HOST-1', 'mapping-overdue', imdi, { mappingDueDate: deadline.dueDate, hostMunicipality: { number: permit.hostMunicipality.municipalityNumber, name: permit.hostMunicipality.name } }), 'IMDi');
      break;
    case 'R-REG-6': // R-REG-6: the report is IMDi's; the centre and IMDi both hear it is late
      if (centre) send(notify('R-REG-6', 'function-report-overdue', centre, { dueDate: deadline.dueDate }), 'mottaket');
      send(notify('R-REG-6', 'function-report-overdue', imdi, { dueDate: deadline.dueDate }), 'IMDi');
      break;
    case 'R-EM-1':
      send(notify('R-EM-1', 'em-plans-overdue', imdi, { plansDueDate: deadline.dueDate, expectedSettlementWeek: state.agreement!.expectedSettlementWeek, municipality: agreedMunicipality(state) }), 'IMDi');
      break;
  }
  record(state, change, clock, {
    kind: 'timer',
    text: `Fristen er passert: ${deadline.title} skulle vært gjort ${deadline.dueDate}${escalatedTo.length ? `; varslet ${escalatedTo.join(', ')}` : ''}`,
    rule: deadline.rule,
  });
}
