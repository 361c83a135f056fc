/**
 * The browser host: serves the renderer and the desktop contract over a WebSocket, bound to
 * 127.0.0.1 with a random per-run token, so the same renderer runs in any Chromium (tests, demos).
 * Security: loopback only, token compared in constant time, Origin must be this host, messages size-
 * limited and validated by the same dispatcher as Electron IPC.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { createDispatcher } from '../contract/dispatch';
import { createHandlers, createWorkstationServices } from '../contract/handlers';
import { contentSecurityPolicy } from '../security/csp';
import { APP_VERSION } from '../version';
import { VAULT_BASE64_MAX } from '../../src-shared/contract/desktop';
import { MAX_MESSAGE_BYTES, type EventEnvelope, type RequestEnvelope, type ResponseEnvelope } from '../../src-shared/contract/transport';
import { readRendererFile, resolveStaticFile } from '../services/static-files';

export interface HostOptions {
  rendererDir: string;
  resourcesDir: string;
  dataDir: string;
  port?: number;
  log?: (message: string) => void;
  /** Where settings read MOTCUA_PORTAL_URL (default process.env): tests run several workstations in one process. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningHost {
  /** Open this in a browser: the token travels in the fragment, never to a server log. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseEnvelope(raw: string): RequestEnvelope | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const v = value as Partial<RequestEnvelope> | null;
  const valid = typeof v === 'object' && v !== null && Number.isSafeInteger(v.id) && (v.id as number) >= 0 && typeof v.method === 'string';
  return valid ? (v as RequestEnvelope) : null;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? (() => {});
  const token = randomBytes(24).toString('base64url');
  const services = createWorkstationServices(options.dataDir, options.resourcesDir, log, options.env);
  const { settings } = services;
  const sockets = new Set<WebSocket>();
  const send = (ws: WebSocket, message: ResponseEnvelope | EventEnvelope) => ws.send(JSON.stringify(message));
  const dispatch = createDispatcher(
    createHandlers({
      version: APP_VERSION,
      host: 'web',
      resourcesDir: options.resourcesDir,
      ...services,
      emit: (event, payload) => sockets.forEach((ws) => send(ws, { event, payload })),
    }),
    log,
  );

  let origin = '';
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, SECURITY_HEADERS).end();
        return;
      }
      const resolved = resolveStaticFile(options.rendererDir, new URL(req.url ?? '/', origin).pathname);
      const file = resolved && (await readRendererFile(options.rendererDir, resolved));
      if (!file) {
        res.writeHead(404, SECURITY_HEADERS).end('Not found');
        return;
      }
      const { portalUrl } = await settings.get();
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': file.type,
        'cache-control': 'no-store',
        'content-security-policy': contentSecurityPolicy([portalUrl, origin.replace(/^http/, 'ws')]),
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    })().catch((error: Error) => {
      log(`host: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });

  // Room for one `vault.put` of the largest size the contract allows, plus its envelope.
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(MAX_MESSAGE_BYTES, VAULT_BASE64_MAX + 64 * 1024) });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const allowed = url.pathname === '/contract' && req.headers.origin === origin && sameToken(url.searchParams.get('token') ?? '', token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      const envelope = parseEnvelope(String(data));
      if (!envelope) {
        send(ws, { id: -1, ok: false, error: { code: 'invalid_message', message: 'Malformed message: expected {id, method, params}' } });
        return;
      }
      const { id, method, params } = envelope;
      void dispatch(method, params).then((outcome) => send(ws, { id, ...outcome }));
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      await services.close();
      sockets.forEach((ws) => ws.terminate());
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
