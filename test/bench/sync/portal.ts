/**
 * The portal as a separate process, as deployed: `src-portal/main.ts` run by Node with tsx's loader
 * (one process, so /proc/<pid>/status is the portal's own memory), on embedded PGlite (DATA_DIR) or
 * on PostgreSQL (DATABASE_URL: the one given, or a throwaway cluster). Users are created with the
 * portal's own CLI. Nothing here imports src-portal (the dependency rules forbid it outside its tests).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestSchema } from '../../support/pg-schema';
import { freePort } from '../../support/free-port';
import pg from 'pg';

export interface PortalDatabase {
  kind: 'pglite' | 'postgres';
  /** For the record: where the data lives (never a password). */
  describe: string;
  /** DATA_DIR / DATABASE_URL for the portal and its CLI. */
  env: Record<string, string>;
  /** The PostgreSQL server's postmaster pid when this bench started it (for its CPU and memory). */
  serverPid?: () => number | null;
  cleanup(): Promise<void>;
}

export interface PortalProcess {
  url: string;
  pid: number;
  /** Stops it (SIGTERM, then SIGKILL after 10 s); returns the peak RSS (VmHWM, kB) read just before. */
  stop(): Promise<{ peakKiB: number } | null>;
  logFile: string;
}


export function pgliteDatabase(): PortalDatabase {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-portal-'));
  return {
    kind: 'pglite',
    describe: `PGlite in ${dataDir}`,
    env: { DATA_DIR: dataDir },
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}


async function freshSchema(base: string, dataDir: string, extraCleanup: () => void, describe: string, serverPid?: () => number | null): Promise<PortalDatabase> {
  const { schema, url, drop } = await createTestSchema(base, 'motcua_bench');
  return {
    kind: 'postgres',
    describe: `${describe}, schema ${schema}`,
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    ...(serverPid ? { serverPid } : {}),
    async cleanup() {
      try {
        await drop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        extraCleanup();
      }
    },
  };
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
}

/**
 * PostgreSQL for the portal: DATABASE_URL (a fresh schema), else a throwaway cluster started as the
 * postgres user when running as root with Debian's postgresql installed, else a reason to skip.
 */
export async function postgresDatabase(log: (m: string) => void): Promise<PortalDatabase | { skip: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-portal-'));
  if (process.env.DATABASE_URL) return freshSchema(process.env.DATABASE_URL, dataDir, () => undefined, describeUrl(process.env.DATABASE_URL));

  const binRoot = '/usr/lib/postgresql';
  const versions = existsSync(binRoot) ? readdirSync(binRoot).filter((v) => existsSync(path.join(binRoot, v, 'bin', 'initdb'))) : [];
  const version = versions.sort((a, b) => Number(a) - Number(b)).pop();
  rmSync(dataDir, { recursive: true, force: true });
  if (!version) return { skip: 'no DATABASE_URL and no /usr/lib/postgresql/*/bin/initdb (Debian package postgresql)' };
  if (process.getuid?.() !== 0) return { skip: 'no DATABASE_URL, and starting a throwaway cluster needs root (runuser -u postgres)' };
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0) return { skip: 'no DATABASE_URL and no postgres system user' };

  const bin = path.join(binRoot, version, 'bin');
  const clusterRoot = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-pg-'));
  chownSync(clusterRoot, Number(uid.stdout.trim()), Number(gid.stdout.trim()));
  const port = await freePort();
  const asPostgres = (args: string[]) => spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
  log(`starting a throwaway PostgreSQL ${version} cluster on 127.0.0.1:${port}`);
  const init = asPostgres([path.join(bin, 'initdb'), '-D', path.join(clusterRoot, 'data'), '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  if (init.status !== 0) {
    rmSync(clusterRoot, { recursive: true, force: true });
    return { skip: `initdb failed: ${(init.stderr || init.stdout).trim().slice(0, 300)}` };
  }
  const pgCtl = path.join(bin, 'pg_ctl');
  const start = asPostgres([pgCtl, '-D', path.join(clusterRoot, 'data'), '-l', path.join(clusterRoot, 'log'), '-o', `-p ${port} -k ${clusterRoot} -c listen_addresses=127.0.0.1`, '-w', 'start']);
  const stopCluster = () => {
    asPostgres([pgCtl, '-D', path.join(clusterRoot, 'data'), '-m', 'fast', 'stop']);
    rmSync(clusterRoot, { recursive: true, force: true });
  };
  if (start.status !== 0) {
    stopCluster();
    return { skip: `pg_ctl start failed: ${(start.stderr || start.stdout).trim().slice(0, 300)}` };
  }
  const base = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const portalDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-portal-'));
  try {
    const postmasterPid = () => {
      try {
        return Number(readFileSync(path.join(clusterRoot, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
      } catch {
        return null;
      }
    };
    return await freshSchema(base, portalDir, stopCluster, `throwaway PostgreSQL ${version} cluster (default settings) on 127.0.0.1:${port}`, postmasterPid);
  } catch (error) {
    stopCluster();
    throw error;
  }
}

const nodeWithTsx = (script: string) => [process.execPath, ['--import', 'tsx', script]] as const;

/** `src-portal/cli.ts user add …` (with PGlite, only while the portal is not running). */
export async function addUser(root: string, db: PortalDatabase, user: { username: string; password: string; role: string; agencyId: string }): Promise<void> {
  const [node, args] = nodeWithTsx('src-portal/cli.ts');
  const child = spawn(node, [...args, 'user', 'add', '--username', user.username, '--password', user.password, '--role', user.role, '--agency', user.agencyId], {
    cwd: root,
    env: { ...process.env, ...db.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`cli user add ${user.username} failed (${code}): ${output.trim().slice(0, 500)}`);
}

/** kB from /proc/<pid>/status: VmHWM (peak resident set); null once gone. */
function readMemory(pid: number): { peakKiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakKiB: kib('VmHWM') };
  } catch {
    return null;
  }
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Starts the portal and waits until /api/v1/health answers. Logs go to a file (LOG_LEVEL default info, as deployed). */
export async function startPortal(root: string, db: PortalDatabase, options: { logLevel: string; logDir: string }): Promise<PortalProcess> {
  const port = await freePort();
  const logFile = path.join(options.logDir, `portal-${db.kind}-${port}.log`);
  const fd = openSync(logFile, 'a');
  const [node, args] = nodeWithTsx('src-portal/main.ts');
  const child: ChildProcess = spawn(node, [...args], {
    cwd: root,
    env: { ...process.env, ...db.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: options.logLevel },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error('portal did not start');
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`portal exited during start:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`portal did not answer /api/v1/health within 120 s:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    pid,
    logFile,
    async stop() {
      const last = exited ? null : readMemory(pid);
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exitedPromise;
        clearTimeout(timer);
      }
      return last ? { peakKiB: last.peakKiB } : null;
    },
  };
}

/** Pids of `pid` and all its descendants (from /proc/<pid>/task/<tid>/children). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const p = out[i]!;
    try {
      for (const tid of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim();
        if (children) out.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) used so far by `pid` and its descendants that are still running. */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // gone meanwhile
    }
  }
  return ticks / CLOCK_TICKS;
}

/**
 * Samples what the portal's PostgreSQL connections are doing (pg_stat_activity, once a second):
 * e.g. `active`, `idle`, `idle in transaction`, `waiting: Lock/advisory`. Other client backends of the
 * same database count too (none on a throwaway cluster).
 */
export function sampleActivity(databaseUrl: string): { stop(): Promise<{ time: number; states: Record<string, number> }[]> } {
  const samples: { time: number; states: Record<string, number> }[] = [];
  const client = new pg.Client({ connectionString: databaseUrl });
  let stopped = false;
  const loop = (async () => {
    await client.connect();
    while (!stopped) {
      const rows = (
        await client.query<{ state: string | null; wait_event_type: string | null; wait_event: string | null }>(
          `SELECT state, wait_event_type, wait_event FROM pg_stat_activity
           WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        )
      ).rows;
      const states: Record<string, number> = {};
      for (const r of rows) {
        const key = r.wait_event_type === 'Lock' ? `waiting: ${r.wait_event_type}/${r.wait_event ?? '?'}` : (r.state ?? 'unknown');
        states[key] = (states[key] ?? 0) + 1;
      }
      samples.push({ time: Date.now(), states });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })().catch(() => undefined);
  return {
    async stop() {
      stopped = true;
      await loop;
      await client.end().catch(() => undefined);
      return samples;
    },
  };
}
