/**
 * File-upload figures: the workstation's uploader (src-main/services/uploads) sends N files through
 * the faulty proxy to a real portal process on PGlite, once over a clean link and once under seeded
 * chaos (random cuts and stalls). Bytes sent = the proxy's client→portal bytes, headers included;
 * bytes stored = the files' sizes. Sizes: BENCH_UPLOAD_FILES (default 40), BENCH_UPLOAD_MB (2, in MiB).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUploader } from '../../../src-main/services/uploads/uploader';
import { createVault } from '../../../src-main/services/vault';
import type { UploadFile, UploadStatus } from '../../../src-shared/contract/desktop';
import { BLOB_STATUS_PATH, STATUS_MAX } from '../../../src-shared/contract/files-api';
import type { TokenResponse } from '../../../src-shared/contract/portal-api';
import { API_PREFIX } from '../../../src-shared/contract/sync';
import { startFaultyProxy, type ChaosOptions, type FaultyProxy } from '../../support/faulty-proxy';
import type { BenchRow, BenchSection, Goal } from '../lib/types';
import { addUser, pgliteDatabase, startPortal } from './portal';

/** 2^20 bytes (MiB): file sizes, the chaos's cut distances and the throughput are in MiB. */
const MB = 1024 * 1024;
const AGENCY = '000.17.24.H56';
const USER = { username: 'bench-uploader', password: 'bench-password-2026', role: 'clerk', agencyId: AGENCY };
const OVERHEAD_GOAL: Goal = { value: 1.1, name: 'bytes sent ÷ bytes stored under 1.1 with faults' };
/** Settling must not take forever even if something is wrong: the bench reports it instead. */
const RUN_LIMIT_MS = 15 * 60_000;

interface RunResult {
  label: string;
  files: number;
  bytesStored: number;
  bytesSent: number;
  ms: number;
  connections: number;
  cuts: number;
  done: number;
  rejected: string[];
  /** Hashes the portal does not report as stored afterwards. */
  missing: number;
  errorsSeen: number;
}

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

