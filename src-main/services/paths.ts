/** Where the desktop app keeps its data and finds what it ships. No Electron import: tests use it too. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Per-user data folder; MOTCUA_DATA_DIR overrides it (tests, portable installs). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MOTCUA_DATA_DIR) return path.resolve(env.MOTCUA_DATA_DIR);
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'motcua');
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'motcua');
}

/** The repository root in development; `process.resourcesPath/..` layout is handled by the caller when packaged. */
export function projectRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function defaultResourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MOTCUA_RESOURCES_DIR ? path.resolve(env.MOTCUA_RESOURCES_DIR) : path.join(projectRoot(), 'resources');
}
