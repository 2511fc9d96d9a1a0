/**
 * Every letter type, for a household whose names are in many scripts: the PDF declares PDF/A-2a and PDF/UA-1, in `nb`
 * with every font embedded, and poppler's `pdftotext` gives back every name exactly, in the order
 * of the letter. The first page of each is rendered to PNG (test/output/letters/, not committed)
 * for a person to look at. Needs poppler-utils (Debian; `.ci/run` installs it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageDefinition, parseNotification, renderNotification, textsByLocale, type MessageType } from '../../notifications/catalog';
import { shortReference } from '../../notifications/catalog/fields';
import { LetterUnprintableError, renderLetterPdf } from '../../notifications/channels/letter';
import { notificationExamples } from '../fixtures/notification-examples';

const CASE_ID = 'case-7e3f09a1c2b4d5e6f708192a3b4c5d6e';
const TODAY = '2027-01-20';
const OUTPUT = path.resolve(__dirname, '../output/letters');

/** One household, one name per script a caseload brings (adults first, then the children). */
const household = [
  { name: 'Олена Коваленко', dufNumber: '202612345671', dateOfBirth: '1986-02-11' }, // Ukrainian, Cyrillic
  { name: 'Nguyễn Thị Hồng', dufNumber: '202612345682', dateOfBirth: '1990-09-03' }, // Vietnamese, Latin with stacked diacritics
  { name: 'محمد عبد الله', dufNumber: '202612345693', dateOfBirth: '1984-05-21' }, // Arabic
  { name: 'ኣብርሃም ተኽለ', dufNumber: '202612345704', dateOfBirth: '1992-12-30' }, // Tigrinya, Ge'ez
  { name: 'زهرا احمدی', dufNumber: '202612345715', dateOfBirth: '1995-07-14' }, // Dari/Persian, Arabic script with Persian letters
  { name: 'ნინო ბერიძე', dufNumber: '202612345726', dateOfBirth: '1999-01-08' }, // Georgian
  { name: 'Cabdullaahi Xasan Ærøy-Şahin', dufNumber: '202612345737', dateOfBirth: '2001-04-19' }, // Somali, Norwegian and Turkish letters
  { name: 'Юлія Їжак', dufNumber: '202612345748', dateOfBirth: '2015-03-02' }, // a child, Ukrainian ї
  { name: 'सीता गुरुङ', dufNumber: '202612345759', dateOfBirth: '2018-10-10' }, // a child, Nepali, Devanagari
];
const names = household.map((m) => m.name);
const centre = { id: 'mottak-hamar', name: 'Hamar asylmottak' };
const bodo = { number: '1804', name: 'Bodø' };

const letterData: Partial<Record<MessageType, Record<string, unknown>>> = {
  'settlement-decision': { municipality: bodo, householdMembers: household, receptionCentre: centre, expectedSettlementWeek: '2027-W10' },
  'refusal-deadline-letter': { municipality: bodo, moveByDate: '2027-02-10', householdMembers: household, receptionCentre: centre },
  'refusal-step-1-letter': {
    addressee: household[2],
    householdMembers: household.map(({ name, dufNumber }) => ({ name, dufNumber })),
    receptionCentre: centre,
    allowanceStopsOn: '2027-02-11',
    moveByDate: '2027-02-24',
  },
  'eviction-notice': { householdMembers: household, receptionCentre: centre, step1SentOn: '2027-02-10', evictionDate: '2027-03-10' },
  'bailiff-request': {
    householdMembers: household.slice(0, 7),
    receptionCentre: { name: centre.name, address: { lines: ['Mottaksveien 1'], postcode: '2317', town: 'Hamar' } },
    evictionNoticeSentOn: '2027-02-24',
    evictionDate: '2027-03-10',
  },
};
const letterTypes = Object.keys(letterData) as MessageType[];

