/** Rates and municipal policies as dated data (no logic): the rule functions in ../grants.ts read them. */
export { grantRateTables } from './grants';
export { baseAmounts } from './base-amount';
export { establishmentPolicies } from './establishment';
