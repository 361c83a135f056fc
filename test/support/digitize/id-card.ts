/**
 * Generated images of a chip citizen ID card (thẻ Căn cước công dân gắn chip, CCCD) for the QR
 * reader's tests: the front with its QR code top right, as a flatbed scan, turned, blurred and as a
 * phone photo where the card is small on a desk; and the back of an old card, which has no QR.
 * The QR text follows DOMAIN.md §7 and is valid for parseCccdQr.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import qrcode from 'qrcode-generator';
import sharp, { type Sharp } from 'sharp';
import { mulberry32 } from '../prng';

export const ID_CARD_VARIANTS = [
  'flat',
  'rotated-90',
  'rotated-180',
  'rotated-270',
  'rotated-17',
  'photo-small',
  'photo-far',
  'blur-jpeg',
  'photocopy',
  'no-qr',
  'photo-no-qr',
] as const;
export type IdCardVariant = (typeof ID_CARD_VARIANTS)[number];

/** The seven QR fields as the card stores them (dates ddMMyyyy). */
export interface IdCardHolder {
  idNumber: string;
  /** Old 9-digit CMND number, '' when none. */
  oldIdNumber: string;
  name: string;
  birthDate: string;
  gender: 'Nam' | 'Nữ';
  address: string;
  issueDate: string;
}

/** Holders whose numbers agree with their birth year and gender (province codes 001, 079, 040, 048). */
export const ID_CARD_HOLDERS: readonly IdCardHolder[] = [
  {
    idNumber: '001090012345',
    oldIdNumber: '',
    name: 'Nguyễn Văn An',
    birthDate: '15031990',
    gender: 'Nam',
    address: 'Số 12 ngõ 34, phường Láng Hạ, quận Đống Đa, Hà Nội',
    issueDate: '20042021',
  },
  {
    idNumber: '079303004567',
    oldIdNumber: '025123456',
    name: 'Trần Thị Ngọc Hân',
    birthDate: '02112003',
    gender: 'Nữ',
    address: '123/45 Lê Văn Sỹ, Phường 13, Quận 3, Thành phố Hồ Chí Minh',
    issueDate: '10072022',
  },
  {
    idNumber: '040185009876',
    oldIdNumber: '',
    name: 'Lê Thị Hường',
    birthDate: '28021985',
    gender: 'Nữ',
    address: 'Xóm 5, xã Nghi Phong, huyện Nghi Lộc, Nghệ An',
    issueDate: '05092021',
  },
  {
    idNumber: '048072001122',
    oldIdNumber: '201234567',
    name: 'Phạm Đức Thắng',
    birthDate: '09091972',
    gender: 'Nam',
    address: 'Tổ 7, phường Hòa Khánh Bắc, quận Liên Chiểu, Thành phố Đà Nẵng',
    issueDate: '15122021',
  },
];

/** `CCCD|CMND|name|DOB|gender|address|issue date`, the layout of cards issued 2021–2024. */
export function cccdQrText(h: IdCardHolder): string {
  return [h.idNumber, h.oldIdNumber, h.name, h.birthDate, h.gender, h.address, h.issueDate].join('|');
}

/**
 * The UTF-8 bytes as a "binary string". qrcode-generator's ESM build turns each UTF-16 code unit
 * into one byte (`charCode & 0xff`) and has no UTF-8 option, and setting its global
 * `stringToBytes` would change other callers' codes, so the bytes go in pre-encoded.
 */
export function utf8BinaryString(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join('');
}

