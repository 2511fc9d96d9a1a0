/**
 * The settlement case's rules without a server: domain/case/ reducers, stepped through as the
 * workflow does (the body parsed at the edge, the refusal checked, the step applied). The clock is
 * a parameter here, so every date is derived from it.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../domain/dates';
import { createCase } from '../../domain/case/lifecycle';
import { runDue, nextWake } from '../../domain/case/scheduler';
import { LIMITS, newChange, type Actor, type CaseState, type Change, type Clock } from '../../domain/case/state';
import { applyStep, availableSteps, placeNeeded, stepRefusal } from '../../domain/case/steps';
import { caseSummary } from '../../domain/case/summary';
import { interviewRecordSchemaFor } from '../../domain/settlement-info.schema';
import { stepSchemas, type StepInput, type StepName } from '../../domain/steps.schema';
import type { PermitGranted } from '../../domain/permit';
import { calendarOn, type Calendar } from '../fixtures/calendar';
import { completeSettlementInfo, idDoubtFamilyPermit, staff, unaccompaniedMinorInfo } from '../fixtures/cases';
import { validInterview } from '../fixtures/interview';
import { familyPermit } from '../fixtures/permits';

const START = '2031-03-03T09:00:00.000Z';
const clockAt = (instant: string): Clock => ({ now: instant, today: instant.slice(0, 10) });
const dayClock = (date: string): Clock => clockAt(`${date}T09:00:00.000Z`);
const cal: Calendar = calendarOn(START.slice(0, 10));

/** One step as the workflow takes it; throws the refusal. */
function take<S extends StepName>(state: CaseState, name: S, actor: Actor, input: StepInput<S>, clock: Clock = clockAt(START)): Change {
  const schema = name === 'completeInterview' ? interviewRecordSchemaFor(state.permit) : stepSchemas[name];
  const data = schema.parse(input) as never;
  const reason = stepRefusal(state, name, data, actor, clock);
  if (reason) throw new Error(reason);
  const change = newChange();
  applyStep(state, name, data, actor, clock, change, placeNeeded(state, name, data));
  return change;
}

function refusal<S extends StepName>(state: CaseState, name: S, actor: Actor, input: StepInput<S>, clock: Clock = clockAt(START)): string | undefined {
  return stepRefusal(state, name, stepSchemas[name].parse(input) as never, actor, clock);
}

function newCase(permit: PermitGranted = familyPermit(cal)): CaseState {
  return createCase('case-1', permit, clockAt(START)).state;
}

function readyCase(permit?: PermitGranted): CaseState {
  const state = newCase(permit);
  take(state, 'recordSettlementInfo', staff.mottak, completeSettlementInfo());
  take(state, 'completeInterview', staff.mottak, validInterview(cal));
  if (state.competenceMapping.status === 'pending') take(state, 'recordCompetenceMapping', staff.kommune('3405'), { status: 'done', doneOn: cal.today });
  return state;
}

function agreedCase(): CaseState {
  const state = readyCase();
  take(state, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
  take(state, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: cal.week(8) });
  return state;
}

const notices = (change: Change) => change.effects.filter((e) => e.kind === 'notify').map((e) => `${e.type} → ${e.recipient.kind}`);

