/**
 * The fonts a letter is set in: Noto, from npm packages (@expo-google-fonts/*: Google Fonts' full,
 * unsplit TTF files, OFL-1.1), regular and bold. Each script a caseload brings has its font; the
 * first font that has a character draws it, and only the glyphs used are embedded (subset) in
 * each PDF. A character none of them has makes the letter fail with the reason, never a "?".
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

type FontSpec = { key: string; scripts: string; pkg: string; family: string };

/** In fallback order: the first that covers a character draws it. */
const specs: FontSpec[] = [
  { key: 'sans', scripts: 'Latin (all European and Vietnamese letters), Greek, Cyrillic', pkg: 'noto-sans', family: 'NotoSans' },
  { key: 'arabic', scripts: 'Arabic script: Arabic, Persian, Dari, Pashto, Kurdish (Sorani), Urdu', pkg: 'noto-sans-arabic', family: 'NotoSansArabic' },
  { key: 'ethiopic', scripts: "Ge'ez: Tigrinya, Amharic, Tigre", pkg: 'noto-sans-ethiopic', family: 'NotoSansEthiopic' },
  { key: 'hebrew', scripts: 'Hebrew', pkg: 'noto-sans-hebrew', family: 'NotoSansHebrew' },
  { key: 'georgian', scripts: 'Georgian', pkg: 'noto-sans-georgian', family: 'NotoSansGeorgian' },
  { key: 'armenian', scripts: 'Armenian', pkg: 'noto-sans-armenian', family: 'NotoSansArmenian' },
  { key: 'devanagari', scripts: 'Devanagari: Nepali, Hindi', pkg: 'noto-sans-devanagari', family: 'NotoSansDevanagari' },
  { key: 'tamil', scripts: 'Tamil', pkg: 'noto-sans-tamil', family: 'NotoSansTamil' },
  { key: 'bengali', scripts: 'Bengali', pkg: 'noto-sans-bengali', family: 'NotoSansBengali' },
  { key: 'myanmar', scripts: 'Myanmar: Burmese, Karen', pkg: 'noto-sans-myanmar', family: 'NotoSansMyanmar' },
  { key: 'thai', scripts: 'Thai', pkg: 'noto-sans-thai', family: 'NotoSansThai' },
];

export type Weight = 'regular' | 'bold';

export type LetterFont = {
  /** The name the PDF document registers it under, e.g. "arabic-bold". */
  name: string;
  scripts: string;
  weight: Weight;
  /** Parsed once per process: PDFKit takes the parsed font, so no letter parses its tables again. */
  font: fontkit.Font;
  covers(codePoint: number): boolean;
};

const files: Record<Weight, string> = { regular: '400Regular', bold: '700Bold' };

let loaded: Record<Weight, LetterFont[]> | undefined;

/** The fonts of each weight in fallback order; read once per process. */
export function letterFonts(): Record<Weight, LetterFont[]> {
  loaded ??= {
    regular: specs.map((spec) => load(spec, 'regular')),
    bold: specs.map((spec) => load(spec, 'bold')),
  };
  return loaded;
}

function load(spec: FontSpec, weight: Weight): LetterFont {
  const file = `${files[weight]}/${spec.family}_${files[weight]}.ttf`;
  const bytes = fs.readFileSync(require.resolve(`@expo-google-fonts/${spec.pkg}/${file}`));
  const font = fontkit.create(bytes) as fontkit.Font;
  return { name: `${spec.key}-${weight}`, scripts: spec.scripts, weight, font, covers: (cp) => font.hasGlyphForCodePoint(cp) };
}

/** For the README and error messages: which scripts the letters can print. */
export const letterScripts = specs.map((s) => s.scripts);
