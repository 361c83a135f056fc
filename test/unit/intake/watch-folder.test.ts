/**
 * The watched folder on real files in temp folders: each dropped file reaches onFile exactly once,
 * whatever the writer's pace, a second watcher, a crash or a duplicate does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createWatchedFolder, type WatchedFile, type WatchedFolderOptions } from '../../../src-main/services/intake';
import { InputError } from '../../../src-main/services/digitize/types';
import { inputErrorMessage } from '../../../src-shared/domain/digitize/messages';

const root = mkdtempSync(path.join(os.tmpdir(), 'motcua-watch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (label: string) => path.join(root, `${label}-${++n}`);
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
});

async function waitFor(what: string, cond: () => boolean, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Every file under .motcua/<area>, relative (imported/ has a folder per day). */
function filed(folder: string, area: 'imported' | 'refused' | 'processing'): string[] {
  const dir = path.join(folder, '.motcua', area);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== '.alive')
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
const names = (files: string[]) => files.map((f) => path.basename(f)).sort();

function watcher(folder: string, extra: Partial<WatchedFolderOptions> & { stateDir?: string } = {}) {
  const calls: WatchedFile[] = [];
  const logs: string[] = [];
  const w = createWatchedFolder({
    folder,
    stateDir: extra.stateDir ?? fresh('state'),
    pollMs: 50,
    settleMs: 150,
    log: (m) => logs.push(m),
    ...extra,
    onFile:
      extra.onFile ??
      (async (file) => {
        calls.push(file);
      }),
  });
  running.push(w);
  return { w, calls, logs };
}

