/**
 * Municipal establishment support (etableringstilskudd), R-GRANT-5: each municipality decides its
 * own, so the policy is data keyed by municipality number. Amounts are maxima ("inntil"), NOK.
 * A municipality without an entry has no recorded policy (shown as such, never guessed).
 */
const midtOgNordGudbrandsdalen = {
  name: 'Midt- og Nordgudbrandsdalen (joint policy of 9 municipalities)',
  source: 'Retningslinjer for flyktningarbeidet i Midt- og Nordgudbrandsdalen (2018), ch. 3.2; seeds/002',
  furniture: { single: 40_000, couple: 45_000, sharingPerPerson: 22_500, perChild: 5_000 },
  /** Once, in the first year. */
  clothesPerPerson: 8_000,
  /** Etablering ved familieinnvandring med herboende familiemedlem. */
  familyReunification: { furniturePerPerson: 5_000, clothesPerPerson: 8_000 },
} as const;

export const establishmentPolicies = {
  '3431': midtOgNordGudbrandsdalen, // Dovre
  '3432': midtOgNordGudbrandsdalen, // Lesja
  '3433': midtOgNordGudbrandsdalen, // Skjåk
  '3434': midtOgNordGudbrandsdalen, // Lom
  '3435': midtOgNordGudbrandsdalen, // Vågå
  '3436': midtOgNordGudbrandsdalen, // Nord-Fron
  '3437': midtOgNordGudbrandsdalen, // Sel
  '3438': midtOgNordGudbrandsdalen, // Sør-Fron
  '3439': midtOgNordGudbrandsdalen, // Ringebu
} as const;