async function login(portalUrl: string): Promise<string> {
  const res = await fetch(`${portalUrl}${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USER.username, password: USER.password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as TokenResponse).accessToken;
}

/** How many of these hashes the portal does not hold (asked directly, not through the proxy). */
async function countMissing(portalUrl: string, token: string, hashes: string[]): Promise<number> {
  let missing = 0;
  for (let i = 0; i < hashes.length; i += STATUS_MAX) {
    const batch = hashes.slice(i, i + STATUS_MAX);
    const res = await fetch(`${portalUrl}${BLOB_STATUS_PATH}?sha256=${batch.join(',')}`, { headers: { authorization: `Bearer ${token}` } });
    const stored = new Set(((await res.json()) as { stored: string[] }).stored);
    missing += batch.filter((h) => !stored.has(h)).length;
  }
  return missing;
}

async function uploadRun(
  p: { proxy: FaultyProxy; portalUrl: string; token: string; count: number; size: number; log(m: string): void },
  label: string,
  chaos: ChaosOptions | null,
): Promise<RunResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-ws-'));
  const vault = createVault(dataDir);
  const uploader = createUploader({ dataDir, vault });
  try {
    // Fresh random bytes per run: the portal would otherwise skip files it already holds.
    const files: UploadFile[] = [];
    for (let i = 0; i < p.count; i++) {
      const stored = await vault.put(randomBytes(p.size));
      files.push({ fileId: `${label}-${i}`, ...stored });
    }
    let errorsSeen = 0;
    uploader.on('changed', (s: UploadStatus) => s.state === 'error' && errorsSeen++);
    await uploader.enqueue(files);

    p.proxy.cutAll();
    p.proxy.resetCounters();
    p.proxy.chaos(chaos);
    p.log(`uploads ${label}: ${p.count} × ${(p.size / MB).toFixed(1)} MiB${chaos ? ` under chaos ${JSON.stringify(chaos)}` : ''}`);
    const t0 = performance.now();
    uploader.connect({ portalUrl: p.proxy.url, accessToken: p.token });
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      uploader.settled().then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), RUN_LIMIT_MS))),
    ]);
    clearTimeout(timer);
    const ms = performance.now() - t0;
    p.proxy.chaos(null);
    const result: RunResult = {
      label,
      files: p.count,
      bytesStored: p.count * p.size,
      bytesSent: p.proxy.bytesUp,
      ms,
      connections: p.proxy.connections,
      cuts: p.proxy.cuts,
      done: 0,
      rejected: [],
      missing: 0,
      errorsSeen,
    };
    const list = await uploader.list();
    result.done = list.filter((s) => s.state === 'done').length;
    result.rejected = list.filter((s) => s.state === 'rejected').map((s) => `${s.fileId}: ${s.errorCode} ${s.error ?? ''}`);
    result.missing = await countMissing(p.portalUrl, p.token, files.map((f) => f.sha256));
    if (!settled) p.log(`uploads ${label}: not settled after ${RUN_LIMIT_MS / 60_000} min`);
    p.log(
      `uploads ${label}: ${result.done}/${p.count} done in ${(ms / 1000).toFixed(1)} s, ${(result.bytesSent / result.bytesStored).toFixed(4)} bytes sent per byte stored, ${result.cuts} cuts, ${result.connections} connections`,
    );
    return result;
  } finally {
    await uploader.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mibPerS = (r: RunResult) => r.bytesStored / MB / (r.ms / 1000);
const filesPerS = (r: RunResult) => r.files / (r.ms / 1000);
const ratio = (r: RunResult) => r.bytesSent / r.bytesStored;

/** What the uploads part saves in sync-latest.json (`uploads`). */
interface UploadsJson {
  count: number;
  size: number;
  chaos: ChaosOptions;
  runs: [RunResult, RunResult];
}

/** The uploads table, from the figures as saved (so a saved run can be printed again). */
function uploadSection({ count, size, chaos, runs: [clean, faulty] }: UploadsJson): BenchSection {
  const title = `${count} files × ${(size / MB).toFixed(1)} MiB, workstation uploader → faulty proxy → portal on PGlite (concurrency 2, one PATCH per remainder)`;
  const rows: BenchRow[] = [
    { figure: 'throughput, clean link', value: mibPerS(clean), unit: 'MiB/s', better: 'higher' },
    {
      figure: `throughput, with faults (${faulty.cuts} cuts, random ${(chaos.stallMs ?? 1000) / 1000} s stalls)`,
      value: mibPerS(faulty),
      unit: 'MiB/s',
      baseline: 'clean link',
      baselineValue: mibPerS(clean),
      better: 'higher',
    },
    { figure: 'bytes sent ÷ bytes stored, clean link', value: ratio(clean), unit: '×', better: 'lower' },
    {
      figure: 'bytes sent ÷ bytes stored, with faults',
      value: ratio(faulty),
      unit: '×',
      baseline: 'clean link',
      baselineValue: ratio(clean),
      better: 'lower',
      goal: OVERHEAD_GOAL,
    },
    { figure: 'files/s, clean link', value: filesPerS(clean), unit: 'files/s', better: 'higher' },
    { figure: 'files/s, with faults', value: filesPerS(faulty), unit: 'files/s', baseline: 'clean link', baselineValue: filesPerS(clean), better: 'higher' },
  ];
  const details = [
    `chaos: seed ${chaos.seed}, a cut every ${chaos.cutEveryBytes![0] / MB}–${chaos.cutEveryBytes![1] / MB} MiB sent, a ${chaos.stallMs} ms stall on ${(chaos.stallProbability! * 100).toFixed(1)} % of forwarded chunks`,
    ...[clean, faulty].map(
      (r) => `${r.label}: ${(r.ms / 1000).toFixed(1)} s, ${r.bytesSent} bytes sent for ${r.bytesStored} stored, ${r.connections} connections, ${r.errorsSeen} failed attempts`,
    ),
  ];
  return { title: `uploads: ${title}`, rows, details };
}

export async function uploadBench(ctx: { root: string; log(m: string): void }): Promise<{ sections: BenchSection[]; findings: string[]; json: unknown }> {
  const count = Math.round(positiveFromEnv('BENCH_UPLOAD_FILES', 40));
  const size = Math.round(positiveFromEnv('BENCH_UPLOAD_MB', 2) * MB);
  const chaos: ChaosOptions = { seed: 20_251_121, cutEveryBytes: [4 * MB, 16 * MB], stallProbability: 0.002, stallMs: 1500 };
  const db = pgliteDatabase();
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-upload-logs-'));
  const findings: string[] = [];
  let proxy: FaultyProxy | null = null;
  let portal: Awaited<ReturnType<typeof startPortal>> | null = null;
  try {
    await addUser(ctx.root, db, USER);
    portal = await startPortal(ctx.root, db, { logLevel: 'warn', logDir });
    const token = await login(portal.url);
    proxy = await startFaultyProxy({ port: Number(new URL(portal.url).port) });
    const params = { proxy, portalUrl: portal.url, token, count, size, log: ctx.log };
    const clean = await uploadRun(params, 'clean', null);
    const faulty = await uploadRun(params, 'chaos', chaos);

    for (const r of [clean, faulty]) {
      if (r.done !== r.files) findings.push(`uploads ${r.label}: only ${r.done} of ${r.files} files done`);
      if (r.missing) findings.push(`uploads ${r.label}: the portal lacks ${r.missing} of the ${r.files} files afterwards`);
      if (r.rejected.length) findings.push(`uploads ${r.label}: rejected ${r.rejected.slice(0, 3).join('; ')}`);
    }
    findings.push(
      `uploads under chaos: ${faulty.cuts} connections cut, ${faulty.errorsSeen} failed attempts, each retried after the link's backoff (0.5–1 s after a first failure)`,
    );

    const json: UploadsJson = { count, size, chaos, runs: [clean, faulty] };
    return { sections: [uploadSection(json)], findings, json };
  } finally {
    await proxy?.close();
    await portal?.stop();
    await db.cleanup();
    rmSync(logDir, { recursive: true, force: true });
  }
}
