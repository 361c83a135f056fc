/** The real entry point: env configuration, startup output, one-time password, SIGTERM shutdown. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { login } from './support/portal';

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs src-portal/main.ts (node itself, so the signal reaches the portal and not a wrapper). */
const children: ChildProcessWithoutNullStreams[] = [];

function startMain(db: TestDatabase, overrides: Record<string, string> = {}): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, ...db.env, PORT: '0', HOST: '127.0.0.1', SEED_AGENCY: '000.17.22.H56', ...overrides };
  if (!db.env.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-portal/main.ts'], { env, cwd: process.cwd() });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor<T>(read: () => T | undefined, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(DB_TARGETS)('portal entry point ($name)', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await target.create();
  }, SETUP_TIMEOUT);
  afterEach(() => {
    // A failed assertion must not leave a portal running.
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  afterAll(async () => db?.cleanup());

  it('starts from the environment, prints the admin password once, and stops cleanly on SIGTERM', async () => {
    const first = startMain(db);
    const started = await waitFor(() => {
      const line = first.output().split('\n').find((l) => l.includes('"motcua portal started"'));
      return line ? (JSON.parse(line) as { port: number; dataDir: string; database: string; location: string }) : undefined;
    }, 'startup line');
    expect(started.dataDir).toBe(db.config.dataDir);
    expect(started.database).toBe(target.name);
    if (db.config.databaseUrl) expect(started.location).not.toContain('options');
    const password = /password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    await login(`http://127.0.0.1:${started.port}/api/v1`, 'admin', password);

    // Every line but the banner is a JSON log record, and none of them holds the password.
    const jsonLines = first.output().split('\n').filter((l) => l.startsWith('{'));
    expect(jsonLines.length).toBeGreaterThan(2);
    for (const line of jsonLines) expect(line).not.toContain(password!);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"shutting down"');
    if (target.name === 'pglite') expect(existsSync(join(db.config.dataDir, 'pgdata.lock'))).toBe(false);

    const second = startMain(db);
    await waitFor(() => (second.output().includes('"motcua portal started"') ? true : undefined), 'second start');
    expect(second.output()).not.toContain('password:');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('exits non-zero with a short message on bad configuration', async () => {
    const bad = startMain(db, { PORT: 'not-a-port' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/^motcua portal failed to start: PORT must be/m);
    expect(bad.output()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
