// Seeded generators of malformed HTTP requests and WebSocket messages for the transport fuzz test.
import { METHOD_NAMES } from '../../src/shared/contract/names';

/** mulberry32: small, fast and reproducible from the seed printed by the test. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Fuzz {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(256)));
  }

  /** Text with percent signs followed by anything: the escapes decodeURIComponent chokes on. */
  percentMess(length: number): string {
    const pieces = ['%', '%f', '%ff', '%C0', '%E0%A4%A', '%00', '%2f', '%2e%2e', '%zz', '%%', 'a', '/', '..', '?', '#'];
    return Array.from({ length }, () => this.pick(pieces)).join('');
  }

  /** A random JSON-ish value, nested up to `depth`. */
  value(depth = 3): unknown {
    const kind = this.int(depth > 0 ? 9 : 7);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.random() < 0.5;
      case 2:
        return this.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 250, 99_999_999]);
      case 3:
        return this.bytes(this.int(20)).toString('latin1');
      case 4:
        return 'x'.repeat(this.int(200));
      case 5:
        return this.pick(['getInfo', '__proto__', 'constructor', '', 'SIGTERM', 'ctrl-c', '0000000g']);
      case 6:
        return this.int(1000);
      case 7:
        return Array.from({ length: this.int(4) }, () => this.value(depth - 1));
      default:
        return Object.fromEntries(
          Array.from({ length: this.int(4) }, () => [
            this.pick(['pid', 'intervalMs', 'a', '__proto__']),
            this.value(depth - 1),
          ]),
        );
    }
  }
}

/** Methods that act on the machine: the fuzzer only ever sends them parameters that must be refused. */
export const ACTING_METHODS = new Set([
  'sendSignal',
  'reniceProcess',
  'endProcessTree',
  'startDemo',
  'runCommand',
  'writeStdin',
  'sendTerminalKey',
  'stopRun',
  'cleanLeftovers',
]);

const READING_METHODS = METHOD_NAMES.filter((name) => !ACTING_METHODS.has(name));

const ODD_METHODS = [
  'GET',
  'get',
  'BREW',
  'PROPFIND',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'CONNECT',
  'G\u00e9T',
  '',
];

/** One malformed (or odd) HTTP request, as raw bytes on a fresh TCP connection to 127.0.0.1:port. */
export function malformedHttpRequest(fuzz: Fuzz, port: number, token: string): Buffer {
  const host = `127.0.0.1:${port}`;
  const upgrade = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n';
  const key = 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
  const variants: (() => string | Buffer)[] = [
    () => `GET /${fuzz.percentMess(1 + fuzz.int(12))} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    () => `GET /assets/${fuzz.percentMess(1 + fuzz.int(6))} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    () =>
      `GET ${fuzz.pick(['//', '//x', 'http://[', '*', '/\u0000', '/..%2f..%2fpackage.json'])} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    () => `GET /${'a'.repeat(1000 * (1 + fuzz.int(100)))} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    () => `${fuzz.pick(ODD_METHODS)} / HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    () => `GET / HTTP/${fuzz.pick(['0.9', '2.0', '1.x', '9'])}\r\nHost: ${host}\r\n\r\n`,
    () =>
      `GET / HTTP/1.1\r\nHost: ${host}\r\n${fuzz.pick(['no colon', 'X: \u0000', `X-Big: ${'b'.repeat(20_000)}`])}\r\n\r\n`,
    () => Buffer.concat([Buffer.from('GET /'), fuzz.bytes(fuzz.int(200)), Buffer.from(' HTTP/1.1\r\n\r\n')]),
    () => fuzz.bytes(1 + fuzz.int(400)),
    // Upgrade requests that must be refused: wrong path, token, Host, Origin, key, version, method.
    () => `GET /ws?token=${token} HTTP/1.1\r\nHost: ${host}\r\n${upgrade}\r\n`,
    () => `GET /ws?token=${fuzz.percentMess(4)} HTTP/1.1\r\nHost: ${host}\r\n${upgrade}${key}\r\n`,
    () =>
      `GET ${fuzz.pick(['//', '/%', '/ws/%ff', 'http://['])}?token=${token} HTTP/1.1\r\nHost: ${host}\r\n${upgrade}${key}\r\n`,
    () =>
      `GET /ws?token=${token} HTTP/1.1\r\nHost: ${fuzz.pick(['', 'evil.example', `${host}\u0000`, '[::1'])}\r\n${upgrade}${key}\r\n`,
    () =>
      `GET /ws?token=${token} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${fuzz.pick(['null', 'http://evil.example', '%', ''])}\r\n${upgrade}${key}\r\n`,
    () => `POST /ws?token=${token} HTTP/1.1\r\nHost: ${host}\r\n${upgrade}${key}Content-Length: 0\r\n\r\n`,
    () => `GET /ws?token=${token} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n`,
  ];
  const request = fuzz.pick(variants)();
  return Buffer.isBuffer(request) ? request : Buffer.from(request, 'latin1');
}

/** A valid request of a method that only reads, to mutate. */
function readingRequest(fuzz: Fuzz, id: number): string {
  const method = fuzz.pick(READING_METHODS);
  const params: Record<string, unknown> = method === 'subscribe' ? { intervalMs: 250 } : {};
  return JSON.stringify({ id, method, params });
}

function mutate(fuzz: Fuzz, text: string): string {
  const chars = [...text];
  for (let i = 0, n = 1 + fuzz.int(4); i < n; i++) {
    const at = fuzz.int(chars.length + 1);
    const op = fuzz.int(3);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, String.fromCharCode(fuzz.int(128)));
    else chars.splice(at, 0, fuzz.pick(['{', '}', '[', '"', ':', ',', '\\', 'null', '1e999', '-']));
  }
  return chars.join('');
}

/** True when a message names a method that acts with parameters it would accept: never sent. */
export function couldAct(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { method?: unknown; params?: unknown };
    const params = parsed.params as Record<string, unknown> | undefined;
    return typeof parsed.method === 'string' && ACTING_METHODS.has(parsed.method) && !(params && 'fuzz' in params);
  } catch {
    return false;
  }
}

/** One malformed WebSocket text or binary message. */
export function malformedMessage(fuzz: Fuzz, id: number): { data: string | Buffer; binary: boolean } {
  const variants: (() => string | Buffer)[] = [
    () => fuzz.bytes(fuzz.int(300)),
    () => fuzz.bytes(fuzz.int(300)).toString('latin1'),
    () => mutate(fuzz, readingRequest(fuzz, id)),
    () => JSON.stringify({ id: fuzz.value(), method: fuzz.pick(READING_METHODS) }),
    () => JSON.stringify({ id, method: fuzz.value(1), params: fuzz.value() }),
    () => JSON.stringify({ id, method: fuzz.pick(READING_METHODS), params: fuzz.value() }),
    // The fuzz key makes every acting method's strict parameters invalid.
    () => JSON.stringify({ id, method: fuzz.pick([...ACTING_METHODS]), params: { fuzz: 1, pid: fuzz.value(0) } }),
    () => `{"id":${id},"method":"getInfo","params":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
    () => `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
    () => JSON.stringify({ id, method: 'getInfo', params: { [fuzz.percentMess(10)]: 'x'.repeat(fuzz.int(70_000)) } }),
    () => JSON.stringify([id, 'getInfo']),
    () => fuzz.pick(['null', '0', '""', '[]', '{}', 'true', '{"id":1}', '{"method":"getInfo"}']),
  ];
  const data = fuzz.pick(variants)();
  return { data, binary: Buffer.isBuffer(data) };
}
