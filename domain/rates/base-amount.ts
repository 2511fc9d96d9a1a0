/**
 * Folketrygdens grunnbeløp (G), NOK a year, with the date each amount took effect (1 May every
 * year). Data only; the introduction stipend (R-GRANT-4) is counted in G. A new year's G is one
 * more line. Source: NAV / Stortinget's yearly regulation.
 */
export const baseAmounts = [
  { from: '2016-05-01', amount: 92_576 },
  { from: '2017-05-01', amount: 93_634 },
  { from: '2018-05-01', amount: 96_883 },
  { from: '2019-05-01', amount: 99_858 },
  { from: '2020-05-01', amount: 101_351 },
  { from: '2021-05-01', amount: 106_399 },
  { from: '2022-05-01', amount: 111_477 },
  { from: '2023-05-01', amount: 118_620 },
  { from: '2024-05-01', amount: 124_028 },
  { from: '2025-05-01', amount: 130_160 },
] as const;
