/**
 * Grants and benefits after settlement (R-GRANT-1..5): which grants a person brings the
 * municipality, in which settlement year, for how much, and whether they may be applied for yet;
 * the introduction stipend counted in G; the municipal establishment support.
 *
 * Amounts come only from the dated data in ./rates, never from code: the table of the calendar
 * year a grant belongs to, or, when that year's table is not loaded yet, the latest earlier table
 * (the amount is then marked `estimated`). Choices where the sources are silent:
 *  - Settlement year ("år 1–5") = calendar year: year 1 is the calendar year of settlement, as
 *    IMDi pays the integration grant per calendar year; year N uses year N's rate in the table of
 *    calendar year (settlement year + N − 1).
 *  - "Single adult" (enslig voksen) = an adult settled alone (a household of one).
 *  - Kindergarten grant: children aged 0–5 on the settlement date; elderly grant: older than 60
 *    on the settlement date. Both one-time, in year 1.
 *  - The extra grant's 13 months count from the settlement date (the source says both "agreed
 *    settlement" and "first settlement date"; the latter is the day the clock can be read from).
 */
import { addDays, addMonths, ageOn, formatNorwegianDate, type IsoDate } from './dates';
import type { GrantApplicationRequest } from './grants.schema';
import { ADULT_AGE } from './household';
import type { PermitType, Person } from './permit';
import { baseAmounts, establishmentPolicies, grantRateTables } from './rates';

// ---------------------------------------------------------------------------------------------
// The shape of the data in ./rates

export type GrantRateTable = {
  source: string;
  integration: {
    year1: { singleAdult: number; adult: number; child: number; unaccompaniedMinor: number };
    year2: number;
    year3: number;
    year4: number;
    year5: number;
  };
  kindergartenOneTime: number;
  elderlyOneTime: number;
  extra: { oneTime: number; yearlyMaximum: number };
  /** Særskilt tilskudd for enslige mindreårige, per year; absent where the source gives no rate. */
  unaccompaniedMinorYearly?: number;
};

/** G from a date (it changes every 1 May). */
export type BaseAmount = { from: IsoDate; amount: number };

export type EstablishmentPolicy = {
  name: string;
  source: string;
  furniture: { single: number; couple: number; sharingPerPerson: number; perChild: number };
  clothesPerPerson: number;
  familyReunification: { furniturePerPerson: number; clothesPerPerson: number };
};

/** Every rate the rules read. Tests and future loaders hand in another book; the code stays. */
export type RateBook = {
  grants: Readonly<Record<number, GrantRateTable>>;
  baseAmounts: readonly BaseAmount[];
  establishment: Readonly<Record<string, EstablishmentPolicy>>;
};

export const defaultRateBook: RateBook = { grants: grantRateTables, baseAmounts, establishment: establishmentPolicies };

export type RatesUsed = { ratesYear: number; estimated: boolean };

/** The grant table of a calendar year, or the latest earlier one (an estimate). */
export function grantRatesFor(calendarYear: number, book: RateBook): (RatesUsed & { table: GrantRateTable }) | undefined {
  const years = Object.keys(book.grants)
    .map(Number)
    .filter((year) => year <= calendarYear)
    .sort((a, b) => b - a);
  const ratesYear = years[0];
  if (ratesYear === undefined) return undefined;
  return { table: book.grants[ratesYear]!, ratesYear, estimated: ratesYear !== calendarYear };
}

// ---------------------------------------------------------------------------------------------
// Settlement years

export const INTEGRATION_GRANT_YEARS = 5;
/** R-GRANT-2: the EM special grant runs until the end of the year the minor turns 20. */
const UNACCOMPANIED_MINOR_GRANT_UNTIL_AGE = 20;
const ELDERLY_OLDER_THAN = 60;
const KINDERGARTEN_GRANT_UNDER_AGE = 6;
/** R-GRANT-3: the extra grant is applied for within 13 months of settlement. */
export const EXTRA_GRANT_DEADLINE_MONTHS = 13;

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/** "År 1" is the calendar year of settlement; 0 or less before it. */
export function settlementYearOf(date: IsoDate, settlementDate: IsoDate): number {
  return yearOf(date) - yearOf(settlementDate) + 1;
}

export function calendarYearOf(settlementYear: number, settlementDate: IsoDate): number {
  return yearOf(settlementDate) + settlementYear - 1;
}

