/**
 * Settlement refusal (bosettingsnekt, R-REF-2..6) inside the case: the letters and the step dates.
 *
 * The reading of seed 003 (§2.9.1 and Vedlegg 7): when the refusal is registered, IMDi's letter
 * sets the deadline to move (R-REF-2) and UDI's step 1 letter warns of the consequences of not
 * moving by IMDi's deadline and that the basic allowance will stop (R-REF-3). If the resident has
 * not moved by then, step 2 follows — the day after IMDi's deadline, but never sooner than 14 days
 * after step 1 (§2.9.1): the centre tells UDI and IMDi, UDI's notice of eviction says the right to
 * a place has run out and the allowance is lost (R-REF-4). Step 3, the request for forced eviction
 * to the bailiff, goes the same day ("samtidig", R-REF-5). Both are deadlines on the case.
 */
import type { IsoDate } from '../dates';
import { deadlinePolicies } from '../deadlines';
import { adults, fullName } from '../household';
import type { Person } from '../permit';
import { refusalConsequences, refusalLetters, refusalSchedule, unaccompaniedMinorsInRefusal } from '../refusal';
import { notify } from './effects';
import { agreedMunicipality } from './lifecycle';
import { closeDeadline, record, type CaseState, type Change, type Clock, type Deadline } from './state';

const member = (p: Person) => ({ name: fullName(p), dufNumber: p.dufNumber });
const addressed = (p: Person) => ({ ...member(p), dateOfBirth: p.dateOfBirth });

/** R-REF-2, R-REF-3: what happens the day the refusal is registered. */
export function refusalStarted(state: CaseState, { refusedOn, moveDeadline }: { refusedOn: IsoDate; moveDeadline: IsoDate }, clock: Clock, change: Change): void {
  const { permit, caseId } = state;
  const dates = refusalSchedule({ refusedOn, moveDeadline });
  state.refusal = { refusedOn, moveDeadline, step: 1, stepDates: dates, consequences: refusalConsequences };
  const municipality = agreedMunicipality(state);
  const resident = { kind: 'resident', id: caseId } as const;
  const receptionCentre = permit.receptionCentre!;
  const personsOf = (dufNumbers: string[]) => permit.persons.filter((p) => dufNumbers.includes(p.dufNumber));
  const everyone = permit.persons.map(member);
  const { effects } = change;
  // R-REF-2: IMDi (copy UDI) told at once, the municipality asked to keep its offer, IMDi's deadline letter.
  effects.push(notify('R-REF-2', 'refusal-reported', { kind: 'imdi', id: 'imdi' }, { refusedOn, municipality, householdMembers: everyone }));
  effects.push(notify('R-REF-2', 'refusal-reported', { kind: 'udi', id: 'udi' }, { refusedOn, municipality, householdMembers: everyone }));
  effects.push(notify('R-REF-2', 'keep-offer-request', { kind: 'municipality', id: municipality.number }, { moveByDate: moveDeadline }));
  // R-HH-2: a family's letters list every member's DUF number; single adults get their own.
  const letters = refusalLetters(permit.persons, clock.today);
  for (const letter of letters) {
    effects.push(notify('R-REF-2', 'refusal-deadline-letter', resident, { municipality, moveByDate: moveDeadline, householdMembers: personsOf(letter.dufNumbers).map(addressed), receptionCentre }));
  }
  // R-REF-3, step 1: UDI's letter to each adult, never a child: move by IMDi's deadline, or the allowance stops at step 2.
  for (const letter of letters) {
    for (const addressee of personsOf(letter.addressees.map((a) => a.dufNumber))) {
      effects.push(
        notify('R-REF-3', 'refusal-step-1-letter', resident, {
          addressee: addressed(addressee),
          householdMembers: personsOf(letter.dufNumbers).map(member),
          receptionCentre,
          allowanceStopsOn: dates.step2,
          moveByDate: moveDeadline,
        }),
      );
    }
  }
  // R-REF-3, R-REF-6: an unaccompanied minor keeps a reception place; before their companion can be
  // evicted, the guardian and child welfare (and under 15, Bufetat) are told.
  for (const minor of unaccompaniedMinorsInRefusal(permit.persons, clock.today)) {
    const person = permit.persons.find((p) => p.dufNumber === minor.dufNumber)!;
    if (!person.companion) continue;
    const notice = { minor: { name: minor.name, dateOfBirth: person.dateOfBirth }, plannedEvictionDate: dates.step2 };
    effects.push(notify('R-REF-3', 'minor-companion-eviction', { kind: 'guardian', id: caseId }, notice));
    effects.push(notify('R-REF-3', 'minor-companion-eviction', { kind: 'child_welfare', id: municipality.number }, notice));
    if (minor.bufetat) effects.push(notify('R-REF-3', 'minor-companion-eviction', { kind: 'bufetat', id: 'bufetat' }, notice));
  }
  record(state, change, clock, { kind: 'step', text: `Trinn 1: UDIs varsel om konsekvenser og stopp i basis sendt; frist for å flytte ${moveDeadline}`, rule: 'R-REF-3' });
  // Only adults can be evicted; a household of minors stays until it moves (R-REF-6).
  if (adults(permit.persons, clock.today).length === 0) return;
  state.deadlines.push(
    { id: 'R-REF-4', rule: 'R-REF-4', title: deadlinePolicies['R-REF-4'].title, dueDate: dates.step2, status: 'open', party: 'udi' },
    { id: 'R-REF-5', rule: 'R-REF-5', title: deadlinePolicies['R-REF-5'].title, dueDate: dates.step3, status: 'open', party: 'udi' },
  );
}

