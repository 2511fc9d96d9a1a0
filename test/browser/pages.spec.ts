/**
 * The pages each role works in, one user task per test, driven as a person does. Dates come from
 * the server's clock (its Date header), never from the test machine's calendar.
 */
import { addDays } from '../../domain/dates';
import { expect, expectAccessible, people, screenshot, serverToday, signIn, test } from './fixtures';

/** A DUF number no other test uses: 12 digits. */
function dufNumber(seed: number, member: number): string {
  return `${String(seed).slice(-10).padStart(10, '0')}${member}${member}`;
}

test('UDI registers a family’s permit; a wrong DUF number is shown at its field; the case opens for the reception centre', async ({ page, baseURL }) => {
  const today = await serverToday(baseURL);
  const seed = Date.now();
  await signIn(page, people.udi);
  await page.getByRole('link', { name: 'Registrer vedtak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrer vedtak' })).toBeVisible();
  await page.getByLabel('Vedtaksnummer').fill(`UDI-BROWSER-${seed}`);
  await page.getByLabel('Vedtaksdato').fill(addDays(today, -2));
  await page.getByLabel('Registreringsnummer (Reg.nr)').fill(`REG-${seed}`);

  const person = page.getByRole('group', { name: 'Person 1 (hovedperson)' });
  await person.getByLabel('Fornavn').fill('Amal');
  await person.getByLabel('Etternavn').fill('Haddad');
  await person.getByLabel('DUF-nummer').fill('12345'); // too short
  await person.getByLabel('Fødselsdato').fill('1990-03-14');
  await person.getByLabel('Statsborgerskap').fill('SYR');
  await person.getByLabel('Språk').fill('arabisk');
  await page.getByRole('button', { name: 'Registrer vedtak' }).click();

  // The API's field error, next to the field it names, and in the summary linking to it.
  await expect(person.getByLabel('DUF-nummer')).toHaveAccessibleDescription(/12 digits|12 siffer/);
  await expect(page.getByRole('link', { name: /DUF number of exactly 12 digits/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'register-permit-field-error');

  await person.getByLabel('DUF-nummer').fill(dufNumber(seed, 1));
  await page.getByRole('button', { name: 'Legg til person' }).click();
  const child = page.getByRole('group', { name: 'Person 2' });
  await child.getByLabel('Fornavn').fill('Lina');
  await child.getByLabel('Etternavn').fill('Haddad');
  await child.getByLabel('DUF-nummer').fill(dufNumber(seed, 2));
  await child.getByLabel('Fødselsdato').fill(addDays(today, -6 * 365));
  await child.getByLabel('Statsborgerskap').fill('SYR');
  await child.getByLabel('Språk').fill('arabisk');
  await page.getByRole('button', { name: 'Registrer vedtak' }).click();
  await expect(page.getByRole('heading', { name: 'Saken er opprettet' })).toBeVisible();
  const caseLink = page.getByRole('link', { name: /^Åpne sak / });
  const caseId = ((await caseLink.textContent()) ?? '').replace('Åpne sak ', '');

  // UDI reads the case it created (the API lets it).
  await caseLink.click();
  await expect(page.getByRole('heading', { level: 1, name: `Sak ${caseId}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Amal Haddad' })).toBeVisible();
});

// Reads the case the UDI test above registered for mottak-lillehammer (the tests of a file run in order, on one system).
test('a reception centre worker finds its resident’s case in the list and reads it: household, deadlines with days left, timeline', async ({ page, baseURL }) => {
  const today = await serverToday(baseURL);
  await signIn(page, people.mottak);
  // The deadlines of the case registered above (R-HOST-1 competence mapping, counted from the permit) are in the inbox.
  await expect(page.getByRole('cell', { name: /Kompetansekartlegging gjennomført/ }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'inbox');

  await page.getByRole('link', { name: 'Saker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
  await page.getByLabel('Fase').selectOption({ label: 'Bosettingssamtale' });
  const first = page.getByRole('table').getByRole('link').first();
  await expect(first).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'cases');
  await first.click();

  await expect(page.getByRole('heading', { level: 2, name: 'Husstand' })).toBeVisible();
  const deadlines = page.getByRole('table', { name: /Åpne frister/ });
  await expect(deadlines.getByRole('row', { name: /Kompetansekartlegging gjennomført/ })).toContainText(/om \d+ dager|frist i dag/);
  await expect(page.getByRole('heading', { level: 2, name: 'Tidslinje' })).toBeVisible();
  // The reception centre reads no notification log (the API does not let it), so the page shows none.
  await expect(page.getByRole('heading', { name: 'Varsler og brev' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'case');
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('IMDi records a municipality’s decided number for next year and sees the free places', async ({ page, baseURL }) => {
  const nextYear = Number((await serverToday(baseURL)).slice(0, 4)) + 1;
  await signIn(page, people.imdi);
  await page.getByRole('link', { name: 'Kommuner' }).click();
  await page.getByLabel('År').selectOption(String(nextYear));
  const form = page.getByRole('group', { name: `Registrer kommunens vedtak for ${nextYear}` });
  await form.getByLabel('Kommunenummer').fill('3405');
  await form.getByLabel('Kommunenavn').fill('Lillehammer');
  await form.getByLabel('Vedtatt antall personer').fill('30');
  await form.getByRole('button', { name: 'Lagre vedtak' }).click();
  await expect(page.getByText(`Lagret. Lillehammer: 30 personer i ${nextYear}.`)).toBeVisible();
  await expect(page.getByRole('row', { name: /Lillehammer 3405 30/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'municipalities');
});

test('a supervisor reads the statistics as chart and table and downloads them as CSV', async ({ page }) => {
  await signIn(page, people.supervisor);
  await page.getByRole('link', { name: 'Statistikk' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Totalt' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'statistics');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^bosetting-statistikk-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
});
