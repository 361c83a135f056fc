/**
 * Server time per request from the portal's own JSON log (fastify at LOG_LEVEL=info writes
 * "incoming request" with the URL and "request completed" with responseTime, both under one reqId).
 */
import { readFileSync } from 'node:fs';

export interface ServerRequest {
  /** Epoch ms when it completed. */
  time: number;
  /** e.g. `pull dossiers`, `push dossierEvents`, `login`, `stream dossiers`, `health`, `CORS preflight`, `GET other`. */
  route: string;
  ms: number;
  status: number;
}

function routeOf(method: string, url: string): string {
  // The bench page is on another origin than the portal: Chromium sends CORS preflights (cached
  // per URL for 10 min), which are not the route's own requests.
  if (method === 'OPTIONS') return 'CORS preflight';
  const replication = /\/replication\/([^/]+)\/(pull|push|stream)/.exec(url);
  if (replication) return `${replication[2]} ${replication[1]}`;
  if (url.includes('/auth/login')) return 'login';
  if (url.includes('/health')) return 'health';
  return `${method} other`;
}

export function readServerLog(file: string): ServerRequest[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const urls = new Map<string, string>();
  const out: ServerRequest[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { reqId?: string; msg?: string; time?: number; req?: { method?: string; url?: string }; res?: { statusCode?: number }; responseTime?: number };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (!entry.reqId) continue;
    if (entry.msg === 'incoming request' && entry.req?.url) urls.set(entry.reqId, routeOf(entry.req.method ?? 'GET', entry.req.url));
    else if (entry.msg === 'request completed' && typeof entry.responseTime === 'number') {
      out.push({ time: entry.time ?? 0, route: urls.get(entry.reqId) ?? 'unknown', ms: entry.responseTime, status: entry.res?.statusCode ?? 0 });
      urls.delete(entry.reqId);
    }
  }
  return out;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0);

/** One line per route of the requests completed in [from, to]: count, median, p99, total busy time. */
export function describeServerTimes(requests: ServerRequest[], from: number, to: number): string[] {
  const byRoute = new Map<string, number[]>();
  for (const r of requests) {
    if (r.time < from || r.time > to) continue;
    const list = byRoute.get(r.route) ?? [];
    list.push(r.ms);
    byRoute.set(r.route, list);
  }
  return [...byRoute.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([route, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const total = sorted.reduce((s, v) => s + v, 0);
      return `${route}: ${times.length} requests, median ${quantile(sorted, 0.5).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms, total ${(total / 1000).toFixed(1)} s`;
    });
}