describe('watched folder', () => {
  it('takes a file written in slow chunks once, only after it is complete', async () => {
    const folder = fresh('folder');
    mkdirSync(folder);
    const { w, calls } = watcher(folder, { settleMs: 1000 });
    await w.start();
    const file = path.join(folder, 'scan-001.pdf');
    const chunks = Array.from({ length: 8 }, (_, i) => Buffer.alloc(20_000, i + 1));
    for (const chunk of chunks) {
      appendFileSync(file, chunk);
      await sleep(100);
      expect(calls).toHaveLength(0);
    }
    const whole = Buffer.concat(chunks);
    await waitFor('the import', () => calls.length === 1 && filed(folder, 'imported').length === 1);
    expect(calls[0]!.name).toBe('scan-001.pdf');
    expect(calls[0]!.bytes.length).toBe(whole.length);
    expect(calls[0]!.sha256).toBe(sha(whole));
    await sleep(300);
    expect(calls).toHaveLength(1);
    expect(names(filed(folder, 'imported'))).toEqual(['scan-001.pdf']);
    expect(readdirSync(folder)).toEqual(['.motcua']);
    expect(w.status()).toMatchObject({ folder, watching: true, problem: null, imported: 1 });
  });

  it('two watchers on one folder import each file once in total', async () => {
    const folder = fresh('folder');
    mkdirSync(folder);
    const a = watcher(folder);
    const b = watcher(folder);
    await Promise.all([a.w.start(), b.w.start()]);
    for (let i = 0; i < 40; i++) writeFileSync(path.join(folder, `page-${i}.jpg`), `page ${i}`);
    await waitFor('40 imports', () => filed(folder, 'imported').length === 40);
    await sleep(300);
    const all = [...a.calls, ...b.calls];
    console.log(`two watchers: ${a.calls.length} + ${b.calls.length} files`);
    expect(all).toHaveLength(40);
    expect(new Set(all.map((c) => c.name)).size).toBe(40);
    expect(filed(folder, 'processing')).toEqual([]);
  });

  it('after a crash past onFile, the restart only files the file away', async () => {
    const folder = fresh('folder');
    const stateDir = fresh('state');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'giay-to.pdf'), 'the bytes');
    // A long poll: the "crashed" watcher must not retry before it is stopped.
    const crashed = watcher(folder, {
      stateDir,
      pollMs: 60_000,
      afterStep: (step) => {
        if (step === 'journaled') throw new Error('simulated crash before the move');
      },
    });
    await crashed.w.start();
    await waitFor('the first onFile', () => crashed.calls.length === 1);
    await crashed.w.stop();
    expect(names(filed(folder, 'processing'))).toHaveLength(1);
    expect(filed(folder, 'imported')).toEqual([]);

    const restarted = watcher(folder, { stateDir });
    await restarted.w.start();
    await waitFor('the move', () => filed(folder, 'imported').length === 1);
    expect(restarted.calls).toHaveLength(0);
    expect(names(filed(folder, 'imported'))).toEqual(['giay-to.pdf']);
    expect(filed(folder, 'processing')).toEqual([]);
  });

  it('after a crash before onFile completed, the restart hands the file over', async () => {
    const folder = fresh('folder');
    const stateDir = fresh('state');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'don.pdf'), 'application form');
    const crashed = watcher(folder, {
      stateDir,
      pollMs: 60_000,
      afterStep: (step) => {
        if (step === 'claimed') throw new Error('simulated crash right after the claim');
      },
    });
    await crashed.w.start();
    await waitFor('the claim', () => filed(folder, 'processing').length === 1);
    await crashed.w.stop();
    expect(crashed.calls).toHaveLength(0);

    const restarted = watcher(folder, { stateDir });
    await restarted.w.start();
    await waitFor('the import', () => filed(folder, 'imported').length === 1);
    expect(restarted.calls.map((c) => [c.name, c.sha256])).toEqual([['don.pdf', sha('application form')]]);
    expect(restarted.logs.join('\n')).toMatch(/left in processing/);
  });

  it('imports the same bytes once, across names and restarts; same names get a suffix', async () => {
    const folder = fresh('folder');
    const stateDir = fresh('state');
    mkdirSync(folder);
    const first = watcher(folder, { stateDir });
    await first.w.start();
    writeFileSync(path.join(folder, 'a.pdf'), 'same content');
    await waitFor('a.pdf', () => filed(folder, 'imported').length === 1);
    writeFileSync(path.join(folder, 'b.pdf'), 'same content');
    writeFileSync(path.join(folder, 'a.pdf'), 'other content, same name');
    await waitFor('b.pdf and the second a.pdf', () => filed(folder, 'imported').length === 3);
    await first.w.stop();
    expect(first.calls.map((c) => c.name).sort()).toEqual(['a.pdf', 'a.pdf']);
    expect(first.logs.join('\n')).toMatch(/«b\.pdf»: already imported/);

    const second = watcher(folder, { stateDir });
    await second.w.start();
    writeFileSync(path.join(folder, 'c.pdf'), 'same content');
    await waitFor('c.pdf', () => filed(folder, 'imported').length === 4);
    expect(second.calls).toHaveLength(0);
    expect(names(filed(folder, 'imported'))).toEqual(['a (2).pdf', 'a.pdf', 'b.pdf', 'c.pdf']);
    expect(first.w.status().imported).toBe(2);
  });

  it('refuses inputs the pipeline refuses, with the reason beside them, and retries other failures', async () => {
    const folder = fresh('folder');
    mkdirSync(folder);
    const seen: string[] = [];
    const { w, logs } = watcher(folder, {
      onFile: async ({ name }) => {
        seen.push(name);
        if (name.endsWith('.docx')) throw new InputError('wrong-type', 'a Word document');
        if (name === 'retry.jpg' && seen.filter((s) => s === name).length === 1) throw new Error('ENOSPC: no space left on device');
      },
    });
    await w.start();
    writeFileSync(path.join(folder, 'thu-moi.docx'), 'PK not a scan');
    writeFileSync(path.join(folder, 'retry.jpg'), 'jpeg');
    await waitFor('the refusal and the retried import', () => filed(folder, 'refused').length === 2 && filed(folder, 'imported').length === 1);
    await sleep(300);
    expect(seen.sort()).toEqual(['retry.jpg', 'retry.jpg', 'thu-moi.docx']);
    expect(filed(folder, 'refused')).toEqual(['thu-moi.docx', 'thu-moi.docx.txt']);
    const reason = readFileSync(path.join(folder, '.motcua', 'refused', 'thu-moi.docx.txt'), 'utf8');
    const m = inputErrorMessage('wrong-type', 'thu-moi.docx');
    expect(reason).toContain(m.messageVi);
    expect(reason).toContain(m.messageEn);
    expect(reason).toContain('a Word document');
    expect(logs.join('\n')).toMatch(/«retry\.jpg»: ENOSPC.*trying again/);
    expect(w.status().imported).toBe(1);
  });

  it('ignores hidden and temporary names and folders', async () => {
    const folder = fresh('folder');
    mkdirSync(path.join(folder, 'sub'), { recursive: true });
    const ignored = ['.hidden.pdf', 'scan.tmp', 'scan.pdf.part', 'tai-ve.crdownload', '~$don.docx', 'Thumbs.db', 'desktop.ini'];
    for (const name of ignored) writeFileSync(path.join(folder, name), name);
    writeFileSync(path.join(folder, 'sub', 'inside.pdf'), 'in a folder');
    writeFileSync(path.join(folder, 'real.pdf'), 'a real scan');
    const { w, calls } = watcher(folder);
    await w.start();
    await waitFor('real.pdf', () => calls.length === 1);
    await sleep(400);
    expect(calls.map((c) => c.name)).toEqual(['real.pdf']);
    expect(readdirSync(folder).sort()).toEqual(['.motcua', ...ignored, 'sub'].sort());
  });

  it('reports a missing folder and recovers when it appears', async () => {
    const folder = fresh('not-yet');
    const { w, calls } = watcher(folder);
    const changes: (string | null)[] = [];
    w.onChange((s) => changes.push(s.problem));
    await w.start();
    await waitFor('the problem', () => w.status().problem !== null);
    expect(w.status()).toMatchObject({ watching: false, imported: 0 });
    expect(w.status().problem).toMatch(/^Không tìm thấy thư mục «.*not-yet-\d+»/);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'late.pdf'), 'late');
    await waitFor('the import', () => w.status().imported === 1);
    expect(calls.map((c) => c.name)).toEqual(['late.pdf']);
    expect(w.status()).toMatchObject({ watching: true, problem: null, imported: 1 });
    expect(changes[0]).toMatch(/Không tìm thấy/);
    expect(changes).toContain(null);
  });

  it('takes over files left in processing by a workstation that stopped long ago', async () => {
    const folder = fresh('folder');
    const other = path.join(folder, '.motcua', 'processing', '0123456789abcdef');
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, '00112233445566ff_bien-ban.pdf'), 'left behind');
    writeFileSync(path.join(other, '.alive'), '');
    const dayAgo = new Date(Date.now() - 86_400_000);
    utimesSync(path.join(other, '.alive'), dayAgo, dayAgo);
    const { w, calls } = watcher(folder);
    await w.start();
    await waitFor('the import', () => calls.length === 1);
    expect(calls[0]!.name).toBe('bien-ban.pdf');
    await waitFor('the move', () => filed(folder, 'imported').length === 1);
    expect(existsSync(other)).toBe(false);
  });

  it('200 files dropped at once: 200 onFile calls with distinct sha256s', async () => {
    const folder = fresh('folder');
    mkdirSync(folder);
    const { w, calls } = watcher(folder);
    await w.start();
    const started = Date.now();
    for (let i = 0; i < 200; i++) writeFileSync(path.join(folder, `scan-${String(i).padStart(3, '0')}.jpg`), `page ${i} ${'x'.repeat(i)}`);
    await waitFor('200 imports', () => filed(folder, 'imported').length === 200, 60_000);
    console.log(`200 files imported in ${Date.now() - started} ms`);
    await sleep(300);
    expect(calls).toHaveLength(200);
    expect(new Set(calls.map((c) => c.sha256)).size).toBe(200);
    expect(w.status().imported).toBe(200);
    expect(readdirSync(folder)).toEqual(['.motcua']);
  });
});
