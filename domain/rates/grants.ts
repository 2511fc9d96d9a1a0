/**
 * IMDi's grant rates (NOK), one table per calendar year: R-GRANT-2 and R-GRANT-3. Data only.
 * A new year's rates are one more entry here, nothing else: domain/grants.ts picks the table of
 * the year a grant belongs to and falls back to the latest earlier table (marked as an estimate).
 *
 * `integration.year2`…`year5` are the rates paid in that calendar year for people in their second
 * to fifth settlement year. A rate the source does not give is left out (the amount is then shown
 * as unknown, never guessed).
 */
export const grantRateTables = {
  2018: {
    source: 'Midt- og Nordgudbrandsdalen, retningslinjer for flyktningarbeidet (2018), ch. 3.1; seeds/002',
    integration: {
      year1: { singleAdult: 237_000, adult: 187_000, child: 187_000, unaccompaniedMinor: 187_000 },
      year2: 239_000,
      year3: 171_000,
      year4: 85_500,
      year5: 71_600,
    },
    /** Barnehagetilskudd: one-time, children 0–5. */
    kindergartenOneTime: 25_800,
    /** Eldretilskudd: one-time, persons over 60. */
    elderlyOneTime: 164_200,
    /** Tilskudd for flyktninger med nedsatt funksjonsevne og/eller atferdsvansker (R-GRANT-3). */
    extra: { oneTime: 190_800, yearlyMaximum: 1_235_000 },
    // Særskilt tilskudd ved bosetting av enslige mindreårige: the source names the grant, not its rate.
  },
} as const;
