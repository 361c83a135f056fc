/**
 * The font of the invisible text layer: a Unicode TrueType font (DejaVu Serif) embedded as a subset
 * (CIDFontType2, Identity-H, with a ToUnicode map so copied and extracted text is Unicode).
 */
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, type PDFFont, type PDFHexString, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

// Layout features off: with ligatures a "fi" would become one glyph, and kerning or mark
// positioning would be computed for nothing (Tj places glyphs by their advance widths only).
// What stays on (ccmp) leaves precomposed Vietnamese letters as one glyph each.
const FEATURES = { liga: false, clig: false, dlig: false, calt: false, kern: false, mark: false, mkmk: false };

/** Replaces a character the font lacks: PDF/A forbids showing the .notdef glyph, even invisibly. */
const REPLACEMENT = 0xfffd;

export interface TextFont {
  font: PDFFont;
  /** Embeds the subset now (call once every word is encoded) and completes its font file entry. */
  finish(): Promise<void>;
  /** Ascent and descent (negative) as fractions of the font size. */
  ascent: number;
  descent: number;
  /** The word as the font can show it: NFC, no control characters, unknown characters replaced. */
  sanitize(text: string): string;
  encode(text: string): PDFHexString;
  width(text: string, size: number): number;
}

/**
 * `TAG+PostScriptName`: six capitals mark an embedded subset (PDF 32000-1 §9.6.4); a fixed tag
 * (pdf-lib's default name has a random suffix) keeps the output the same for the same input.
 */
function subsetName(bytes: Uint8Array): string {
  const name = fontkit.create(bytes).postscriptName || 'Font';
  return `MCTOCR+${name.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '')}`;
}

export async function embedTextFont(doc: PDFDocument, bytes: Uint8Array): Promise<TextFont> {
  const parsed = fontkit.create(bytes);
  const charset = new Set(parsed.characterSet);
  const scale = 1 / parsed.unitsPerEm;
  const font = await doc.embedFont(bytes, { subset: true, features: FEATURES, customName: subsetName(bytes) });
  const replacement = charset.has(REPLACEMENT) ? String.fromCodePoint(REPLACEMENT) : '';
  const encoded = new Map<string, PDFHexString>();
  return {
    font,
    async finish() {
      await doc.flush();
      addLength1(doc, font);
    },
    ascent: parsed.ascent * scale,
    descent: parsed.descent * scale,
    sanitize(text) {
      let out = '';
      for (const ch of text.normalize('NFC')) {
        const cp = ch.codePointAt(0)!;
        if (/\p{Cc}/u.test(ch)) out += /\s/.test(ch) && charset.has(0x20) ? ' ' : '';
        else out += charset.has(cp) ? ch : replacement;
      }
      return out.trim();
    },
    encode(text) {
      let hex = encoded.get(text);
      if (!hex) encoded.set(text, (hex = font.encodeText(text)));
      return hex;
    },
    width: (text, size) => font.widthOfTextAtSize(text, size),
  };
}

/**
 * pdf-lib leaves out /Length1 (the decoded size of a TrueType font file), which PDF 32000-1 Table
 * 127 requires for FontFile2 and archive validators check.
 */
function addLength1(doc: PDFDocument, font: PDFFont): void {
  const type0 = doc.context.lookup(font.ref, PDFDict);
  const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const file = descriptor.lookup(PDFName.of('FontFile2'));
  if (file instanceof PDFRawStream) file.dict.set(PDFName.of('Length1'), PDFNumber.of(decodePDFRawStream(file).decode().length));
}
