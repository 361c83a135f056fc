/** The watched folder's journal: what survives a crash mid-append. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../src-main/services/intake/watch-journal';

const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (c: string) => c.repeat(64);

describe('watch journal', () => {
  it('keeps whole lines, drops a torn last line and appends on a line of its own', async () => {
    const file = path.join(dir, 'watch-journal.log');
    const whole = JSON.stringify({ sha256: sha('a'), name: 'a.pdf', at: 1 });
    writeFileSync(file, `${whole}\nnot json\n{"sha256":"${sha('b')}","na`);
    const journal = await openJournal(file);
    expect(journal.has(sha('a'))).toBe(true);
    expect(journal.has(sha('b'))).toBe(false);
    await journal.record({ sha256: sha('c'), name: 'c.pdf', at: 2 });
    await journal.close();
    expect(readFileSync(file, 'utf8')).toBe(`${whole}\nnot json\n${JSON.stringify({ sha256: sha('c'), name: 'c.pdf', at: 2 })}\n`);

    const reopened = await openJournal(file);
    expect([reopened.has(sha('a')), reopened.has(sha('b')), reopened.has(sha('c'))]).toEqual([true, false, true]);
    await reopened.close();
  });
});
