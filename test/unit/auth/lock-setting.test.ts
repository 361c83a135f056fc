/** The lock timeout setting: a default for old settings files, and a bad stored value resets only itself. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsService } from '../../../src-main/services/settings';
import { LOCK_AFTER_MINUTES_DEFAULT } from '../../../src-shared/contract/desktop';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dataDir(stored?: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-lock-setting-'));
  dirs.push(dir);
  if (stored !== undefined) writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(stored));
  return dir;
}
const OLD = { portalUrl: 'https://motcua.example.gov.vn', workstationId: 'ws-co-dinh', language: 'en' };

describe('lockAfterMinutes setting', () => {
  it('defaults to 10 minutes for a settings file written before it existed', async () => {
    const settings = await createSettingsService(dataDir(OLD), {}).get();
    expect(settings).toEqual({ ...OLD, lockAfterMinutes: LOCK_AFTER_MINUTES_DEFAULT });
  });

  it('a bad stored value falls back to the default without resetting the workstation id', async () => {
    const dir = dataDir({ ...OLD, lockAfterMinutes: 0 });
    expect(await createSettingsService(dir, {}).get()).toEqual({ ...OLD, lockAfterMinutes: LOCK_AFTER_MINUTES_DEFAULT });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ workstationId: 'ws-co-dinh', lockAfterMinutes: 10 });
  });

  it('keeps a valid stored value and refuses an update out of bounds', async () => {
    const service = createSettingsService(dataDir({ ...OLD, lockAfterMinutes: 45 }), {});
    expect((await service.get()).lockAfterMinutes).toBe(45);
    await expect(service.update({ lockAfterMinutes: 241 })).rejects.toThrow();
    expect((await service.update({ lockAfterMinutes: 1 })).lockAfterMinutes).toBe(1);
  });
});
