/**
 * A TCP proxy for fault tests: sits between a client and a target host:port and, on demand, cuts
 * connections, refuses new ones, stalls traffic, or does all of that at random from a seeded PRNG
 * (repeatable runs). Counts the bytes it forwards each way, which is what "bytes sent" means in the
 * upload tests (request headers included).
 */
import net from 'node:net';
import { prng } from '../bench/idb/random';

export interface ChaosOptions {
  seed: number;
  /** Cut the connection carrying the traffic after a random [min, max] client→server bytes (all connections together). */
  cutEveryBytes?: [number, number];
  /** Chance, per forwarded chunk, that the connection then stalls for stallMs. */
  stallProbability?: number;
  stallMs?: number;
}

export interface FaultyProxy {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Client→server bytes forwarded. */
  readonly bytesUp: number;
  /** Server→client bytes forwarded. */
  readonly bytesDown: number;
  /** Connections accepted (refused ones included). */
  readonly connections: number;
  readonly openConnections: number;
  /** Connections cut by a fault (cutAll, down, cutAfterBytes, chaos). */
  readonly cuts: number;
  resetCounters(): void;
  /** Destroys every open connection now (TCP reset). */
  cutAll(): void;
  /** Until up(): new connections are reset at once, and open ones are cut now. */
  down(): void;
  up(): void;
  /** Stops forwarding in both directions, on every connection open or opened meanwhile, for ms. */
  stall(ms: number): void;
  /**
   * Cuts a connection once it has forwarded n client→server bytes (counted per connection); after
   * `times` cuts (default unlimited) it disarms itself. null disarms it.
   */
  cutAfterBytes(n: number | null, options?: { times?: number }): void;
  /** Random faults; null stops them. */
  chaos(options: ChaosOptions | null): void;
  close(): Promise<void>;
}

/** mulberry32 (the bench data's PRNG): fault runs repeat exactly for a seed. */
export const seededRandom = (seed: number): (() => number) => prng(seed);

type Direction = 'up' | 'down';

interface Link {
  client: net.Socket;
  server: net.Socket;
  upForwarded: number;
  stalledUntil: number;
  queued: Record<Direction, Buffer[]>;
  ended: Record<Direction, boolean>;
  waitingDrain: Record<Direction, boolean>;
  timer: NodeJS.Timeout | null;
  /** A fault is cutting it: forward nothing more. */
  cutting: boolean;
  dead: boolean;
}

interface Chaos {
  random: () => number;
  options: ChaosOptions;
  /** Client→server bytes left before the next random cut. */
  untilCut: number;
}

