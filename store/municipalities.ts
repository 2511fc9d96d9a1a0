/**
 * Municipalities' yearly decided number (vedtak, R-DIST-2) and the places reserved against it.
 * The decided number counts PERSONS, not households (seed 001; seed 003 Vedlegg 10): a family of 4
 * takes 4 places.
 *
 * dynalite has no transactions, so every change is ONE update expression on ONE item, and the
 * invariants live in its condition:
 * - `free` = decided − used is kept in every expression (DynamoDB conditions cannot add, so
 *   "used + persons <= decided" is written as `free >= :persons`);
 * - `reservedCases` is a string set changed with ADD / DELETE, guarded by `contains`, so a retried
 *   reservation or release is a no-op and no writer ever writes back a list it read earlier;
 * - changing the decided number sets `decided` and `free` from the stored `used` in the same
 *   expression: it never touches the reservations.
 * A decided number lowered below what is already used leaves `free` negative: places given stay,
 * and no new household is accepted until the number is raised again.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { getCaseSummary } from './case-index';
import type { Tables } from './table';

export type MunicipalityYear = {
  municipalityNumber: string;
  name: string;
  year: number;
  /** Persons the municipality decided to settle this year. */
  decided: number;
  /** Persons in the households holding a place. */
  used: number;
  /** decided − used; negative when the decided number was lowered below what is used. */
  free: number;
  reservedCases: string[];
};

export type ReservationRequest = { municipalityNumber: string; year: number; caseId: string; persons: number };

/** The activity contract (coordination.md): persons, not households; idempotent per case. */
export type Reservation = { outcome: 'reserved' } | { outcome: 'full'; decided: number; used: number; free: number } | { outcome: 'no_decision' };

export type Release = { outcome: 'released' | 'not_held' };

const ENTITY = 'MunicipalityYear';

const key = (municipalityNumber: string, year: number) => ({ pk: `MUNICIPALITY#${municipalityNumber}`, sk: `YEAR#${year}` });

/** `free`, `name` and `year` are DynamoDB reserved words. */
const names = { '#free': 'free' } as const;

type StoredItem = Record<string, unknown>;

/** Raw reads: items written before persons were counted hold the reservations as a list. */
function fromItem(item: StoredItem): MunicipalityYear {
  const decided = Number(item.decided);
  const used = Number(item.used ?? 0);
  const reserved = item.reservedCases;
  return {
    municipalityNumber: String(item.municipalityNumber),
    name: String(item.name),
    year: Number(item.year),
    decided,
    used,
    free: typeof item.free === 'number' ? item.free : decided - used,
    reservedCases: reserved instanceof Set ? [...reserved].map(String).sort() : Array.isArray(reserved) ? reserved.map(String) : [],
  };
}

/** Written by the version that counted households: a list of cases, no `free`. */
const isLegacy = (item: StoredItem) => Array.isArray(item.reservedCases) || typeof item.free !== 'number';

async function update(tables: Tables, input: Omit<UpdateCommandInput, 'TableName'>): Promise<StoredItem | undefined> {
  const { Attributes } = await tables.table.getDocumentClient().send(new UpdateCommand({ TableName: tables.table.getName(), ReturnValues: 'ALL_NEW', ...input }));
  return Attributes;
}

async function readItem(tables: Tables, municipalityNumber: string, year: number): Promise<StoredItem | undefined> {
  const { Item } = await tables.table.getDocumentClient().send(new GetCommand({ TableName: tables.table.getName(), Key: key(municipalityNumber, year), ConsistentRead: true }));
  return Item;
}

/**
 * Sets (or changes) the decided number in one expression: `used` stays what it is (0 for a new
 * year), `free` follows from it, the reservations are not touched.
 */
export async function setDecidedNumber(tables: Tables, m: { municipalityNumber: string; name: string; year: number; decided: number }): Promise<MunicipalityYear> {
  const now = new Date().toISOString();
  const item = await update(tables, {
    Key: key(m.municipalityNumber, m.year),
    UpdateExpression:
      'SET decided = :decided, used = if_not_exists(used, :zero), #free = :decided - if_not_exists(used, :zero), ' +
      'municipalityNumber = :number, #name = :name, #year = :year, gsi2pk = :kind, gsi2sk = :number, ' +
      '#et = :et, #ct = if_not_exists(#ct, :now), #md = :now',
    ExpressionAttributeNames: { ...names, '#name': 'name', '#year': 'year', '#et': '_et', '#ct': '_ct', '#md': '_md' },
    ExpressionAttributeValues: {
      ':decided': m.decided,
      ':zero': 0,
      ':number': m.municipalityNumber,
      ':name': m.name,
      ':year': m.year,
      ':kind': `KIND#municipality-year#${m.year}`,
      ':et': ENTITY,
      ':now': now,
    },
  });
  if (item && isLegacy(item)) return fromItem((await upgradeLegacy(tables, item)) ?? item);
  return fromItem(item!);
}

export async function getMunicipalityYear(tables: Tables, municipalityNumber: string, year: number): Promise<MunicipalityYear | undefined> {
  const item = await readItem(tables, municipalityNumber, year);
  return item ? fromItem(item) : undefined;
}