/** Module matrix of the card's QR code: byte mode, UTF-8, error correction M as on real cards. */
export function idCardQrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(utf8BinaryString(text), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

export interface GeneratedIdCard {
  variant: IdCardVariant;
  /** e.g. `rotated-17-1.png` */
  name: string;
  /** What the QR code holds; null for a card without one. */
  qrText: string | null;
  holder: IdCardHolder;
  bytes: Buffer;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** Side of the QR symbol (without quiet zone) in the output image, px; 0 without a QR. */
  qrPixels: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SANS = path.join(root, 'test/fixtures/fonts/DejaVuSans.ttf');
const SANS_BOLD = path.join(root, 'test/fixtures/fonts/DejaVuSans-Bold.ttf');

/** 85.6 × 54 mm (ISO/IEC 7810 ID-1) at 300 dpi. */
export const CARD_300 = { width: 1011, height: 638 } as const;
/** The printed QR symbol is about 15 mm wide. */
const QR_SIDE_300 = 178;

const escapeMarkup = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const dmy = (d: string) => `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;

/** Dark text on transparent, for compositing onto the card. */
async function textLayer(markup: string, fontfile: string, width: number): Promise<Buffer> {
  return sharp({ text: { text: markup, fontfile, dpi: 300, width, rgba: true, spacing: 4 } }).png().toBuffer();
}

/** The QR symbol, drawn large then scaled to `side` px the way print and scan soften edges. */
async function qrImage(text: string, side: number): Promise<Buffer> {
  const matrix = idCardQrMatrix(text);
  const n = matrix.length;
  const cell = 8;
  const quiet = 2;
  const size = (n + 2 * quiet) * cell;
  const data = Buffer.alloc(size * size, 255);
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < cell; y++) data.fill(20, ((r + quiet) * cell + y) * size + (c + quiet) * cell, ((r + quiet) * cell + y) * size + (c + quiet + 1) * cell);
    }),
  );
  const outer = Math.round((side * (n + 2 * quiet)) / n);
  return sharp(data, { raw: { width: size, height: size, channels: 1 } }).resize(outer, outer, { kernel: 'lanczos3' }).toColourspace('srgb').png().toBuffer();
}

/** Pale green-to-cream background with faint guilloche waves, like the card's security print. */
function cardBackgroundSvg(withEmblem: boolean): Buffer {
  const { width, height } = CARD_300;
  const waves = Array.from({ length: 14 }, (_, i) => {
    const y = 40 + i * 42;
    return `<path d="M0 ${y} Q ${width / 4} ${y - 30} ${width / 2} ${y} T ${width} ${y}" fill="none" stroke="#b9d3c4" stroke-width="1.5" opacity="0.6"/>`;
  }).join('');
  // The national emblem (quốc huy), simplified: red disc, gold ring, red star.
  const emblem = withEmblem
    ? `<circle cx="110" cy="110" r="62" fill="#c8202a"/><circle cx="110" cy="110" r="40" fill="#f2c230"/>
       <polygon points="110,80 118,103 142,103 123,117 130,140 110,126 90,140 97,117 78,103 102,103" fill="#c8202a"/>`
    : '';
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#e3efe6"/><stop offset="1" stop-color="#f6f0dc"/></linearGradient></defs>
      <rect width="${width}" height="${height}" rx="36" fill="url(#g)"/>${waves}${emblem}
    </svg>`,
  );
}

/** Front of a chip CCCD: header, portrait box, details and the QR top right. */
async function renderFront(h: IdCardHolder): Promise<Buffer> {
  const header = await textLayer(
    `<span font_family="DejaVu Sans" size="6pt" weight="bold">CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</span>\n` +
      `<span font_family="DejaVu Sans" size="6pt">Độc lập - Tự do - Hạnh phúc</span>\n` +
      `<span font_family="DejaVu Sans" size="9pt" weight="bold" foreground="#b0151e">CĂN CƯỚC CÔNG DÂN</span>\n` +
      `<span font_family="DejaVu Sans" size="5pt">Citizen Identity Card</span>`,
    SANS_BOLD,
    620,
  );
  const label = (vi: string, en: string) => `<span size="4.5pt">${vi} / ${en}:</span>`;
  const details = await textLayer(
    `<span font_family="DejaVu Sans" size="6.5pt">${label('Số', 'No.')} <b>${h.idNumber}</b>\n` +
      `${label('Họ và tên', 'Full name')}\n<b>${escapeMarkup(h.name.toLocaleUpperCase('vi'))}</b>\n` +
      `${label('Ngày sinh', 'Date of birth')} ${dmy(h.birthDate)}\n` +
      `${label('Giới tính', 'Sex')} ${h.gender}   ${label('Quốc tịch', 'Nationality')} Việt Nam\n` +
      `${label('Nơi thường trú', 'Place of residence')}\n${escapeMarkup(h.address)}</span>`,
    SANS,
    680,
  );
  const portrait = await sharp({ create: { width: 220, height: 290, channels: 3, background: '#9a9ea3' } })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="220" height="290"><circle cx="110" cy="110" r="62" fill="#7d8186"/><ellipse cx="110" cy="290" rx="100" ry="95" fill="#7d8186"/></svg>') }])
    .png()
    .toBuffer();
  const qr = await qrImage(cccdQrText(h), QR_SIDE_300);
  const qrMeta = await sharp(qr).metadata();
  return sharp(cardBackgroundSvg(true))
    .composite([
      { input: header, top: 30, left: 200 },
      { input: portrait, top: 215, left: 40 },
      { input: details, top: 215, left: 290 },
      { input: qr, top: 24, left: CARD_300.width - 24 - (qrMeta.width ?? QR_SIDE_300) },
    ])
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}