export async function startFaultyProxy(target: { host?: string; port: number }): Promise<FaultyProxy> {
  const targetHost = target.host ?? '127.0.0.1';
  const links = new Set<Link>();
  const counters = { bytesUp: 0, bytesDown: 0, connections: 0, cuts: 0 };
  let isDown = false;
  let stallAllUntil = 0;
  let cutAfter: { n: number; left: number } | null = null;
  let chaos: Chaos | null = null;

  const drawCut = (c: Chaos) => {
    const [min, max] = c.options.cutEveryBytes ?? [Infinity, Infinity];
    return Math.floor(min + c.random() * (max - min + 1));
  };

  /** The client sees a TCP reset; the target gets what was forwarded, then the connection closes. */
  function cut(link: Link): void {
    if (link.dead) return;
    counters.cuts++;
    destroy(link, true);
  }

  function destroy(link: Link, reset: boolean): void {
    link.dead = true;
    if (link.timer) clearTimeout(link.timer);
    if (!link.client.destroyed) {
      if (reset) link.client.resetAndDestroy();
      else link.client.destroy();
    }
    if (!link.server.destroyed) link.server.destroy();
    links.delete(link);
  }

  const source = (link: Link, dir: Direction) => (dir === 'up' ? link.client : link.server);
  const sink = (link: Link, dir: Direction) => (dir === 'up' ? link.server : link.client);
  const stalledFor = (link: Link) => Math.max(link.stalledUntil, stallAllUntil) - Date.now();

  function scheduleFlush(link: Link): void {
    if (link.timer || link.dead) return;
    link.timer = setTimeout(() => {
      link.timer = null;
      flush(link);
    }, Math.max(1, stalledFor(link)));
  }

  function flush(link: Link): void {
    if (link.dead) return;
    if (stalledFor(link) > 0) return scheduleFlush(link);
    for (const dir of ['up', 'down'] as const) {
      while (link.queued[dir].length > 0 && !link.dead && !link.cutting && stalledFor(link) <= 0) send(link, dir, link.queued[dir].shift()!);
      if (link.dead || link.cutting) return;
      if (link.queued[dir].length > 0) return scheduleFlush(link);
      if (link.ended[dir]) sink(link, dir).end();
      else if (!link.waitingDrain[dir]) source(link, dir).resume();
    }
  }

  /** Where in this client→server chunk a fault cuts the link (bytes to forward first), or null. */
  function cutPoint(link: Link, length: number): number | null {
    let at: number | null = null;
    if (cutAfter && cutAfter.left > 0 && cutAfter.n - link.upForwarded <= length) {
      at = Math.max(0, cutAfter.n - link.upForwarded);
      cutAfter.left--;
      if (cutAfter.left === 0) cutAfter = null;
    }
    if (chaos && chaos.untilCut <= length) {
      at = Math.min(at ?? Infinity, Math.max(0, chaos.untilCut));
      chaos.untilCut = drawCut(chaos);
    } else if (chaos) {
      chaos.untilCut -= length;
    }
    return at;
  }

  function send(link: Link, dir: Direction, chunk: Buffer): void {
    if (dir === 'up') {
      const at = cutPoint(link, chunk.length);
      if (at !== null) {
        const part = chunk.subarray(0, at);
        counters.bytesUp += part.length;
        link.upForwarded += part.length;
        // Nothing more is forwarded; the cut follows once the partial chunk reached the socket.
        link.cutting = true;
        if (part.length === 0) cut(link);
        else link.server.write(part, () => cut(link));
        return;
      }
      link.upForwarded += chunk.length;
      counters.bytesUp += chunk.length;
    } else {
      counters.bytesDown += chunk.length;
    }
    if (!sink(link, dir).write(chunk)) {
      link.waitingDrain[dir] = true;
      source(link, dir).pause();
    }
    const c = chaos;
    if (c?.options.stallProbability && c.random() < c.options.stallProbability) {
      link.stalledUntil = Date.now() + (c.options.stallMs ?? 1000);
    }
  }

  function receive(link: Link, dir: Direction, chunk: Buffer): void {
    if (link.dead || link.cutting) return;
    if (stalledFor(link) > 0 || link.queued[dir].length > 0) {
      link.queued[dir].push(chunk);
      source(link, dir).pause();
      scheduleFlush(link);
      return;
    }
    send(link, dir, chunk);
  }

  function wire(link: Link): void {
    for (const dir of ['up', 'down'] as const) {
      const from = source(link, dir);
      const to = sink(link, dir);
      from.on('data', (chunk: Buffer) => receive(link, dir, chunk));
      from.on('end', () => {
        link.ended[dir] = true;
        if (link.queued[dir].length === 0 && !link.dead) to.end();
      });
      to.on('drain', () => {
        link.waitingDrain[dir] = false;
        if (stalledFor(link) <= 0 && link.queued[dir].length === 0 && !link.dead) from.resume();
      });
    }
    const gone = () => {
      if (links.has(link)) destroy(link, false);
    };
    for (const socket of [link.client, link.server]) {
      socket.on('error', gone);
      socket.on('close', gone);
    }
  }

  const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    counters.connections++;
    if (isDown) {
      client.on('error', () => {});
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect({ host: targetHost, port: target.port, allowHalfOpen: true });
    const link: Link = {
      client,
      server: upstream,
      upForwarded: 0,
      stalledUntil: 0,
      queued: { up: [], down: [] },
      ended: { up: false, down: false },
      waitingDrain: { up: false, down: false },
      timer: null,
      cutting: false,
      dead: false,
    };
    links.add(link);
    wire(link);
    upstream.once('connect', () => {
      if (!link.dead) client.resume();
    });
  });
  server.on('error', () => {});

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const cutAll = () => [...links].forEach(cut);

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get bytesUp() {
      return counters.bytesUp;
    },
    get bytesDown() {
      return counters.bytesDown;
    },
    get connections() {
      return counters.connections;
    },
    get openConnections() {
      return links.size;
    },
    get cuts() {
      return counters.cuts;
    },
    resetCounters() {
      counters.bytesUp = 0;
      counters.bytesDown = 0;
      counters.connections = 0;
      counters.cuts = 0;
    },
    cutAll,
    down() {
      isDown = true;
      cutAll();
    },
    up() {
      isDown = false;
    },
    stall(ms) {
      stallAllUntil = Math.max(stallAllUntil, Date.now() + ms);
    },
    cutAfterBytes(n, options = {}) {
      cutAfter = n === null ? null : { n, left: options.times ?? Infinity };
    },
    chaos(options) {
      if (!options) {
        chaos = null;
        return;
      }
      const c: Chaos = { random: seededRandom(options.seed), options, untilCut: Infinity };
      c.untilCut = drawCut(c);
      chaos = c;
    },
    async close() {
      [...links].forEach((link) => destroy(link, false));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
