/**
 * Simulated workstations against one portal process: each signs in as a clerk of its agency, keeps
 * its dossiers stream open (as the app does), and loops: pull from its checkpoint (until caught up),
 * push 1–5 new dossiers, pull again. Requests that start after the warm-up and end inside the
 * measured window count; latency is from sending a request until its whole body was read.
 */
import http from 'node:http';
import os from 'node:os';
import { API_PREFIX, type Checkpoint, type PullResponse, type PushResponse } from '../../../src-shared/contract/sync';
import type { TokenResponse } from '../../../src-shared/contract/portal-api';
import { pushRows, rehome, type DossierWithEvent } from './docs';
import { JsonHttp } from './http';
import { cpuSeconds } from './portal';

export interface LoadParams {
  url: string;
  clients: number;
  warmupS: number;
  seconds: number;
  /** One clerk per agency; workstation i signs in as agencies[i % n]. */
  agencies: { agencyId: string; username: string }[];
  password: string;
  /** Dossier templates, re-homed with new ids for every push. */
  pool: DossierWithEvent[];
  /** Keep one dossiers stream open per workstation. */
  streams: boolean;
  /** Pause between cycles, ms (0: back-to-back). */
  thinkMs: number;
  pullLimit: number;
  portalPid: number;
  /** The PostgreSQL server's postmaster, when known (its CPU is counted too). */
  serverPid: number | null;
  log(message: string): void;
}

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  clients: number;
  agencies: number;
  windowS: number;
  requests: number;
  requestsPerSecond: number;
  /** Failed requests (non-2xx or network) and rows the portal rejected, in the window. */
  errors: number;
  errorSamples: string[];
  latency: { all: Percentiles; pull: Percentiles; push: Percentiles };
  cycles: number;
  pushedDossiers: number;
  pushedPerSecond: number;
  pulledDocs: number;
  /** Signing in every workstation (scrypt on the portal), `loginConcurrency` at a time. */
  loginMs: number;
  loginConcurrency: number;
  streamsOpened: number;
  streamEvents: number;
  /** CPU cores busy on average over the window. */
  cpu: { portal: number; postgres: number | null; loadGenerator: number };
  /** Epoch ms of the measured window. */
  window: [number, number];
  /** 1-minute load average of the machine at the end. */
  loadAverage: number;
}

function percentiles(samples: number[]): Percentiles {
  const s = Float64Array.from(samples).sort();
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : 0);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { count: s.length, p50: round(at(0.5)), p90: round(at(0.9)), p99: round(at(0.99)), max: round(s.length ? s[s.length - 1]! : 0), mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
}

async function inBatches<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** Opens the dossiers stream and counts its `data:` events until `close`. */
function openStream(url: string, token: string, agent: http.Agent, onEvent: () => void): { close(): void; opened: Promise<boolean> } {
  const u = new URL(`${API_PREFIX}/replication/dossiers/stream`, url);
  let req: http.ClientRequest | undefined;
  const opened = new Promise<boolean>((resolve) => {
    req = http.get({ host: u.hostname, port: u.port, path: u.pathname, agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
      resolve(res.statusCode === 200);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (let i = chunk.indexOf('data:'); i >= 0; i = chunk.indexOf('data:', i + 5)) onEvent();
      });
      res.on('error', () => undefined);
    });
    req.on('error', () => resolve(false));
  });
  return { opened, close: () => req?.destroy() };
}

