/**
 * Registers the workflows' search attributes (workflows/search-attributes.ts) on the namespace,
 * once, at start: a workflow that sets an unknown one fails its task. Idempotent: only the missing
 * ones are added. Temporal Cloud does not take this call: create them there once (README).
 */
import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { searchAttributeTypes } from '../workflows/search-attributes';

export async function ensureSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<string[]> {
  const known = await connection.operatorService.listSearchAttributes({ namespace }).then(
    ({ customAttributes }) => customAttributes ?? {},
    // Temporal's Java test server (time skipping) lists none but takes additions.
    (error: { code?: number }) => {
      if (error.code === 12) return {};
      throw error;
    },
  );
  const missing = Object.entries(searchAttributeTypes).filter(([name]) => !(name in known));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, proto.temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${type}`]])),
  });
  return missing.map(([name]) => name);
}
