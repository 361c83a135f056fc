/**
 * The CCCD QR reader on generated card images: every variant gives back exactly the text that was
 * encoded, and that text is a valid card record; images without a code give []; broken input is an
 * InputError; and the WebAssembly is never fetched (fetch throws during the whole file).
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, type RasterPage } from '../../../../src-main/services/digitize/types';
import { QR_BUDGET_MS, readQrCodes, type QrAttempt } from '../../../../src-main/services/digitize/qr';
import { planViews } from '../../../../src-main/services/digitize/qr/views';
import { parseCccdQr } from '../../../../src-shared/domain/applicant/cccd-qr';
import { generateIdCard, type GeneratedIdCard, type IdCardHolder, type IdCardVariant } from '../../../support/digitize/id-card';

const TODAY = '2026-11-21';
const iso = (ddMMyyyy: string) => `${ddMMyyyy.slice(4)}-${ddMMyyyy.slice(2, 4)}-${ddMMyyyy.slice(0, 2)}`;

const fetchCalls: string[] = [];
const realFetch = globalThis.fetch;
beforeAll(() => {
  // Installed before the first read, so it is in place when the wasm module is instantiated.
  globalThis.fetch = ((input: unknown) => {
    fetchCalls.push(String(input));
    throw new Error('network access during QR decoding');
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

/** Reads the card, logs time and views, and returns what was found and how. */
async function read(card: GeneratedIdCard | { name: string; bytes: Buffer | RasterPage }, budgetMs?: number) {
  const attempts: QrAttempt[] = [];
  const started = performance.now();
  const texts = await readQrCodes(card.bytes, { onAttempt: (a) => attempts.push(a), ...(budgetMs === undefined ? {} : { budgetMs }) });
  const ms = Math.round(performance.now() - started);
  console.log(`[qr] ${card.name}: ${ms} ms, ${attempts.length} view(s): ${attempts.map((a) => `${a.view} ${a.ms} ms`).join(', ')}`);
  return { texts, attempts, ms };
}

function expectCardRecord(text: string, holder: IdCardHolder): void {
  const parsed = parseCccdQr(text, { today: TODAY });
  if (!parsed.ok) throw new Error(`parseCccdQr refused it: ${parsed.errors.map((e) => e.code).join(', ')}`);
  expect(parsed).toMatchObject({
    idNumber: holder.idNumber,
    oldIdNumber: holder.oldIdNumber === '' ? null : holder.oldIdNumber,
    name: holder.name,
    birthDate: iso(holder.birthDate),
    gender: holder.gender === 'Nam' ? 'male' : 'female',
    address: holder.address,
    issueDate: iso(holder.issueDate),
  });
}

describe('readQrCodes on ID card images', () => {
  const cases: [IdCardVariant, number][] = [
    ['flat', 0],
    ['rotated-90', 1],
    ['rotated-180', 2],
    ['rotated-270', 3],
    ['rotated-17', 1],
    ['blur-jpeg', 2],
  ];
  it.each(cases)('decodes %s (holder %i) to exactly the encoded text, a valid card record', async (variant, holder) => {
    const card = await generateIdCard(variant, holder);
    const { texts } = await read(card);
    expect(texts).toEqual([card.qrText]);
    expectCardRecord(texts[0]!, card.holder);
  });

  it('finds the code on a 12 MP phone photo where the card is small (QR ~160 px)', { timeout: 90_000 }, async () => {
    const card = await generateIdCard('photo-small', 1);
    expect([card.width, card.height]).toEqual([4000, 3000]);
    const { texts } = await read(card);
    expect(texts).toEqual([card.qrText]);
    expectCardRecord(texts[0]!, card.holder);
  });

  it('falls back to tiles, then enlarged tiles, when the card is too far away for the reduced whole view', { timeout: 120_000 }, async () => {
    // This photo's code (~120 px) is one that only the enlarged tiles read. No budget, so the views
    // tried do not depend on how busy the machine is.
    const card = await generateIdCard('photo-far', 5);
    const { texts, attempts } = await read(card, Number.POSITIVE_INFINITY);
    expect(texts).toEqual([card.qrText]);
    expectCardRecord(texts[0]!, card.holder);
    expect(attempts[0]).toMatchObject({ view: 'whole', width: 2000, found: 0 });
    expect(attempts.filter((a) => /^tile /.test(a.view))).toHaveLength(12);
    expect(attempts.at(-1)?.view).toMatch(/^fine-tile /);
  });

  it('binarises a faded, speckled photocopy that the plain view cannot read', async () => {
    const card = await generateIdCard('photocopy', 0);
    const { texts, attempts } = await read(card);
    expect(texts).toEqual([card.qrText]);
    expectCardRecord(texts[0]!, card.holder);
    expect(attempts.map((a) => [a.view, a.found])).toEqual([
      ['whole', 0],
      ['whole-binarised', 1],
    ]);
  });

  it('returns every code when two cards lie on the scanner together', async () => {
    const [a, b] = await Promise.all([generateIdCard('flat', 0), generateIdCard('rotated-180', 3)]);
    const both = await sharp({ create: { width: a.width + b.width, height: Math.max(a.height, b.height), channels: 3, background: '#ffffff' } })
      .composite([{ input: a.bytes, left: 0, top: 0 }, { input: b.bytes, left: a.width, top: 0 }])
      .png()
      .toBuffer();
    const { texts } = await read({ name: 'two-cards', bytes: both });
    expect([...texts].sort()).toEqual([a.qrText, b.qrText].sort());
  });

  it('reads decoded pixels (RasterPage) as well as files, grey, RGB or RGBA', async () => {
    const card = await generateIdCard('flat', 1);
    for (const channels of [1, 3, 4] as const) {
      let pipeline = sharp(card.bytes);
      pipeline = channels === 1 ? pipeline.greyscale() : channels === 4 ? pipeline.ensureAlpha() : pipeline.removeAlpha();
      const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
      expect(info.channels).toBe(channels);
      const page: RasterPage = { data, width: info.width, height: info.height, channels, dpi: 300 };
      const { texts } = await read({ name: `raster-${channels}ch`, bytes: page });
      expect(texts).toEqual([card.qrText]);
    }
  });
});

