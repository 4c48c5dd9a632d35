// The IPC graph's parsers and pairing, on files copied from a real /proc and a real `ss -xH`, taken
// while a `sleep | sleep` pipeline, a socketpair across fork, a FIFO, a UNIX socket server and its
// client, and TCP connections over 127.0.0.1 and ::1 were running.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairIpcEnds, type OpenEnd } from '../../../../src/main/ipc/pairIpcEnds';
import { parseAccessRole } from '../../../../src/main/ipc/parseFdInfo';
import { formatTcpAddress, parseNetTcp } from '../../../../src/main/ipc/parseNetTcp';
import { parseNetUnix } from '../../../../src/main/ipc/parseNetUnix';
import { parseSsUnixPeers } from '../../../../src/main/ipc/parseSsUnix';
import { UnixPeers } from '../../../../src/main/ipc/UnixPeers';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../../fixtures/proc', name), 'utf8');

/** fd-links.txt: "PID FD TARGET", one readlink of /proc/PID/fd/FD per line. */
function openEnds(): OpenEnd[] {
  return fixture('fd-links.txt')
    .trim()
    .split('\n')
    .map((line) => {
      const [pid, fd, ...target] = line.split(' ');
      return { pid: Number(pid), fd: Number(fd), target: target.join(' ') };
    });
}

const tables = () => ({
  unix: parseNetUnix(fixture('net-unix.txt')),
  tcp: [...parseNetTcp(fixture('net-tcp.txt')), ...parseNetTcp(fixture('net-tcp6.txt'))],
  unixPeers: parseSsUnixPeers(fixture('ss-unix.txt')),
});
/** What stat() said of the FIFO's fd (its inode is also fdinfo's `ino:`). */
const FIFOS = new Map([['/tmp/ipcgraph-fx/fifo', { dev: 27, ino: 2188040 }]]);

describe('IPC parsers', () => {
  it('reads reader and writer from the access mode in fdinfo flags (octal)', () => {
    expect(parseAccessRole(fixture('fdinfo-pipe-reader.txt'))).toBe('reader');
    expect(parseAccessRole(fixture('fdinfo-pipe-writer.txt'))).toBe('writer');
    // O_CLOEXEC and O_LARGEFILE are set too: only the two low bits count.
    expect(parseAccessRole(fixture('fdinfo-fifo-reader.txt'))).toBe('reader');
    expect(parseAccessRole(fixture('fdinfo-fifo-writer.txt'))).toBe('writer');
    expect(parseAccessRole('pos:\t0\nflags:\t02\n')).toBe('reader-writer');
    expect(parseAccessRole('')).toBeNull();
  });

  it('reads /proc/net/unix: listening, connected, paths', () => {
    const unix = parseNetUnix(fixture('net-unix.txt'));
    expect(unix.get(2331518)).toEqual({
      inode: 2331518,
      type: 'stream',
      connected: false,
      listening: true,
      path: '/tmp/ipcgraph-fx/us.sock',
    });
    // The accepted socket shows its listener's path; the client's has none.
    expect(unix.get(2331519)).toMatchObject({ connected: true, listening: false, path: '/tmp/ipcgraph-fx/us.sock' });
    expect(unix.get(2331681)).toMatchObject({ connected: true, listening: false, path: null });
    expect(unix.size).toBe(fixture('net-unix.txt').trim().split('\n').length - 1);
  });

  it("reads each UNIX socket's peer from ss", () => {
    const peers = parseSsUnixPeers(fixture('ss-unix.txt'));
    expect(peers.get(2328793)).toBe(2328794);
    expect(peers.get(2328794)).toBe(2328793);
    expect(peers.get(2331519)).toBe(2331681);
    expect(peers.get(2331681)).toBe(2331519);
    expect(peers.size).toBe(fixture('ss-unix.txt').trim().split('\n').length);
  });

  it('reads /proc/net/tcp and tcp6 and prints their addresses', () => {
    const tcp = parseNetTcp(fixture('net-tcp.txt'));
    expect(tcp.find((s) => s.inode === 2330300)).toMatchObject({ listening: true, localPort: 42083 });
    expect(tcp.find((s) => s.inode === 2328964)).toMatchObject({
      listening: false,
      local: '0100007F:C0B8',
      remote: '0100007F:A463',
    });
    expect(formatTcpAddress('0100007F:A463', true)).toBe('127.0.0.1:42083');
    expect(formatTcpAddress('7F000001:A463', false)).toBe('127.0.0.1:42083');
    const tcp6 = parseNetTcp(fixture('net-tcp6.txt'));
    expect(tcp6).toHaveLength(3);
    expect(formatTcpAddress(tcp6[0]!.local, true)).toBe('[::1]:60489');
    expect(formatTcpAddress('0000000000000000FFFF00000100007F:0050', true)).toBe('[::ffff:127.0.0.1]:80');
    expect(formatTcpAddress('B80D0120000000000000000001000000:0050', true)).toBe('[2001:db8::1]:80');
  });
});