describe('case lifecycle', () => {
  it('history order: "created" is the first entry, before the notice the new case sends', () => {
    const { state, change } = createCase('case-1', familyPermit(cal), clockAt(START));
    expect(state.timeline[0]).toMatchObject({ seq: 1, kind: 'case', text: expect.stringMatching(/^Saken er opprettet/) });
    expect(notices(change)).toEqual(['new-case → reception_centre']);
    take(state, 'recordSettlementInfo', staff.mottak, completeSettlementInfo());
    expect(state.timeline.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('resettlement refugees never live in a reception centre: no centre, no 14-day interview, IMDi prepares the case', () => {
    const permit = familyPermit(cal, { permitType: 'resettlement', receptionCentre: undefined });
    const { state, change } = createCase('case-1', permit, clockAt(START));
    expect(state.stage).toBe('preparing');
    expect(state.deadlines.map((d) => d.rule)).toEqual(['R-GOAL-1']);
    expect(notices(change)).toEqual([]);
    expect(caseSummary(state, clockAt(START)).receptionCentreId).toBe('ingen-mottak');
    // IMDi records what the selection mission learnt, and can then offer the case.
    take(state, 'recordSettlementInfo', staff.imdi, completeSettlementInfo());
    expect(refusal(state, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' })).toBeUndefined();
  });

  it('the case state stays bounded: years of notes keep a window in the workflow and everything in the change for the read model', () => {
    const state = readyCase();
    let written = 0;
    for (let i = 0; i < 600; i++) written += take(state, 'addInternalNote', staff.imdi, { text: `Notat ${i}: ${'x'.repeat(3900)}` }).entries.length;
    expect(state.internalNotes).toHaveLength(LIMITS.internalNotes);
    expect(state.internalNotesTotal).toBe(600);
    expect(state.timeline.length).toBeLessThanOrEqual(LIMITS.timeline);
    expect(state.timeline.at(-1)!.seq).toBe(state.timelineTotal);
    expect(written).toBe(600);
    expect(JSON.stringify(state).length).toBeLessThan(200_000);
  });
});

describe('R-ELIG-2: the first renewal', () => {
  it('re-assesses eligibility, opens the interview and starts the goal clock from the renewal', () => {
    const permit = idDoubtFamilyPermit(calendarOn(addDays(cal.today, -200)));
    const state = newCase(permit);
    expect(state.stage).toBe('waiting_for_renewal');
    expect(state.eligibility.outcome).toBe('waiting_for_renewal');
    expect(refusal(state, 'registerFirstRenewal', staff.udi, { renewalDate: addDays(permit.permitDate, -1) })).toMatch(/R-ELIG-2: førstegangsfornyelsen .* må være etter/);
    expect(refusal(state, 'registerFirstRenewal', staff.udi, { renewalDate: addDays(cal.today, 1) })).toMatch(/fram i tid/);
    const renewalDate = addDays(cal.today, -3);
    take(state, 'registerFirstRenewal', staff.udi, { renewalDate });
    expect(state.eligibility).toMatchObject({ outcome: 'eligible', rules: ['R-ELIG-2'] });
    expect(state.stage).toBe('interview');
    expect(state.goal).toMatchObject({ startsOn: renewalDate, goalDate: addMonths(renewalDate, 6) });
    expect(state.deadlines.find((d) => d.rule === 'R-GOAL-1')).toMatchObject({ dueDate: addMonths(renewalDate, 6), status: 'open' });
    // The interview deadline counts from the renewal, so nothing is overdue at once.
    expect(runDue(state, clockAt(START), newChange())).toBe(false);
  });
});

describe('R-MOVE-7 and stage changes', () => {
  it('self-settlement needs the same preconditions as an offer, and a stage change voids deadlines that no longer apply', () => {
    const state = newCase();
    expect(refusal(state, 'agreeSelfSettlement', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar', expectedSettlementWeek: cal.week(8) })).toMatch(/«bosettingssamtale»/);
    take(state, 'completeInterview', staff.mottak, validInterview(cal));
    // The settlement information is still unknown: R-REG-2 blocks, as it would block an offer.
    expect(refusal(state, 'agreeSelfSettlement', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar', expectedSettlementWeek: cal.week(8) })).toMatch(/R-REG-2/);
    const ready = readyCase();
    take(ready, 'agreeSelfSettlement', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar', expectedSettlementWeek: cal.week(8) });
    expect(ready.stage).toBe('agreed');
    expect(ready.deadlines.filter((d) => ['open', 'reminded', 'overdue'].includes(d.status)).map((d) => d.rule).sort()).toEqual(['R-GOAL-1', 'R-HOST-2']);
  });

  it('a departure before the interview closes every deadline as not applicable', () => {
    const state = newCase();
    take(state, 'registerDeparture', staff.mottak, { date: cal.today, reason: 'left_norway' });
    expect(state.stage).toBe('closed');
    expect(state.deadlines.every((d) => d.status === 'not_applicable')).toBe(true);
    expect(nextWake(state)).toBeUndefined();
  });
});

describe('R-DIST-2: places are persons', () => {
  it('an acceptance reserves the household size; closing the case gives the same number back', () => {
    const state = readyCase();
    take(state, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
    const accept = stepSchemas.respondToOffer.parse({ decision: 'accept', expectedSettlementWeek: '2032-W01' });
    // ISO week 2032-W01 begins on 29 December 2031 and counts in 2032's decided number.
    expect(placeNeeded(state, 'respondToOffer', accept)).toEqual({ municipalityNumber: '3403', municipalityName: 'Hamar', year: 2032, persons: state.permit.persons.length });
    take(state, 'respondToOffer', staff.kommune('3403'), accept);
    const change = take(state, 'registerDeparture', staff.mottak, { date: cal.today, reason: 'left_without_address' });
    expect(change.effects).toContainEqual({ kind: 'release', municipalityNumber: '3403', year: 2032, persons: state.permit.persons.length });
  });
});

describe('R-MOVE-3: the arrival', () => {
  it('is refused before the permit, in the future, or more than a week before the agreed moving date', () => {
    const state = agreedCase();
    const movingDate = addDays(cal.today, 20);
    take(state, 'agreeMovingDate', staff.mottak, { movingDate, travel: { mode: 'public_transport', journeyHours: 2 } });
    const later = dayClock(addDays(cal.today, 30));
    const kommune = staff.kommune('3403');
    expect(refusal(state, 'confirmArrival', kommune, { arrivedOn: addDays(state.permit.permitDate, -1), allMembersArrived: true }, later)).toMatch(/før datoen for oppholdstillatelsen/);
    expect(refusal(state, 'confirmArrival', kommune, { arrivedOn: addDays(later.today, 1), allMembersArrived: true }, later)).toMatch(/fram i tid/);
    expect(refusal(state, 'confirmArrival', kommune, { arrivedOn: addDays(movingDate, -8), allMembersArrived: true }, later)).toMatch(/7 dager/);
    expect(refusal(state, 'confirmArrival', kommune, { arrivedOn: addDays(movingDate, -7), allMembersArrived: true }, later)).toBeUndefined();
  });

  it('settles only the members who arrived and keeps the case open for the rest', () => {
    const state = agreedCase();
    take(state, 'agreeMovingDate', staff.mottak, { movingDate: cal.today, travel: { mode: 'public_transport', journeyHours: 2 } });
    const [first, second, ...rest] = state.permit.persons.map((p) => p.dufNumber);
    const partial = take(state, 'confirmArrival', staff.kommune('3403'), { arrivedOn: cal.today, allMembersArrived: false, members: [first!, second!] });
    expect(state.stage).toBe('moving');
    expect(partial.effects).toContainEqual({ kind: 'startJourneys', settlementDate: cal.today, dufNumbers: [first, second] });
    expect(refusal(state, 'confirmArrival', staff.kommune('3403'), { arrivedOn: cal.today, allMembersArrived: false, members: [first!] })).toMatch(/allerede registrert som ankommet/);
    const later = dayClock(addDays(cal.today, 3));
    const last = take(state, 'confirmArrival', staff.kommune('3403'), { arrivedOn: later.today, allMembersArrived: true }, later);
    expect(last.effects).toContainEqual({ kind: 'startJourneys', settlementDate: later.today, dufNumbers: rest });
    expect(state.stage).toBe('settled');
    expect(caseSummary(state, later).settledAt).toBe(later.today);
  });

  it('R-GOAL-1: a settlement after the goal date is missed, not met', () => {
    const state = agreedCase();
    take(state, 'agreeMovingDate', staff.mottak, { movingDate: cal.today, travel: { mode: 'public_transport', journeyHours: 2 } });
    const late = dayClock(addDays(state.goal.goalDate, 2));
    take(state, 'confirmArrival', staff.kommune('3403'), { arrivedOn: late.today, allMembersArrived: true }, late);
    expect(state.deadlines.find((d) => d.rule === 'R-GOAL-1')!.status).toBe('missed');
    expect(state.goal.status).toBe('late');
    const onTime = agreedCase();
    take(onTime, 'agreeMovingDate', staff.mottak, { movingDate: cal.today, travel: { mode: 'public_transport', journeyHours: 2 } });
    take(onTime, 'confirmArrival', staff.kommune('3403'), { arrivedOn: cal.today, allMembersArrived: true });
    expect(onTime.deadlines.find((d) => d.rule === 'R-GOAL-1')!.status).toBe('met');
  });
});

describe('R-INT-6: corrections after the interview', () => {
  it('change the named fields only, keep the frozen original, and record before and after for IMDi', () => {
    const state = readyCase();
    const frozen = structuredClone(state.settlementInfo);
    const duf = state.permit.persons[0]!.dufNumber;
    take(state, 'addInternalNote', staff.mottak, {
      text: 'Familien har fått en katt, og mor trenger hjelp med syn.',
      correctedSettlementInfo: { pets: { answer: 'yes', details: 'én katt' }, persons: [{ dufNumber: duf, specialNeeds: { hearingSight: { hasNeed: 'yes', description: 'svaksynt' } } }] },
    });
    expect(state.settlementInfo.pets).toEqual({ answer: 'yes', details: 'én katt' });
    // Nothing else fell back to "unknown".
    expect(state.settlementInfo.car).toEqual(frozen.car);
    expect(state.settlementInfo.drivingLicence).toEqual(frozen.drivingLicence);
    expect(state.settlementInfo.fromSpecialUnit).toEqual(frozen.fromSpecialUnit);
    expect(state.settlementInfo.familyRelationsDescribed).toBe(frozen.familyRelationsDescribed);
    const person = state.settlementInfo.persons.find((p) => p.dufNumber === duf)!;
    expect(person.specialNeeds.hearingSight).toEqual({ hasNeed: 'yes', description: 'svaksynt' });
    expect(person.specialNeeds.cognitiveFunction).toEqual(frozen.persons.find((p) => p.dufNumber === duf)!.specialNeeds.cognitiveFunction);
    expect(state.frozenSettlementInfo).toEqual(frozen);
    expect(state.corrections[0]!.fields.pets).toEqual({ before: frozen.pets, after: { answer: 'yes', details: 'én katt' } });
    expect(state.corrections[0]!.by).toEqual(staff.mottak);
    const entry = state.timeline.find((e) => e.text.startsWith('Bosettingsopplysninger rettet'))!;
    expect(entry).toMatchObject({ audience: 'imdi', rule: 'R-INT-6' });
  });
});

describe('R-REF-2..6: refusal inside the case', () => {
  it('step 1 at once; steps 2 and 3 as deadlines on the day after IMDi’s deadline, at least 14 days after step 1', () => {
    const state = agreedCase();
    const moveDeadline = addDays(cal.today, 20);
    const change = take(state, 'registerRefusal', staff.mottak, { refusedOn: cal.today, moveDeadline });
    expect(notices(change).filter((n) => n.startsWith('refusal-step-1-letter'))).toHaveLength(2); // the two adults
    expect(state.refusal).toMatchObject({ step: 1, stepDates: { step1: cal.today, step2: addDays(moveDeadline, 1), step3: addDays(moveDeadline, 1) } });
    expect(state.deadlines.filter((d) => d.rule.startsWith('R-REF')).map((d) => [d.rule, d.dueDate, d.party])).toEqual([
      ['R-REF-4', addDays(moveDeadline, 1), 'udi'],
      ['R-REF-5', addDays(moveDeadline, 1), 'udi'],
    ]);
    // Not on IMDi's deadline itself …
    expect(runDue(state, dayClock(moveDeadline), newChange())).toBe(false);
    // … but the day after: the eviction notice, then the bailiff request, in that order.
    const due = newChange();
    runDue(state, dayClock(addDays(moveDeadline, 1)), due);
    expect(notices(due)).toEqual(['refusal-deadline-passed → udi', 'refusal-deadline-passed → imdi', 'eviction-notice → resident', 'keep-offer-request → municipality', 'bailiff-request → bailiff']);
    expect(state.refusal!.step).toBe(3);
    expect(refusal(state, 'endRefusal', staff.udi, { outcome: 'evicted', on: cal.today })).toBeUndefined();
  });

  it('R-REF-3: a companion of an unaccompanied minor — the guardian, child welfare and (under 15) Bufetat are told before any eviction', () => {
    const base = familyPermit(cal);
    const [adult] = base.persons;
    const minor = { ...base.persons[2]!, unaccompaniedMinor: true, dateOfBirth: addDays(cal.today, -365 * 12), companion: { name: 'Karim Haddad', relation: 'onkel' } } as never;
    const state = newCase({ ...base, persons: [{ ...adult!, relation: 'main' }, minor] } as PermitGranted);
    const minorNote = unaccompaniedMinorInfo().persons![0]!.unaccompaniedMinorNote;
    const companion = { relationship: 'Onkel', knownFor: 'Hele livet', feelsSafe: 'yes', wishesToLiveTogether: 'yes', staffObservations: 'Trygg relasjon.' } as const;
    const minorInfo = { dufNumber: state.permit.persons[1]!.dufNumber, unaccompaniedMinorNote: { ...minorNote!, companion } };
    take(state, 'recordSettlementInfo', staff.mottak, completeSettlementInfo({ persons: [minorInfo] }, state.permit.persons.map((p) => p.dufNumber)));
    take(state, 'completeInterview', staff.mottak, validInterview(cal, { participants: [{ dufNumber: adult!.dufNumber, format: 'own' }, { dufNumber: state.permit.persons[1]!.dufNumber, format: 'extended_unaccompanied_minor' }] }));
    if (state.competenceMapping.status === 'pending') take(state, 'recordCompetenceMapping', staff.kommune('3405'), { status: 'done', doneOn: cal.today });
    take(state, 'offerToMunicipality', staff.imdi, { municipalityNumber: '3403', municipalityName: 'Hamar' });
    take(state, 'respondToOffer', staff.kommune('3403'), { decision: 'accept', expectedSettlementWeek: cal.week(8) });
    const change = take(state, 'registerRefusal', staff.mottak, { refusedOn: cal.today, moveDeadline: addDays(cal.today, 5) });
    expect(notices(change).filter((n) => n.startsWith('minor-companion-eviction'))).toEqual([
      'minor-companion-eviction → guardian',
      'minor-companion-eviction → child_welfare',
      'minor-companion-eviction → bufetat',
    ]);
    expect(notices(change).filter((n) => n.startsWith('refusal-step-1-letter'))).toHaveLength(1); // the adult, never the child
  });
});

describe('R-REG-6: function reports', () => {
  it('the reminder goes to the centre; overdue goes to the centre and IMDi', () => {
    const state = newCase();
    take(state, 'recordSettlementInfo', staff.mottak, completeSettlementInfo({ fromSpecialUnit: { answer: 'yes', unit: 'facilitated_department' } }));
    const report = state.deadlines.find((d) => d.rule === 'R-REG-6')!;
    const remind = newChange();
    runDue(state, dayClock(report.remindDate!), remind);
    expect(notices(remind)).toContain('function-report-due → reception_centre');
    const overdue = newChange();
    runDue(state, dayClock(addDays(report.dueDate, 1)), overdue);
    expect(notices(overdue).filter((n) => n.startsWith('function-report-overdue')).sort()).toEqual(['function-report-overdue → imdi', 'function-report-overdue → reception_centre']);
  });
});

describe('the steps a caller may take now', () => {
  it('come from the same rules the workflow applies, with the reason for each closed one', () => {
    const state = newCase();
    const mine = availableSteps(state, staff.mottak, clockAt(START));
    expect(mine.find((s) => s.step === 'completeInterview')).toMatchObject({ open: true, rule: 'R-INT-2' });
    expect(mine.find((s) => s.step === 'registerRefusal')).toMatchObject({ open: false, reason: expect.stringContaining('«bosettingssamtale»') });
    expect(mine.some((s) => s.step === 'offerToMunicipality')).toBe(false); // IMDi's step
    expect(availableSteps(state, staff.imdi, clockAt(START)).find((s) => s.step === 'offerToMunicipality')).toMatchObject({ open: false });
  });
});
