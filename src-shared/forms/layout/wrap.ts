/**
 * Line breaking by measured width. Vietnamese separates syllables with spaces, so lines break at
 * spaces; a token wider than the line (a long code, an e-mail address) is broken between
 * characters, never inside a base letter and its combining marks.
 */
import type { PDFFont } from 'pdf-lib';

export interface Style {
  font: PDFFont;
  size: number;
}

export interface Run extends Style {
  text: string;
}

export interface PlacedRun extends Run {
  /** Offset from the start of the line. */
  x: number;
  width: number;
}

export interface Line {
  runs: PlacedRun[];
  width: number;
}

// C0/C1 controls except the newline; tabs become spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** NFC, tabs to spaces, CR/CRLF to LF, other control characters dropped. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '');
}

// Widths at size 1 per font and text: measuring runs fontkit's full layout, and wrapping measures
// the same syllables again and again. Keyed weakly by the font, so it lives as long as its document.
const widths = new WeakMap<PDFFont, Map<string, number>>();

export function textWidth(text: string, style: Style): number {
  if (!text) return 0;
  let cache = widths.get(style.font);
  if (!cache) widths.set(style.font, (cache = new Map()));
  let w = cache.get(text);
  if (w === undefined) cache.set(text, (w = style.font.widthOfTextAtSize(text, 1)));
  return w * style.size;
}

interface Piece extends Run {
  width: number;
}

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
/** Pieces of a long token ending at a soft break: after - / . _ @ (codes, addresses, e-mails). */
const SOFT_PIECES = /[^-/._@]+[-/._@]*|[-/._@]+/g;

/**
 * Breaks a token wider than the line: at soft breaks where possible, between characters (never
 * inside a base letter and its marks) where a piece is itself too wide.
 */
function splitLongWord(word: string, style: Style, first: number, width: number): string[] {
  const parts: string[] = [];
  let current = '';
  let limit = first;
  const push = (unit: string) => {
    if (current && textWidth(current + unit, style) > limit) {
      parts.push(current);
      current = '';
      limit = width;
    }
    if (textWidth(unit, style) <= limit) {
      current += unit;
      return;
    }
    for (const ch of unit.match(CLUSTER) ?? []) {
      if (current && textWidth(current + ch, style) > limit) {
        parts.push(current);
        current = '';
        limit = width;
      }
      current += ch;
    }
  };
  for (const piece of word.match(SOFT_PIECES) ?? []) push(piece);
  if (current) parts.push(current);
  return parts;
}

/** Merges neighbouring pieces of the same style into runs and places them. */
function toLine(pieces: Piece[]): Line {
  const runs: PlacedRun[] = [];
  for (const p of pieces) {
    const last = runs[runs.length - 1];
    if (last && last.font === p.font && last.size === p.size) last.text += p.text;
    else runs.push({ text: p.text, font: p.font, size: p.size, x: 0, width: 0 });
  }
  let x = 0;
  for (const r of runs) {
    r.x = x;
    r.width = textWidth(r.text, r);
    x += r.width;
  }
  return { runs: runs.filter((r) => r.text), width: x };
}

/**
 * Breaks styled runs into lines of at most `width` (the first line: `firstWidth`). Newlines in the
 * text force a break; runs of spaces are kept inside a line and dropped at line starts.
 */
export function wrapRuns(input: readonly Run[], width: number, firstWidth = width): Line[] {
  const lines: Line[] = [];
  let pieces: Piece[] = [];
  let used = 0;
  let pendingSpace: Piece | undefined;
  const limit = () => (lines.length === 0 ? firstWidth : width);
  const flush = () => {
    lines.push(toLine(pieces));
    pieces = [];
    used = 0;
    pendingSpace = undefined;
  };
  for (const run of input) {
    const style: Style = { font: run.font, size: run.size };
    for (const token of cleanText(run.text).split(/(\n| +)/)) {
      if (!token) continue;
      if (token === '\n') {
        flush();
        continue;
      }
      if (token.startsWith(' ')) {
        if (pieces.length > 0) pendingSpace = { ...style, text: token, width: textWidth(token, style) };
        continue;
      }
      const w = textWidth(token, style);
      const spaceW = pendingSpace?.width ?? 0;
      if (pieces.length > 0 && used + spaceW + w <= limit()) {
        if (pendingSpace) pieces.push(pendingSpace);
        pieces.push({ ...style, text: token, width: w });
        used += spaceW + w;
        pendingSpace = undefined;
        continue;
      }
      if (pieces.length > 0) flush();
      pendingSpace = undefined;
      if (w <= limit()) {
        pieces.push({ ...style, text: token, width: w });
        used = w;
        continue;
      }
      const parts = splitLongWord(token, style, limit(), width);
      parts.forEach((part, i) => {
        pieces.push({ ...style, text: part, width: textWidth(part, style) });
        used = pieces[pieces.length - 1]?.width ?? 0;
        if (i < parts.length - 1) flush();
      });
    }
  }
  if (pieces.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Plain text in one style. */
export function wrapText(text: string, style: Style, width: number): Line[] {
  return wrapRuns([{ ...style, text }], width);
}

/** The largest size ≤ `size` (down to `min`) at which `text` fits on one line of `width`. */
export function fitSize(text: string, font: PDFFont, size: number, width: number, min: number): number {
  let s = size;
  while (s > min && textWidth(cleanText(text), { font, size: s }) > width) s = Math.round((s - 0.25) * 100) / 100;
  return s;
}