describe('pairing the ends', () => {
  const links = pairIpcEnds(openEnds(), FIFOS, tables());
  const linkOf = (kind: string, pid: number) =>
    links.filter((l) => l.kind === kind && l.ends.some((e) => e.pid === pid));

  it("links the pipeline's two sleeps by their pipe, roles left to fdinfo", () => {
    expect(linkOf('pipe', 14152).find((l) => l.inode === 2326861)).toEqual({
      kind: 'pipe',
      inode: 2326861,
      name: null,
      ends: [
        { pid: 14152, fd: 1, inode: 2326861, role: null },
        { pid: 14153, fd: 0, inode: 2326861, role: null },
      ],
    });
  });

  it('links the FIFO by its file, named by its path', () => {
    expect(linkOf('fifo', 14149)).toEqual([
      {
        kind: 'fifo',
        inode: 2188040,
        name: '/tmp/ipcgraph-fx/fifo',
        ends: [
          { pid: 14149, fd: 3, inode: 2188040, role: null },
          { pid: 14150, fd: 3, inode: 2188040, role: null },
        ],
      },
    ]);
  });

  it('pairs the socketpair and the named UNIX socket through their peers', () => {
    expect(linkOf('unix', 14148)).toEqual([
      {
        kind: 'unix',
        inode: 2328793,
        name: null,
        ends: [
          { pid: 14148, fd: 3, inode: 2328793, role: 'peer' },
          { pid: 14532, fd: 4, inode: 2328794, role: 'peer' },
        ],
      },
    ]);
    expect(linkOf('unix', 14876)).toEqual([
      {
        kind: 'unix',
        inode: 2331519,
        name: '/tmp/ipcgraph-fx/us.sock',
        ends: [
          { pid: 14876, fd: 4, inode: 2331519, role: 'server' },
          { pid: 14905, fd: 3, inode: 2331681, role: 'client' },
        ],
      },
    ]);
  });

  it('pairs TCP connections over 127.0.0.1 and ::1, server first; a listener is no link', () => {
    expect(linkOf('tcp', 14151)).toEqual([
      {
        kind: 'tcp',
        inode: 2328964,
        name: '127.0.0.1:42083 ⇄ 127.0.0.1:49336',
        ends: [
          { pid: 14151, fd: 4, inode: 2330301, role: 'server' },
          { pid: 14759, fd: 3, inode: 2328964, role: 'client' },
        ],
      },
    ]);
    expect(linkOf('tcp', 14154)[0]).toMatchObject({ name: '[::1]:60489 ⇄ [::1]:51116' });
  });

  it('leaves UNIX sockets unpaired without sock_diag, and needs two processes for a link', () => {
    const unpaired = pairIpcEnds(openEnds(), FIFOS, { ...tables(), unixPeers: new Map() });
    expect(unpaired.filter((l) => l.kind === 'unix')).toEqual([]);
    const alone = pairIpcEnds(
      openEnds().filter((end) => end.pid === 14152),
      FIFOS,
      tables(),
    );
    expect(alone).toEqual([]);
  });
});

describe('UNIX peers from ss', () => {
  const sockets = parseNetUnix(fixture('net-unix.txt'));
  function countingSs() {
    const ss = { runs: 0, list: async () => (ss.runs++, fixture('ss-unix.txt')) };
    return ss;
  }

  it('runs ss once for sockets it has seen, and again for a new one', async () => {
    const ss = countingSs();
    const peers = new UnixPeers(ss.list);
    expect((await peers.peersOf([2328793], sockets))?.get(2328793)).toBe(2328794);
    expect((await peers.peersOf([2328793, 2331681], sockets))?.get(2331681)).toBe(2331519);
    expect(ss.runs).toBe(1);
    // Not listed by ss (no peer yet): asked again, but not before a few seconds.
    expect((await peers.peersOf([2331518], sockets))?.has(2331518)).toBe(false);
    expect(ss.runs).toBe(2);
    await peers.peersOf([2331518], sockets);
    expect(ss.runs).toBe(2);
  });

  it('says so when ss is not installed, and does not look for it again', async () => {
    let runs = 0;
    const peers = new UnixPeers(async () => {
      runs++;
      throw Object.assign(new Error('spawn ss ENOENT'), { code: 'ENOENT' });
    });
    expect(await peers.peersOf([2328793], sockets)).toBeNull();
    expect(await peers.peersOf([2328793], sockets)).toBeNull();
    expect(runs).toBe(1);
  });
});