/** The EM special grant's last settlement year, or undefined for everyone else. */
export function lastUnaccompaniedMinorGrantYear(profile: Pick<GrantProfile, 'person' | 'settlementDate'>): number | undefined {
  if (!profile.person.unaccompaniedMinor) return undefined;
  return yearOf(profile.person.dateOfBirth) + UNACCOMPANIED_MINOR_GRANT_UNTIL_AGE - yearOf(profile.settlementDate) + 1;
}

/** The journey lasts the five integration-grant years, longer for a young EM (R-GRANT-2). */
export function lastSettlementYear(profile: Pick<GrantProfile, 'person' | 'settlementDate'>): number {
  return Math.max(INTEGRATION_GRANT_YEARS, lastUnaccompaniedMinorGrantYear(profile) ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Who brings which grant

export type GrantPerson = Pick<Person, 'dufNumber' | 'dateOfBirth' | 'relation' | 'unaccompaniedMinor'>;
export const settlementKinds = ['agreed', 'agreed_self_settlement'] as const;
/** Agreed settlement (IMDi found the municipality) or agreed self-settlement (R-MOVE-7). */
export type SettlementKind = (typeof settlementKinds)[number];

export type GrantProfile = {
  person: GrantPerson;
  household: readonly GrantPerson[];
  permitType: PermitType;
  settlementKind: SettlementKind;
  settlementDate: IsoDate;
};

export const grantKinds = ['integration', 'kindergarten', 'elderly', 'unaccompanied_minor', 'extra'] as const;
export type GrantKind = (typeof grantKinds)[number];

export const grantTitles: Record<GrantKind, string> = {
  integration: 'Integreringstilskudd',
  kindergarten: 'Tilskudd til barnehage (engangstilskudd)',
  elderly: 'Tilskudd til personer over 60 år (engangstilskudd)',
  unaccompanied_minor: 'Særtilskudd for enslige mindreårige',
  extra: 'Ekstratilskudd for kjente alvorlige funksjonshemminger eller atferdsvansker',
};

const grantRules: Record<GrantKind, string> = {
  integration: 'R-GRANT-2',
  kindergarten: 'R-GRANT-2',
  elderly: 'R-GRANT-2',
  unaccompanied_minor: 'R-GRANT-2',
  extra: 'R-GRANT-3',
};

export type IntegrationCategory = 'single_adult' | 'adult' | 'child' | 'unaccompanied_minor';

export function integrationCategory(profile: Pick<GrantProfile, 'person' | 'household' | 'settlementDate'>): IntegrationCategory {
  const { person, household, settlementDate } = profile;
  if (person.unaccompaniedMinor) return 'unaccompanied_minor';
  if (ageOn(person.dateOfBirth, settlementDate) < ADULT_AGE) return 'child';
  return household.length === 1 ? 'single_adult' : 'adult';
}

const year1Rate: Record<IntegrationCategory, keyof GrantRateTable['integration']['year1']> = {
  single_adult: 'singleAdult',
  adult: 'adult',
  child: 'child',
  unaccompanied_minor: 'unaccompaniedMinor',
};

function integrationRate(table: GrantRateTable, settlementYear: number, category: IntegrationCategory): number {
  const rates = table.integration;
  switch (settlementYear) {
    case 1:
      return rates.year1[year1Rate[category]];
    case 2:
      return rates.year2;
    case 3:
      return rates.year3;
    case 4:
      return rates.year4;
    default:
      return rates.year5;
  }
}

export function bringsKindergartenGrant(profile: Pick<GrantProfile, 'person' | 'settlementDate'>): boolean {
  return ageOn(profile.person.dateOfBirth, profile.settlementDate) < KINDERGARTEN_GRANT_UNDER_AGE;
}

export function bringsElderlyGrant(profile: Pick<GrantProfile, 'person' | 'settlementDate'>): boolean {
  const sixtiethBirthday = addMonths(profile.person.dateOfBirth, 12 * ELDERLY_OLDER_THAN);
  return profile.settlementDate > sixtiethBirthday;
}

/** R-GRANT-3: not for people settled by family reunification or by (agreed) self-settlement. */
export function extraGrantExcludedBecause(profile: Pick<GrantProfile, 'permitType' | 'settlementKind'>): string | undefined {
  if (profile.permitType === 'family_reunification') return 'ekstratilskudd gis ikke for personer som er bosatt etter familiegjenforening (R-GRANT-3)';
  if (profile.settlementKind === 'agreed_self_settlement') return 'ekstratilskudd gis ikke ved avtalt selvbosetting (R-GRANT-3)';
  return undefined;
}

export function extraGrantDeadline(settlementDate: IsoDate): IsoDate {
  return addMonths(settlementDate, EXTRA_GRANT_DEADLINE_MONTHS);
}

// ---------------------------------------------------------------------------------------------
// Applications (R-GRANT-1, R-GRANT-3)

/** What a caseworker applies for, as the API parsed it (shape in grants.schema.ts). */
export type { GrantApplicationRequest } from './grants.schema';

export type GrantApplication = {
  id: string;
  grant: GrantKind;
  settlementYear: number;
  variant?: 'one_time' | 'yearly';
  amountRequested?: number;
  appliedOn: IsoDate;
};

const yearlyGrants: readonly GrantKind[] = ['integration', 'unaccompanied_minor'];

/** One application per grant and year: 'integration:1', 'kindergarten:1', 'extra:1'. */
export function grantApplicationId(request: Pick<GrantApplicationRequest, 'grant' | 'settlementYear'>): string {
  return `${request.grant}:${yearlyGrants.includes(request.grant) ? (request.settlementYear ?? 1) : 1}`;
}

export type GrantState = { nirRegistered: boolean; applications: readonly Pick<GrantApplication, 'id'>[] };

/**
 * Why an application cannot be made today, or undefined when it can. Order matters: the reasons
 * a caseworker can act on first (register in NIR, apply for year 1).
 */
export function grantApplicationRefusal(
  request: GrantApplicationRequest,
  profile: GrantProfile,
  state: GrantState,
  today: IsoDate,
  book: RateBook = defaultRateBook,
): string | undefined {
  const id = grantApplicationId(request);
  const settlementYear = yearlyGrants.includes(request.grant) ? request.settlementYear : 1;
  if (settlementYear === undefined) return `${grantTitles[request.grant]}: oppgi hvilket bosettingsår (1–${INTEGRATION_GRANT_YEARS}) søknaden gjelder`;
  if (state.applications.some((a) => a.id === id)) return `Det er allerede søkt om ${describeGrant(request.grant, settlementYear).toLowerCase()}`;
  const notApplicable = notApplicableBecause(request.grant, settlementYear, profile);
  if (notApplicable) return notApplicable;
  if (request.grant === 'extra') {
    if (request.variant === undefined) return 'Ekstratilskudd: oppgi om det søkes om engangstilskudd eller årlig refusjon (R-GRANT-3)';
    if (request.variant === 'yearly') {
      const maximum = grantRatesFor(yearOf(today), book)?.table.extra.yearlyMaximum;
      if (request.amountRequested === undefined) return 'Ekstratilskudd, årlig: oppgi beløpet det søkes om per år (R-GRANT-3)';
      if (maximum !== undefined && request.amountRequested > maximum) {
        return `Ekstratilskudd, årlig: det kan søkes om høyst ${kroner(maximum)} per år (R-GRANT-3); oppgitt var ${kroner(request.amountRequested)}`;
      }
    }
    const due = extraGrantDeadline(profile.settlementDate);
    if (today > due) return `Ekstratilskudd må søkes innen ${EXTRA_GRANT_DEADLINE_MONTHS} måneder etter bosettingen, senest ${formatNorwegianDate(due)}; fristen er ute (R-GRANT-3)`;
  }
  if (!state.nirRegistered) return 'Personen må være registrert i NIR før det søkes om tilskudd, slik at kommunen får riktig tilskudd (R-GRANT-1)';
  const isYear1Integration = request.grant === 'integration' && settlementYear === 1;
  if (!isYear1Integration && !state.applications.some((a) => a.id === 'integration:1')) {
    return 'Det må først søkes om integreringstilskudd for år 1; de andre tilskuddene kan ikke utbetales før det (R-GRANT-1)';
  }
  const calendarYear = calendarYearOf(settlementYear, profile.settlementDate);
  if (yearOf(today) < calendarYear) return `Det kan søkes om ${describeGrant(request.grant, settlementYear).toLowerCase()} fra 01.01.${calendarYear}`;
  return undefined;
}

function notApplicableBecause(grant: GrantKind, settlementYear: number, profile: GrantProfile): string | undefined {
  switch (grant) {
    case 'integration':
      return settlementYear > INTEGRATION_GRANT_YEARS ? `Integreringstilskudd gis i ${INTEGRATION_GRANT_YEARS} år (R-GRANT-2)` : undefined;
    case 'kindergarten':
      return bringsKindergartenGrant(profile) ? undefined : 'Tilskudd til barnehage gis for barn som er 0–5 år ved bosettingen (R-GRANT-2)';
    case 'elderly':
      return bringsElderlyGrant(profile) ? undefined : 'Tilskudd til eldre gis for personer over 60 år ved bosettingen (R-GRANT-2)';
    case 'unaccompanied_minor': {
      const lastYear = lastUnaccompaniedMinorGrantYear(profile);
      if (lastYear === undefined) return 'Særtilskuddet gis bare for enslige mindreårige (R-GRANT-2)';
      return settlementYear > lastYear
        ? `Særtilskuddet gis til og med året den mindreårige fyller 20 år (${calendarYearOf(lastYear, profile.settlementDate)}, bosettingsår ${lastYear}) (R-GRANT-2)`
        : undefined;
    }
    case 'extra':
      return extraGrantExcludedBecause(profile);
  }
}

/** An amount as a Norwegian reader writes it: "1 235 000 kroner" (thousands by a non-breaking space). */
function kroner(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')} kroner`;
}

/** A grant as a sentence names it: "Integreringstilskudd, år 2". */
export function describeGrant(grant: GrantKind, settlementYear: number): string {
  return yearlyGrants.includes(grant) ? `${grantTitles[grant]}, år ${settlementYear}` : grantTitles[grant];
}

// ---------------------------------------------------------------------------------------------
// The grant timeline

export type GrantStatus = 'applied' | 'can_apply' | 'waiting' | 'upcoming' | 'deadline_passed';

export type GrantLine = {
  id: string;
  grant: GrantKind;
  title: string;
  rule: string;
  settlementYear: number;
  calendarYear: number;
  /** NOK; undefined when no table gives the rate. */
  amount?: number;
  /** The amount is a maximum ("inntil"). */
  upTo?: boolean;
  /** Which table the amount comes from; `estimated` when the calendar year's own table is missing. */
  rates?: RatesUsed;
  category?: IntegrationCategory;
  status: GrantStatus;
  /** Why it is waiting or cannot be applied for. */
  reason?: string;
  appliedOn?: IsoDate;
};

export type GrantTimeline = {
  lines: GrantLine[];
  /** Sum of known amounts per settlement year (maxima included as given). */
  totals: { settlementYear: number; calendarYear: number; amount: number; estimated: boolean }[];
  total: number;
  extraGrant: { deadline: IsoDate; status: 'open' | 'applied' | 'deadline_passed' | 'not_applicable'; reason?: string };
};

type Entitlement = Omit<GrantLine, 'status' | 'reason' | 'appliedOn' | 'id'> & { request: GrantApplicationRequest };

/** Every grant line the person brings, with its amount from the rate book. */
function entitlements(profile: GrantProfile, applications: readonly GrantApplication[], book: RateBook): Entitlement[] {
  const lines: Entitlement[] = [];
  const line = (grant: GrantKind, settlementYear: number, amountOf: (table: GrantRateTable) => number | undefined, extra: Partial<Entitlement> = {}) => {
    const calendarYear = calendarYearOf(settlementYear, profile.settlementDate);
    const rates = grantRatesFor(calendarYear, book);
    const amount = rates && amountOf(rates.table);
    lines.push({
      grant,
      title: grantTitles[grant],
      rule: grantRules[grant],
      settlementYear,
      calendarYear,
      amount,
      rates: rates && amount !== undefined ? { ratesYear: rates.ratesYear, estimated: rates.estimated } : undefined,
      request: { grant, settlementYear },
      ...extra,
    });
  };

  const category = integrationCategory(profile);
  for (let year = 1; year <= INTEGRATION_GRANT_YEARS; year++) {
    line('integration', year, (t) => integrationRate(t, year, category), year === 1 ? { category } : {});
  }
  if (bringsKindergartenGrant(profile)) line('kindergarten', 1, (t) => t.kindergartenOneTime);
  if (bringsElderlyGrant(profile)) line('elderly', 1, (t) => t.elderlyOneTime);
  const lastMinorYear = lastUnaccompaniedMinorGrantYear(profile);
  for (let year = 1; lastMinorYear !== undefined && year <= lastMinorYear; year++) {
    line('unaccompanied_minor', year, (t) => t.unaccompaniedMinorYearly);
  }

  const extra = applications.find((a) => a.grant === 'extra');
  if (extra?.variant === 'one_time') line('extra', extra.settlementYear, (t) => t.extra.oneTime);
  if (extra?.variant === 'yearly') {
    // Tilskudd 2: yearly, for up to five years after settlement.
    for (let year = extra.settlementYear; year <= INTEGRATION_GRANT_YEARS; year++) {
      line('extra', year, (t) => Math.min(extra.amountRequested ?? t.extra.yearlyMaximum, t.extra.yearlyMaximum), { upTo: true });
    }
  }
  return lines;
}

export function grantTimeline(
  profile: GrantProfile,
  state: { nirRegistered: boolean; applications: readonly GrantApplication[] },
  today: IsoDate,
  book: RateBook = defaultRateBook,
): GrantTimeline {
  const lines: GrantLine[] = entitlements(profile, state.applications, book).map(({ request, ...entitlement }) => {
    const id = `${request.grant}:${entitlement.settlementYear}`;
    const application = state.applications.find((a) => a.id === grantApplicationId(request) || (a.grant === 'extra' && request.grant === 'extra'));
    if (application) return { id, ...entitlement, status: 'applied', appliedOn: application.appliedOn };
    const reason = grantApplicationRefusal(request, profile, state, today, book);
    const status: GrantStatus =
      reason === undefined ? 'can_apply' : yearOf(today) < entitlement.calendarYear ? 'upcoming' : 'waiting';
    return { id, ...entitlement, status, reason };
  });

  const byYear = new Map<number, GrantTimeline['totals'][number]>();
  for (const line of lines) {
    if (line.amount === undefined) continue;
    const total = byYear.get(line.settlementYear) ?? { settlementYear: line.settlementYear, calendarYear: line.calendarYear, amount: 0, estimated: false };
    total.amount += line.amount;
    total.estimated ||= line.rates?.estimated ?? false;
    byYear.set(line.settlementYear, total);
  }
  const totals = [...byYear.values()].sort((a, b) => a.settlementYear - b.settlementYear);

  const deadline = extraGrantDeadline(profile.settlementDate);
  const excluded = extraGrantExcludedBecause(profile);
  const extraApplied = state.applications.some((a) => a.grant === 'extra');
  const extraGrant: GrantTimeline['extraGrant'] = excluded
    ? { deadline, status: 'not_applicable', reason: excluded }
    : { deadline, status: extraApplied ? 'applied' : today > deadline ? 'deadline_passed' : 'open' };

  return { lines, totals, total: totals.reduce((sum, t) => sum + t.amount, 0), extraGrant };
}

// ---------------------------------------------------------------------------------------------
// Introduction stipend (R-GRANT-4)

const STIPEND_IN_G = 2;
const YOUNG_PARTICIPANT_UNDER_AGE = 25;
const YOUNG_PARTICIPANT_FRACTION = 2 / 3;
const MONTHS_PER_YEAR = 12;
const DAYS_PER_MONTH = 30;
const HOURS_PER_YEAR = 1850;

/** G on a date; `estimated` when it is a year or more since the last G in the data. */
export function baseAmountOn(date: IsoDate, book: RateBook = defaultRateBook): (BaseAmount & { estimated: boolean }) | undefined {
  const known = [...book.baseAmounts].filter((g) => g.from <= date).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  if (!known) return undefined;
  return { ...known, estimated: addMonths(known.from, 12) <= date };
}

export type StipendRates = { yearly: number; monthly: number; daily: number; hourly: number };

const toOre = (nok: number) => Math.round(nok * 100) / 100;

/** 2 G a year (2/3 of it under 25); a month is 1/12 of the year, a day 1/30 of the month, an hour 1/1850 of the year. */
export function stipendRates(g: number, under25: boolean): StipendRates {
  const yearly = STIPEND_IN_G * g * (under25 ? YOUNG_PARTICIPANT_FRACTION : 1);
  return {
    yearly: toOre(yearly),
    monthly: toOre(yearly / MONTHS_PER_YEAR),
    daily: toOre(yearly / MONTHS_PER_YEAR / DAYS_PER_MONTH),
    hourly: toOre(yearly / HOURS_PER_YEAR),
  };
}

export type StipendPeriod = StipendRates & {
  from: IsoDate;
  /** Last day of the period (inclusive). */
  to: IsoDate;
  g: number;
  gFrom: IsoDate;
  under25: boolean;
  /** G for this period is not in the data yet: the latest known G is used. */
  estimated: boolean;
  rule: 'R-GRANT-4';
};

/**
 * The stipend from `from` to `to` (inclusive), split where G changes (1 May, for every G in the
 * data) and at the 25th birthday.
 */
export function stipendPeriods(dateOfBirth: IsoDate, from: IsoDate, to: IsoDate, book: RateBook = defaultRateBook): StipendPeriod[] {
  const twentyFifth = addMonths(dateOfBirth, 12 * YOUNG_PARTICIPANT_UNDER_AGE);
  const boundaries = [...book.baseAmounts.map((g) => g.from), twentyFifth]
    .filter((d) => d > from && d <= to)
    .sort()
    .filter((d, i, all) => all.indexOf(d) === i);
  const starts = [from, ...boundaries];
  const periods: StipendPeriod[] = [];
  starts.forEach((start, i) => {
    const g = baseAmountOn(start, book);
    if (!g) return;
    const next = starts[i + 1];
    const under25 = start < twentyFifth;
    periods.push({
      from: start,
      to: next === undefined ? to : addDays(next, -1),
      g: g.amount,
      gFrom: g.from,
      under25,
      estimated: g.estimated,
      rule: 'R-GRANT-4',
      ...stipendRates(g.amount, under25),
    });
  });
  return periods;
}


// ---------------------------------------------------------------------------------------------
// Establishment support (R-GRANT-5)

export type EstablishmentShare =
  | {
      municipalityNumber: string;
      policy: string;
      /** Maximum for furniture and equipment; for a couple, this person's half of the joint amount. */
      furniture: number;
      /** Maximum for clothes, once in the first year. */
      clothes: number;
      basis: 'single' | 'couple' | 'sharing' | 'child' | 'family_reunification';
      rule: 'R-GRANT-5';
    }
  | { municipalityNumber: string; policy: undefined; note: string; rule: 'R-GRANT-5' };

const partnerRelations: readonly Person['relation'][] = ['main', 'spouse', 'partner'];

/** This person's share of the municipality's establishment support, from its policy (data). */
export function establishmentShare(
  profile: Pick<GrantProfile, 'person' | 'household' | 'permitType' | 'settlementDate'>,
  municipalityNumber: string,
  book: RateBook = defaultRateBook,
): EstablishmentShare {
  const policy = book.establishment[municipalityNumber];
  if (!policy) return { municipalityNumber, policy: undefined, note: `ingen retningslinjer for etableringsstøtte registrert for kommune ${municipalityNumber}`, rule: 'R-GRANT-5' };
  const base = { municipalityNumber, policy: policy.name, rule: 'R-GRANT-5' } as const;
  if (profile.permitType === 'family_reunification') {
    return { ...base, basis: 'family_reunification', furniture: policy.familyReunification.furniturePerPerson, clothes: policy.familyReunification.clothesPerPerson };
  }
  const isAdult = (p: GrantPerson) => ageOn(p.dateOfBirth, profile.settlementDate) >= ADULT_AGE;
  if (!isAdult(profile.person)) return { ...base, basis: 'child', furniture: policy.furniture.perChild, clothes: policy.clothesPerPerson };
  const adults = profile.household.filter(isAdult);
  const couple = adults.filter((p) => partnerRelations.includes(p.relation));
  const inCouple = couple.length === 2 && couple.some((p) => p.relation === 'main') && couple.some((p) => p.dufNumber === profile.person.dufNumber);
  if (inCouple) return { ...base, basis: 'couple', furniture: policy.furniture.couple / 2, clothes: policy.clothesPerPerson };
  if (adults.length === 1) return { ...base, basis: 'single', furniture: policy.furniture.single, clothes: policy.clothesPerPerson };
  return { ...base, basis: 'sharing', furniture: policy.furniture.sharingPerPerson, clothes: policy.clothesPerPerson };
}
