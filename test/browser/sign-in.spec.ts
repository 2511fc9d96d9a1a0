import { expect, expectAccessible, people, screenshot, signIn, signOut, test } from './fixtures';

test('a reception centre worker signs in with the development sign-in, sees the inbox with its count, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Denne innloggingen finnes bare når tjenesten kjører lokalt')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'sign-in');

  await signIn(page, people.mottak);
  await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
  await expect(page.getByText('Utviklingsinnlogging – ikke for bruk med ekte personopplysninger')).toBeVisible();
  await expect(page.getByText('kari.mottak · Mottak (mottak-lillehammer)')).toBeVisible();
  // The menu's count says how many open tasks the inbox holds.
  await expect(page.getByRole('link', { name: /^Innboks \(\d+ oppgaver\)$/ })).toBeVisible();
  // A reception centre registers no permits and reads no statistics: the API refuses both, the menu offers neither.
  await expect(page.getByRole('link', { name: 'Registrer vedtak' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Statistikk' })).toHaveCount(0);
  await expectAccessible(page);

  await signOut(page);
  // Signed out for real: the session cookie is gone, so the API answers 401 again.
  expect((await page.request.get('/v1/me')).status()).toBe(401);
});

test('the menu’s count arrives without moving the links beside it (a click aimed at one lands on it)', async ({ page }) => {
  // Hold the count's reads until the menu has been measured without it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/v1\/(deadlines|notifications)\?/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await page.getByRole('radio', { name: /^IMDi/ }).check();
  await page.getByRole('button', { name: 'Logg inn' }).click();
  const cases = page.getByRole('link', { name: 'Saker', exact: true });
  await expect(cases).toBeVisible();
  await expect(page.getByRole('link', { name: 'Innboks', exact: true })).toBeVisible(); // no count yet
  const before = await cases.boundingBox();
  release();
  await expect(page.getByRole('link', { name: /^Innboks \(\d+ oppgaver\)$/ })).toBeVisible();
  expect(await cases.boundingBox()).toEqual(before);
});

test('a municipality number that is not four digits is refused at its field', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: /^Kommune/ }).check();
  await page.getByLabel('Kommunenummer').fill('34');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByLabel('Kommunenummer')).toHaveAccessibleDescription(/fire sifre/i);
  await expect(page.getByText('Oppgi kommunenummeret med fire sifre, f.eks. 3405.')).toBeVisible();
});

test('keyboard only: sign in, skip to the content and open a page from the menu, with the focus visible', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Utviklingsinnlogging' })).toBeVisible();
  await page.keyboard.press('Tab'); // the checked role: Mottak
  await expect(page.getByRole('radio', { name: /^Mottak/ })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // IMDi, which needs no organisation
  await expect(page.getByRole('radio', { name: /^IMDi/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Brukernavn (valgfritt)')).toBeFocused();
  await page.keyboard.type('tastatur.bruker');
  await page.keyboard.press('Enter'); // submits the form
  await expect(page.getByText('tastatur.bruker · IMDi')).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Tab');
  const inbox = page.getByRole('link', { name: /^Innboks/ });
  await expect(inbox).toBeFocused();
  // WCAG 2.4.7: the focused link is outlined.
  expect(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
});
