// getIpcLinks on real processes: a shell pipeline, a FIFO, a socketpair and a named UNIX socket
// across processes, a TCP connection over 127.0.0.1, and the pipe demo's two ends run by the lab.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { IpcLink, IpcLinks } from '../../../../src/shared/model/IpcLinks';
import { ChildProcesses, procState } from '../../../support/ChildProcesses';
import { pidOf, useDemoLab } from '../../../support/demoLab';
import { waitFor } from '../../../support/waitFor';

/** The pids a process has forked, from the kernel (never guessed by name). */
function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text ? text.split(/\s+/).map(Number) : [];
}

const commOf = (pid: number) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
const hasSs = spawnSync('ss', ['-V']).status === 0;
const readsAndWrites = (link: IpcLink) =>
  link.ends.some((end) => end.role === 'reader') && link.ends.some((end) => end.role === 'writer');
const holds = (link: IpcLink, pid: number, role?: string) =>
  link.ends.some((end) => end.pid === pid && (role === undefined || end.role === role));

describe('getIpcLinks', () => {
  const { call, start, line, row } = useDemoLab();
  const processes = new ChildProcesses();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'proclab-ipc-'));
  afterEach(() => processes.killAll());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** Asks until a link matching `find` shows up (the table must first have seen the processes). */
  async function linkAmong(pids: number[], find: (link: IpcLink) => boolean): Promise<[IpcLink, IpcLinks]> {
    return waitFor(`a link among ${pids.join(', ')}`, async () => {
      const links = await call('getIpcLinks', { pids });
      const link = links.links.find(find);
      return link ? ([link, links] as [IpcLink, IpcLinks]) : undefined;
    });
  }

  /** A python3 child that runs `code`, and a promise of the first line it prints. */
  function python(code: string) {
    const child = processes.spawn('python3', ['-c', code]);
    return { pid: child.pid, ready: ChildProcesses.firstLine(child) };
  }

  it('links the two sleeps of `sleep 30 | sleep 30` by one pipe: the first writes, the second reads', async () => {
    const shell = processes.spawn('sh', ['-c', 'sleep 30 | sleep 30']);
    const sleeps = await waitFor('both sleeps running', () => {
      const pids = childrenOf(shell.pid);
      return pids.length === 2 && pids.every((pid) => commOf(pid) === 'sleep') && pids;
    });
    sleeps.forEach((pid) => processes.adopt(pid));
    // A pipe that both a reader and a writer hold; the test's own stdout and stderr, which the
    // shell and the sleeps inherit, only have writers here.
    const joins = (link: IpcLink) => holds(link, sleeps[0]!) && holds(link, sleeps[1]!) && readsAndWrites(link);
    const [pipe, links] = await linkAmong([shell.pid, ...sleeps], joins);
    expect(pipe.kind).toBe('pipe');
    expect(pipe.ends).toHaveLength(2);
    const writer = pipe.ends.find((end) => end.role === 'writer')!;
    const reader = pipe.ends.find((end) => end.role === 'reader')!;
    expect([writer.fd, reader.fd]).toEqual([1, 0]);
    expect(new Set([writer.pid, reader.pid])).toEqual(new Set(sleeps));
    expect(pipe.ends.map((end) => end.comm)).toEqual(['sleep', 'sleep']);
    expect(links.links.filter(readsAndWrites)).toEqual([pipe]);
    expect(links).toMatchObject({ scanned: 3, unreadable: [], truncated: false });
  });

  it('links a FIFO reader and writer, named by the FIFO', async () => {
    const fifo = path.join(folder, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const hold = (mode: string) =>
      python(`import time; f = open(${JSON.stringify(fifo)}, "${mode}"); print("open", flush=True); time.sleep(60)`);
    const [reader, writer] = [hold('rb'), hold('wb')];
    await Promise.all([reader.ready, writer.ready]);
    const [link] = await linkAmong([reader.pid, writer.pid], (l) => l.kind === 'fifo');
    expect(link.name).toBe(fifo);
    expect(holds(link, reader.pid, 'reader') && holds(link, writer.pid, 'writer')).toBe(true);
  });

  it('links a TCP client and server over 127.0.0.1, each with its role', async () => {
    const server = python(
      'import socket, time\n' +
        's = socket.create_server(("127.0.0.1", 0)); print(s.getsockname()[1], flush=True)\n' +
        'c, _ = s.accept(); time.sleep(60)',
    );
    const port = Number(await server.ready);
    const client = python(
      `import socket, time\nc = socket.create_connection(("127.0.0.1", ${port})); print("on", flush=True); time.sleep(60)`,
    );
    await client.ready;
    const [link] = await linkAmong([server.pid, client.pid], (l) => l.kind === 'tcp');
    expect(link.name).toMatch(new RegExp(`^127\\.0\\.0\\.1:${port} ⇄ 127\\.0\\.0\\.1:\\d+$`));
    expect(holds(link, server.pid, 'server') && holds(link, client.pid, 'client')).toBe(true);
    expect(link.ends[0]!.inode).not.toBe(link.ends[1]!.inode);
  });

  it.runIf(hasSs)(
    'pairs a socketpair across fork, and a UNIX socket client with the server that accepted it',
    async () => {
      const pair = python(
        'import os, socket, time\n' +
          'a, b = socket.socketpair()\n' +
          'if os.fork() == 0:\n    a.close(); time.sleep(60); os._exit(0)\n' +
          'b.close(); print("forked", flush=True); time.sleep(60)',
      );
      await pair.ready;
      const [forked] = childrenOf(pair.pid);
      processes.adopt(forked!);
      const [socketpair, links] = await linkAmong([pair.pid, forked!], (l) => l.kind === 'unix');
      expect(links.unixPaired).toBe(true);
      expect(socketpair.name).toBeNull();
      expect(socketpair.ends.map((e) => [e.pid, e.role])).toEqual([
        [pair.pid, 'peer'],
        [forked, 'peer'],
      ]);

      const socketPath = path.join(folder, 'demo.sock');
      const server = python(
        `import socket, time\ns = socket.socket(socket.AF_UNIX); s.bind(${JSON.stringify(socketPath)}); s.listen(1)\n` +
          'print("listening", flush=True); c, _ = s.accept(); time.sleep(60)',
      );
      await server.ready;
      const client = python(
        `import socket, time\nc = socket.socket(socket.AF_UNIX); c.connect(${JSON.stringify(socketPath)})\n` +
          'print("connected", flush=True); time.sleep(60)',
      );
      await client.ready;
      const [named] = await linkAmong([server.pid, client.pid], (l) => l.kind === 'unix');
      expect(named.name).toBe(socketPath);
      expect(holds(named, server.pid, 'server') && holds(named, client.pid, 'client')).toBe(true);
    },
  );

  it("links the pipe demo's parent, reading, with its child, writing", async () => {
    const run = await start('pipe');
    const writer = pidOf(await line(run, /child: I send in 6 s/));
    const parent = await waitFor('the writer in the table', () => row(writer)?.ppid);
    const found = await waitFor('the pipe from the child to the parent', async () => {
      const links = await call('getIpcLinks', { runId: run.runId });
      return links.links.find((l) => l.kind === 'pipe' && holds(l, parent, 'reader') && holds(l, writer, 'writer'));
    });
    expect(found.ends.every((end) => [parent, writer].includes(end.pid))).toBe(true);
    expect(procState(writer)).not.toBeNull();
  });

  it('answers bad arguments with a coded error', async () => {
    await expect(call('getIpcLinks', { runId: 'deadbeef' })).rejects.toThrow('no run deadbeef');
    await expect(call('getIpcLinks', { pids: [0] })).rejects.toThrow(/pids/);
    const links = await call('getIpcLinks', { pids: [2 ** 31 - 1] });
    expect(links).toMatchObject({ links: [], scanned: 0, unreadable: [2 ** 31 - 1] });
    // The service's own process (here, this test's) is never scanned.
    expect(await call('getIpcLinks', { pids: [process.pid] })).toMatchObject({ scanned: 0, unreadable: [] });
  });
});
