/** The fault-test proxy does what the upload tests rely on: exact counters, cuts where asked, stalls, seeded chaos. */
import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';

/** Echo server that also records how many bytes each connection delivered. */
let echo: net.Server;
let echoPort = 0;
const received: number[] = [];
let httpServer: http.Server;
let httpPort = 0;
let proxy: FaultyProxy;

beforeAll(async () => {
  echo = net.createServer((socket) => {
    const index = received.push(0) - 1;
    socket.on('data', (chunk) => {
      received[index] = (received[index] ?? 0) + chunk.length;
      socket.write(chunk);
    });
    socket.on('error', () => {});
    socket.on('end', () => socket.end());
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoPort = (echo.address() as net.AddressInfo).port;

  httpServer = http.createServer((req, res) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => (size += chunk.length));
    req.on('end', () => res.end(JSON.stringify({ size })));
    req.on('error', () => {});
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  httpPort = (httpServer.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => echo.close(resolve));
  await new Promise((resolve) => httpServer.close(resolve));
});
afterEach(async () => {
  await proxy?.close();
  received.length = 0;
});

interface Exchange {
  echoed: number;
  error: string | null;
  ms: number;
}

/** Sends `bytes` in 16 KiB writes and collects the echo until the connection closes or all came back. */
function exchange(port: number, bytes: number): Promise<Exchange> {
  const started = Date.now();
  return new Promise((resolve) => {
    let echoed = 0;
    let error: string | null = null;
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = () => resolve({ echoed, error, ms: Date.now() - started });
    socket.on('data', (chunk) => {
      echoed += chunk.length;
      if (echoed >= bytes) socket.end();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', done);
    socket.on('connect', () => {
      const chunk = Buffer.alloc(16 * 1024, 7);
      let left = bytes;
      const write = () => {
        while (left > 0) {
          const part = chunk.subarray(0, Math.min(left, chunk.length));
          left -= part.length;
          if (!socket.write(part)) return void socket.once('drain', write);
        }
      };
      write();
    });
  });
}

async function postThrough(port: number, bytes: number): Promise<number | string> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: Buffer.alloc(bytes, 1) });
    return ((await res.json()) as { size: number }).size;
  } catch (error) {
    return `failed: ${String((error as Error).cause ?? error)}`;
  }
}

describe('faulty proxy', () => {
  it('passes traffic through and counts the bytes each way', async () => {
    proxy = await startFaultyProxy({ port: echoPort });
    const result = await exchange(proxy.port, 300_000);
    expect(result).toMatchObject({ echoed: 300_000, error: null });
    expect(proxy.bytesUp).toBe(300_000);
    expect(proxy.bytesDown).toBe(300_000);
    expect(proxy.connections).toBe(1);
    expect(proxy.cuts).toBe(0);
  });

  it('carries HTTP requests unchanged', async () => {
    proxy = await startFaultyProxy({ port: httpPort });
    expect(await postThrough(proxy.port, 1_000_000)).toBe(1_000_000);
    expect(proxy.bytesUp).toBeGreaterThan(1_000_000);
    expect(proxy.bytesUp).toBeLessThan(1_001_000);
  });

  it('cutAll resets every open connection', async () => {
    proxy = await startFaultyProxy({ port: echoPort });
    const sockets = [0, 1].map(() => net.connect({ port: proxy.port, host: '127.0.0.1' }));
    const closed = sockets.map((s) => new Promise<string | null>((resolve) => {
      let code: string | null = null;
      s.on('error', (e: NodeJS.ErrnoException) => (code = e.code ?? 'error'));
      s.on('close', () => resolve(code));
    }));
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.once('connect', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.openConnections).toBe(2);
    proxy.cutAll();
    expect(await Promise.all(closed)).toEqual(['ECONNRESET', 'ECONNRESET']);
    expect(proxy.openConnections).toBe(0);
    expect(proxy.cuts).toBe(2);
  });

  it('refuses connections while down and works again once up', async () => {
    proxy = await startFaultyProxy({ port: httpPort });
    proxy.down();
    expect(await postThrough(proxy.port, 10)).toMatch(/^failed/);
    proxy.up();
    expect(await postThrough(proxy.port, 10)).toBe(10);
  });

  it('stalls both directions for the given time', async () => {
    proxy = await startFaultyProxy({ port: echoPort });
    proxy.stall(400);
    const result = await exchange(proxy.port, 100_000);
    expect(result).toMatchObject({ echoed: 100_000, error: null });
    expect(result.ms).toBeGreaterThanOrEqual(380);
    const after = await exchange(proxy.port, 100_000);
    expect(after.ms).toBeLessThan(300);
  });

  it('cutAfterBytes forwards exactly n bytes, then cuts; `times` disarms it', async () => {
    proxy = await startFaultyProxy({ port: echoPort });
    proxy.cutAfterBytes(100_000, { times: 1 });
    const first = await exchange(proxy.port, 500_000);
    expect(first.error).toBe('ECONNRESET');
    expect(proxy.bytesUp).toBe(100_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received[0]).toBe(100_000);
    const second = await exchange(proxy.port, 500_000);
    expect(second).toMatchObject({ echoed: 500_000, error: null });
    expect(proxy.cuts).toBe(1);
  });

  it('chaos cuts at random but repeatable points', async () => {
    const run = async () => {
      proxy = await startFaultyProxy({ port: httpPort });
      proxy.chaos({ seed: 42, cutEveryBytes: [200_000, 600_000] });
      const outcomes: (number | string)[] = [];
      for (let i = 0; i < 8; i++) outcomes.push(await postThrough(proxy.port, 250_000));
      const summary = { ok: outcomes.filter((o) => o === 250_000).length, cuts: proxy.cuts, up: proxy.bytesUp };
      await proxy.close();
      return summary;
    };
    const a = await run();
    const b = await run();
    expect(a.cuts).toBeGreaterThanOrEqual(2);
    expect(a.ok).toBeGreaterThan(0);
    expect(a.ok + a.cuts).toBe(8);
    expect(b).toEqual(a);
  });

  it('chaos stalls slow traffic down', async () => {
    proxy = await startFaultyProxy({ port: echoPort });
    proxy.chaos({ seed: 7, stallProbability: 1, stallMs: 100 });
    const result = await exchange(proxy.port, 64 * 1024);
    expect(result.echoed).toBe(64 * 1024);
    expect(result.ms).toBeGreaterThanOrEqual(100);
  });

  it('the PRNG is seeded', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