export async function runLoad(p: LoadParams): Promise<LoadResult> {
  const client = new JsonHttp(p.url, p.clients + 8);
  const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const loginConcurrency = 8;
  const tokens: string[] = new Array<string>(p.clients);
  const t0 = performance.now();
  await inBatches(
    Array.from({ length: p.clients }, (_, i) => i),
    loginConcurrency,
    async (i) => {
      const clerk = p.agencies[i % p.agencies.length]!;
      const reply = await client.ok<TokenResponse>('POST', `${API_PREFIX}/auth/login`, { body: { username: clerk.username, password: p.password } });
      tokens[i] = reply.accessToken;
    },
  );
  const loginMs = performance.now() - t0;
  p.log(`${p.clients} workstations signed in in ${(loginMs / 1000).toFixed(1)} s`);

  let streamEvents = 0;
  const streams = p.streams ? tokens.map((token) => openStream(p.url, token, streamAgent, () => streamEvents++)) : [];
  const streamsOpened = (await Promise.all(streams.map((s) => s.opened))).filter(Boolean).length;

  const start = performance.now();
  const windowEpoch: [number, number] = [Date.now() + p.warmupS * 1000, Date.now() + (p.warmupS + p.seconds) * 1000];
  const measureFrom = start + p.warmupS * 1000;
  const endAt = measureFrom + p.seconds * 1000;
  const pulls: number[] = [];
  const pushes: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let cycles = 0;
  let pushedDossiers = 0;
  let pulledDocs = 0;
  let template = 0;
  let cpuAtStart = { portal: 0, postgres: 0, self: process.cpuUsage() };
  const cpuTimer = setTimeout(() => {
    cpuAtStart = { portal: cpuSeconds(p.portalPid), postgres: p.serverPid ? cpuSeconds(p.serverPid) : 0, self: process.cpuUsage() };
  }, p.warmupS * 1000);

  const inWindow = (startedAt: number, endedAt: number) => startedAt >= measureFrom && endedAt <= endAt;
  const fail = (startedAt: number, message: string) => {
    if (startedAt < measureFrom || performance.now() > endAt) return;
    errors++;
    if (errorSamples.length < 5) errorSamples.push(message.slice(0, 200));
  };

  async function call<T>(kind: 'pull' | 'push', method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T | null> {
    const startedAt = performance.now();
    try {
      const reply = await client.request<T>(method, path, { token, ...(body === undefined ? {} : { body }) });
      if (reply.status < 200 || reply.status >= 300) {
        fail(startedAt, `${kind} HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
        return null;
      }
      if (inWindow(startedAt, performance.now())) (kind === 'pull' ? pulls : pushes).push(reply.ms);
      return reply.body;
    } catch (error) {
      fail(startedAt, `${kind}: ${(error as Error).message}`);
      return null;
    }
  }

  async function workstation(i: number): Promise<void> {
    const token = tokens[i]!;
    const agencyId = p.agencies[i % p.agencies.length]!.agencyId;
    let checkpoint: Checkpoint | null = null;
    let seed = i * 7919 + 1;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const pullAll = async () => {
      for (let n = 0; n < 50 && performance.now() < endAt; n++) {
        const query = new URLSearchParams({ limit: String(p.pullLimit) });
        if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
        const response = await call<PullResponse>('pull', 'GET', `${API_PREFIX}/replication/dossiers/pull?${query}`, token);
        if (!response) return;
        if (performance.now() >= measureFrom) pulledDocs += response.documents.length;
        checkpoint = response.checkpoint ?? checkpoint;
        if (response.documents.length < p.pullLimit) return;
      }
    };
    // Spread the first requests over 200 ms rather than all at the same instant.
    await new Promise((r) => setTimeout(r, rand() * 200));
    while (performance.now() < endAt) {
      await pullAll();
      if (performance.now() >= endAt) break;
      const count = 1 + Math.floor(rand() * 5);
      const docs = Array.from({ length: count }, () => rehome(p.pool[template++ % p.pool.length]!, agencyId).dossier);
      const startedAt = performance.now();
      const response = await call<PushResponse>('push', 'POST', `${API_PREFIX}/replication/dossiers/push`, token, pushRows(docs));
      if (response) {
        const refused = response.rejected.length + response.conflicts.length;
        if (refused) fail(startedAt, `push: ${refused} rows refused: ${JSON.stringify(response.rejected[0] ?? response.conflicts[0])}`);
        if (startedAt >= measureFrom && performance.now() <= endAt) pushedDossiers += count - refused;
      }
      await pullAll();
      if (startedAt >= measureFrom && performance.now() <= endAt) cycles++;
      if (p.thinkMs > 0) await new Promise((r) => setTimeout(r, p.thinkMs * (0.5 + rand())));
    }
  }

  const progress = setInterval(() => p.log(`load: ${pulls.length + pushes.length} requests measured so far, ${errors} errors`), 10_000);
  await Promise.all(Array.from({ length: p.clients }, (_, i) => workstation(i)));
  clearInterval(progress);
  clearTimeout(cpuTimer);
  const windowS = p.seconds;
  const selfCpu = process.cpuUsage(cpuAtStart.self);
  const cpu = {
    portal: (cpuSeconds(p.portalPid) - cpuAtStart.portal) / windowS,
    postgres: p.serverPid ? (cpuSeconds(p.serverPid) - cpuAtStart.postgres) / windowS : null,
    loadGenerator: (selfCpu.user + selfCpu.system) / 1e6 / windowS,
  };
  for (const s of streams) s.close();
  streamAgent.destroy();
  client.close();

  const requests = pulls.length + pushes.length;
  return {
    clients: p.clients,
    agencies: p.agencies.length,
    windowS,
    requests,
    requestsPerSecond: requests / windowS,
    errors,
    errorSamples,
    latency: { all: percentiles([...pulls, ...pushes]), pull: percentiles(pulls), push: percentiles(pushes) },
    cycles,
    pushedDossiers,
    pushedPerSecond: pushedDossiers / windowS,
    pulledDocs,
    loginMs,
    loginConcurrency,
    streamsOpened,
    streamEvents,
    cpu,
    window: windowEpoch,
    loadAverage: os.loadavg()[0]!,
  };
}
