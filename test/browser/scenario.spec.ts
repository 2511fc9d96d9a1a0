/**
 * A family's whole journey in the browser, each step by the role that takes it, through the case
 * page's step forms (GET /v1/cases/{caseId}/steps) and the Tilbud page — nothing but the workbench:
 * UDI registers the permit → the reception centre records the settlement information (R-REG-2) and
 * the interview (R-INT-2..4) → the host municipality the competence mapping (R-HOST-1) → IMDi sets
 * a decided number (R-DIST-2) and offers the case (R-DIST-1) → the municipality sees the anonymised
 * profile (R-DIST-3) and accepts with the expected week → the centre agrees the moving date
 * (R-MOVE-1) → the municipality confirms the arrival (R-MOVE-3) and sees the journeys.
 * Plus: a field error at its field, a step refused by the workflow with its reason, no form for a
 * role that may not take a step. axe on every page visited; every date from the server's clock.
 */
import type { Page } from '@playwright/test';
import { addDays, isoWeekString, isoWeekYear } from '../../domain/dates';
import { freshDufNumber } from '../fixtures/permits';
import { expect, expectAccessible, people, screenshot, serverToday, signIn, signOut, test, type Person } from './fixtures';

/** The municipality the case is offered to and settled in (not the host, 3405, whose view differs). */
const hamar: Person = { role: 'Kommune', org: '3403', user: 'hamar.kommune' };

async function openCase(page: Page, caseId: string) {
  await page.getByRole('link', { name: 'Saker', exact: true }).click();
  await page.getByLabel('Finn sak med saksnummer').fill(caseId);
  await page.getByRole('button', { name: 'Åpne sak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Sak ${caseId}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Steg i saken' })).toBeVisible();
}

/** The README's pictures (docs/), only when asked for: `DOCS_SCREENSHOTS=1`. */
async function docsScreenshot(page: Page, name: string) {
  if (!process.env.DOCS_SCREENSHOTS) return;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `docs/${name}.png` });
}

function stepForm(page: Page, title: string) {
  return page.getByRole('form', { name: title });
}

async function expectDone(page: Page, title: string) {
  await expect(page.getByRole('heading', { name: `Utført: ${title}` })).toBeVisible();
}

