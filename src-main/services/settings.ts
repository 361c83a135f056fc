/** Workstation settings kept as a small JSON file in the data folder. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { LOCK_AFTER_MINUTES_DEFAULT, settingsSchema, type Settings } from '../../src-shared/contract/desktop';
import { writeFileAtomic } from './atomic-file';

export const DEFAULT_PORTAL_URL = 'http://127.0.0.1:8787';

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: Partial<Omit<Settings, 'workstationId'>>): Promise<Settings>;
}

/**
 * The stored fields that are valid, each on its own: one bad value (a hand-edited lock timeout)
 * falls back to its default without resetting the others (the workstation id above all).
 */
function validFields(stored: unknown): Partial<Settings> {
  if (typeof stored !== 'object' || stored === null) return {};
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    const parsed = schema.safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) valid[key] = parsed.data;
  }
  return valid as Partial<Settings>;
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
      lockAfterMinutes: LOCK_AFTER_MINUTES_DEFAULT,
    };
    let stored: unknown = {};
    try {
      stored = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (error) {
      // A missing or unreadable file falls back to defaults; a corrupt one is kept aside for support.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') await fs.rename(file, `${file}.corrupt-${Date.now()}`).catch(() => {});
    }
    cached = { ...defaults, ...validFields(stored) };
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
