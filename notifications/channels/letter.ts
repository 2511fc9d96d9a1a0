/**
 * Letter channel: an A4 letter as PDF/A-2a and PDF/UA-1, tagged (headings, paragraphs, lists; page footers as
 * artifacts), document language `nb`, title and XMP metadata, sRGB output intent. Set with PDFKit
 * in embedded Noto fonts (subset per PDF, see letter-fonts.ts): PDFKit shapes every script with
 * fontkit (Arabic joining and ligatures, Ge'ez, Indic), writes PDF/A and tagged PDF itself, and
 * bundles the sRGB ICC profile. Right-to-left runs are ordered by the Unicode bidi algorithm
 * (bidi-js) inside the left-to-right Norwegian text. A character no font has fails the letter.
 */
import bidiFactory from 'bidi-js';
import PDFDocument from 'pdfkit';
import type { IsoDate } from '../../domain/dates';
import type { PostalAddress } from '../catalog/fields';
import { day, formatMessage } from '../texts/format';
import type { Phrases, SenderTexts } from '../texts/types';
import { letterFonts, letterScripts, type LetterFont, type Weight } from './letter-fonts';

export type LetterContent = {
  /** The language's phrases (bokmål: notifications/texts/nb.ts). */
  texts: Phrases;
  /** Letterhead and signature: on whose behalf the letter is sent, and how to reach them. */
  sender: SenderTexts;
  /** The addressees by name (one line), "c/o" the reception centre where they live, and the postal address when known. */
  recipient: { name: string; careOf?: string; postalAddress?: PostalAddress };
  date: IsoDate;
  /** The reference a reader can quote. */
  reference: string;
  subject: string;
  /** Paragraphs separated by a blank line; "- " starts a list item. */
  body: string;
};

