/**
 * Settlement refusal (bosettingsnekt, R-REF-1..6) as a child of its case: the letters and notices of
 * each step on their dates, until the resident moves, is evicted or leaves. The case signals how it
 * ended; this workflow reports each step back to the case.
 */
import { ActivityFailure, condition, getExternalWorkflowHandle, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { instantToDate } from '../domain/dates';
import { adults, fullName } from '../domain/household';
import type { Person, PermitGranted } from '../domain/permit';
import { refusalLetters, step2Date, unaccompaniedMinorsInRefusal, type RefusalOutcome } from '../domain/refusal';
import type { MessageData, MessageType } from '../notifications/catalog';
import { notifyActivityOptions, type RecipientRef } from '../notifications/request';
import { doneBefore, endOfDate, startOfDate } from './deadlines';
import { refusalEndedSignal, refusalProgressSignal, type Agreement } from './messages';

const { notify } = proxyActivities<Activities>(notifyActivityOptions);

export type SettlementRefusalInput = { caseId: string; permit: PermitGranted; agreement: Agreement; refusedOn: string; moveDeadline: string };

export type RefusalResult = { outcome: RefusalOutcome; on: string; stepsReached: number };

export async function settlementRefusal({ caseId, permit, agreement, refusedOn, moveDeadline }: SettlementRefusalInput): Promise<RefusalResult> {
  let ended: { outcome: RefusalOutcome; on: string } | undefined;
  let stepsReached = 0;
  let sent = 0;
  setHandler(refusalEndedSignal, (end) => void (ended = ended ?? end));
  const today = () => instantToDate(new Date().toISOString());
  const theCase = getExternalWorkflowHandle(caseId);
  const resident: RecipientRef = { kind: 'resident', id: caseId };
  const municipality = { number: agreement.municipalityNumber, name: agreement.municipalityName };
  const result = (): RefusalResult => ({ ...ended!, stepsReached });
  const member = (p: Person) => ({ name: fullName(p), dufNumber: p.dufNumber });
  // Letters to the household speak to its adults by name, c/o the centre they live at.
  const addressed = (p: Person) => ({ ...member(p), dateOfBirth: p.dateOfBirth });
  const receptionCentre = permit.receptionCentre;

  const send = async <T extends MessageType>(rule: string, type: T, recipient: RecipientRef, data: MessageData<T>) => {
    sent += 1;
    try {
      await notify({ notificationId: `${caseId}:refusal-${refusedOn}:${sent}:${type}`, caseId, rule, type, recipient, data: data as Record<string, unknown> });
    } catch (error) {
      // A letter that cannot be delivered must not stop the refusal; the log shows it as failed.
      if (!(error instanceof ActivityFailure)) throw error;
    }
  };
  const reached = async (step: 1 | 2 | 3) => {
    stepsReached = step;
    await theCase.signal(refusalProgressSignal, { step, on: today() });
  };
  /** R-HH-2: a family's letters list every member's DUF number; single adults get their own. */
  const letters = (onDate: string) => refusalLetters(permit.persons, onDate);
  const personsOf = (dufNumbers: string[]) => permit.persons.filter((p) => dufNumbers.includes(p.dufNumber));

  // R-REF-2: at once — IMDi (copy UDI) told, the municipality asked to keep its offer, the deadline letter.
  const everyone = permit.persons.map(member);
  await send('R-REF-2', 'refusal-reported', { kind: 'imdi', id: 'imdi' }, { refusedOn, municipality, householdMembers: everyone });
  await send('R-REF-2', 'refusal-reported', { kind: 'udi', id: 'udi' }, { refusedOn, municipality, householdMembers: everyone });
  await send('R-REF-2', 'keep-offer-request', { kind: 'municipality', id: municipality.number }, { moveByDate: moveDeadline });
  for (const letter of letters(refusedOn)) {
    await send('R-REF-2', 'refusal-deadline-letter', resident, { municipality, moveByDate: moveDeadline, householdMembers: personsOf(letter.dufNumbers).map(addressed), receptionCentre });
  }

  // R-REF-1: the reception place lasts until the deadline; step 1 follows the day after it.
  if (await doneBefore(() => ended !== undefined, endOfDate(moveDeadline))) return result();

  // R-REF-3, step 1: UDI's letter on consequences and stop of basic allowance — to each adult, never a child.
  const step1On = today();
  const evictionOn = step2Date(step1On);
  for (const letter of letters(step1On)) {
    for (const addressee of personsOf(letter.addressees.map((a) => a.dufNumber))) {
      await send('R-REF-3', 'refusal-step-1-letter', resident, {
        addressee: { ...member(addressee), dateOfBirth: addressee.dateOfBirth },
        householdMembers: personsOf(letter.dufNumbers).map(member),
        receptionCentre,
        allowanceStopsOn: step1On,
        moveByDate: evictionOn,
      });
    }
  }
  // R-REF-3, R-REF-6: an unaccompanied minor keeps a reception place; before their companion can be
  // evicted, the guardian and child welfare (and under 15, Bufetat) are told.
  for (const minor of unaccompaniedMinorsInRefusal(permit.persons, step1On)) {
    const person = permit.persons.find((p) => p.dufNumber === minor.dufNumber)!;
    if (!person.companion) continue;
    const notice = { minor: { name: minor.name, dateOfBirth: person.dateOfBirth }, plannedEvictionDate: evictionOn };
    await send('R-REF-3', 'minor-companion-eviction', { kind: 'guardian', id: caseId }, notice);
    await send('R-REF-3', 'minor-companion-eviction', { kind: 'child_welfare', id: municipality.number }, notice);
    if (minor.bufetat) await send('R-REF-3', 'minor-companion-eviction', { kind: 'bufetat', id: 'bufetat' }, notice);
  }
  await reached(1);

  // Only adults can be evicted; a household of minors stays until it moves (R-REF-6).
  const grownUps = adults(permit.persons, step1On);
  if (grownUps.length === 0) {
    await condition(() => ended !== undefined);
    return result();
  }

  // R-REF-4, step 2: 14 days after step 1 — the centre tells UDI and IMDi; UDI's notice of eviction
  // (the right to a place has run out, so the notice takes effect the same day); IMDi asks again.
  if (await doneBefore(() => ended !== undefined, startOfDate(evictionOn))) return result();
  for (const kind of ['udi', 'imdi'] as const) await send('R-REF-4', 'refusal-deadline-passed', { kind, id: kind }, { moveByDate: evictionOn, step1SentOn: step1On });
  for (const letter of letters(evictionOn)) {
    await send('R-REF-4', 'eviction-notice', resident, { householdMembers: personsOf(letter.dufNumbers).map(addressed), receptionCentre, step1SentOn: step1On, evictionDate: evictionOn });
  }
  await send('R-REF-4', 'keep-offer-request', { kind: 'municipality', id: municipality.number }, { moveByDate: evictionOn });
  await reached(2);

  // R-REF-5, step 3: the request for forced eviction goes to the bailiff together with the notice.
  await send('R-REF-5', 'bailiff-request', { kind: 'bailiff', id: permit.hostMunicipality.municipalityNumber }, {
    householdMembers: grownUps.map((p) => ({ ...member(p), dateOfBirth: p.dateOfBirth })),
    receptionCentre: { name: permit.receptionCentre.name },
    evictionNoticeSentOn: evictionOn,
    evictionDate: evictionOn,
  });
  await reached(3);

  await condition(() => ended !== undefined);
  return result();
}
