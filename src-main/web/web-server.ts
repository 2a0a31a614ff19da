/**
 * `synack serve`'s server: the built renderer and the contract over a WebSocket, on
 * 127.0.0.1 only, for whoever holds the printed token. Security model in `request-guard.ts`;
 * headers in `security-headers.ts`; the WebSocket protocol in `src-main/ipc/web-protocol.ts`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_CLOSE } from '../ipc/web-protocol.ts';
import { serveApiSocket, type WebService } from './api-socket.ts';
import { refuseUpgrade, sendText } from './http-responses.ts';
import { MetricsCollector } from './metrics.ts';
import { RequestGuard } from './request-guard.ts';
import { randomSecret } from './secrets.ts';
import { securityHeaders } from './security-headers.ts';
import { StaticFiles } from './static-files.ts';

/** The only address the server ever binds. */
export const WEB_HOST = '127.0.0.1';

export interface WebServerOptions {
  readonly service: WebService;
  /** Directory of the built renderer (`index.html` and its assets). */
  readonly rendererDir: string;
  /** Port on 127.0.0.1. @default 0 (any free port) */
  readonly port?: number;
  /** Serve Prometheus metrics at `/metrics`. @default false */
  readonly metrics?: boolean;
  /** Largest WebSocket frame accepted (importEndpoints takes up to 5 MB of text). @default 6 MiB */
  readonly maxPayloadBytes?: number;
  /** WebSocket clients at once. @default 32 */
  readonly maxClients?: number;
  /** Told of every request or upgrade refused by the Host, Origin or token checks (for a log). */
  readonly onRefused?: (refused: RefusedRequest) => void;
}

export interface RefusedRequest {
  readonly status: number;
  readonly reason: string;
  readonly request: IncomingMessage;
  readonly upgrade: boolean;
}

export interface WebServer {
  readonly port: number;
  /** The secret in the printed URL. */
  readonly token: string;
  /** `http://127.0.0.1:PORT/?token=…`: what the user opens. */
  readonly url: string;
  /** Closes every WebSocket client, then the server; resolves within about a second. */
  close(): Promise<void>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** How long closing WebSocket clients may take their time before they are cut. */
const CLOSE_GRACE_MS = 500;

/** Starts the server; rejects when the port cannot be bound. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { service } = options;
  const files = new StaticFiles(options.rendererDir);
  const collector = options.metrics ? new MetricsCollector() : undefined;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes ?? 6 * 1024 * 1024, perMessageDeflate: false });
  const maxClients = options.maxClients ?? 32;
  const server = createServer();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, WEB_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const token = randomSecret();
  const guard = new RequestGuard({ port, token, session: randomSecret() });
  const stopCollecting = collector ? service.subscribe((batch) => collector.observe(batch)) : undefined;

  const handleRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? 'GET';
    const refuse = (status: number, reason: string): void => {
      options.onRefused?.({ status, reason, request, upgrade: false });
      sendText(response, port, status, reason);
    };
    const refusal = guard.checkOrigin(request, !SAFE_METHODS.has(method));
    if (refusal) return refuse(refusal.status, refusal.reason);
    if (!SAFE_METHODS.has(method)) return sendText(response, port, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    const url = new URL(request.url ?? '/', `http://${WEB_HOST}:${port}`);
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (!guard.tokenMatches(url.searchParams.get('token'))) return refuse(403, 'invalid token');
      // 303 to a clean URL: the token leaves the address bar and the history.
      return sendText(response, port, 303, 'signed in', { Location: '/', 'Set-Cookie': guard.sessionCookie() });
    }
    if (!guard.authenticated(request)) return refuse(401, 'not signed in: open the URL printed by synack serve');
    if (url.pathname === '/metrics' && collector) {
      return sendText(response, port, 200, collector.render(await service.listEndpoints()).trimEnd(), {
        'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
      });
    }
    if (url.pathname === '/api') return sendText(response, port, 426, 'WebSocket only', { Upgrade: 'websocket' });
    const file = await files.lookup(url.pathname);
    if (file === 'bad-request') return sendText(response, port, 400, 'bad path');
    if (file === 'not-found') return sendText(response, port, 404, 'not found');
    response.writeHead(200, {
      ...securityHeaders(port),
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Cache-Control': file.isHtml ? 'no-store' : 'no-cache',
    });
    response.end(file.body);
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(request, response).catch(() => {
      if (!response.headersSent) sendText(response, port, 500, 'internal error');
      else response.destroy();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const refuse = (status: number, reason: string): void => {
      options.onRefused?.({ status, reason, request, upgrade: true });
      refuseUpgrade(socket, port, status, reason);
    };
    const refusal = guard.checkOrigin(request, true);
    if (refusal) return refuse(refusal.status, refusal.reason);
    if (!guard.authenticated(request)) return refuse(401, 'not signed in');
    if (new URL(request.url ?? '/', `http://${WEB_HOST}:${port}`).pathname !== '/api') return refuseUpgrade(socket, port, 404, 'not found');
    if (wss.clients.size >= maxClients) return refuseUpgrade(socket, port, 503, 'too many clients');
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => serveApiSocket(ws, service));
  });

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    stopCollecting?.();
    const clients = [...wss.clients].map((client) => closeClient(client));
    server.close();
    server.closeAllConnections();
    await Promise.all(clients);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
  return {
    port,
    token,
    url: `http://${WEB_HOST}:${port}/?token=${token}`,
    close: () => (closing ??= close()),
  };
}

/** Closes a client politely, and cuts it if it does not answer the close in time. */
function closeClient(client: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (client.readyState === client.CLOSED) return resolve();
    const timer = setTimeout(() => client.terminate(), CLOSE_GRACE_MS);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    client.close(WS_CLOSE.goingAway, 'server stopping');
  });
}
