/**
 * Generated scanned pages of Vietnamese administrative text, each with its ground truth, for the
 * OCR tests and the bench. Rendered by libvips/Pango through sharp with DejaVu fonts at 300 dpi on
 * an A4 sheet, then degraded per class the way real scans are.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { ADMIN_TEXTS } from './admin-texts';
import { mulberry32 } from '../prng';

export const PAGE_CLASSES = ['clean', 'serif', 'small', 'caps', 'noisy-skewed', 'rotated-90', 'rotated-180'] as const;
export type PageClass = (typeof PAGE_CLASSES)[number];

export interface GeneratedPage {
  cls: PageClass;
  /** e.g. `serif-2.png` */
  name: string;
  /** Ground truth: the printed lines joined by '\n' (no blank lines). */
  text: string;
  bytes: Buffer;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const FONTS = {
  sans: { file: path.join(root, 'test/fixtures/fonts/DejaVuSans.ttf'), family: 'DejaVu Sans' },
  serif: { file: path.join(root, 'resources/fonts/DejaVuSerif.ttf'), family: 'DejaVu Serif' },
} as const;

/** A4 at 300 dpi. */
export const A4_300 = { width: 2480, height: 3508 } as const;
const MARGIN = { left: 236, top: 300 };

interface Style {
  font: keyof typeof FONTS;
  pt: number;
  caps: boolean;
}

const STYLES: Record<PageClass, Style> = {
  clean: { font: 'sans', pt: 12, caps: false },
  serif: { font: 'serif', pt: 12, caps: false },
  small: { font: 'serif', pt: 8, caps: false },
  caps: { font: 'serif', pt: 12, caps: true },
  'noisy-skewed': { font: 'serif', pt: 11, caps: false },
  'rotated-90': { font: 'sans', pt: 12, caps: false },
  'rotated-180': { font: 'serif', pt: 12, caps: false },
};

const escapeMarkup = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');


/** A red round seal (con dấu) near the bottom right: the stored page must keep it red. */
function sealSvg(): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="420">
      <circle cx="210" cy="210" r="190" fill="none" stroke="#d0202a" stroke-width="14"/>
      <circle cx="210" cy="210" r="120" fill="none" stroke="#d0202a" stroke-width="8"/>
      <polygon points="210,130 229,188 290,188 241,224 259,282 210,246 161,282 179,224 130,188 191,188" fill="#d0202a"/>
    </svg>`,
  );
}

/** The page upright and clean, as a greyscale-on-white RGB PNG of A4 at 300 dpi. */
async function renderUpright(lines: readonly string[], style: Style, withSeal: boolean): Promise<Buffer> {
  const { file, family } = FONTS[style.font];
  const markup = `<span font_family="${family}" size="${style.pt}pt">${escapeMarkup(lines.join('\n'))}</span>`;
  const text = await sharp({ text: { text: markup, fontfile: file, dpi: 300, width: A4_300.width - 2 * MARGIN.left, spacing: Math.round(style.pt * 2.2) } })
    .negate()
    .png()
    .toBuffer();
  const layers: OverlayOptions[] = [{ input: text, top: MARGIN.top, left: MARGIN.left }];
  if (withSeal) layers.push({ input: sealSvg(), top: A4_300.height - 900, left: A4_300.width - 800 });
  return sharp({ create: { ...A4_300, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .png()
    .toBuffer();
}

/** Grey noise and salt-and-pepper specks on a raw RGB page, in place. */
function addNoise(data: Buffer, random: () => number): void {
  for (let i = 0; i < data.length; i += 3) {
    const n = (random() + random() + random() - 1.5) * 40;
    const speck = random() < 0.002 ? -180 : 0;
    for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, (data[i + c] ?? 0) - 18 + n + speck));
  }
}

/** Renders page `variant` (any integer; picks the passage and the noise) of a class. */
export async function generatePage(cls: PageClass, variant = 0): Promise<GeneratedPage> {
  const style = STYLES[cls];
  // Two passages make a page about half full, like most forms.
  const at = (i: number) => ADMIN_TEXTS[((i % ADMIN_TEXTS.length) + ADMIN_TEXTS.length) % ADMIN_TEXTS.length]!;
  const passage = [...at(variant), '', ...at(variant + 1)];
  const lines = style.caps ? passage.map((l) => l.toLocaleUpperCase('vi')) : passage;
  const upright = await renderUpright(lines, style, cls === 'clean');
  const name = `${cls}-${variant}`;
  const done = async (image: Sharp, format: 'png' | 'jpeg'): Promise<GeneratedPage> => {
    const { data, info } = await (format === 'png' ? image.png() : image.jpeg({ quality: 45 })).toBuffer({ resolveWithObject: true });
    return { cls, name: `${name}.${format === 'png' ? 'png' : 'jpg'}`, text: lines.filter((l) => l !== '').join('\n'), bytes: data, format, width: info.width, height: info.height };
  };
  switch (cls) {
    case 'rotated-90':
      return done(sharp(upright).rotate(90), 'png');
    case 'rotated-180':
      return done(sharp(upright).rotate(180), 'png');
    case 'noisy-skewed': {
      const random = mulberry32(1000 + variant);
      const angle = (random() < 0.5 ? -1 : 1) * (1.5 + random() * 2);
      const turned = await sharp(upright).rotate(angle, { background: '#ffffff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      addNoise(turned.data, random);
      return done(sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: 3 } }), 'jpeg');
    }
    default:
      return done(sharp(upright), 'png');
  }
}
