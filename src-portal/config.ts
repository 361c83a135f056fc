/**
 * Portal configuration from the environment. Kept apart from main.ts so the CLI resolves the
 * database exactly the way the server does.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_PORT = 8787;
/** Loopback by default: exposing the portal is a deliberate choice (HOST=0.0.0.0 behind TLS). */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SEED_AGENCY = '000.00.00.H56';
const APP_FOLDER = 'motcua-portal';

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

export function readConfig(env: Env = process.env): PortalConfig {
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  return {
    ...readDatabaseConfig(env),
    port,
    host: env.HOST || DEFAULT_HOST,
    seedAgency: env.SEED_AGENCY || DEFAULT_SEED_AGENCY,
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
