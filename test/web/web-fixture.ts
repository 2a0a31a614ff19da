/**
 * A real `synack serve` stack for tests: a MonitorService on a SQLite file in a temp dir, the
 * web server on 127.0.0.1:0 serving a tiny renderer fixture, and HTTP/WebSocket helpers that
 * can set any header (Host, Origin) a browser or an attacker would send.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { dirname, join } from 'node:path';
import { WebSocket } from 'ws';
import { endpointInputSchema, type EndpointConfig, type EndpointInput } from '../../src-main/core/endpoints/endpoint-schema.ts';
import { MonitorService } from '../../src-main/core/monitor/monitor-service.ts';
import { openHistoryStore } from '../../src-main/core/store/open-history-store.ts';
import { startWebServer, type WebServer, type WebServerOptions } from '../../src-main/web/web-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface WebFixture {
  readonly server: WebServer;
  readonly service: MonitorService;
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly rendererDir: string;
  /** Raw GET/POST with exactly these headers (Host defaults to 127.0.0.1:PORT). */
  http(path: string, headers?: OutgoingHttpHeaders, method?: string): Promise<HttpAnswer>;
  /** Redeems the token like a browser and returns the `Cookie` header to send. */
  signIn(): Promise<string>;
  /** A `ws` client on /api with a browser's headers (overridable). */
  socket(headers?: OutgoingHttpHeaders, path?: string): WebSocket;
  close(): Promise<void>;
}

/** The renderer fixture served unless a test brings its own files. */
const DEFAULT_RENDERER: Readonly<Record<string, string>> = {
  'index.html': '<!doctype html><link rel="stylesheet" href="/assets/app.css"><script type="module" src="/assets/app.js"></script><title>Synack</title>',
  'assets/app.js': 'export {};\n',
  'assets/app.css': 'body { margin: 0 }\n',
};

export interface FixtureOptions extends Partial<Omit<WebServerOptions, 'service' | 'rendererDir'>> {
  /** Files of the renderer directory, by relative path. */
  readonly renderer?: Readonly<Record<string, string>>;
}

export async function startFixture(options: FixtureOptions = {}): Promise<WebFixture> {
  const { renderer = DEFAULT_RENDERER, ...serverOptions } = options;
  const dir = makeTempDir('synack-web-');
  const rendererDir = join(dir.path, 'renderer');
  for (const [path, text] of Object.entries(renderer)) {
    mkdirSync(dirname(join(rendererDir, path)), { recursive: true });
    writeFileSync(join(rendererDir, path), text);
  }
  writeFileSync(join(dir.path, 'secret.txt'), 'outside the renderer');

  const { store } = openHistoryStore(join(dir.path, 'synack.db'));
  const service = new MonitorService({ store, pushIntervalMs: 50 });
  let server: WebServer;
  try {
    server = await startWebServer({ service, rendererDir, ...serverOptions });
  } catch (error) {
    await service.stop();
    dir.remove();
    throw error;
  }
  service.start();
  const { port } = server;
  const origin = `http://127.0.0.1:${port}`;
  const sockets = new Set<WebSocket>();

  const http = (path: string, headers: OutgoingHttpHeaders = {}, method = 'GET'): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers: { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });

  return {
    server,
    service,
    port,
    origin,
    rendererDir,
    http,
    async signIn() {
      const answer = await http(`/?token=${server.token}`);
      const cookie = answer.headers['set-cookie']?.[0];
      if (answer.status !== 303 || cookie === undefined) throw new Error(`sign-in failed: ${answer.status}`);
      return cookie.split(';')[0] ?? '';
    },
    socket(headers = {}, path = '/api') {
      const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers: { Origin: origin, ...headers } });
      ws.on('error', () => {});
      sockets.add(ws);
      return ws;
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await server.close();
      await service.stop();
      dir.remove();
    },
  };
}

/** Resolves with the HTTP status a refused WebSocket upgrade got, or rejects if it opened. */
export function upgradeRefusal(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
  });
}

/** Waits for the socket to open. */
export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
  });
}

/** Resolves with the close code and reason. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** Sends calls and pairs replies by id; collects pushes. */
export class RawClient {
  readonly pushes: unknown[] = [];
  readonly #waiting = new Map<number, (result: unknown) => void>();
  readonly #ws: WebSocket;
  #nextId = 1;

  constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; push?: string; payload?: unknown };
      if (message.push !== undefined) this.pushes.push(message.payload);
      else if (message.id !== undefined) this.#waiting.get(message.id)?.(message.result);
    });
  }

  call(op: string, ...args: unknown[]): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.#ws.send(JSON.stringify({ id, op, args }));
    });
  }
}

/** Polls `check` every 20 ms until it returns a value, for at most `ms`. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A complete endpoint config from the few fields a test cares about (defaults fill the rest). */
export function endpointConfig(input: EndpointInput): EndpointConfig {
  return endpointInputSchema.parse(input);
}
