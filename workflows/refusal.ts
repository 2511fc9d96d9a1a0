/**
 * Settlement refusal (bosettingsnekt, R-REF-1..6) as a child of its case: the letters and notices of
 * each step on their dates, until the resident moves, is evicted or leaves. The case signals how it
 * ended; this workflow reports each step back to the case.
 */
import { condition, getExternalWorkflowHandle, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { instantToDate } from '../domain/dates';
import { adults } from '../domain/household';
import type { PermitGranted } from '../domain/permit';
import { refusalConsequences, refusalLetters, step2Date, unaccompaniedMinorsInRefusal, type RefusalOutcome } from '../domain/refusal';
import type { RecipientRef } from '../notifications/request';
import { doneBefore, endOfDate, startOfDate } from './deadlines';
import { refusalEndedSignal, refusalProgressSignal, type Agreement } from './messages';

const { notify } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export type SettlementRefusalInput = { caseId: string; permit: PermitGranted; agreement: Agreement; refusedOn: string; moveDeadline: string };

export type RefusalResult = { outcome: RefusalOutcome; on: string; stepsReached: number };

export async function settlementRefusal({ caseId, permit, agreement, refusedOn, moveDeadline }: SettlementRefusalInput): Promise<RefusalResult> {
  let ended: { outcome: RefusalOutcome; on: string } | undefined;
  let stepsReached = 0;
  let sent = 0;
  setHandler(refusalEndedSignal, (end) => void (ended = ended ?? end));
  const today = () => instantToDate(new Date().toISOString());
  const theCase = getExternalWorkflowHandle(caseId);
  const udi: RecipientRef = { kind: 'udi', id: 'udi' };
  const imdi: RecipientRef = { kind: 'imdi', id: 'imdi' };
  const municipality: RecipientRef = { kind: 'municipality', id: agreement.municipalityNumber };
  const result = (): RefusalResult => ({ ...ended!, stepsReached });

  const send = async (rule: string, type: string, recipient: RecipientRef, data: Record<string, unknown>) => {
    sent += 1;
    await notify({ notificationId: `${caseId}:refusal-${refusedOn}:${sent}:${type}`, caseId, rule, type, recipient, data });
  };
  const reached = async (step: 1 | 2 | 3) => {
    stepsReached = step;
    await theCase.signal(refusalProgressSignal, { step, on: today() });
  };
  const letters = () => refusalLetters(permit.persons, today());

  // R-REF-2: at once — IMDi (copy UDI) told, the municipality asked to keep its offer, the deadline letter.
  await send('R-REF-2', 'refusal-registered', imdi, { caseId, refusedOn, copyTo: 'udi' });
  await send('R-REF-2', 'refusal-registered', udi, { caseId, refusedOn });
  await send('R-REF-2', 'keep-offer-request', municipality, { caseId, municipalityName: agreement.municipalityName, step: 0 });
  for (const letter of refusalLetters(permit.persons, refusedOn)) {
    await send('R-REF-2', 'move-deadline-letter', { kind: 'resident', id: caseId }, { caseId, moveDeadline, addressees: letter.addressees, dufNumbers: letter.dufNumbers, consequences: refusalConsequences });
  }

  // R-REF-1: the reception place lasts until the deadline; step 1 follows the day after it.
  if (await doneBefore(() => ended !== undefined, endOfDate(moveDeadline))) return result();

  // R-REF-3, step 1: UDI's letter on consequences and stop of basic allowance — adults only.
  for (const letter of letters()) {
    await send('R-REF-3', 'refusal-step-1', { kind: 'resident', id: caseId }, { caseId, addressees: letter.addressees, dufNumbers: letter.dufNumbers });
  }
  // R-REF-3, R-REF-6: unaccompanied minors keep a reception place; guardian and child welfare first.
  for (const minor of unaccompaniedMinorsInRefusal(permit.persons, today())) {
    await send('R-REF-3', 'minor-refusal-notice', { kind: 'guardian', id: caseId }, { caseId, dufNumber: minor.dufNumber, bufetat: minor.bufetat });
    await send('R-REF-3', 'minor-refusal-notice', { kind: 'child_welfare', id: agreement.municipalityNumber }, { caseId, dufNumber: minor.dufNumber, bufetat: minor.bufetat });
    if (minor.bufetat) await send('R-REF-3', 'minor-refusal-notice', { kind: 'bufetat', id: 'bufetat' }, { caseId, dufNumber: minor.dufNumber, bufetat: true });
  }
  await reached(1);
  const step1On = today();

  // Only adults can be evicted; a household of minors stays until it moves (R-REF-6).
  if (adults(permit.persons, step1On).length === 0) {
    await condition(() => ended !== undefined);
    return result();
  }

  // R-REF-4, step 2: 14 days after step 1 — the centre tells UDI and IMDi; UDI's notice of eviction.
  if (await doneBefore(() => ended !== undefined, startOfDate(step2Date(step1On)))) return result();
  await send('R-REF-4', 'refusal-not-moved', udi, { caseId, moveDeadline });
  await send('R-REF-4', 'refusal-not-moved', imdi, { caseId, moveDeadline });
  for (const letter of letters()) {
    await send('R-REF-4', 'refusal-step-2', { kind: 'resident', id: caseId }, { caseId, addressees: letter.addressees, dufNumbers: letter.dufNumbers });
  }
  await send('R-REF-4', 'keep-offer-request', municipality, { caseId, municipalityName: agreement.municipalityName, step: 2 });
  await reached(2);

  // R-REF-5, step 3: the request for forced eviction goes to the bailiff together with the notice.
  await send('R-REF-5', 'bailiff-request', { kind: 'bailiff', id: permit.hostMunicipality.municipalityNumber }, {
    caseId,
    receptionCentre: permit.receptionCentre.name,
    dufNumbers: adults(permit.persons, today()).map((p) => p.dufNumber),
  });
  await reached(3);

  await condition(() => ended !== undefined);
  return result();
}
