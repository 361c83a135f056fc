/**
 * Portal configuration from the environment. Kept apart from main.ts so the CLI resolves the
 * database exactly the way the server does.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CODE_FORMAT } from '../src-shared/contract/reference-api';
import {
  compileFormat,
  PRESET_FORMATS,
  type DossierCodeFormat,
  type PresetFormat,
} from '../src-shared/domain/dossier-code/format';

export const DEFAULT_PORT = 8787;
/** Loopback by default: exposing the portal is a deliberate choice (HOST=0.0.0.0 behind TLS). */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SEED_AGENCY = '000.00.00.H56';
const APP_FOLDER = 'motcua-portal';
/** The dossier code format in use (docs/dossier-codes.md): `000.17.22.H56-210531-0001`. */
export const DEFAULT_DOSSIER_CODE_FORMAT: DossierCodeFormat = DEFAULT_CODE_FORMAT;

export interface DatabaseConfig {
  /** Folder of the embedded database (`<dataDir>/pgdata`) when no databaseUrl is given. */
  dataDir: string;
  /** postgres://… of a PostgreSQL server; when set, PGlite is not used. */
  databaseUrl?: string;
}

export interface PortalConfig extends DatabaseConfig {
  port: number;
  host: string;
  seedAgency: string;
  /** DOSSIER_CODE_FORMAT when set; otherwise the portal uses DEFAULT_DOSSIER_CODE_FORMAT. */
  dossierCodeFormat?: DossierCodeFormat;
  /** MOTCUA_RESOURCES_DIR when set: the seed catalog and calendar tables; else the repository's. */
  resourcesDir?: string;
  /** FILES_DIR when set: received files; else defaultFilesDir(dataDir). */
  filesDir?: string;
}

type Env = Record<string, string | undefined>;

/** The per-user data folder, following each platform's convention. */
export function defaultDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, APP_FOLDER);
  return join(home, '.local', 'share', APP_FOLDER);
}

export function readDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const dataDir = env.DATA_DIR || defaultDataDir(env);
  return env.DATABASE_URL ? { dataDir, databaseUrl: env.DATABASE_URL } : { dataDir };
}

/**
 * A preset name (`agency-yyMMdd-seq4`, `agency-yyyyMMdd-seq7`) or a template such as
 * `{agency}-{yyyyMMdd}-{seq:5}`; throws a readable error for anything else.
 */
export function parseDossierCodeFormat(text: string): DossierCodeFormat {
  const value = text.trim();
  const format: DossierCodeFormat = Object.hasOwn(PRESET_FORMATS, value) ? (value as PresetFormat) : { template: value };
  try {
    compileFormat(format);
  } catch (err) {
    const presets = Object.keys(PRESET_FORMATS).join(', ');
    throw new Error(`DOSSIER_CODE_FORMAT: ${(err as Error).message} (use ${presets} or a template like {agency}-{yyMMdd}-{seq:4})`);
  }
  return format;
}

/** Received files live beside the embedded database unless FILES_DIR says otherwise. */
export function defaultFilesDir(dataDir: string): string {
  return join(dataDir, 'files');
}

/** The folder holding `seed/procedures.json` and `calendar/<yyyy>.json` in this repository. */
export function defaultResourcesDir(): string {
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'resources');
}

export function readConfig(env: Env = process.env): PortalConfig {
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  return {
    ...readDatabaseConfig(env),
    port,
    host: env.HOST || DEFAULT_HOST,
    seedAgency: env.SEED_AGENCY || DEFAULT_SEED_AGENCY,
    // Only present when set, so the defaults stay in one place (buildPortal).
    ...(env.DOSSIER_CODE_FORMAT ? { dossierCodeFormat: parseDossierCodeFormat(env.DOSSIER_CODE_FORMAT) } : {}),
    ...(env.MOTCUA_RESOURCES_DIR ? { resourcesDir: resolve(env.MOTCUA_RESOURCES_DIR) } : {}),
    ...(env.FILES_DIR ? { filesDir: resolve(env.FILES_DIR) } : {}),
  };
}

/** A database URL safe to print: the password never reaches a log. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'postgres (unparsable URL)';
  }
}