describe('readQrCodes without a code', () => {
  it('returns [] for the back of an old card, after trying every view', async () => {
    const card = await generateIdCard('no-qr', 0);
    const { texts, attempts } = await read(card);
    expect(texts).toEqual([]);
    expect(attempts.map((a) => a.view)).toEqual(planViews(card.width, card.height).map((v) => v.label));
  });

  it('returns [] for a 12 MP photo without a code, its worst case, stopping at the time budget', { timeout: 120_000 }, async () => {
    const card = await generateIdCard('photo-no-qr', 0);
    const { texts, attempts, ms } = await read(card);
    const planned = planViews(4000, 3000).map((v) => v.label);
    console.log(`[qr] worst case (12 MP photo, no code): ${ms} ms, ${attempts.length} of ${planned.length} views (budget ${QR_BUDGET_MS} ms)`);
    expect(texts).toEqual([]);
    expect(attempts.map((a) => a.view)).toEqual(planned.slice(0, attempts.length));
    expect(attempts.every((a) => a.found === 0)).toBe(true);
  });

  it('stops starting new views once the time budget is spent (the whole image is always tried)', async () => {
    const card = await generateIdCard('no-qr', 1);
    const { attempts } = await read(card, 0);
    expect(attempts.map((a) => a.view)).toEqual(['whole']);
  });
});

/** A grey PNG declaring width × height whose pixel data is one empty row: only its header is sound. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey), no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(width + 1))), chunk('IEND', Buffer.alloc(0))]);
}

describe('readQrCodes on broken input', () => {
  const code = async (input: Buffer | RasterPage) => {
    try {
      await readQrCodes(input);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).code;
    }
    throw new Error('expected an InputError');
  };

  it('refuses bytes that are not an image, a damaged PNG and an empty file', async () => {
    const card = await generateIdCard('flat', 0);
    const damaged = Buffer.from(card.bytes);
    damaged.fill(0x5a, 40, 4000);
    expect(await code(Buffer.from('this is not an image, just text bytes'))).toBe('corrupt');
    expect(await code(damaged)).toBe('corrupt');
    expect(await code(Buffer.alloc(0))).toBe('empty');
  });

  it('tells a half-copied JPEG (truncated) from one over the pixel limit (too-large, refused from its header)', async () => {
    const card = await generateIdCard('blur-jpeg', 0);
    expect(await code(card.bytes.subarray(0, Math.floor(card.bytes.length / 2)))).toBe('truncated');
    expect(await code(pngHeaderOnly(12_000, 12_000))).toBe('too-large');
  });

  it('refuses a RasterPage whose buffer does not match its size', async () => {
    expect(await code({ data: Buffer.alloc(100), width: 20, height: 20, channels: 3, dpi: null })).toBe('corrupt');
  });
});

describe('offline', () => {
  it('never called fetch while loading the wasm and decoding (this file ran with fetch throwing)', () => {
    expect(fetchCalls).toEqual([]);
  });
});
