// Parses /proc/net/tcp and /proc/net/tcp6 (proc(5)): every TCP socket of this network namespace,
// its local and remote address, state and inode.
import os from 'node:os';

export interface TcpSocketEntry {
  inode: number;
  /** As the kernel prints them ("0100007F:1F40"): compared as text to pair the two ends. */
  local: string;
  remote: string;
  /** TCP_LISTEN (0x0A): a listening socket, never one end of a connection. */
  listening: boolean;
  /** The local port, to tell an accepted end (it shares its listener's port) from a client. */
  localPort: number;
}

const TCP_LISTEN = 0x0a;

export function parseNetTcp(text: string): TcpSocketEntry[] {
  const sockets: TcpSocketEntry[] = [];
  for (const line of text.split('\n')) {
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
    const fields = line.trim().split(/\s+/);
    if (!/^\d+:$/.test(fields[0] ?? '') || fields.length < 10) continue;
    const [local, remote, state] = [fields[1]!, fields[2]!, fields[3]!];
    sockets.push({
      inode: Number(fields[9]),
      local,
      remote,
      listening: parseInt(state, 16) === TCP_LISTEN,
      localPort: parseInt(local.slice(local.indexOf(':') + 1), 16),
    });
  }
  return sockets;
}

/**
 * "0100007F:1F40" → "127.0.0.1:8000"; IPv6 "[::1]:8000". The address is printed as 32-bit words
 * in the host's byte order, so on a little-endian machine each word's bytes come reversed.
 */
export function formatTcpAddress(raw: string, littleEndian = os.endianness() === 'LE'): string {
  const [hex = '', portHex = '0'] = raw.split(':');
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const wordBytes = [0, 2, 4, 6].map((i) => parseInt(hex.slice(word + i, word + i + 2), 16));
    bytes.push(...(littleEndian ? wordBytes.reverse() : wordBytes));
  }
  const port = parseInt(portHex, 16);
  if (bytes.length === 4) return `${bytes.join('.')}:${port}`;
  return `[${formatIpv6(bytes)}]:${port}`;
}

function formatIpv6(bytes: number[]): string {
  const isMappedV4 = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isMappedV4) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16));
  // The longest run of zero groups becomes "::" (RFC 5952).
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.start < 0) return groups.join(':');
  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}
