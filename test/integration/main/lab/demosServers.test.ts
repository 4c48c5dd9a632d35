// The server demos (forking TCP server, select server) run through the lab, each claim checked on
// the real program: its output, its listening socket in /proc/net/tcp and the children the sampler saw.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { pidOf, useDemoLab } from '../../../support/demoLab';
import { waitFor } from '../../../support/waitFor';

/** The local address of the listening TCP socket on `port`, as /proc/net/tcp has it (hex). */
function listeningAddress(port: number): string | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .find((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')?.[1];
}

describe('server demos', () => {
  const { start, lines, line, row, spawnedUnder, connection } = useDemoLab();

  /** The server's pid and port from the launcher's first line; it listens on 127.0.0.1 only. */
  async function server(run: RunInfo) {
    const [, pid, port] = /server (\d+) listens on 127\.0\.0\.1:(\d+)/
      .exec(await line(run, /launcher: server \d+ listens on 127\.0\.0\.1:\d+/))!
      .map(Number);
    expect(listeningAddress(port!)).toBe(`0100007F:${port!.toString(16).toUpperCase().padStart(4, '0')}`);
    await waitFor('the server under the launcher', () => row(pid!)?.ppid === run.rootPid);
    return pid!;
  }
  const clientsDone = (run: RunInfo) =>
    line(run, /client 3: closed the connection/, { timeoutMs: 60_000 }).then(() =>
      expect(lines(run).filter((t) => /client \d: the server echoed 'message \d from client \d'/.test(t))).toHaveLength(
        12,
      ),
    );

  it('forking server: one handler child per connection, each gone (no zombie) when its client leaves', async () => {
    const run = await start('forking-server');
    const serverPid = await server(run);
    const handlers = await waitFor(
      'three handlers forked',
      () => {
        const found = lines(run)
          .map((t) => /os\.fork\(\) returned handler (\d+)/.exec(t)?.[1])
          .filter((pid) => pid !== undefined);
        return found.length === 3 ? found.map(Number) : undefined;
      },
      { timeoutMs: 60_000 },
    );
    for (const handler of handlers) {
      const said = lines(run).find((t) => t.startsWith(`[${handler}] handler: serving`));
      if (said) expect(pidOf(said)).toBe(handler);
    }
    await clientsDone(run);
    await waitFor('every handler gone', () => handlers.every((pid) => !row(pid)));
    expect(new Set(spawnedUnder(serverPid))).toEqual(new Set(handlers));
    expect(connection.events.filter((e) => e.kind === 'zombie' && handlers.includes(e.pid))).toEqual([]);
    expect(row(serverPid)).toBeDefined();
  });

  it('select server: one process serves three clients at once and never forks', async () => {
    const run = await start('select-server');
    const serverPid = await server(run);
    expect(pidOf(await line(run, /server: accept\(\) from .*; clients connected: 3/, { timeoutMs: 60_000 }))).toBe(
      serverPid,
    );
    await clientsDone(run);
    await line(run, /server: a client left; clients connected: 0/);
    const clients = new Set(
      lines(run)
        .filter((t) => /the server echoed/.test(t))
        .map(pidOf),
    );
    expect(clients.size).toBe(3);
    expect(spawnedUnder(serverPid)).toEqual([]);
  });
});
