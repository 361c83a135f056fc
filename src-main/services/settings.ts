/** Workstation settings kept as a small JSON file in the data folder. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { settingsSchema, type Settings } from '../../src-shared/contract/desktop';
import { writeFileAtomic } from './atomic-file';

export const DEFAULT_PORTAL_URL = 'http://127.0.0.1:8787';

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: Partial<Omit<Settings, 'workstationId'>>): Promise<Settings>;
}

export function createSettingsService(dataDir: string, env: NodeJS.ProcessEnv = process.env): SettingsService {
  const file = path.join(dataDir, 'settings.json');
  let cached: Settings | undefined;

  async function load(): Promise<Settings> {
    if (cached) return cached;
    const defaults: Settings = {
      portalUrl: env.MOTCUA_PORTAL_URL || DEFAULT_PORTAL_URL,
      workstationId: randomUUID(),
      language: 'vi',
    };
    let stored: unknown = {};
    try {
      stored = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (error) {
      // A missing or unreadable file falls back to defaults; a corrupt one is kept aside for support.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') await fs.rename(file, `${file}.corrupt-${Date.now()}`).catch(() => {});
    }
    const parsed = settingsSchema.partial().safeParse(stored);
    cached = { ...defaults, ...(parsed.success ? parsed.data : {}) };
    if (env.MOTCUA_PORTAL_URL) cached.portalUrl = env.MOTCUA_PORTAL_URL;
    await writeFileAtomic(file, JSON.stringify(cached, null, 2));
    return cached;
  }

  return {
    get: load,
    async update(patch) {
      const next = settingsSchema.parse({ ...(await load()), ...patch });
      await writeFileAtomic(file, JSON.stringify(next, null, 2));
      cached = next;
      return next;
    },
  };
}
