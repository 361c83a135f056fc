/** Pool sizing and the shipped model (no OCR). */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultOcrPoolSize, tessdataDir } from '../../../../src-main/services/digitize/ocr';
import { POOL_BUDGET_BYTES, WORKER_BYTES } from '../../../../src-main/services/digitize/ocr/pool-size';
import { LANG_PATH } from './fixtures';

const GB = 1024 ** 3;

describe('defaultOcrPoolSize', () => {
  it('uses both cores of a two-core counter PC with memory to spare', () => {
    expect(defaultOcrPoolSize(2, 16 * GB)).toBe(2);
  });

  it('leaves a core to the main process on bigger machines and keeps the pool within its memory budget', () => {
    expect(defaultOcrPoolSize(4, 16 * GB)).toBe(3);
    for (const cores of [8, 16, 64]) {
      const size = defaultOcrPoolSize(cores, 64 * GB);
      expect(size * WORKER_BYTES).toBeLessThanOrEqual(POOL_BUDGET_BYTES);
      expect(size).toBeGreaterThan(1);
    }
    expect(POOL_BUDGET_BYTES).toBeLessThan(1.5 * GB);
  });

  it('falls back to one worker when memory is short or there is one core', () => {
    expect(defaultOcrPoolSize(8, 0.5 * GB)).toBe(1);
    expect(defaultOcrPoolSize(1, 16 * GB)).toBe(1);
    expect(defaultOcrPoolSize(2, 0)).toBe(1);
  });
});

describe('the shipped Vietnamese model', () => {
  it('sits in resources/tessdata, exactly the 4.0.0_best_int file recorded in its README', async () => {
    expect(tessdataDir('/opt/motcua/resources')).toBe(path.join('/opt/motcua/resources', 'tessdata'));
    const gz = await readFile(path.join(LANG_PATH, 'vie.traineddata.gz'));
    expect(createHash('sha256').update(gz).digest('hex')).toBe('2284f610f262a1b19ec8df9f196b9ff6ce38ddb4a66329e998941df4b8961c8d');
    const readme = await readFile(path.join(LANG_PATH, 'README.md'), 'utf8');
    expect(readme).toContain('2284f610f262a1b19ec8df9f196b9ff6ce38ddb4a66329e998941df4b8961c8d');
    expect(gunzipSync(gz).length).toBeGreaterThan(1_000_000);
  });
});
