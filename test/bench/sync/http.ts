/**
 * A small JSON client on node:http with keep-alive connections, for seeding, the Node baselines and
 * the simulated workstations (cheaper per request than fetch, so more of the 2 cores go to the portal).
 */
import http from 'node:http';

export interface JsonReply<T> {
  status: number;
  body: T;
  /** From sending the request until the whole body was read, milliseconds. */
  ms: number;
}

export class JsonHttp {
  readonly agent: http.Agent;
  private readonly base: URL;

  constructor(baseUrl: string, maxSockets = 256) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /** Rejects on a network error or after 60 s without activity; any HTTP status resolves. */
  request<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; token?: string } = {}): Promise<JsonReply<T>> {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, path, method, headers, agent: this.agent, timeout: 60_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              body = text;
            }
            resolve({ status: res.statusCode ?? 0, body: body as T, ms: performance.now() - started });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Throws unless the status is 2xx. */
  async ok<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; token?: string } = {}): Promise<T> {
    const reply = await this.request<T>(method, path, options);
    if (reply.status < 200 || reply.status >= 300) throw new Error(`${method} ${path}: HTTP ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
    return reply.body;
  }

  close(): void {
    this.agent.destroy();
  }
}
