// Browser mode: serves the renderer over HTTP and the contract over a token-guarded WebSocket.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventEnvelope, ReplyEnvelope } from '../../shared/contract/wireMessages';
import { MAX_CLIENT_MESSAGE_BYTES, requestEnvelope } from '../../shared/contract/wireMessages';
import type { Dispatch } from '../service/dispatch';
import type { Connection } from '../service/ProcLabService';
import { createStaticHandler } from './serveStatic';

export const WS_PATH = '/ws';
/** Past this, ws itself closes the socket (1009); up to it, an oversize message gets an error reply. */
const HARD_MESSAGE_LIMIT_BYTES = 1024 * 1024;

export interface WsServerOptions {
  dispatch: Dispatch;
  onDisconnect: (connection: Connection) => void;
  rendererDir: string | null;
  host?: string;
  port?: number;
  token?: string;
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

export function newToken(): string {
  // Hex, so a token never starts with '-' and passes through any command line.
  return randomBytes(20).toString('hex');
}

export async function startWsServer(options: WsServerOptions): Promise<RunningWsServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const serveStatic = options.rendererDir ? createStaticHandler(options.rendererDir) : null;
  const http: Server = createServer((request, response) => {
    if (serveStatic) void serveStatic(request, response);
    else response.writeHead(404).end('no renderer was built; run npm run build');
  });
  const allowedHosts = new Set<string>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MESSAGE_LIMIT_BYTES });

  http.on('upgrade', (request, socket, head) => {
    const refusal = refuseUpgrade(request, token, allowedHosts);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveConnection(ws, options));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  for (const name of [urlHost, '127.0.0.1', 'localhost', '[::1]']) allowedHosts.add(`${name}:${port}`);
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
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Returns an HTTP status line when the upgrade must be refused. */
function refuseUpgrade(request: IncomingMessage, token: string, allowedHosts: Set<string>): string | null {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== WS_PATH) return '404 Not Found';
  if (!tokensMatch(url.searchParams.get('token') ?? '', token)) return '401 Unauthorized';
  // A Host we do not serve means DNS rebinding: some page named its own host to reach us.
  const hostHeader = request.headers.host ?? '';
  if (!allowedHosts.has(hostHeader)) return '403 Forbidden';
  // Browsers always send Origin: only pages served by this server may connect. Other clients
  // (the CLI, scripts) send none and are trusted by the token alone.
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${hostHeader}`) return '403 Forbidden';
  return null;
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveConnection(ws: WebSocket, options: WsServerOptions): void {
  const connection: Connection = {
    id: `ws:${randomUUID()}`,
    emit: (event, payload) => {
      const envelope: EventEnvelope = { event, payload };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(envelope));
    },
  };
  const reply = (envelope: ReplyEnvelope) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(envelope));
  };
  ws.on('message', (data: RawData, isBinary: boolean) => {
    void handleMessage(data, isBinary, connection, options.dispatch).then(reply);
  });
  ws.on('close', () => options.onDisconnect(connection));
  ws.on('error', () => ws.terminate());
}

async function handleMessage(
  data: RawData,
  isBinary: boolean,
  connection: Connection,
  dispatch: Dispatch,
): Promise<ReplyEnvelope> {
  const invalid = (message: string, id: number | string | null = null): ReplyEnvelope => ({
    id,
    ok: false,
    error: { code: 'INVALID_MESSAGE', message },
  });
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  if (isBinary) return invalid('binary messages are not accepted; send JSON text');
  if (bytes.length > MAX_CLIENT_MESSAGE_BYTES)
    return invalid(`message too large (${bytes.length} > ${MAX_CLIENT_MESSAGE_BYTES} bytes)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return invalid('message is not valid JSON');
  }
  const envelope = requestEnvelope.safeParse(parsed);
  if (!envelope.success) {
    const id = typeof parsed === 'object' && parsed !== null && 'id' in parsed ? parsed.id : null;
    const safeId = typeof id === 'number' || (typeof id === 'string' && id.length <= 64) ? id : null;
    return invalid('expected {"id": number|string, "method": string, "params"?: object}', safeId);
  }
  const { id, method, params } = envelope.data;
  return { id, ...(await dispatch(method, params, connection)) };
}
