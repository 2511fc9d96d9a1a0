/** What every browser test uses: the system's address, signing in as a person does, axe, screenshots. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export const test = base.extend<{ baseURL: string }>({
  baseURL: async ({}, use) => {
    const url = process.env.BOSETTING_WEB_URL;
    if (!url) throw new Error('BOSETTING_WEB_URL is not set: the global setup did not start the system');
    await use(url);
  },
});
export { expect };

export type Person = { role: 'UDI' | 'Mottak' | 'IMDi' | 'Kommune' | 'Tilsyn (leder)'; org?: string; user?: string };

export const people = {
  udi: { role: 'UDI', user: 'per.udi' },
  mottak: { role: 'Mottak', org: 'mottak-lillehammer', user: 'kari.mottak' },
  imdi: { role: 'IMDi', user: 'ola.imdi' },
  kommune: { role: 'Kommune', org: '3405', user: 'sara.kommune' },
  otherKommune: { role: 'Kommune', org: '0301', user: 'oslo.kommune' },
  supervisor: { role: 'Tilsyn (leder)', user: 'lise.leder' },
} as const satisfies Record<string, Person>;

/** The development sign-in, by keyboard-reachable labels as a person uses it. */
export async function signIn(page: Page, person: Person) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Utviklingsinnlogging' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${person.role.replace(/[()]/g, '\\$&')}`) }).check();
  if (person.org !== undefined) {
    await page.getByLabel(person.role === 'Mottak' ? 'Mottak (id)' : 'Kommunenummer').fill(person.org);
  }
  if (person.user) await page.getByLabel('Brukernavn (valgfritt)').fill(person.user);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  // The page has settled once the menu's count has arrived: a person reads on from here.
  await expect(page.getByRole('link', { name: /^Innboks \(\d+ oppgaver\)$/ })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('heading', { name: 'Utviklingsinnlogging' })).toBeVisible();
}

/** WCAG 2.1 AA by axe-core: no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A full-page screenshot for reviewers (test-results/, git-ignored). */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Today on the server under test: from its Date header, never the test machine's calendar. */
export async function serverToday(baseURL: string): Promise<string> {
  const response = await fetch(`${baseURL}/health`);
  return new Date(response.headers.get('date')!).toISOString().slice(0, 10);
}
