/** Letter PDFs, stored with their case so any process (and the API) can serve them. */
import { GetItemCommand, PutItemCommand } from 'dynamodb-toolbox';
import type { Tables } from './table';

/** DynamoDB items are limited to 400 KB; letters are text-only PDFs of a few KB. */
export const MAX_LETTER_BYTES = 350 * 1024;

const letterKey = (caseId: string, notificationId: string) => ({ pk: `CASE#${caseId}`, sk: `LETTER#${notificationId}` });

export async function saveLetter(tables: Tables, letter: { caseId: string; notificationId: string; pdf: Uint8Array; createdAt: string }): Promise<void> {
  if (letter.pdf.byteLength > MAX_LETTER_BYTES) {
    throw new Error(`letter ${letter.notificationId} is ${letter.pdf.byteLength} bytes; at most ${MAX_LETTER_BYTES} fit in the store`);
  }
  // Idempotent: a retry writes the same letter again under the same key.
  await tables.letter
    .build(PutItemCommand)
    .item({ ...letterKey(letter.caseId, letter.notificationId), ...letter })
    .send();
}

export async function getLetter(tables: Tables, caseId: string, notificationId: string): Promise<Uint8Array | undefined> {
  const { Item } = await tables.letter.build(GetItemCommand).key(letterKey(caseId, notificationId)).send();
  return Item?.pdf;
}