/** A letter that cannot be printed as written: a character none of the embedded fonts has. Never retried. */
export class LetterUnprintableError extends Error {
  override name = 'LetterUnprintableError';
  constructor(readonly characters: string[]) {
    super(
      `Brevet kan ikke lages som PDF: ${characters.map((c) => `«${c}» (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')} ` +
        `finnes ikke i brevets skrifter (${letterScripts.join('; ')}). Skriv og send brevet manuelt.`,
    );
  }
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 62;
const WIDTH = A4[0] - 2 * MARGIN;
const BOTTOM = A4[1] - MARGIN - 24;
const BODY = 10.5;
const GREY = '#4d4d4d';

const bidi = bidiFactory();

/**
 * Widths of runs already shaped, by font, size and text: letters share most of their words, and
 * shaping (fontkit) is most of a letter's CPU. A width depends on nothing else (the fonts are fixed).
 */
const measured = new Map<string, number>();
const MEASURED_MAX = 50_000;

/** The PDF/UA identification, with the XMP extension schema PDF/A requires for a property it does not predefine. */
const PDF_UA_XMP = `
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
      <pdfaProperty:name>part</pdfaProperty:name>
      <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
      <pdfaProperty:category>internal</pdfaProperty:category>
      <pdfaProperty:description>Part of ISO 14289 (PDF/UA) the file conforms to</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
  </rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>`;

type Style = { size: number; weight: Weight; color?: string; indent?: number; gapAfter?: number };

/** A piece of one line: text in one font at one bidi level, in logical order. */
type Run = { text: string; font: LetterFont; level: number };

export async function renderLetterPdf(letter: LetterContent): Promise<Uint8Array> {
  const content = normalised(letter);
  const missing = uncovered([content.sender.name, ...(content.sender.address ?? []), content.recipient.name, content.recipient.careOf ?? '', content.subject, content.body, ...addressLines(content.recipient.postalAddress)]);
  if (missing.length > 0) throw new LetterUnprintableError(missing);

  const { texts } = content;
  const say = (template: string, values: Record<string, string | number | Date>) => formatMessage(texts.locale, template, values);
  const created = day(content.date);
  const doc = new PDFDocument({
    size: A4,
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    font: null as unknown as string,
    // Level A: tagged, every glyph mapped to Unicode (veraPDF passes 2a and PDF/UA-1, see README).
    subset: 'PDF/A-2a',
    pdfVersion: '1.7',
    tagged: true,
    lang: texts.locale,
    displayTitle: true,
    info: {
      Title: content.subject,
      Author: content.sender.name,
      Subject: say(texts.letter.reference, { reference: content.reference }),
      Creator: 'Bosetting',
      Producer: 'Bosetting (PDFKit)',
      // Dated by the letter, not by the run, so a retry renders the same document.
      CreationDate: created,
      ModDate: created,
    },
  } as PDFKit.PDFDocumentOptions);
  const fonts = letterFonts();
  for (const font of [...fonts.regular, ...fonts.bold]) doc.registerFont(font.name, font.font as never);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.addPage();
  let y = MARGIN;

  type Element = { tag: string; element: PDFKit.PDFStructureElement };
  const struct = (tag: string): Element => ({ tag, element: doc.struct(tag) });

  /** Lays out one paragraph (logical text) in lines of the text width, each line tagged as content of `into`. */
  function paragraph(into: Element, text: string, style: Style, label?: Element) {
    const lineHeight = style.size * 1.42;
    for (const [index, line] of lines(text, style, WIDTH - (style.indent ?? 0)).entries()) {
      if (y + lineHeight > BOTTOM) {
        doc.addPage();
        y = MARGIN;
      }
      const baseline = y + style.size;
      if (label && index === 0) {
        // The list bullet on the item's first line, tagged as its label.
        const marked = doc.markStructureContent('Lbl');
        drawLine(runsOf('•', new Uint8Array(1), 0, 1, 'regular'), MARGIN + 5, baseline, style);
        doc.endMarkedContent();
        label.element.add(marked);
      }
      const marked = doc.markStructureContent(into.tag);
      drawLine(line, MARGIN + (style.indent ?? 0), baseline, style);
      doc.endMarkedContent();
      into.element.add(marked);
      y += lineHeight;
    }
    y += style.gapAfter ?? 0;
  }

  function block(tag: string, text: string, style: Style) {
    const into = struct(tag);
    root.add(into.element);
    paragraph(into, text, style);
    into.element.end();
  }

  function drawLine(runs: Run[], x: number, baseline: number, style: Style) {
    for (const run of visualOrder(runs)) {
      doc.font(fontFor(run)).fontSize(style.size).fillColor(style.color ?? 'black');
      const options = { lineBreak: false, baseline: 'alphabetic', features: [] } as unknown as PDFKit.Mixins.TextOptions;
      doc.text(run.text, x, baseline, options);
      x += widthOf(run, style.size);
    }
  }

  function fontFor(run: Run): string {
    doc.font(run.font.name);
    keepUnicodePerUse((doc as unknown as { _font: EmbeddedFont })._font);
    return run.font.name;
  }

  /** Greedy line filling by words, each word measured once in the fonts its parts are drawn with. */
  function lines(text: string, style: Style, width: number): Run[][] {
    const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
    const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    const space = measure(runsOf(' ', new Uint8Array(1), 0, 1, style.weight), style.size);
    const result: Run[][] = [];
    let start = words[0]?.start ?? 0;
    let end = start;
    let used = 0;
    for (const word of words) {
      const wordWidth = measure(runsOf(text, levels, word.start, word.end, style.weight), style.size);
      if (end > start && used + space + wordWidth > width) {
        result.push(runsOf(text, levels, start, end, style.weight));
        start = word.start;
        used = 0;
      }
      used += (end > start ? space : 0) + wordWidth;
      end = word.end;
    }
    result.push(runsOf(text, levels, start, end, style.weight));
    return result;
  }

  function measure(runs: Run[], size: number): number {
    return runs.reduce((sum, run) => sum + widthOf(run, size), 0);
  }

  /** A run's width, shaped once per process (PDFKit shapes again on every call when features are given). */
  function widthOf(run: Run, size: number): number {
    const key = `${run.font.name}\u0000${size}\u0000${run.text}`;
    let width = measured.get(key);
    if (width === undefined) {
      width = doc.font(run.font.name).fontSize(size).widthOfString(run.text, { features: [] } as never);
      if (measured.size >= MEASURED_MAX) measured.clear();
      measured.set(key, width);
    }
    return width;
  }

  // ─── The letter ─────────────────────────────────────────────────────────────────────────
  const { sender, recipient } = content;
  block('P', sender.name, { size: 13, weight: 'bold', gapAfter: 2 });
  const contact = [
    ...(sender.address ? [say(texts.letter.senderAddress, { address: sender.address.join(', ') })] : []),
    ...(sender.phone ? [say(texts.letter.senderPhone, { phone: sender.phone })] : []),
    ...(sender.web ? [say(texts.letter.senderWeb, { web: sender.web })] : []),
  ];
  for (const line of contact) block('P', line, { size: 8.5, weight: 'regular', color: GREY });
  y += 30;

  const address = struct('P');
  root.add(address.element);
  paragraph(address, recipient.name, { size: 11, weight: 'regular' });
  if (recipient.careOf) paragraph(address, say(texts.letter.careOf, { name: recipient.careOf }), { size: 11, weight: 'regular' });
  if (recipient.postalAddress) for (const line of addressLines(recipient.postalAddress)) paragraph(address, line, { size: 11, weight: 'regular' });
  else paragraph(address, texts.letter.addressMissing, { size: 9, weight: 'regular', color: GREY });
  address.element.end();
  y += 26;

  block('P', say(texts.letter.date, { date: created }), { size: 9.5, weight: 'regular' });
  block('P', say(texts.letter.reference, { reference: content.reference }), { size: 9.5, weight: 'regular', gapAfter: 22 });

  block('H1', content.subject, { size: 13.5, weight: 'bold', gapAfter: 8 });

  for (const part of content.body.split(/\n{2,}/)) {
    const items = part.split('\n');
    if (items.every((line) => /^\s*- /.test(line))) list(items.map((line) => line.replace(/^\s*- /, '')));
    else if (/^\s*- /.test(items[1] ?? '') && items.slice(1).every((line) => /^\s*- /.test(line))) {
      // A lead-in line and its list ("Gjelder:" and the persons).
      block('P', items[0]!, { size: BODY, weight: 'regular', gapAfter: 1 });
      list(items.slice(1).map((line) => line.replace(/^\s*- /, '')));
    } else {
      const into = struct('P');
      root.add(into.element);
      for (const line of items) paragraph(into, line.trim(), { size: BODY, weight: 'regular', indent: /^\s+/.test(line) ? 14 : 0 });
      into.element.end();
      y += BODY * 0.6;
    }
  }

  function list(items: string[]) {
    const element = doc.struct('L');
    root.add(element);
    for (const item of items) {
      const li = doc.struct('LI');
      element.add(li);
      const label = struct('Lbl');
      const body = struct('LBody');
      li.add(label.element);
      li.add(body.element);
      paragraph(body, item, { size: BODY, weight: 'regular', indent: 14 }, label);
      label.element.end();
      body.element.end();
      li.end();
    }
    element.end();
    y += BODY * 0.6;
  }

  y += 10;
  block('P', texts.letter.signOff, { size: BODY, weight: 'regular', gapAfter: 4 });
  block('P', sender.name, { size: BODY, weight: 'bold', gapAfter: 6 });
  block('P', texts.letter.electronicallyApproved, { size: 8.5, weight: 'regular', color: GREY });
  root.end();

  // Footer on every page, outside the reading order: the reference and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.markContent('Artifact', { type: 'Pagination' } as never);
    const footer = `${say(texts.letter.reference, { reference: content.reference })} · ${say(texts.letter.page, { page: i + 1, pages: range.count })}`;
    drawLine(runsOf(footer, new Uint8Array(footer.length), 0, footer.length, 'regular'), MARGIN, A4[1] - MARGIN / 2, { size: 7.5, weight: 'regular', color: GREY });
    doc.endMarkedContent();
  }

  // PDF/UA-1 identification next to PDF/A's (PDFKit writes one subset's id; the letter meets both).
  (doc as unknown as { appendXML(xml: string): void }).appendXML(PDF_UA_XMP);
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

/** NFC everywhere: one code point per accented letter, as the fonts' character maps have them. */
function normalised(letter: LetterContent): LetterContent {
  const n = (s: string) => s.normalize('NFC');
  const address = letter.recipient.postalAddress;
  return {
    ...letter,
    subject: n(letter.subject),
    body: n(letter.body),
    recipient: {
      name: n(letter.recipient.name),
      careOf: letter.recipient.careOf && n(letter.recipient.careOf),
      postalAddress: address && { ...address, lines: address.lines.map(n), town: n(address.town), country: address.country && n(address.country) },
    },
  };
}

function addressLines(address: PostalAddress | undefined): string[] {
  if (!address) return [];
  return [...address.lines, `${address.postcode} ${address.town}`, ...(address.country ? [address.country] : [])];
}

/** The characters that no font can draw (spaces and invisible format characters need none). */
function uncovered(strings: string[]): string[] {
  const fonts = letterFonts();
  const missing = new Set<string>();
  for (const ch of strings.join('\n')) {
    if (/[\s\p{Default_Ignorable_Code_Point}]/u.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (!fonts.regular.some((f) => f.covers(cp)) || !fonts.bold.some((f) => f.covers(cp))) missing.add(ch);
  }
  return [...missing];
}

/** Splits text[start, end) into runs of one font and one bidi level; spaces and punctuation stay with the run they are in. */
function runsOf(text: string, levels: Uint8Array, start: number, end: number, weight: Weight): Run[] {
  const fonts = letterFonts()[weight];
  const runs: Run[] = [];
  let i = start;
  while (i < end) {
    const cp = text.codePointAt(i)!;
    const length = cp > 0xffff ? 2 : 1;
    const last = runs.at(-1);
    const level = levels[i] ?? 0;
    const keep = last && last.level === level && (last.font.covers(cp) || /[\s\p{Default_Ignorable_Code_Point}]/u.test(String.fromCodePoint(cp)));
    if (keep) last.text += text.slice(i, i + length);
    else runs.push({ text: text.slice(i, i + length), font: fonts.find((f) => f.covers(cp)) ?? fonts[0]!, level });
    i += length;
  }
  return runs;
}

/**
 * UAX #9 rule L2 on runs: from the highest level to the lowest odd one, reverse every sequence of
 * runs at that level or higher. Within a right-to-left run, fontkit puts the glyphs right to left.
 */
function visualOrder(runs: Run[]): Run[] {
  const ordered = [...runs];
  const levels = ordered.map((r) => r.level);
  const odd = levels.filter((l) => l % 2 === 1);
  if (odd.length === 0) return ordered;
  for (let level = Math.max(...levels); level >= Math.min(...odd); level--) {
    for (let i = 0; i < ordered.length; ) {
      if (ordered[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < ordered.length && ordered[j]!.level >= level) j++;
      ordered.splice(i, j - i, ...ordered.slice(i, j).reverse());
      i = j;
    }
  }
  return ordered;
}

// ─── Text that extracts as it reads ───────────────────────────────────────────────────────

type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
/** The parts of PDFKit's embedded font that map glyphs to text (pdfkit 0.20, pinned in package.json). */
type EmbeddedFont = {
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  unicode: number[][];
  widths: number[];
  scale: number;
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  perUse?: Map<string, number>;
  /** The fontkit font. */
  font: { getGlyph(id: number, codePoints?: number[]): Glyph };
};

const glyphsPerUse = new WeakSet<object>();

/**
 * PDF maps each glyph id to one text (ToUnicode), but shaping reuses glyphs: Noto Sans Arabic
 * draws ن and ب medial with one dotless form, Noto Sans draws the i of "ị" with the plain "i". A
 * glyph used for another text gets its own id in the subset (the same outline), so every use
 * extracts as what it stands for and "Thị" never turns "Ærlig" into "Ærlịg". fontkit caches one
 * Glyph object per id with the text of its first use; each use gets its own view with its text.
 */
function keepUnicodePerUse(font: EmbeddedFont) {
  if (font.perUse) return;
  const perUse = new Map<string, number>();
  font.perUse = perUse;
  // The fontkit font is shared by every letter (letter-fonts.ts): its getGlyph is wrapped once.
  if (!glyphsPerUse.has(font.font)) {
    glyphsPerUse.add(font.font);
    const getGlyph = font.font.getGlyph.bind(font.font);
    font.font.getGlyph = (id, codePoints = []) => Object.create(getGlyph(id, codePoints), { codePoints: { value: codePoints } });
  }
  font.encode = function encode(text, features) {
    const { glyphs, positions } = this.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      let gid = this.subset.includeGlyph(glyph.id);
      const mapped = this.unicode[gid];
      if (mapped != null && mapped.join() !== glyph.codePoints.join()) {
        const key = `${glyph.id}:${glyph.codePoints.join()}`;
        let own = perUse.get(key);
        if (own === undefined) {
          this.subset.glyphs.push(glyph.id);
          own = this.subset.glyphs.length - 1;
          perUse.set(key, own);
        }
        gid = own;
      }
      this.widths[gid] ??= glyph.advanceWidth * this.scale;
      this.unicode[gid] ??= glyph.codePoints;
      return `0000${gid.toString(16)}`.slice(-4);
    });
    return [encoded, positions];
  };
}
