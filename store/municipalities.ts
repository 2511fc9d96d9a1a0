/**
 * Municipalities' yearly decided number (vedtak, R-DIST-2) and the places reserved against it.
 * dynalite has no transactions, so a reservation is ONE conditional update of ONE item:
 * "used < decided and this case holds no place yet" → used + 1. Two acceptances racing for the
 * last place can never both win.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Tables } from './table';

export type MunicipalityYear = { municipalityNumber: string; name: string; year: number; decided: number; used: number; reservedCases: string[] };

const key = (municipalityNumber: string, year: number) => ({ pk: `MUNICIPALITY#${municipalityNumber}`, sk: `YEAR#${year}` });

/** Sets (or changes) the decided number; what is already used stays. */
export async function setDecidedNumber(tables: Tables, m: { municipalityNumber: string; name: string; year: number; decided: number }): Promise<MunicipalityYear> {
  const existing = await getMunicipalityYear(tables, m.municipalityNumber, m.year);
  const item = { ...m, used: existing?.used ?? 0, reservedCases: existing?.reservedCases ?? [] };
  await tables.municipalityYear
    .build(PutItemCommand)
    .item({ ...key(m.municipalityNumber, m.year), gsi2pk: `KIND#municipality-year#${m.year}`, gsi2sk: m.municipalityNumber, ...item })
    .send();
  return item;
}

export async function getMunicipalityYear(tables: Tables, municipalityNumber: string, year: number): Promise<MunicipalityYear | undefined> {
  const { Item } = await tables.municipalityYear.build(GetItemCommand).key(key(municipalityNumber, year)).send();
  if (!Item) return undefined;
  const { municipalityNumber: n, name, year: y, decided, used, reservedCases } = Item;
  return { municipalityNumber: n, name, year: y, decided, used, reservedCases };
}

export async function listMunicipalityYears(tables: Tables, year: number): Promise<MunicipalityYear[]> {
  const { Items = [] } = await tables.table
    .build(QueryCommand)
    .entities(tables.municipalityYear)
    .query({ index: 'byKind', partition: `KIND#municipality-year#${year}` })
    .send();
  return Items.map(({ municipalityNumber, name, year: y, decided, used, reservedCases }) => ({ municipalityNumber, name, year: y, decided, used, reservedCases }));
}

export type Reservation = { outcome: 'reserved' } | { outcome: 'full' | 'no_decision'; decided: number; used: number };

/** R-DIST-2: take one place for the case, or say why not. Idempotent per case. */
export async function reservePlace(tables: Tables, municipalityNumber: string, year: number, caseId: string): Promise<Reservation> {
  try {
    await tables.table.getDocumentClient().send(
      new UpdateCommand({
        TableName: tables.table.getName(),
        Key: key(municipalityNumber, year),
        UpdateExpression: 'SET used = used + :one, reservedCases = list_append(reservedCases, :case)',
        ConditionExpression: 'attribute_exists(pk) AND used < decided AND NOT contains(reservedCases, :caseId)',
        ExpressionAttributeValues: { ':one': 1, ':case': [caseId], ':caseId': caseId },
      }),
    );
    return { outcome: 'reserved' };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const current = await getMunicipalityYear(tables, municipalityNumber, year);
  if (!current) return { outcome: 'no_decision', decided: 0, used: 0 };
  if (current.reservedCases.includes(caseId)) return { outcome: 'reserved' }; // an earlier attempt already took it
  return { outcome: 'full', decided: current.decided, used: current.used };
}

/** Gives the case's place back (the case closed after its agreement). Idempotent. */
export async function releasePlace(tables: Tables, municipalityNumber: string, year: number, caseId: string): Promise<void> {
  const current = await getMunicipalityYear(tables, municipalityNumber, year);
  const index = current?.reservedCases.indexOf(caseId) ?? -1;
  if (index < 0) return;
  try {
    await tables.table.getDocumentClient().send(
      new UpdateCommand({
        TableName: tables.table.getName(),
        Key: key(municipalityNumber, year),
        UpdateExpression: `SET used = used - :one REMOVE reservedCases[${index}]`,
        ConditionExpression: `reservedCases[${index}] = :caseId`,
        ExpressionAttributeValues: { ':one': 1, ':caseId': caseId },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return releasePlace(tables, municipalityNumber, year, caseId); // the list moved under us: look again
  }
}