/** R-REF-4 (step 2) and R-REF-5 (step 3), on their date: the letters go and the step is recorded. */
export function refusalStepDue(state: CaseState, deadline: Deadline, clock: Clock, change: Change): void {
  const refusal = state.refusal!;
  const { permit, caseId } = state;
  const municipality = agreedMunicipality(state);
  const receptionCentre = permit.receptionCentre!;
  const personsOf = (dufNumbers: string[]) => permit.persons.filter((p) => dufNumbers.includes(p.dufNumber));
  const { effects } = change;
  if (deadline.rule === 'R-REF-4') {
    for (const kind of ['udi', 'imdi'] as const) {
      effects.push(notify('R-REF-4', 'refusal-deadline-passed', { kind, id: kind }, { moveByDate: refusal.moveDeadline, step1SentOn: refusal.stepDates.step1 }));
    }
    for (const letter of refusalLetters(permit.persons, clock.today)) {
      effects.push(
        notify('R-REF-4', 'eviction-notice', { kind: 'resident', id: caseId }, {
          householdMembers: personsOf(letter.dufNumbers).map(addressed),
          receptionCentre,
          step1SentOn: refusal.stepDates.step1,
          evictionDate: deadline.dueDate,
        }),
      );
    }
    effects.push(notify('R-REF-4', 'keep-offer-request', { kind: 'municipality', id: municipality.number }, { moveByDate: deadline.dueDate }));
    refusal.step = 2;
    record(state, change, clock, { kind: 'timer', text: `Trinn 2: fristen ${refusal.moveDeadline} er ute; varsel om utkastelse sendt, basis stoppet`, rule: 'R-REF-4' });
  } else {
    effects.push(
      notify('R-REF-5', 'bailiff-request', { kind: 'bailiff', id: permit.hostMunicipality.municipalityNumber }, {
        householdMembers: adults(permit.persons, clock.today).map(addressed),
        receptionCentre: { name: receptionCentre.name },
        evictionNoticeSentOn: refusal.stepDates.step3,
        evictionDate: deadline.dueDate,
      }),
    );
    refusal.step = 3;
    record(state, change, clock, { kind: 'timer', text: 'Trinn 3: begjæring om tvangsfravikelse sendt til namsmannen', rule: 'R-REF-5' });
  }
  closeDeadline(state, deadline.id, 'met', clock);
}
