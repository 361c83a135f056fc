/** The generated ID cards themselves: a valid card record in the QR code, encoded as UTF-8 bytes. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../../../src-shared/domain/applicant/cccd-qr';
import { cccdQrText, CARD_300, generateIdCard, ID_CARD_HOLDERS, utf8BinaryString } from '../../../support/digitize/id-card';

const ZBAR = spawnSync('zbarimg', ['--version']).status === 0;

describe('generated ID cards', () => {
  it('puts a record parseCccdQr accepts in every holder’s QR text', () => {
    expect(cccdQrText(ID_CARD_HOLDERS[0]!)).toBe('001090012345||Nguyễn Văn An|15031990|Nam|Số 12 ngõ 34, phường Láng Hạ, quận Đống Đa, Hà Nội|20042021');
    for (const holder of ID_CARD_HOLDERS) {
      const parsed = parseCccdQr(cccdQrText(holder), { today: '2026-11-21' });
      expect(parsed.ok ? parsed.warnings : parsed.errors).toEqual([]);
    }
  });

  it('hands qrcode-generator the UTF-8 bytes, one per character', () => {
    const binary = utf8BinaryString('Nữ');
    expect(Array.from(binary, (c) => c.charCodeAt(0))).toEqual([0x4e, 0xe1, 0xbb, 0xaf]);
  });

  it('draws a card of ID-1 proportions at 300 dpi with a QR code an independent decoder (zbar) reads back', { skip: !ZBAR }, async () => {
    const card = await generateIdCard('flat', 1);
    expect(CARD_300.width / CARD_300.height).toBeCloseTo(85.6 / 54, 2);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-idcard-'));
    try {
      const file = path.join(dir, card.name);
      writeFileSync(file, card.bytes);
      // stderr ignored: zbar complains about a missing D-Bus in containers.
      const read = execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      expect(read).toBe(card.qrText);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