test('a family’s journey from permit to arrival, each role in its own pages', async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  const today = await serverToday(baseURL);
  const expectedWeek = isoWeekString(addDays(today, 28));
  const seed = Date.now();
  const family = [
    { given: 'Amal', dob: addDays(today, -(36 * 365 + 100)), relation: 'Hovedperson', sex: 'Kvinne' },
    { given: 'Omar', dob: addDays(today, -(23 * 365 + 150)), relation: 'Ektefelle', sex: 'Mann' },
    { given: 'Lina', dob: addDays(today, -(7 * 365 + 185)), relation: 'Barn', sex: 'Kvinne' },
    { given: 'Sami', dob: addDays(today, -(3 * 365 + 320)), relation: 'Barn', sex: 'Mann' },
  ].map((p) => ({ ...p, duf: freshDufNumber() }));
  let caseId = '';

  await test.step('UDI registers the permit with the household of four', async () => {
    await signIn(page, people.udi);
    await page.getByRole('link', { name: 'Registrer vedtak' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrer vedtak' })).toBeVisible();
    await page.getByLabel('Vedtaksnummer').fill(`UDI-SCENARIO-${seed}`);
    await page.getByLabel('Vedtaksdato').fill(today);
    await page.getByLabel('Registreringsnummer (Reg.nr)').fill(`REG-${seed}`);
    for (const [i, p] of family.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Legg til person' }).click();
      const group = page.getByRole('group', { name: i === 0 ? 'Person 1 (hovedperson)' : `Person ${i + 1}` });
      await group.getByLabel('Fornavn').fill(p.given);
      await group.getByLabel('Etternavn').fill('Haddad');
      await group.getByLabel('DUF-nummer').fill(p.duf);
      await group.getByLabel('Fødselsdato').fill(p.dob);
      await group.getByLabel('Relasjon til hovedpersonen').selectOption({ label: p.relation });
      await group.getByLabel('Kjønn').selectOption({ label: p.sex });
      await group.getByLabel('Statsborgerskap').fill('SYR');
      await group.getByLabel('Språk').fill('arabisk');
    }
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    await expect(page.getByRole('heading', { name: 'Saken er opprettet' })).toBeVisible();
    const caseLink = page.getByRole('link', { name: /^Åpne sak / });
    caseId = ((await caseLink.textContent()) ?? '').replace('Åpne sak ', '');
    await caseLink.click();
    await expect(page.getByRole('heading', { level: 1, name: `Sak ${caseId}` })).toBeVisible();
    // UDI has steps of its own in the case (R-ELIG-2 first renewal, R-REF-6), none open now: each
    // shown with its reason, and no form to take it.
    const closed = page.getByRole('list', { name: 'Steg du ikke kan ta nå' });
    await expect(closed.getByText('Registrer første fornyelse')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Registrer fornyelsen' })).toHaveCount(0);
    await expectAccessible(page);
    await signOut(page);
  });

  await test.step('the reception centre records the settlement information (R-REG-2) and the interview (R-INT-2)', async () => {
    await signIn(page, people.mottak);
    await openCase(page, caseId);
    await expectAccessible(page);
    const info = stepForm(page, 'Registrer bosettingsrelevant informasjon');
    const answer = async (question: string, value: 'Ja' | 'Nei') => info.getByRole('group', { name: question }).getByRole('radio', { name: value, exact: true }).check();
    await answer('Er familierelasjonene beskrevet?', 'Ja');
    await info.getByLabel('Familierelasjoner').fill('Amal og Omar er gift; Lina og Sami er deres barn.');
    await answer('Har husstanden kjæledyr i Norge?', 'Nei');
    await answer('Har husstanden bil i Norge?', 'Nei');
    await answer('Har noen førerkort?', 'Ja');
    await info.getByLabel('Førerkort: hvem og hvilken klasse').fill('Omar, klasse B');
    await answer('Kommer noen fra en særskilt enhet?', 'Nei');
    for (const p of family) await info.getByRole('button', { name: `Svar «Nei» på alle fire for ${p.given}` }).click();
    await expectAccessible(page);
    await info.getByRole('button', { name: 'Lagre opplysningene' }).click();
    await expectDone(page, 'Registrer bosettingsrelevant informasjon');

    const interview = stepForm(page, 'Registrer bosettingssamtale');
    await interview.getByLabel('Dato for samtalen').fill(today);
    // R-INT-3: every adult takes part. Leaving one out is refused at the participants field.
    await interview.getByLabel(/^Deltakelse: Amal Haddad/).selectOption({ label: 'Deltok ikke' });
    await interview.getByLabel('Alle temaene').check();
    await interview.getByRole('button', { name: 'Registrer samtalen' }).click();
    const participants = interview.getByRole('group', { name: 'Hvem deltok' });
    await expect(participants).toContainText('alle voksne skal delta; Amal Haddad');
    await expectAccessible(page);
    await screenshot(page, 'scenario-interview-field-error');
    await interview.getByLabel(/^Deltakelse: Amal Haddad/).selectOption({ label: 'Felles samtale' });
    await interview.getByRole('button', { name: 'Registrer samtalen' }).click();
    await expectDone(page, 'Registrer bosettingssamtale');
    // R-INT-6: the information is now frozen; the form is gone and the reason says why.
    await expect(stepForm(page, 'Registrer bosettingsrelevant informasjon')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Steg du ikke kan ta nå' })).toContainText('opplysningene er låst');
    await expectAccessible(page);
    await signOut(page);
  });

  await test.step('the host municipality records the competence mapping (R-HOST-1)', async () => {
    await signIn(page, people.kommune);
    await openCase(page, caseId);
    const mapping = stepForm(page, 'Registrer kompetansekartlegging');
    await mapping.getByRole('radio', { name: 'Gjennomført' }).check();
    await mapping.getByLabel('Gjennomført dato').fill(today);
    await expectAccessible(page);
    await mapping.getByRole('button', { name: 'Registrer kartleggingen' }).click();
    await expectDone(page, 'Registrer kompetansekartlegging');
    await expectAccessible(page);
    await signOut(page);
  });

  await test.step('IMDi sets Hamar’s decided number (R-DIST-2) and offers the case (R-DIST-1)', async () => {
    await signIn(page, people.imdi);
    const year = isoWeekYear(expectedWeek);
    await page.getByRole('link', { name: 'Kommuner' }).click();
    await page.getByLabel('År').selectOption(String(year));
    const decision = page.getByRole('group', { name: `Registrer kommunens vedtak for ${year}` });
    await decision.getByLabel('Kommunenummer').fill('3403');
    await decision.getByLabel('Kommunenavn').fill('Hamar');
    await decision.getByLabel('Vedtatt antall personer').fill('40');
    await decision.getByRole('button', { name: 'Lagre vedtak' }).click();
    await expect(page.getByText(`Lagret. Hamar: 40 personer i ${year}.`)).toBeVisible();
    await expectAccessible(page);

    await openCase(page, caseId);
    // IMDi does not take the centre's steps: no form for them.
    await expect(page.getByRole('button', { name: 'Registrer samtalen' })).toHaveCount(0);
    const offer = stepForm(page, 'Tilby saken til en kommune');
    await offer.getByLabel('Kommunenummer').fill('3403');
    await offer.getByLabel('Kommunenavn').fill('Hamar');
    await expectAccessible(page);
    await offer.getByRole('button', { name: 'Send tilbudet' }).click();
    await expectDone(page, 'Tilby saken til en kommune');
    await expect(page.getByRole('list', { name: 'Steg du ikke kan ta nå' })).toContainText('sendes til én kommune om gangen');
    await expectAccessible(page);
    await signOut(page);
  });

  await test.step('Hamar sees the anonymised profile on its Tilbud page (R-DIST-3) and accepts with the expected week', async () => {
    await signIn(page, hamar);
    const offer = page.getByRole('region', { name: new RegExp(`^Tilbud i sak ${caseId}`) });
    // The list is the case index, written just after the offer: open the page again until it is there.
    await expect(async () => {
      await page.getByRole('link', { name: 'Tilbud' }).click();
      await expect(offer).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(offer.getByRole('heading', { name: 'Anonymisert profil' })).toBeVisible();
    await expect(offer.getByRole('table', { name: /anonymisert/ }).getByRole('row')).toHaveCount(1 + family.length);
    // No name, DUF number, birth date or reception centre before the municipality has answered.
    const text = (await page.locator('main').textContent()) ?? '';
    for (const p of family) {
      expect(text).not.toContain(p.given);
      expect(text).not.toContain(p.duf);
      expect(text).not.toContain(p.dob);
    }
    expect(text).not.toContain('Haddad');
    expect(text).not.toMatch(/asylmottak|mottak-lillehammer/i);
    await expectAccessible(page);
    await screenshot(page, 'scenario-offers');
    const answer = offer.getByRole('form', { name: 'Svar på tilbudet' });
    await answer.getByRole('radio', { name: 'Vi tar imot husstanden' }).check();
    await answer.getByLabel('Forventet bosettingsuke').fill(expectedWeek);
    await answer.getByRole('button', { name: 'Send svaret' }).click();
    await expect(page.getByRole('heading', { name: `Svar sendt i sak ${caseId}` })).toBeVisible();
    // The answered offer leaves the list at once, even while the case index still lists it.
    await expect(offer).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: `Svar sendt i sak ${caseId}` })).toContainText(`forventet bosetting uke ${expectedWeek}`);
    await expectAccessible(page);
    // Having accepted, the municipality reads the household (R-DIST-3 ends with the acceptance).
    await page.getByRole('link', { name: `Åpne sak ${caseId}` }).click();
    await expect(page.getByRole('cell', { name: 'Amal Haddad' })).toBeVisible();
    await expectAccessible(page);
    await signOut(page);
  });

  await test.step('the centre agrees the moving date (R-MOVE-1); a date in the past is refused with the reason', async () => {
    await signIn(page, people.mottak);
    await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
    await expectAccessible(page);
    await docsScreenshot(page, 'workbench-inbox');
    await openCase(page, caseId);
    await docsScreenshot(page, 'workbench-case');
    const moving = stepForm(page, 'Avtal flyttedato og reise');
    await moving.getByLabel('Flyttedato').fill(addDays(today, -1));
    await moving.getByLabel('Reisemåte').selectOption({ label: 'Kollektivtransport' });
    await moving.getByLabel('Reisetid (timer)').fill('2');
    await moving.getByRole('button', { name: 'Avtal flyttedatoen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Steget er ikke tillatt nå' })).toContainText(`Flyttedatoen ${addDays(today, -1)} er passert.`);
    await expectAccessible(page);
    await moving.getByLabel('Flyttedato').fill(today);
    await moving.getByRole('button', { name: 'Avtal flyttedatoen' }).click();
    await expectDone(page, 'Avtal flyttedato og reise');
    await expectAccessible(page);
    await screenshot(page, 'scenario-case-moving');
    await signOut(page);
  });

  await test.step('Hamar confirms the arrival (R-MOVE-3) and sees the arrival journeys', async () => {
    await signIn(page, hamar);
    await openCase(page, caseId);
    const arrival = stepForm(page, 'Bekreft ankomst');
    await arrival.getByLabel('Ankomstdato').fill(today);
    await expect(arrival.getByLabel('Hele husstanden har kommet')).toBeChecked();
    await expectAccessible(page);
    await arrival.getByRole('button', { name: 'Bekreft ankomsten' }).click();
    await expectDone(page, 'Bekreft ankomst');
    await expect(page.getByText('Fase:')).toContainText('Bosatt');
    await expectAccessible(page);

    // The list of households is the case index, written just after the arrival: open the page again until it is there.
    const households = page.getByLabel('Husstand', { exact: true });
    await expect(async () => {
      await page.getByRole('link', { name: 'Ankomst' }).click();
      await expect(households.locator(`option[value="${caseId}"]`)).toHaveCount(1, { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await households.selectOption({ value: caseId });
    await expect(page.getByRole('heading', { level: 2, name: 'Oppgaver etter ankomst' })).toBeVisible();
    const household = page.getByRole('table', { name: 'Husstandens medlemmer og deres oppfølging' });
    for (const p of family) await expect(household.getByRole('cell', { name: `${p.given} Haddad` })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'scenario-arrival');
  });
});
