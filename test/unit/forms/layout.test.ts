import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText, fitSize, wrapRuns, wrapText, type Style } from '../../../src-shared/forms/layout/wrap';
import { loadFonts } from './fixtures';

const FONTS = loadFonts();

let regular: Style;
let bold: Style;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  regular = { font: await doc.embedFont(FONTS.regular, { subset: true }), size: 10 };
  bold = { font: await doc.embedFont(FONTS.bold, { subset: true }), size: 10 };
});

const texts = (lines: ReturnType<typeof wrapText>) => lines.map((l) => l.runs.map((r) => r.text).join(''));

describe('text wrapping by measured width', () => {
  it('breaks at spaces and keeps every line within the width', () => {
    const text = 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận';
    const lines = wrapText(text, regular, 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(150);
    expect(texts(lines).join(' ')).toBe(text);
  });

  it('breaks an over-long code after a hyphen or dot, never inside a letter and its marks', () => {
    const lines = texts(wrapText('000.17.22.H56-261121-0007', regular, 80));
    expect(lines.join('')).toBe('000.17.22.H56-261121-0007');
    expect(lines[0]?.endsWith('-') || lines[0]?.endsWith('.')).toBe(true);
    const word = 'Nguyễn'.normalize('NFD').repeat(6);
    const parts = texts(wrapText(word, regular, 40));
    expect(parts.join('')).toBe(word.normalize('NFC'));
    for (const p of parts) expect(p).toBe(p.normalize('NFC'));
  });

  it('mixes styles on one line and honours newlines', () => {
    const lines = wrapRuns(
      [
        { ...regular, text: 'Họ và tên: ' },
        { ...bold, text: 'Nguyễn Thị Hồng Nhung\nTrần Quốc Việt' },
      ],
      400,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]?.runs.map((r) => [r.text, r.font === bold.font])).toEqual([
      ['Họ và tên: ', false],
      ['Nguyễn Thị Hồng Nhung', true],
    ]);
    expect(lines[0]?.runs[1]?.x).toBeCloseTo(lines[0]?.runs[0]?.width ?? 0);
    expect(texts([lines[1]!])).toEqual(['Trần Quốc Việt']);
  });

  it('cleans text to NFC without control characters', () => {
    expect(cleanText('Nguyễn\tThị\r\nHồng\u0007'.normalize('NFD'))).toBe('Nguyễn Thị\nHồng');
  });

  it('shrinks a title to fit, down to a floor', () => {
    const title = 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT';
    const s = fitSize(title, bold.font, 13, 480, 11);
    expect(s).toBeLessThan(13);
    expect(bold.font.widthOfTextAtSize(title, s)).toBeLessThanOrEqual(480);
    expect(fitSize(title, bold.font, 13, 100, 11)).toBe(11);
  });
});