/** Back of an old (2016) CCCD without a chip: fingerprints, marks, the issuer, and no QR code. */
async function renderOldBack(h: IdCardHolder): Promise<Buffer> {
  const labels = await textLayer('<span font_family="DejaVu Sans" size="5pt">Ngón trỏ trái          Ngón trỏ phải</span>', SANS, 420);
  const text = await textLayer(
    `<span font_family="DejaVu Sans" size="6pt">Đặc điểm nhân dạng: Nốt ruồi C:2cm trên sau đầu mày phải\n` +
      `Ngày ${h.issueDate.slice(0, 2)} tháng ${h.issueDate.slice(2, 4)} năm ${h.issueDate.slice(4)}\n` +
      `<b>CỤC TRƯỞNG CỤC CẢNH SÁT\nĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ</b></span>`,
    SANS,
    600,
  );
  const finger = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="180" height="220"><rect x="2" y="2" width="176" height="216" fill="none" stroke="#555" stroke-width="3"/>` +
      Array.from({ length: 9 }, (_, i) => `<ellipse cx="90" cy="110" rx="${10 + i * 8}" ry="${14 + i * 10}" fill="none" stroke="#666" stroke-width="3"/>`).join('') +
      `</svg>`,
  );
  return sharp(cardBackgroundSvg(false))
    .composite([
      { input: finger, top: 60, left: 60 },
      { input: finger, top: 60, left: 270 },
      { input: labels, top: 290, left: 75 },
      { input: text, top: 90, left: 480 },
    ])
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}

/** A card laid on a scanner bed: white margin around it. */
async function onScannerBed(card: Buffer): Promise<Buffer> {
  return sharp(card).extend({ top: 60, bottom: 60, left: 60, right: 60, background: '#ffffff' }).png().toBuffer();
}

/**
 * A 4000×3000 phone photo: the card, `scale` times its 300-dpi size, turned a little on a textured
 * desk, slightly out of focus, with uneven light and sensor noise (saved as a camera JPEG later).
 */
async function phonePhoto(card: Buffer, seed: number, scale: number): Promise<Sharp> {
  const random = mulberry32(seed);
  const W = 4000;
  const H = 3000;
  const cardW = Math.round(CARD_300.width * scale);
  const turned = await sharp(card)
    .resize(cardW)
    .blur(0.8)
    .ensureAlpha()
    .rotate(-6 - random() * 4, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  // Desk texture: coarse random blotches blown up, tinted wood-brown.
  const coarse = Buffer.alloc(200 * 150 * 3);
  for (let i = 0; i < coarse.length; i += 3) {
    const v = 120 + random() * 60;
    coarse[i] = v;
    coarse[i + 1] = v * 0.8;
    coarse[i + 2] = v * 0.6;
  }
  const desk = await sharp(coarse, { raw: { width: 200, height: 150, channels: 3 } }).resize(W, H, { kernel: 'cubic' }).raw().toBuffer();
  // Uneven light, drawn small and blown up (a smooth gradient loses nothing, and librsvg is slow at 12 MP).
  const light = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><defs><radialGradient id="l" cx="0.35" cy="0.4" r="0.8"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/></radialGradient></defs><rect width="400" height="300" fill="url(#l)"/></svg>`,
    ),
  )
    .resize(W, H)
    .png()
    .toBuffer();
  // Sensor noise: a tile of roughly gaussian grey noise around mid-grey, repeated and overlaid
  // (mid-grey leaves a pixel unchanged). Seeded, so every run draws the same photo; a tile, because
  // 12 MP of noise is slow to make.
  const tileSide = 509;
  const grain = Buffer.alloc(tileSide * tileSide);
  for (let i = 0; i < grain.length; i++) grain[i] = Math.max(0, Math.min(255, Math.round(128 + (random() + random() + random() - 1.5) * 36)));
  const noise = await sharp(grain, { raw: { width: tileSide, height: tileSide, channels: 1 } }).toColourspace('srgb').png().toBuffer();
  const left = Math.round(W * 0.52);
  const top = Math.round(H * 0.18);
  const raw = { width: W, height: H, channels: 3 } as const;
  const flat = await sharp(desk, { raw })
    .composite([{ input: turned.data, left, top }, { input: light }, { input: noise, tile: true, blend: 'overlay' }])
    .removeAlpha()
    .raw()
    .toBuffer();
  return sharp(flat, { raw });
}

