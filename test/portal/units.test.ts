/** Pure pieces of the portal: configuration, password hashing, JSON equality, document validation. */
import { describe, expect, it } from 'vitest';
import { defaultDataDir, describeDatabaseUrl, readConfig } from '../../src-portal/config';
import { generatePassword, hashPassword, verifyPassword } from '../../src-portal/auth/password';
import { jsonEqual } from '../../src-shared/domain/sync/json-equal';
import { documentProblem } from '../../src-portal/replication/validate';
import { dossier, dossierEvent, reverseKeys } from './support/docs';

describe('configuration', () => {
  it('picks the per-user data folder of each platform', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/data' }, 'linux', '/home/lan')).toBe('/x/data/motcua-portal');
    expect(defaultDataDir({}, 'linux', '/home/lan')).toBe('/home/lan/.local/share/motcua-portal');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\lan\\AppData\\Roaming' }, 'win32', 'C:\\Users\\lan')).toContain('motcua-portal');
  });

  it('reads defaults and overrides from the environment', () => {
    expect(readConfig({ DATA_DIR: '/d' })).toEqual({ dataDir: '/d', port: 8787, host: '127.0.0.1', seedAgency: '000.00.00.H56' });
    expect(readConfig({ DATA_DIR: '/d', PORT: '0', HOST: '0.0.0.0', DATABASE_URL: 'postgres://h/db' })).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      databaseUrl: 'postgres://h/db',
    });
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('never prints a database password', () => {
    expect(describeDatabaseUrl('postgres://motcua:s3cret@db.local:5432/motcua')).toBe('postgres://motcua@db.local:5432/motcua');
  });
});

describe('password hashing', () => {
  it('hashes with a random salt in a self-describing format and verifies', async () => {
    const a = await hashPassword('Mật khẩu 123');
    const b = await hashPassword('Mật khẩu 123');
    expect(a).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Mật khẩu 123', a)).toBe(true);
    // The same text typed in decomposed form (some Vietnamese input methods) still matches.
    expect(await verifyPassword('Mật khẩu 123'.normalize('NFD'), a)).toBe(true);
    expect(await verifyPassword('Mat khau 123', a)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });

  it('generates strong random passwords', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z2-9]{20}$/);
  });
});

describe('JSON equality', () => {
  it('ignores key order but nothing else', () => {
    const doc = dossier('000.17.22.H56');
    expect(jsonEqual(doc, reverseKeys(doc))).toBe(true);
    expect(jsonEqual(doc, { ...doc, status: 3 })).toBe(false);
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });
});

describe('document validation', () => {
  it('accepts valid documents as they are and explains invalid ones', () => {
    const { _deleted, ...doc } = dossier('000.17.22.H56');
    expect(_deleted).toBe(false);
    expect(documentProblem('dossiers', doc)).toBeNull();
    const { _deleted: _d, ...event } = dossierEvent('000.17.22.H56');
    expect(documentProblem('dossierEvents', event)).toBeNull();
    expect(documentProblem('dossiers', { ...doc, channel: 4 })).toMatch(/\/channel/);
    expect(documentProblem('dossiers', { ...doc, _meta: { lwt: 1 } })).toMatch(/unknown field "_meta"/);
    expect(documentProblem('files', { id: 'f1' })).toMatch(/required property/);
    expect(documentProblem('dossiers', { ...doc, status: '2' })).toMatch(/\/status/); // no type coercion
  });
});
