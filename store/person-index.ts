/**
 * R-ELIG-5: a person is in at most one open settlement case. One item per person (keyed by an HMAC
 * of the DUF number under CASE_ID_SECRET — the table holds no DUF number, and a keyed hash cannot be
 * searched through every 12-digit number) names the case the person was last started in. A case is
 * started only after each of its persons was claimed with a conditional put: free, already this
 * case's, or held by a case that is finished (settled, closed or refused), which it then takes over.
 *
 * A household's persons are claimed in one global order (by key), so two permits sharing persons
 * cannot each hold half of the other's: the first to reach the lowest shared key wins, the other is
 * refused. When a claim fails the claims already made are given back.
 */
import { createHmac } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteItemCommand, GetItemCommand, PutItemCommand } from 'dynamodb-toolbox';
import type { Tables } from './table';

/** Which persons (by their place in the permit) are in another open case, and which. */
export type PersonConflict = { index: number; caseId: string };

export type ClaimResult = { outcome: 'claimed' } | { outcome: 'in_open_case'; conflicts: PersonConflict[] };

export type ClaimRequest = {
  /** CASE_ID_SECRET: the same key the case ids are derived under, in its own domain. */
  secret: string;
  caseId: string;
  /** The permit's persons' DUF numbers, in the permit's order. */
  dufNumbers: readonly string[];
  /**
   * Whether the case holding a person is still open: from the case index; a case without a row yet
   * is being started (its claim is recent, or its workflow runs) — else its start failed.
   */
  isOpen: (holder: Holder) => Promise<boolean>;
};

export type Holder = { caseId: string; claimedAt: string };

export function personKey(secret: string, dufNumber: string) {
  return { pk: `PERSON#${createHmac('sha256', secret).update(`bosetting/duf/${dufNumber}`).digest('hex').slice(0, 40)}`, sk: 'CASE' };
}

/** The case holding the person, if any. */
export async function caseOfPerson(tables: Tables, secret: string, dufNumber: string): Promise<string | undefined> {
  return (await holder(tables, personKey(secret, dufNumber).pk))?.caseId;
}

async function holder(tables: Tables, pk: string): Promise<Holder | undefined> {
  const { Item } = await tables.personCase.build(GetItemCommand).key({ pk, sk: 'CASE' }).options({ consistent: true }).send();
  return Item ? { caseId: Item.caseId, claimedAt: Item.claimedAt } : undefined;
}

/** One conditional put: the person's item names `caseId`, if it was free, already `caseId`'s, or `previous`'s. */
async function put(tables: Tables, pk: string, caseId: string, previous?: string): Promise<boolean> {
  try {
    await tables.personCase
      .build(PutItemCommand)
      .item({ pk, sk: 'CASE', caseId, claimedAt: new Date().toISOString() })
      .options({
        condition: previous
          ? { attr: 'caseId', eq: previous }
          : { or: [{ attr: 'pk', exists: false }, { attr: 'caseId', eq: caseId }] },
      })
      .send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * R-ELIG-5: claims every person for `caseId`, or claims none and names the open cases in the way.
 * Idempotent: claiming again for the same case succeeds and changes nothing.
 */
export async function claimPersons(tables: Tables, request: ClaimRequest): Promise<ClaimResult> {
  const { secret, caseId } = request;
  const openness = new Map<string, Promise<boolean>>();
  const isOpen = (other: Holder) => {
    if (!openness.has(other.caseId)) openness.set(other.caseId, request.isOpen(other));
    return openness.get(other.caseId)!;
  };
  const persons = request.dufNumbers.map((dufNumber, index) => ({ index, pk: personKey(secret, dufNumber).pk })).sort((a, b) => (a.pk < b.pk ? -1 : 1));

  const claimed: string[] = [];
  let blocked: PersonConflict | undefined;
  for (const person of persons) {
    blocked = await claimOne(tables, person, caseId, isOpen);
    if (blocked) break;
    claimed.push(person.pk);
  }
  if (!blocked) return { outcome: 'claimed' };

  // Name every person in the way, not only the first (read only; nothing more is claimed).
  const conflicts = [blocked];
  for (const person of persons.filter((p) => p.index !== blocked.index && !claimed.includes(p.pk))) {
    const other = await holder(tables, person.pk);
    if (other && other.caseId !== caseId && (await isOpen(other))) conflicts.push({ index: person.index, caseId: other.caseId });
  }
  await Promise.all(claimed.map((pk) => release(tables, pk, caseId)));
  return { outcome: 'in_open_case', conflicts: conflicts.sort((a, b) => a.index - b.index) };
}

/** Claims one person; the conflict when another open case holds them. */
async function claimOne(tables: Tables, person: { index: number; pk: string }, caseId: string, isOpen: (holder: Holder) => Promise<boolean>): Promise<PersonConflict | undefined> {
  for (;;) {
    if (await put(tables, person.pk, caseId)) return undefined;
    const other = await holder(tables, person.pk);
    if (other === undefined || other.caseId === caseId) continue; // given back or claimed by this case meanwhile: try again
    if (await isOpen(other)) return { index: person.index, caseId: other.caseId };
    // The case holding the person is finished (or its start failed): this case takes over.
    if (await put(tables, person.pk, caseId, other.caseId)) return undefined;
  }
}

/** Gives a claim back, only if `caseId` still holds it. */
async function release(tables: Tables, pk: string, caseId: string): Promise<void> {
  try {
    await tables.personCase.build(DeleteItemCommand).key({ pk, sk: 'CASE' }).options({ condition: { attr: 'caseId', eq: caseId } }).send();
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
