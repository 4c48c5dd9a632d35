// Browser mode: serves the renderer over HTTP and the contract over a token-guarded WebSocket.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import { WebSocketServer } from 'ws';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connectionLimits';
import { isLoopbackHost } from './loopback';
import { parseRequestTarget } from './requestTarget';
import { serveConnection, type ConnectionHandlers } from './serveConnection';
import { createStaticHandler } from './serveStatic';

export const WS_PATH = '/ws';
/** Past this, ws itself closes the socket (1009); up to it, an oversize message gets an error reply. */
const HARD_MESSAGE_LIMIT_BYTES = 1024 * 1024;
/** TCP connections at once (page loads, WebSockets, strays): each costs a file descriptor. */
const MAX_HTTP_CONNECTIONS = 128;

export interface WsServerOptions extends ConnectionHandlers {
  rendererDir: string | null;
  /** 127.0.0.1 by default; an address beyond loopback needs `unsafeExpose`. */
  host?: string;
  /** Allows a host beyond loopback: anyone with the token could then run programs as this user. */
  unsafeExpose?: boolean;
  port?: number;
  token?: string;
  limits?: Partial<ConnectionLimits>;
}

export interface RunningWsServer {
  url: string;
  /** The page URL with the token, to open in a browser. */
  pageUrl: string;
  wsUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** An HTTP refusal: status line and a sentence for whoever reads it. */
interface Refusal {
  status: string;
  message: string;
}

export function newToken(): string {
  // Hex, so a token never starts with '-' and passes through any command line.
  return randomBytes(20).toString('hex');
}

export async function startWsServer(options: WsServerOptions): Promise<RunningWsServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.unsafeExpose) {
    throw new Error(`${host} is not a loopback address: serving it needs unsafeExpose`);
  }
  const token = options.token ?? newToken();
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const serveStatic = options.rendererDir ? createStaticHandler(options.rendererDir) : null;
  const allowedHosts = new Set<string>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MESSAGE_LIMIT_BYTES });

  const http: Server = createServer((request, response) =>
    runGuarded(
      'HTTP request',
      () => {
        // A plain GET of the socket's URL says whether its token is good: a page cannot read the
        // status of a refused upgrade, and must tell an old link (401) from a server that is down.
        if (parseRequestTarget(request.url).path === WS_PATH) return answerTokenCheck(request, response);
        return serveStatic ? serveStatic(request, response) : noRenderer(response);
      },
      () => (response.headersSent ? response.destroy() : response.writeHead(500).end('internal error')),
    ),
  );
  const answerTokenCheck = (request: IncomingMessage, response: ServerResponse) => {
    const refusal = refuseUpgrade(request, token, allowedHosts);
    response.writeHead(refusal ? Number.parseInt(refusal.status, 10) : 204).end();
  };
  http.maxConnections = MAX_HTTP_CONNECTIONS;
  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    // Node stops listening for this socket's errors once it hands it over: a reset must not kill us.
    socket.on('error', () => socket.destroy());
    runGuarded(
      'WebSocket upgrade',
      () => {
        const refusal =
          refuseUpgrade(request, token, allowedHosts) ??
          (wss.clients.size >= limits.maxClients
            ? { status: '503 Service Unavailable', message: 'too many clients' }
            : null);
        if (refusal) return refuse(socket, refusal);
        wss.handleUpgrade(request, socket, head, (ws) => serveConnection(ws, options, limits));
      },
      () => refuse(socket, { status: '400 Bad Request', message: 'bad upgrade request' }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const urlHost = hostForUrl(host);
  for (const name of [urlHost, '127.0.0.1', 'localhost', '[::1]', ...wildcardAddresses(host)]) {
    allowedHosts.add(`${name}:${port}`);
  }
  const url = `http://${urlHost}:${port}/`;
  return {
    url,
    pageUrl: `${url}?token=${token}`,
    wsUrl: `ws://${urlHost}:${port}${WS_PATH}?token=${token}`,
    token,
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // close() waits for every connection to end, and one that never sent a request (a browser
      // opens spares ahead of need) held `proclab serve` after SIGTERM until its peer let go.
      http.closeAllConnections();
      await closed;
    },
  };
}

/** Runs a handler so that nothing it throws or rejects reaches the process: it is logged and the peer told. */
function runGuarded(what: string, handle: () => unknown, answerFailure: () => void): void {
  const failed = (error: unknown) => {
    console.error(`[proclab] ${what} failed:`, error);
    try {
      answerFailure();
    } catch {
      // the peer is gone
    }
  };
  try {
    const result = handle();
    if (result instanceof Promise) result.catch(failed);
  } catch (error) {
    failed(error);
  }
}

function noRenderer(response: ServerResponse): void {
  response.writeHead(404).end('no renderer was built; run npm run build');
}

function refuse(socket: Socket, { status, message }: Refusal): void {
  const body = Buffer.from(`${message}\n`);
  socket.end(
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\n\r\n${body.toString()}`,
  );
}

/** A refusal when the upgrade must not go ahead. */
function refuseUpgrade(request: IncomingMessage, token: string, allowedHosts: Set<string>): Refusal | null {
  const target = parseRequestTarget(request.url);
  if (target.path !== WS_PATH) return { status: '404 Not Found', message: `the WebSocket is at ${WS_PATH}` };
  if (!tokensMatch(target.query.get('token') ?? '', token)) {
    return { status: '401 Unauthorized', message: 'the token is missing or wrong' };
  }
  // A Host we do not serve means DNS rebinding: some page named its own host to reach us.
  const hostHeader = request.headers.host ?? '';
  if (!allowedHosts.has(hostHeader)) return { status: '403 Forbidden', message: 'this Host is not served here' };
  // Browsers always send Origin: only pages served by this server may connect. Other clients
  // (the CLI, scripts) send none and are trusted by the token alone.
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${hostHeader}`) {
    return { status: '403 Forbidden', message: 'pages of another origin may not connect' };
  }
  return null;
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostForUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** Bound to every interface (--unsafe-expose), the page is reached by any of the machine's addresses. */
function wildcardAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined)
    .map((entry) => hostForUrl(entry.address));
}
