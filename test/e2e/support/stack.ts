/**
 * The whole system for end-to-end tests: a real portal process on PGlite (stoppable, to cut the
 * network) and the browser host serving the built renderer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { freePort } from '../../support/free-port';

const root = path.resolve(import.meta.dirname, '..', '..', '..');


function nodeTs(entry: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const { DATABASE_URL: _ignored, ...clean } = process.env; // e2e runs on the embedded database
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, entry), ...args], {
    cwd: root,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function exitCode(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

export class Stack {
  readonly portalDataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-portal-'));
  readonly hostDataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-host-'));
  portalPort = 0;
  portal?: ChildProcess;
  host?: RunningHost;

  get portalUrl(): string {
    return `http://127.0.0.1:${this.portalPort}`;
  }

  /** Through the real command line, as an administrator would (PGlite: while the portal is stopped). */
  async addUser(username: string, password: string, role: string, agency: string): Promise<void> {
    const cli = nodeTs('src-main/cli/motcua.ts', ['portal', 'user', 'add', '--username', username, '--password', password, '--role', role, '--agency', agency], { DATA_DIR: this.portalDataDir });
    const { code, output } = await exitCode(cli);
    if (code !== 0) throw new Error(`user add failed (${code}): ${output}`);
  }

  async startPortal(): Promise<void> {
    if (!this.portalPort) this.portalPort = await freePort();
    this.portal = nodeTs('src-portal/main.ts', [], { PORT: String(this.portalPort), DATA_DIR: this.portalDataDir });
    let output = '';
    this.portal.stdout?.on('data', (d) => (output += d));
    this.portal.stderr?.on('data', (d) => (output += d));
    // Kept for a failed test's post-mortem: the portal's JSON log, every start appended.
    const log = createWriteStream(path.join(this.portalDataDir, 'portal.log'), { flags: 'a' });
    this.portal.stdout?.pipe(log);
    this.portal.stderr?.pipe(log);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.portal.exitCode !== null) throw new Error(`portal exited: ${output}`);
      const ok = await fetch(`${this.portalUrl}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`portal did not start: ${output}`);
  }

  /** Cuts the network as the workstation sees it: the portal is gone. SIGKILL: a crash, mid-request. */
  async stopPortal(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const portal = this.portal;
    if (!portal || portal.exitCode !== null || portal.signalCode !== null) return;
    const exited = new Promise((r) => portal.on('exit', r));
    portal.kill(signal);
    await exited;
  }

  /** The browser host of a workstation; `portalUrl` may point at a faulty proxy in front of the portal. */
  async startHost(options: { dataDir?: string; portalUrl?: string } = {}): Promise<RunningHost> {
    const host = await startHost({
      env: { ...process.env, MOTCUA_PORTAL_URL: options.portalUrl ?? this.portalUrl },
      rendererDir: path.join(root, 'dist-renderer'),
      resourcesDir: path.join(root, 'resources'),
      dataDir: options.dataDir ?? this.hostDataDir,
    });
    this.hosts.push(host);
    this.host ??= host;
    return host;
  }

  readonly hosts: RunningHost[] = [];

  async stop(): Promise<void> {
    for (const host of this.hosts) await host.close();
    await this.stopPortal();
  }
}
