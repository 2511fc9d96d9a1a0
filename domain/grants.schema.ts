/** The zod schema of a grant application (R-GRANT-1, R-GRANT-3), for the API edge; the rules are in grants.ts. */
import { z } from 'zod';
import { grantKinds } from './grants';
import { oneOf, strictObject } from './schema';

export const grantApplicationSchema = strictObject({
  grant: oneOf(grantKinds),
  /** For the yearly grants (integration, unaccompanied minor); one-time grants belong to year 1. */
  settlementYear: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more').max(30, 'must be at most 30').optional(),
  /** Extra grant: the one-time grant (Tilskudd 1) or the yearly refund (Tilskudd 2). */
  variant: oneOf(['one_time', 'yearly']).optional(),
  /** Extra grant, yearly: the yearly amount applied for (at most the table's maximum). */
  amountRequested: z.number({ error: 'must be a number of NOK' }).positive('must be more than 0').optional(),
});
export type GrantApplicationRequest = z.output<typeof grantApplicationSchema>;
