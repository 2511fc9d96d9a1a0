/** Grants after settlement (R-GRANT-1..5), against amounts worked out by hand from domain.md. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baseAmountOn,
  defaultRateBook,
  establishmentShare,
  grantApplicationRefusal,
  grantTimeline,
  lastSettlementYear,
  stipendPeriods,
  stipendRates,
  type GrantApplication,
  type GrantRateTable,
  type RateBook,
} from '../../domain/grants';
import { bornBefore, family, member, profileOf } from '../fixtures/arrival';

const amounts = (lines: { id: string; amount?: number }[]) => Object.fromEntries(lines.map((l) => [l.id, l.amount]));
const applied = (...ids: string[]): GrantApplication[] =>
  ids.map((id) => ({ id, grant: id.split(':')[0] as GrantApplication['grant'], settlementYear: Number(id.split(':')[1]), appliedOn: '2018-03-01' }));

describe('integration grant by settlement year', () => {
  const settled = '2018-03-01';
  const f = family(settled);
  const household = [f.main, f.spouse, f.schoolChild, f.toddler];

  it('R-GRANT-2: an adult in a family brings 187 000 in year 1, then 239 000, 171 000, 85 500 and 71 600 (2018 table)', () => {
    const timeline = grantTimeline(profileOf(f.main, household, settled), { nirRegistered: false, applications: [] }, settled);
    expect(amounts(timeline.lines)).toEqual({ 'integration:1': 187_000, 'integration:2': 239_000, 'integration:3': 171_000, 'integration:4': 85_500, 'integration:5': 71_600 });
    expect(timeline.lines[0]).toMatchObject({ category: 'adult', calendarYear: 2018, rates: { ratesYear: 2018, estimated: false } });
    expect(timeline.total).toBe(754_100);
  });

  it('R-GRANT-2: a single adult brings 237 000 in year 1; a child and an unaccompanied minor 187 000', () => {
    const single = member({ dateOfBirth: '1990-01-01' });
    expect(grantTimeline(profileOf(single, [single], settled), { nirRegistered: false, applications: [] }, settled).lines[0]).toMatchObject({ amount: 237_000, category: 'single_adult' });
    expect(grantTimeline(profileOf(f.schoolChild, household, settled), { nirRegistered: false, applications: [] }, settled).lines[0]).toMatchObject({ amount: 187_000, category: 'child' });
    const minor = member({ dateOfBirth: '2002-05-05', unaccompaniedMinor: true });
    expect(grantTimeline(profileOf(minor, [minor], settled), { nirRegistered: false, applications: [] }, settled).lines[0]).toMatchObject({ amount: 187_000, category: 'unaccompanied_minor' });
  });

  it('R-GRANT-2: the kindergarten grant (25 800) is for children 0–5 at settlement; the toddler has it, the 7-year-old not', () => {
    const toddler = grantTimeline(profileOf(f.toddler, household, settled), { nirRegistered: false, applications: [] }, settled);
    expect(amounts(toddler.lines)['kindergarten:1']).toBe(25_800);
    expect(toddler.total).toBe(754_100 + 25_800);
    const sixYearsToday = member({ dateOfBirth: bornBefore(settled, 6), relation: 'child' });
    expect(grantTimeline(profileOf(sixYearsToday, household, settled), { nirRegistered: false, applications: [] }, settled).lines.map((l) => l.grant)).not.toContain('kindergarten');
  });

  it('R-GRANT-2: the one-time grant of 164 200 is for persons over 60 — not on the 60th birthday, from the day after', () => {
    const sixty = member({ dateOfBirth: bornBefore(settled, 60) });
    const sixtyAndADay = member({ dateOfBirth: bornBefore(settled, 60, 1) });
    const lines = (p: typeof sixty) => grantTimeline(profileOf(p, [p, f.main], settled), { nirRegistered: false, applications: [] }, settled).lines;
    expect(lines(sixty).some((l) => l.grant === 'elderly')).toBe(false);
    expect(amounts(lines(sixtyAndADay))['elderly:1']).toBe(164_200);
  });

  it('R-GRANT-2: years without their own table use the latest earlier table, marked as an estimate; years before any table have no amount', () => {
    const settledLater = '2026-11-25';
    const later = grantTimeline(profileOf(f.main, household, settledLater), { nirRegistered: false, applications: [] }, settledLater);
    expect(later.lines.map((l) => l.rates)).toEqual(Array(5).fill({ ratesYear: 2018, estimated: true }));
    expect(later.totals.every((t) => t.estimated)).toBe(true);
    const earlier = grantTimeline(profileOf(f.main, household, '2017-06-01'), { nirRegistered: false, applications: [] }, '2017-06-01');
    expect(amounts(earlier.lines)).toMatchObject({ 'integration:1': undefined, 'integration:2': 239_000 });
  });
});

describe('special grant for unaccompanied minors', () => {
  it('R-GRANT-2: runs until the year the minor turns 20, past year five for a young minor — the journey lasts as long', () => {
    const settled = '2026-03-01';
    const sixteen = member({ dateOfBirth: '2010-06-01', unaccompaniedMinor: true });
    const lines = grantTimeline(profileOf(sixteen, [sixteen], settled), { nirRegistered: false, applications: [] }, settled).lines.filter((l) => l.grant === 'unaccompanied_minor');
    expect(lines.map((l) => l.calendarYear)).toEqual([2026, 2027, 2028, 2029, 2030]); // turns 20 in 2030
    expect(lastSettlementYear(profileOf(sixteen, [sixteen], settled))).toBe(5);

    const twelve = member({ dateOfBirth: '2014-01-10', unaccompaniedMinor: true });
    const young = grantTimeline(profileOf(twelve, [twelve], settled), { nirRegistered: false, applications: [] }, settled).lines.filter((l) => l.grant === 'unaccompanied_minor');
    expect(young.at(-1)).toMatchObject({ calendarYear: 2034, settlementYear: 9 });
    expect(lastSettlementYear(profileOf(twelve, [twelve], settled))).toBe(9);
  });

  it('R-GRANT-2: the source gives no rate for it, so its amount is unknown — never guessed', () => {
    const minor = member({ dateOfBirth: '2010-06-01', unaccompaniedMinor: true });
    const lines = grantTimeline(profileOf(minor, [minor], '2026-03-01'), { nirRegistered: false, applications: [] }, '2026-03-01').lines;
    expect(lines.filter((l) => l.grant === 'unaccompanied_minor').every((l) => l.amount === undefined && l.rates === undefined)).toBe(true);
  });
});

describe('applying for grants', () => {
  const settled = '2026-03-01';
  const f = family(settled);
  const household = [f.main, f.spouse, f.schoolChild, f.toddler];
  const toddler = profileOf(f.toddler, household, settled);

  it('R-GRANT-1: nothing before the NIR registration; then the year-1 integration grant first, which unlocks the rest', () => {
    expect(grantApplicationRefusal({ grant: 'integration', settlementYear: 1 }, toddler, { nirRegistered: false, applications: [] }, settled)).toMatch(/registrert i NIR.*R-GRANT-1/);
    expect(grantApplicationRefusal({ grant: 'kindergarten' }, toddler, { nirRegistered: true, applications: [] }, settled)).toMatch(/først søkes om integreringstilskudd for år 1.*R-GRANT-1/);
    expect(grantApplicationRefusal({ grant: 'integration', settlementYear: 1 }, toddler, { nirRegistered: true, applications: [] }, settled)).toBeUndefined();
    expect(grantApplicationRefusal({ grant: 'kindergarten' }, toddler, { nirRegistered: true, applications: applied('integration:1') }, settled)).toBeUndefined();
  });

  it('R-GRANT-2: year 3 opens on 1 January of its calendar year; a grant is applied for once', () => {
    const state = { nirRegistered: true, applications: applied('integration:1') };
    expect(grantApplicationRefusal({ grant: 'integration', settlementYear: 3 }, toddler, state, '2027-12-31')).toBe('Det kan søkes om integreringstilskudd, år 3 fra 01.01.2028');
    expect(grantApplicationRefusal({ grant: 'integration', settlementYear: 3 }, toddler, state, '2028-01-01')).toBeUndefined();
    expect(grantApplicationRefusal({ grant: 'integration', settlementYear: 1 }, toddler, state, settled)).toBe('Det er allerede søkt om integreringstilskudd, år 1');
    expect(grantApplicationRefusal({ grant: 'integration', settlementYear: 6 }, toddler, state, settled)).toMatch(/gis i 5 år \(R-GRANT-2\)/);
  });

  it('R-GRANT-3: the extra grant is applied for within 13 months of settlement; the day after, it is refused', () => {
    const state = { nirRegistered: true, applications: applied('integration:1') };
    const request = { grant: 'extra', variant: 'one_time' } as const;
    expect(grantApplicationRefusal(request, toddler, state, '2027-04-01')).toBeUndefined();
    expect(grantApplicationRefusal(request, toddler, state, '2027-04-02')).toMatch(/innen 13 måneder etter bosettingen, senest 01\.04\.2027; fristen er ute/);
  });

  it('R-GRANT-3: not for family reunification nor self-settlement; the yearly refund is at most 1 235 000', () => {
    const state = { nirRegistered: true, applications: applied('integration:1') };
    const request = { grant: 'extra', variant: 'one_time' } as const;
    expect(grantApplicationRefusal(request, { ...toddler, permitType: 'family_reunification' }, state, settled)).toMatch(/familiegjenforening/);
    expect(grantApplicationRefusal(request, { ...toddler, settlementKind: 'agreed_self_settlement' }, state, settled)).toMatch(/selvbosetting/);
    expect(grantApplicationRefusal({ grant: 'extra', variant: 'yearly', amountRequested: 1_235_001 }, toddler, state, settled)).toMatch(/høyst 1\u00a0235\u00a0000 kroner per år.*oppgitt var 1\u00a0235\u00a0001 kroner/);
    expect(grantApplicationRefusal({ grant: 'extra', variant: 'yearly', amountRequested: 1_235_000 }, toddler, state, settled)).toBeUndefined();
  });

  it('R-GRANT-3: once applied, the one-time extra grant (190 800) appears in the timeline of its year', () => {
    const applications: GrantApplication[] = [...applied('integration:1'), { id: 'extra:1', grant: 'extra', settlementYear: 1, variant: 'one_time', appliedOn: settled }];
    const timeline = grantTimeline(toddler, { nirRegistered: true, applications }, settled);
    expect(timeline.lines.find((l) => l.grant === 'extra')).toMatchObject({ amount: 190_800, status: 'applied', settlementYear: 1 });
    expect(timeline.extraGrant).toEqual({ deadline: '2027-04-01', status: 'applied' });
  });

  it('R-GRANT-1: the timeline says what each grant waits for', () => {
    const timeline = grantTimeline(toddler, { nirRegistered: true, applications: applied('integration:1') }, settled);
    expect(timeline.lines.map((l) => [l.id, l.status])).toEqual([
      ['integration:1', 'applied'],
      ['integration:2', 'upcoming'],
      ['integration:3', 'upcoming'],
      ['integration:4', 'upcoming'],
      ['integration:5', 'upcoming'],
      ['kindergarten:1', 'can_apply'],
    ]);
  });
});

describe('introduction stipend', () => {
  it('R-GRANT-4: 2 G a year; a month is 1/12, a day 1/30 of a month, an hour 1/1850 of a year (G 2018 = 96 883)', () => {
    expect(stipendRates(96_883, false)).toEqual({ yearly: 193_766, monthly: 16_147.17, daily: 538.24, hourly: 104.74 });
  });

  it('R-GRANT-4: two thirds under 25', () => {
    expect(stipendRates(96_883, true)).toEqual({ yearly: 129_177.33, monthly: 10_764.78, daily: 358.83, hourly: 69.83 });
  });

  it('R-GRANT-4: periods split where G changes (1 May) and at the 25th birthday', () => {
    const periods = stipendPeriods('1994-06-15', '2018-09-01', '2020-08-31');
    expect(periods.map(({ from, to, g, under25 }) => ({ from, to, g, under25 }))).toEqual([
      { from: '2018-09-01', to: '2019-04-30', g: 96_883, under25: true },
      { from: '2019-05-01', to: '2019-06-14', g: 99_858, under25: true },
      { from: '2019-06-15', to: '2020-04-30', g: 99_858, under25: false },
      { from: '2020-05-01', to: '2020-08-31', g: 101_351, under25: false },
    ]);
    expect(periods[2]).toMatchObject({ yearly: 199_716, monthly: 16_643, estimated: false });
  });

  it('R-GRANT-4: a year after the last G in the data, the latest G is used and marked as an estimate', () => {
    expect(baseAmountOn('2026-04-30')).toEqual({ from: '2025-05-01', amount: 130_160, estimated: false });
    expect(baseAmountOn('2026-05-01')).toEqual({ from: '2025-05-01', amount: 130_160, estimated: true });
  });
});

describe('establishment support', () => {
  const settled = '2026-03-01';
  const f = family(settled);
  const household = [f.main, f.spouse, f.schoolChild, f.toddler];

  it('R-GRANT-5: Gudbrandsdalen — a couple 45 000 together, 5 000 per child, clothes 8 000 each', () => {
    const shares = household.map((p) => establishmentShare(profileOf(p, household, settled), '3437'));
    expect(shares.map((s) => (s.policy ? [s.basis, s.furniture, s.clothes] : undefined))).toEqual([
      ['couple', 22_500, 8_000],
      ['couple', 22_500, 8_000],
      ['child', 5_000, 8_000],
      ['child', 5_000, 8_000],
    ]);
  });

  it('R-GRANT-5: a single adult 40 000; adults sharing a home 22 500 each; family reunification 5 000', () => {
    const single = member({ dateOfBirth: '1990-01-01' });
    expect(establishmentShare(profileOf(single, [single], settled), '3437')).toMatchObject({ basis: 'single', furniture: 40_000 });
    const sibling = member({ dateOfBirth: '1992-01-01', relation: 'sibling' });
    expect(establishmentShare(profileOf(sibling, [single, sibling], settled), '3437')).toMatchObject({ basis: 'sharing', furniture: 22_500 });
    expect(establishmentShare(profileOf(single, [single], settled, { permitType: 'family_reunification' }), '3437')).toMatchObject({ furniture: 5_000, clothes: 8_000 });
  });

  it('R-GRANT-5: a municipality without a recorded policy gets no amounts, only that note', () => {
    expect(establishmentShare(profileOf(f.main, household, settled), '0301')).toEqual({
      municipalityNumber: '0301',
      policy: undefined,
      note: 'ingen retningslinjer for etableringsstøtte registrert for kommune 0301',
      rule: 'R-GRANT-5',
    });
  });
});

describe('rates are data', () => {
  const settled = '2026-11-25';
  const f = family(settled);
  const household = [f.main, f.spouse, f.schoolChild, f.toddler];
  const table2027: GrantRateTable = {
    source: 'a test table for 2027',
    integration: { year1: { singleAdult: 250_000, adult: 200_000, child: 200_000, unaccompaniedMinor: 200_000 }, year2: 250_000, year3: 180_000, year4: 90_000, year5: 75_000 },
    kindergartenOneTime: 27_000,
    elderlyOneTime: 170_000,
    extra: { oneTime: 200_000, yearlyMaximum: 1_300_000 },
    unaccompaniedMinorYearly: 900_000,
  };

  it('R-GRANT-2: adding a table for 2027 changes the amounts from 2027 on, through the same code', () => {
    const book: RateBook = { ...defaultRateBook, grants: { ...defaultRateBook.grants, 2027: table2027 } };
    const timeline = grantTimeline(profileOf(f.main, household, settled), { nirRegistered: false, applications: [] }, settled, book);
    expect(timeline.lines.map((l) => [l.calendarYear, l.amount, l.rates])).toEqual([
      [2026, 187_000, { ratesYear: 2018, estimated: true }],
      [2027, 250_000, { ratesYear: 2027, estimated: false }],
      [2028, 180_000, { ratesYear: 2027, estimated: true }],
      [2029, 90_000, { ratesYear: 2027, estimated: true }],
      [2030, 75_000, { ratesYear: 2027, estimated: true }],
    ]);
    const minor = member({ dateOfBirth: '2010-06-01', unaccompaniedMinor: true });
    const minorLines = grantTimeline(profileOf(minor, [minor], settled), { nirRegistered: false, applications: [] }, settled, book).lines;
    expect(minorLines.filter((l) => l.grant === 'unaccompanied_minor').map((l) => l.amount)).toEqual([undefined, 900_000, 900_000, 900_000, 900_000]);
  });

  it('R-GRANT-4: a new G is one more line of data', () => {
    const book: RateBook = { ...defaultRateBook, baseAmounts: [...defaultRateBook.baseAmounts, { from: '2026-05-01', amount: 136_000 }] };
    expect(stipendPeriods('1980-01-01', '2026-03-01', '2026-12-31', book).map((p) => [p.from, p.g, p.yearly, p.estimated])).toEqual([
      ['2026-03-01', 130_160, 260_320, false],
      ['2026-05-01', 136_000, 272_000, false],
    ]);
  });

  it('R-GRANT-2, R-GRANT-4, R-GRANT-5: the rule code names no year and no amount; the numbers live in domain/rates/', () => {
    const code = fs
      .readFileSync(path.resolve(import.meta.dirname, '../../domain/grants.ts'), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(19|20)\d\d\b/);
    expect(code).not.toMatch(/\d{2}_?\d{3}\b/);
  });
});
