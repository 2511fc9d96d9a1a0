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

test('a municipality number that is not four digits is refused at its field', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: /^Kommune/ }).check();
  await page.getByLabel('Kommunenummer').fill('34');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByLabel('Kommunenummer')).toHaveAccessibleDescription(/fire sifre/i);
  await expect(page.getByText('Oppgi kommunenummeret med fire sifre, f.eks. 3405.')).toBeVisible();
});
