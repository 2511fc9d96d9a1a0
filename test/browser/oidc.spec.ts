/**
 * With AUTH_JWKS_URL and OIDC_CLIENT_ID set, the workbench signs in with the authorization-code
 * flow with PKCE, keeps the token in memory only, and has no development sign-in.
 */
import { startOidcProvider } from './oidc-provider';
import { startNpm, type StartedSystem } from './system';
import { expect, expectAccessible, test } from './fixtures';

let system: StartedSystem;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  provider = await startOidcProvider({ clientId: 'bosetting-web', audience: 'bosetting-api', user: { sub: 'ola.oidc', role: 'imdi' } });
  system = await startNpm({
    AUTH_JWKS_URL: `${provider.issuer}/jwks`,
    AUTH_ISSUER: provider.issuer,
    AUTH_AUDIENCE: 'bosetting-api',
    OIDC_CLIENT_ID: 'bosetting-web',
  });
});

test.afterAll(async () => {
  await system?.stop();
  await provider?.stop();
});

test('an IMDi caseworker signs in through the OIDC provider (code + PKCE), the token stays out of web storage, and signs out', async ({ page }) => {
  await page.goto(system.url);
  await expect(page.getByRole('heading', { name: 'Utviklingsinnlogging' })).toHaveCount(0);
  await expectAccessible(page);
  // The development sign-in does not exist here.
  expect((await page.request.post(`${system.url}/auth/dev/session`, { data: { role: 'imdi' } })).status()).toBe(404);

  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByText('ola.oidc · IMDi')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
  expect(provider.seen.pkceVerified).toBe(1);

  // The API answered with the provider's token; no token is kept in localStorage or sessionStorage.
  const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
  expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  await page.getByRole('link', { name: 'Saker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
  // The page signs out locally first, then redirects to the provider's end-session endpoint.
  await expect.poll(() => provider.seen.endSession).toBe(1);
});
