/** The workstation vault: content-addressed, atomic, idempotent, and never a path from anything but a hash. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createVault, isSha256 } from '../../src-main/services/vault';

const dirs: string[] = [];
function tempVault() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-vault-'));
  dirs.push(dataDir);
  return { dataDir, vault: createVault(dataDir) };
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('vault', () => {
  it('stores bytes under vault/<sha[0:2]>/<sha256> and reads them back', async () => {
    const { dataDir, vault } = tempVault();
    const bytes = Buffer.from('hồ sơ một cửa');
    const stored = await vault.put(bytes);
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    const file = path.join(dataDir, 'vault', stored.sha256.slice(0, 2), stored.sha256);
    expect(readFileSync(file)).toEqual(bytes);
    expect(await vault.read(stored.sha256)).toEqual(bytes);
    expect(await vault.has(stored.sha256)).toBe(true);
    expect(await vault.size(stored.sha256)).toBe(bytes.length);
  });

  it('stores the same bytes once and leaves no temp file', async () => {
    const { dataDir, vault } = tempVault();
    const bytes = Buffer.alloc(100_000, 9);
    const a = await vault.put(bytes);
    const mtime = statSync(path.join(dataDir, 'vault', a.sha256.slice(0, 2), a.sha256)).mtimeMs;
    const [b, c] = await Promise.all([vault.put(bytes), vault.put(Buffer.from(bytes))]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(statSync(path.join(dataDir, 'vault', a.sha256.slice(0, 2), a.sha256)).mtimeMs).toBe(mtime);
    expect(readdirSync(path.join(dataDir, 'vault', a.sha256.slice(0, 2)))).toEqual([a.sha256]);
  });

  it('repairs a truncated copy when the same bytes are put again', async () => {
    const { dataDir, vault } = tempVault();
    const bytes = Buffer.alloc(5000, 3);
    const { sha256 } = await vault.put(bytes);
    writeFileSync(path.join(dataDir, 'vault', sha256.slice(0, 2), sha256), bytes.subarray(0, 10));
    await vault.put(bytes);
    expect(await vault.read(sha256)).toEqual(bytes);
  });

  it('stores an empty file', async () => {
    const { vault } = tempVault();
    const stored = await vault.put(new Uint8Array(0));
    expect(stored.size).toBe(0);
    expect(await vault.read(stored.sha256)).toEqual(Buffer.alloc(0));
  });

  it('answers null / false for what it does not hold', async () => {
    const { vault } = tempVault();
    const absent = 'f'.repeat(64);
    expect(await vault.read(absent)).toBeNull();
    expect(await vault.has(absent)).toBe(false);
    expect(await vault.size(absent)).toBeNull();
  });

  it.each(['../../etc/passwd', 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(62)}/.`, ''])('refuses %s as an address', async (bad) => {
    const { vault } = tempVault();
    expect(isSha256(bad)).toBe(false);
    await expect(vault.read(bad)).rejects.toThrow(/SHA-256/);
    await expect(vault.has(bad)).rejects.toThrow(/SHA-256/);
  });
});