export async function listMunicipalityYears(tables: Tables, year: number): Promise<MunicipalityYear[]> {
  const items: MunicipalityYear[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await tables.table.getDocumentClient().send(
      new QueryCommand({
        TableName: tables.table.getName(),
        IndexName: 'byKind',
        KeyConditionExpression: 'gsi2pk = :kind',
        ExpressionAttributeValues: { ':kind': `KIND#municipality-year#${year}` },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...Items.map(fromItem));
    startKey = LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Writes tried before answering; each retry follows a change another writer made meanwhile. */
const MAX_ATTEMPTS = 10;

function checkPersons(persons: number): void {
  if (!Number.isInteger(persons) || persons < 1) throw new RangeError(`a household has at least one person; got ${persons}`);
}

/**
 * R-DIST-2: takes `persons` places for the case in one conditional write, or says why not.
 * Idempotent per case: a case that already holds its place gets `reserved` again and takes nothing.
 */
export async function reservePlace(tables: Tables, { municipalityNumber, year, caseId, persons }: ReservationRequest): Promise<Reservation> {
  checkPersons(persons);
  for (let attempt = 1; ; attempt++) {
    try {
      await update(tables, {
        Key: key(municipalityNumber, year),
        UpdateExpression: 'SET used = used + :persons, #free = #free - :persons ADD reservedCases :case',
        ConditionExpression: 'attribute_exists(pk) AND #free >= :persons AND NOT contains(reservedCases, :caseId)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':persons': persons, ':case': new Set([caseId]), ':caseId': caseId },
        ReturnValues: 'NONE',
      });
      return { outcome: 'reserved' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) && !isLegacyShapeError(error)) throw error;
    }
    // Why not: read only to explain (the write above decided).
    const item = await readItem(tables, municipalityNumber, year);
    if (!item) return { outcome: 'no_decision' };
    const current = fromItem(item);
    if (current.reservedCases.includes(caseId)) return { outcome: 'reserved' }; // an earlier attempt already took it
    if (attempt < MAX_ATTEMPTS) {
      if (isLegacy(item)) {
        await upgradeLegacy(tables, item);
        continue;
      }
      // The decided number was raised (or a place released) since the write: try again, so a
      // refusal always comes with fewer free than the household needs.
      if (current.free >= persons) continue;
    }
    return { outcome: 'full', decided: current.decided, used: current.used, free: current.free };
  }
}

/** Gives the case's places back in one conditional write. Idempotent: a case holding none changes nothing. */
export async function releasePlace(tables: Tables, { municipalityNumber, year, caseId, persons }: ReservationRequest): Promise<Release> {
  checkPersons(persons);
  for (let attempt = 1; ; attempt++) {
    try {
      await update(tables, {
        Key: key(municipalityNumber, year),
        UpdateExpression: 'SET used = used - :persons, #free = #free + :persons DELETE reservedCases :case',
        ConditionExpression: 'contains(reservedCases, :caseId)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':persons': persons, ':case': new Set([caseId]), ':caseId': caseId },
        ReturnValues: 'NONE',
      });
      return { outcome: 'released' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) && !isLegacyShapeError(error)) throw error;
    }
    const item = await readItem(tables, municipalityNumber, year);
    if (item && isLegacy(item) && attempt < MAX_ATTEMPTS) {
      await upgradeLegacy(tables, item);
      continue;
    }
    return { outcome: 'not_held' };
  }
}

/** ADD / DELETE of a set on an attribute that is still a list, or arithmetic on a missing `free`. */
function isLegacyShapeError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationException' && /incorrect data type|attribute that does not exist/i.test(error.message);
}

/**
 * An item from the version that counted households: its list becomes a set and `used` becomes the
 * persons of the listed cases (their household size in the case index; 1 when a case has no row).
 * Conditional on the list still being a list, so of two upgrades racing only one writes; nothing
 * else can change a listed item meanwhile (ADD / DELETE of a set on a list fail).
 */
async function upgradeLegacy(tables: Tables, item: StoredItem): Promise<StoredItem | undefined> {
  const { municipalityNumber, year } = fromItem(item);
  const listed = Array.isArray(item.reservedCases) ? (item.reservedCases as unknown[]).map(String) : undefined;
  try {
    if (!listed) {
      return await update(tables, {
        Key: key(municipalityNumber, year),
        UpdateExpression: 'SET used = if_not_exists(used, :zero), #free = decided - if_not_exists(used, :zero)',
        ConditionExpression: 'attribute_not_exists(#free)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':zero': 0 },
      });
    }
    const sizes = await Promise.all(listed.map(async (caseId) => (await getCaseSummary(tables, caseId))?.householdSize ?? 1));
    const used = sizes.reduce((sum, n) => sum + n, 0);
    return await update(tables, {
      Key: key(municipalityNumber, year),
      UpdateExpression: listed.length > 0 ? 'SET used = :used, #free = decided - :used, reservedCases = :cases' : 'SET used = :used, #free = decided - :used REMOVE reservedCases',
      ConditionExpression: 'attribute_type(reservedCases, :list)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':used': used, ':list': 'L', ...(listed.length > 0 ? { ':cases': new Set(listed) } : {}) },
    });
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return readItem(tables, municipalityNumber, year); // another caller upgraded it
  }
}
