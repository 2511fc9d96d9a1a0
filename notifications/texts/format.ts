/**
 * Formats the message texts: ICU MessageFormat (FormatJS `intl-messageformat`) over the values a
 * message type computes, in the locale of a texts file. Names of countries and languages come from
 * Node's ICU (`Intl.DisplayNames`), so they follow the locale too. Pure: no I/O, no clock.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import countries from 'i18n-iso-countries';
import type { IsoDate, IsoWeekString } from '../../domain/dates';
import type { Phrases } from './types';

export type Value = string | number | Date;
export type Values = Record<string, Value | undefined>;

/** Dates are calendar dates: formatted in UTC from noon, so no time zone moves them a day. */
const formats = {
  date: {
    long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    short: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  },
} as const;

const cache = new Map<string, IntlMessageFormat>();

export function formatMessage(locale: string, template: string, values: Values = {}): string {
  const key = `${locale}\u0000${template}`;
  let message = cache.get(key);
  if (!message) {
    message = new IntlMessageFormat(template, locale, formats, { ignoreTag: true });
    cache.set(key, message);
  }
  // A value left undefined is missing: FormatJS then names it, instead of printing nothing.
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, Value>;
  // Leading spaces indent a line under the one before it (a profile's details); trailing ones mean nothing.
  return String(message.format(defined)).trimEnd();
}

/** An ISO date as a value for `{x, date, long}`. */
export function day(value: IsoDate): Date {
  return new Date(`${value}T12:00:00Z`);
}

/** What a message type's values function gets: the locale's phrases and names. */
export type Say = {
  locale: string;
  /** A shared phrase from the texts file's `common` section. */
  (key: keyof Phrases['common'], values?: Values): string;
  /** "a, b og c". */
  list(items: readonly string[]): string;
  /** One line per item, as "- item" (the letter prints bullets). */
  bullets(items: readonly string[]): string;
  week(value: IsoWeekString): string;
  /** ISO 3166-1 alpha-3 (UKR, SYR; XXA stateless, XXX unknown) → the country's name. */
  country(code: string): string;
  /** An ISO 639 code ("uk", "ti", "prs") or an English language name ("Arabic") → the language's name. */
  language(value: string): string;
  /** What a message type is called in a sentence ("melding om nye elever"). */
  messageName(type: string): string;
  /** A term from the texts file's `terms` section, e.g. term('relation', 'spouse'). */
  term<G extends keyof Phrases['terms']>(group: G, key: keyof Phrases['terms'][G] & string): string;
};

export function sayer(texts: Phrases & { messages: Record<string, { name: string }> }): Say {
  const locale = texts.locale;
  const regions = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
  const languages = new Intl.DisplayNames(locale, { type: 'language', fallback: 'none' });
  const say = ((key, values) => formatMessage(locale, texts.common[key], values)) as Say;
  say.locale = locale;
  say.list = (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  say.bullets = (items) => items.map((item) => `- ${item}`).join('\n');
  say.week = (value) => {
    const [year, week] = value.split('-W');
    return say('week', { week: Number(week), year: Number(year) });
  };
  say.country = (code) => {
    const special = (texts.terms.country as Record<string, string>)[code];
    if (special) return special;
    const alpha2 = countries.alpha3ToAlpha2(code);
    const name = alpha2 ? regions.of(alpha2) : undefined;
    return name ?? say('unknownCountry', { code });
  };
  say.language = (value) => {
    const code = languageCode(value);
    return (code && languages.of(code)) || value;
  };
  say.messageName = (type) => texts.messages[type]?.name ?? say('unknownMessage', { type });
  say.term = (group, key) => {
    const text = (texts.terms[group] as Record<string, string>)[key];
    if (text === undefined) throw new Error(`texts ${locale}: no term ${String(group)}.${key}`);
    return text;
  };
  return say;
}

/** English language names → ISO 639 codes, from ICU itself (all two-letter codes and the three-letter ones a caseload brings). */
const englishLanguageNames = (() => {
  const english = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b));
  codes.push('prs', 'ckb', 'kmr', 'sdh', 'hac', 'pbt', 'bal', 'tig', 'byn', 'aii', 'syr', 'ber', 'kab', 'mnk', 'sus', 'ful', 'din', 'nus', 'apd', 'rhg', 'ctg', 'haz');
  const byName = new Map<string, string>();
  for (const code of codes) {
    const name = english.of(code);
    if (name && name.toLowerCase() !== code) byName.set(name.toLowerCase(), code);
  }
  return byName;
})();

function languageCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(trimmed)) {
    try {
      return Intl.getCanonicalLocales(trimmed)[0];
    } catch {
      return undefined;
    }
  }
  return englishLanguageNames.get(trimmed.toLowerCase());
}