async function letterFor(type: MessageType, data: Record<string, unknown> = letterData[type]!) {
  const definition = messageDefinition(type)!;
  const parsed = parseNotification({ type, rule: definition.rules[0], recipient: { kind: definition.recipients[0], id: 'x' }, data });
  const rendered = renderNotification(parsed, { caseId: CASE_ID, today: TODAY });
  const texts = textsByLocale.nb;
  const addressees = rendered.addressee?.names ?? ['Namsmannen i Hamar'];
  const pdf = await renderLetterPdf({
    texts,
    sender: texts.senders[definition.sender],
    recipient: {
      name: new Intl.ListFormat('nb', { type: 'conjunction' }).format(addressees),
      careOf: rendered.addressee?.receptionCentre?.name,
      postalAddress: { lines: ['Mottaksveien 1'], postcode: '2317', town: 'Hamar' },
    },
    date: TODAY,
    reference: shortReference(CASE_ID),
    subject: rendered.subject,
    body: rendered.body,
  });
  return { pdf, rendered, addressees };
}

function poppler(tool: string, args: string[], input?: Uint8Array): string {
  try {
    return execFileSync(tool, args, { input, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: apt-get install poppler-utils (.ci/run does it)`);
    throw error;
  }
}

/** pdftotext marks right-to-left runs with bidi embedding controls for display; the text itself is what counts. */
function extracted(pdf: Uint8Array): string {
  return poppler('pdftotext', ['-enc', 'UTF-8', '-', '-'], pdf)
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[ \t]+/g, ' ');
}

// Each letter is a PDF and three poppler runs; a loaded machine needs more than the default 5 s.
describe('letters as PDF/A in every script', { timeout: 60_000 }, () => {
  it.each(letterTypes)('%s: pdftotext gives back every name exactly and in order; PDF/A-2a and UA-1, nb, fonts embedded; first page as PNG', async (type) => {
    const { pdf, rendered, addressees } = await letterFor(type);
    const text = extracted(pdf);

    const expected = type === 'bailiff-request' ? names.slice(0, 7) : names;
    let at = -1;
    for (const name of expected) {
      const found = text.indexOf(name, at + 1);
      expect(found, `${name} in ${type}:\n${text}`).toBeGreaterThan(at);
      at = found;
    }
    // The addressees by name, never a case id; the short reference.
    for (const name of addressees) expect(text).toContain(name);
    expect(text).not.toContain(CASE_ID);
    expect(text).toContain('Vår referanse: 7E3F-09A1-C2B4');
    expect(text).toContain(rendered.subject);
    expect(pdf.byteLength, 'small enough to store with the case').toBeLessThan(100_000);

    const xmp = poppler('pdfinfo', ['-meta', '-'], pdf);
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${rendered.subject}</rdf:li>`);
    const info = poppler('pdfinfo', ['-'], pdf);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+${rendered.subject}$`, "m"));
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('/Lang (nb)');
    expect(raw).toMatch(/\/OutputIntents \[/);
    expect(raw).toContain('/S /GTS_PDFA1');
    const fonts = poppler('pdffonts', ['-'], pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(2);
    for (const line of fonts) expect(line, `font embedded: ${line}`).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT, `${type}.pdf`), pdf);
    poppler('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', path.join(OUTPUT, `${type}.pdf`), path.join(OUTPUT, type)]);
    expect(fs.statSync(path.join(OUTPUT, `${type}.png`)).size).toBeGreaterThan(10_000);
  });

  it('the same letter twice is the same bytes (a retry stores the same document)', async () => {
    const [a, b] = await Promise.all([letterFor('eviction-notice'), letterFor('eviction-notice')]);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });

  it('a character no embedded font has fails the letter with the reason, never a "?"', async () => {
    const data = structuredClone(letterData['eviction-notice']!) as { householdMembers: { name: string }[] };
    data.householdMembers[0]!.name = '王秀英';
    const error = await letterFor('eviction-notice', data).catch((e) => e);
    expect(error).toBeInstanceOf(LetterUnprintableError);
    expect(error.characters).toEqual(['王', '秀', '英']);
    expect(error.message).toContain('«王» (U+738B)');
    expect(error.message).toContain('Skriv og send brevet manuelt');
  });
});
