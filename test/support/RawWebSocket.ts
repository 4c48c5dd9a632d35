// A WebSocket client on a bare TCP socket, for what a library client refuses to do: never read, send broken frames.
import { randomBytes } from 'node:crypto';
import net from 'node:net';

/** One client frame as RFC 6455 §5.2 lays it out; `masked: false` and odd opcodes break the rules on purpose. */
export function encodeFrame(payload: Buffer | string, { opcode = 0x1, fin = true, masked = true } = {}): Buffer {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const length = body.length;
  const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + (masked ? 4 : 0));
  header[0] = (fin ? 0x80 : 0) | (opcode & 0x0f);
  header[1] = (masked ? 0x80 : 0) | (lengthBytes === 0 ? length : lengthBytes === 2 ? 126 : 127);
  if (lengthBytes === 2) header.writeUInt16BE(length, 2);
  if (lengthBytes === 8) header.writeBigUInt64BE(BigInt(length), 2);
  if (!masked) return Buffer.concat([header, body]);
  const mask = randomBytes(4);
  mask.copy(header, 2 + lengthBytes);
  const maskedBody = Buffer.from(body);
  for (let i = 0; i < maskedBody.length; i++) maskedBody[i]! ^= mask[i % 4]!;
  return Buffer.concat([header, maskedBody]);
}

export class RawWebSocket {
  private constructor(readonly socket: net.Socket) {}

  /** Opens `ws://127.0.0.1:port/ws?token=…` and waits for the 101; loopback only. */
  static async open(wsUrl: string): Promise<RawWebSocket> {
    const url = new URL(wsUrl);
    const socket = net.connect(Number(url.port), url.hostname);
    socket.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.write(
      `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
        'Sec-WebSocket-Version: 13\r\n\r\n',
    );
    const client = new RawWebSocket(socket);
    await new Promise<void>((resolve, reject) => {
      let head = Buffer.alloc(0);
      const onHead = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onHead);
        socket.on('data', (more: Buffer) => client.take(more));
        client.take(head.subarray(end + 4));
        const status = head.subarray(0, end).toString('latin1').split('\r\n')[0]!;
        if (status.startsWith('HTTP/1.1 101')) resolve();
        else reject(new Error(`upgrade refused: ${status}`));
      };
      socket.on('data', onHead);
      socket.once('close', () => reject(new Error('closed during the upgrade')));
    });
    return client;
  }

  /** The server's frames so far, parsed as they arrive (RFC 6455 §5.2; servers never mask). */
  readonly frames: { opcode: number; payload: Buffer }[] = [];
  private partial = Buffer.alloc(0);

  private take(chunk: Buffer): void {
    let data = this.partial.length > 0 ? Buffer.concat([this.partial, chunk]) : chunk;
    for (;;) {
      const frame = parseFrame(data);
      if (!frame) break;
      this.frames.push({ opcode: frame.opcode, payload: frame.payload });
      data = data.subarray(frame.size);
    }
    this.partial = Buffer.from(data);
  }

  /** The code and reason of the server's close frame, once one arrived. */
  closeFrame(): { code: number; reason: string } | undefined {
    const frame = this.frames.find((f) => f.opcode === 0x8);
    return frame && { code: frame.payload.readUInt16BE(0), reason: frame.payload.subarray(2).toString() };
  }

  /** From now on nothing is read: the kernel's buffers fill and the server has to cope. */
  stopReading(): void {
    this.socket.pause();
  }

  resumeReading(): void {
    this.socket.resume();
  }

  sendText(text: string): void {
    this.socket.write(encodeFrame(text));
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  get closed(): boolean {
    return this.socket.destroyed || this.socket.readableEnded;
  }

  /** Drops the TCP connection at once, with no closing handshake. */
  destroy(): void {
    this.socket.destroy();
  }
}

function parseFrame(data: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (data.length < 2) return null;
  const short = data[1]! & 0x7f;
  const lengthBytes = short === 126 ? 2 : short === 127 ? 8 : 0;
  if (data.length < 2 + lengthBytes) return null;
  const length = lengthBytes === 0 ? short : lengthBytes === 2 ? data.readUInt16BE(2) : Number(data.readBigUInt64BE(2));
  const start = 2 + lengthBytes;
  if (data.length < start + length) return null;
  return { opcode: data[0]! & 0x0f, payload: Buffer.from(data.subarray(start, start + length)), size: start + length };
}
