// Every demo started through the service, its teaching claim checked through the sampler.
import { describe, expect, it } from 'vitest';
import { pidOf, useDemoLab } from '../../../support/demoLab';
import { taggedProcesses } from '../../../support/labProcesses';
import { waitFor } from '../../../support/waitFor';

describe('the demo lab', () => {
  const { service, connection, call, start, lines, line, row } = useDemoLab();
  const signal = async (pid: number, name: string) => {
    const startTime = row(pid)?.startTime ?? (await waitFor(`row ${pid}`, () => row(pid))).startTime;
    return call('sendSignal', { pid, startTime, signal: name });
  };

  it('fork: two children appear under their parent, with both return values of the real call', async () => {
    const run = await start('fork');
    expect(run.edition).toMatchObject({ runtime: 'python', file: 'fork.py' });
    const children = await waitFor('two children', () => {
      const found = [...connection.byPid.values()].filter((p) => p.ppid === run.rootPid);
      return found.length === 2 ? found : undefined;
    });
    const childPids = children.map((c) => c.pid).sort((a, b) => a - b);
    for (const n of [1, 2]) {
      const said = await line(run, new RegExp(`child ${n}: fork\\(\\) returned 0; I am \\d+, my parent is \\d+`));
      const [, me, parent] = /I am (\d+), my parent is (\d+)/.exec(said)!;
      expect(pidOf(said)).toBe(Number(me));
      expect(childPids).toContain(Number(me));
      expect(Number(parent)).toBe(run.rootPid);
    }
    const returned = await waitFor('both returns in the parent', () => {
      const found = lines(run)
        .filter((t) => pidOf(t) === run.rootPid && /parent: fork\(\) returned \d+/.test(t))
        .map((t) => Number(/returned (\d+)/.exec(t)![1]));
      return found.length === 2 ? found.sort((a, b) => a - b) : undefined;
    });
    expect(returned).toEqual(childPids);
  });

  it('zombie: Z under its parent, gone once the parent is killed', async () => {
    const run = await start('zombie');
    const zombie = await waitFor('a zombie under the parent', () =>
      [...connection.byPid.values()].find((p) => p.ppid === run.rootPid && p.state === 'Z'),
    );
    expect(connection.events).toContainEqual(
      expect.objectContaining({ kind: 'zombie', pid: zombie.pid, ppid: run.rootPid }),
    );
    await signal(run.rootPid, 'KILL');
    await waitFor('the zombie reaped', () => !connection.byPid.has(zombie.pid));
  });

  it('zombie cured by wait(): Z, then gone while the parent lives', async () => {
    const run = await start('zombie-wait');
    const zombie = await waitFor('a zombie', () =>
      [...connection.byPid.values()].find((p) => p.ppid === run.rootPid && p.state === 'Z'),
    );
    await waitFor('reaped by wait()', () => !connection.byPid.has(zombie.pid), { timeoutMs: 30_000 });
    expect(row(run.rootPid)).toBeDefined();
    await line(run, /wait\(\) returned status 7/);
  });

  it('zombie cured by ignoring SIGCHLD: the child exits and never becomes Z', async () => {
    const run = await start('zombie-ignore');
    const childPid = pidOf(await line(run, /child: exiting now/));
    // Two more updates after the child's exit (the lab samples its processes at 10 Hz meanwhile).
    const seen = connection.updates.length;
    await waitFor('two more updates', () => connection.updates.length >= seen + 2);
    expect(
      connection.events.filter(
        (e) => e.kind === 'zombie' && (e.pid === childPid || (e as { ppid: number }).ppid === run.rootPid),
      ),
    ).toEqual([]);
    expect([...connection.byPid.values()].filter((p) => p.ppid === run.rootPid && p.state === 'Z')).toEqual([]);
  });

  it('zombie cured by the double fork: the grandchild belongs to init, no zombie', async () => {
    const run = await start('zombie-double-fork');
    const grandchild = pidOf(await line(run, /grandchild: my parent is now/));
    await waitFor('the grandchild sampled', () => row(grandchild));
    expect(row(grandchild)!.ppid).not.toBe(run.rootPid);
    expect(
      connection.events.filter((e) => e.kind === 'zombie' && (e as { ppid: number }).ppid === run.rootPid),
    ).toEqual([]);
  });

  it('orphan: the child is reparented when its parent exits, and a reparented event says so', async () => {
    const run = await start('orphan');
    const child = await waitFor('the child', () =>
      [...connection.byPid.values()].find((p) => p.ppid === run.rootPid && p.comm === 'sh'),
    );
    const event = await waitFor(
      'reparented',
      () => connection.events.find((e) => e.kind === 'reparented' && e.pid === child.pid),
      { timeoutMs: 30_000 },
    );
    expect(event).toMatchObject({ oldPpid: run.rootPid });
  });

  it('daemon: sid = pid, no tty, a parent other than its launcher; still stopped by the lab', async () => {
    const run = await start('daemon');
    const daemonPid = Number(/started daemon (\d+)/.exec(await line(run, /started daemon/))![1]);
    const daemon = await waitFor('the daemon adopted', () =>
      row(daemonPid) && row(daemonPid)!.ppid !== run.rootPid ? row(daemonPid) : undefined,
    );
    expect(daemon.sid).toBe(daemonPid);
    expect(daemon.tty).toBeNull();
    expect(daemon.stat).toContain('s');
    expect(service.lab.isLabProcess(daemonPid)).toBe(true);
    const stopped = await call('stopRun', { runId: run.runId });
    expect(stopped).toMatchObject({ status: 'stopped' });
    expect(taggedProcesses(process.pid)).toEqual([]);
  });

  it('driver and conductor: the three lines in order, the conductor exits first, then the driver', async () => {
    const run = await start('driver-conductor');
    const conductor = pidOf(await line(run, /conductor: on board/));
    await line(run, /driver: ready/);
    await signal(conductor, 'INT');
    await line(run, /老司机开车了/);
    await signal(conductor, 'QUIT');
    await line(run, /系好安全带，小心甩出去/);
    await signal(run.rootPid, 'TSTP');
    await line(run, /到站了，下车吧/);
    await line(run, /the conductor got off first/);
    const said = lines(run);
    const order = ['老司机开车了', '系好安全带，小心甩出去', '到站了，下车吧', 'the conductor got off first'].map(
      (text) => said.findIndex((l) => l.includes(text)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const exits = await waitFor('both exits', () => {
      const c = connection.events.find((e) => e.kind === 'exited' && e.pid === conductor);
      const d = connection.events.find((e) => e.kind === 'exited' && e.pid === run.rootPid);
      return c && d ? [c, d] : undefined;
    });
    expect(exits[0]!.at).toBeLessThanOrEqual(exits[1]!.at);
    await waitFor('the run exited with status 0', () => connection.runs.get(run.runId)?.exitCode === 0);
  });

  it('signal handlers: the alarm fires, TERM is ignored, KILL cannot be handled, USR1 stays pending', async () => {
    const run = await start('signal-handlers');
    await line(run, /SIGALRM arrived/);
    const ignorer = pidOf(await line(run, /ignorer:/));
    expect((await signal(ignorer, 'TERM')).observed[0]).toMatchObject({ kind: 'running' });
    expect(await line(run, /stubborn: cannot handle SIGKILL/)).toMatch(/EINVAL/);
    const blocker = pidOf(await line(run, /blocker:/));
    const usr1 = await signal(blocker, 'USR1');
    expect(['blocked', 'pending-while-stopped']).toContain(usr1.prediction.kind);
    expect(usr1.observed[0]?.kind).toBe('pending');
  });

  it('states tour: one process goes through T and Z while we watch', async () => {
    const run = await start('states');
    const tour = pidOf(await line(run, /tour: R, running/));
    await waitFor(
      'stopped',
      () =>
        connection.events.find(
          (e) =>
            e.kind === 'changed' &&
            e.pid === tour &&
            (e as { changes: { state?: unknown[] } }).changes.state?.[1] === 'T',
        ),
      { timeoutMs: 30_000 },
    );
    await waitFor('zombie', () => connection.events.find((e) => e.kind === 'zombie' && e.pid === tour), {
      timeoutMs: 30_000,
    });
  });

  it('multiprocessing: workers joined, the daemon worker ends with its parent', async () => {
    const run = await start('multiprocessing');
    await line(run, /join\(\): \d+ has ended; is_alive\(\) = false/);
    await line(run, /daemon worker \d+ ended with me/);
  });
});
