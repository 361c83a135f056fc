/**
 * Starts the real Electron binary on the built app and checks what the page can reach through the
 * preload. The binary is downloaded from GitHub at install time, which this workplace cannot reach:
 * without it the test is skipped with the reason printed (never silently).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildMain } from '../../scripts/build-main.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Looks for the binary the way electron/index.js does, without requiring it: that module tries to
 * download the binary when it is missing, which would hang here.
 */
function findElectronBinary(): { binary: string | null; reason: string } {
  const pkgDir = path.join(repo, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { binary: null, reason: `no Electron binary (${path.relative(repo, pathFile)} missing: the npm package was installed without its download)` };
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (!existsSync(binary)) return { binary: null, reason: `no Electron binary at ${binary}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { binary: null, reason: 'Electron binary found but no display (run under xvfb-run)' };
  }
  return { binary, reason: '' };
}

const { binary, reason } = findElectronBinary();
if (!binary) console.warn(`[electron-smoke] skipped: ${reason}`);

describe('Electron binary smoke test', () => {
  it.skipIf(!binary)('exposes exactly window.motcua {invoke, on} to a Node-free page', async () => {
    await buildMain();
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-smoke-renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>smoke</title>');
    const result = spawnSync(binary!, [...(process.platform === 'linux' ? ['--no-sandbox'] : []), repo], {
      env: {
        ...process.env,
        MOTCUA_SMOKE_TEST: '1',
        MOTCUA_RENDERER_DIR: rendererDir,
        MOTCUA_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-smoke-data-')),
        ELECTRON_ENABLE_LOGGING: '0',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = result.stdout.split('\n').find((l) => l.startsWith('MOTCUA_SMOKE '));
    expect(line, `no smoke report; stderr:\n${result.stderr}`).toBeDefined();
    const report = JSON.parse(line!.slice('MOTCUA_SMOKE '.length));
    expect(report).toMatchObject({
      keys: ['invoke', 'on'],
      nodeRequire: 'undefined',
      nodeProcess: 'undefined',
      info: { host: 'electron' },
      unknown: expect.stringContaining('Unknown method'),
    });
    expect(result.status).toBe(0);
  }, 120_000);
});
