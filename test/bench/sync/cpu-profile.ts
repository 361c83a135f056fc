/**
 * BENCH_SYNC_CPU_PROFILE=1: a V8 CPU profile of the bench page (CDP Profiler) during a figure, summed
 * by self time per bundle chunk (the page is then built one chunk per package, unminified).
 */
import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `pkg-z-schema-AbC123.js` → `z-schema`; `app-src-renderer-….js` → `src-renderer`; else the label V8 gives. */
function ownerOf(node: ProfileNode): string {
  const file = node.callFrame.url.split('/').pop() ?? '';
  const chunk = /^(pkg|app)-(.+)-[\w-]{8}\.js$/.exec(file);
  if (chunk) return chunk[1] === 'pkg' ? chunk[2]!.replace(/^_/, '@').replace(/_/g, '/') : chunk[2]!;
  if (!node.callFrame.url) return node.callFrame.functionName || '(native)';
  return file;
}

export function summarizeProfile(profile: Profile, top = 8): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    total += dt;
    const owner = ownerOf(node);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + dt);
    const fn = `${node.callFrame.functionName || '(anonymous)'} (${owner})`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
  });
  const share = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${k} ${((100 * v) / (total || 1)).toFixed(0)} %`)
      .join(', ');
  return [`self time by package over ${(total / 1e6).toFixed(1)} s: ${share(byOwner)}`, `top functions: ${share(byFunction)}`];
}

/** Start and stop the profiler from the page (`await window.benchMark('start:<name>' | 'stop:<name>')`). */
export function profilerHooks(cdp: CDPSession): { mark(what: string): Promise<void>; results: Map<string, string[]> } {
  const results = new Map<string, string[]>();
  let enabled = false;
  return {
    results,
    async mark(what) {
      const [action, name] = what.split(':');
      if (action === 'start') {
        if (!enabled) await cdp.send('Profiler.enable');
        enabled = true;
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
      } else if (action === 'stop' && name) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
        results.set(name, summarizeProfile(profile));
      }
    },
  };
}
