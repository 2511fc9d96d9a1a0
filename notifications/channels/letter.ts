/**
 * Letter channel: an A4 PDF, addressed and dated, with the case reference; the text's "Gjelder"
 * block carries every family member's DUF number where R-HH-2 requires it. Text only, with the
 * PDF standard fonts (not embedded), so a letter is a few KB and fits in its DynamoDB item.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { IsoDate } from '../../domain/dates';
import { formatDate, type PostalAddress } from '../catalog/fields';

export type LetterContent = {
  /** Letterhead: on whose behalf the letter is sent. */
  sender: string;
  recipient: { name: string; postalAddress?: PostalAddress };
  date: IsoDate;
  caseId: string;
  notificationId: string;
  subject: string;
  /** Paragraphs separated by a blank line; "- " starts a list item. */
  body: string;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 60;
const BODY_SIZE = 10.5;
const LINE = 14.5;

export async function renderLetterPdf(letter: LetterContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const created = new Date(`${letter.date}T12:00:00Z`);
  doc.setTitle(letter.subject);
  doc.setAuthor(letter.sender);
  doc.setSubject(`Sak ${letter.caseId}`);
  doc.setCreator('Bosetting');
  doc.setProducer('Bosetting');
  doc.setLanguage('nb-NO');
  // Dated by the letter, not by the run, so a retry renders the same document.
  doc.setCreationDate(created);
  doc.setModificationDate(created);

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  const pages: PDFPage[] = [];
  let page = newPage();
  let y = A4[1] - MARGIN;

  function newPage(): PDFPage {
    const p = doc.addPage(A4);
    pages.push(p);
    return p;
  }
  function write(text: string, opts: { font?: PDFFont; size?: number; x?: number; indent?: number } = {}) {
    const font = opts.font ?? regular;
    const size = opts.size ?? BODY_SIZE;
    const x = opts.x ?? MARGIN;
    for (const line of wrap(printable(text, font), font, size, width - (x - MARGIN) - (opts.indent ?? 0))) {
      if (y < MARGIN + 30) {
        page = newPage();
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: x + (line === '' ? 0 : opts.indent ?? 0), y, size, font, color: rgb(0, 0, 0) });
      y -= size + 4;
    }
  }

  // Letterhead, date and reference.
  write(letter.sender, { font: bold, size: 12 });
  y -= 6;
  write(`Dato: ${formatDate(letter.date)}`);
  write(`Vår referanse: ${letter.caseId}`);
  y -= 28;

  // The address block.
  const address = letter.recipient.postalAddress;
  write(letter.recipient.name, { font: bold });
  if (address) {
    for (const line of address.lines) write(line);
    write(`${address.postcode} ${address.town}`);
    if (address.country) write(address.country);
  } else {
    write('Adresse ikke registrert – fylles inn før utsending');
  }
  y -= 28;

  write(letter.subject, { font: bold, size: 13 });
  y -= 8;
  for (const paragraph of letter.body.split(/\n{2,}/)) {
    for (const line of paragraph.split('\n')) {
      const item = /^(\s*)- (.*)$/.exec(line);
      if (item) write(`• ${item[2]}`, { indent: 12 + item[1]!.length * 4 });
      else write(line, { indent: /^\s+/.exec(line)?.[0].length ? 12 : 0 });
    }
    y -= LINE - BODY_SIZE;
  }

  // Footer on every page: document id and page numbers.
  pages.forEach((p, i) => {
    const footer = printable(`Dokument-ID ${letter.notificationId} · side ${i + 1} av ${pages.length}`, regular);
    p.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 7.5, font: regular, color: rgb(0.35, 0.35, 0.35) });
  });

  return doc.save();
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}

/**
 * The standard fonts encode WinAnsi (Latin-1 and a few more): æ, ø, å and most European names
 * print as they are; other letters lose their accent (ş → s), and what remains becomes "?".
 */
function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text]
    .map((ch) => {
      if (supported.has(ch.codePointAt(0)!)) return ch;
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      return [...base].every((c) => supported.has(c.codePointAt(0)!)) && base.length > 0 ? base : '?';
    })
    .join('');
}