/**
 * A worn grey photocopy of the card: faded contrast, a shadow darkening one side and 5 % of the
 * pixels turned to black or white specks (toner dust and dropouts).
 */
async function photocopy(card: Buffer, seed: number): Promise<Sharp> {
  const { data, info } = await sharp(card).greyscale().raw().toBuffer({ resolveWithObject: true });
  const random = mulberry32(seed);
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = y * info.width + x;
      const r = random();
      const v = r < 0.05 ? 0 : r < 0.1 ? 255 : (data[i] ?? 0);
      data[i] = Math.round(v * (1 - (0.6 * x) / info.width) * 0.6 + 40);
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
}

/** Renders one variant of the card of holder `holderIndex` (0-based, wraps around). */
export async function generateIdCard(variant: IdCardVariant, holderIndex = 0): Promise<GeneratedIdCard> {
  const holder = ID_CARD_HOLDERS[((holderIndex % ID_CARD_HOLDERS.length) + ID_CARD_HOLDERS.length) % ID_CARD_HOLDERS.length]!;
  const hasQr = variant !== 'no-qr' && variant !== 'photo-no-qr';
  const card = hasQr ? await renderFront(holder) : await renderOldBack(holder);
  let qrPixels = hasQr ? QR_SIDE_300 : 0;
  let image: Sharp;
  let format: 'png' | 'jpeg' = 'png';
  switch (variant) {
    case 'rotated-90':
    case 'rotated-180':
    case 'rotated-270':
      image = sharp(await onScannerBed(card)).rotate(Number(variant.slice('rotated-'.length)));
      break;
    case 'rotated-17':
      image = sharp(await onScannerBed(card)).rotate(17, { background: '#ffffff' });
      break;
    case 'blur-jpeg':
      image = sharp(await onScannerBed(card)).blur(1.2);
      format = 'jpeg';
      break;
    case 'photocopy':
      image = await photocopy(await onScannerBed(card), 31 + holderIndex);
      break;
    case 'photo-small':
    case 'photo-far':
    case 'photo-no-qr': {
      // The card about a quarter of the frame's width (QR ~160 px), or further away (QR ~120 px).
      const scale = variant === 'photo-far' ? 0.68 : 0.9;
      image = await phonePhoto(card, 77 + holderIndex, scale);
      qrPixels = Math.round(qrPixels * scale);
      format = 'jpeg';
      break;
    }
    default:
      image = sharp(await onScannerBed(card));
  }
  const out = format === 'png' ? image.png() : image.jpeg({ quality: variant === 'blur-jpeg' ? 60 : 85 });
  const { data, info } = await out.toBuffer({ resolveWithObject: true });
  return {
    variant,
    name: `${variant}-${holderIndex}.${format === 'png' ? 'png' : 'jpg'}`,
    qrText: hasQr ? cccdQrText(holder) : null,
    holder,
    bytes: data,
    format,
    width: info.width,
    height: info.height,
    qrPixels,
  };
}
