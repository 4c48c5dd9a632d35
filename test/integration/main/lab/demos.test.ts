// The demos of processes, fork, zombies and orphans, started through the service: each teaching
// claim checked through the sampler, for the Python edition and for the sh/Node fallback.
import { describe, expect, it } from 'vitest';
import { EDITIONS, pidOf, useDemoLab } from '../../../support/demoLab';
import { waitFor } from '../../../support/waitFor';

describe.each(EDITIONS)('the demo lab, $edition edition', ({ python }) => {
  const lab = useDemoLab({ python });
  const { start, line, lines, row, children, exitOf, zombieOf, events, signal } = lab;

  it('states tour: one process goes through R, S, T and Z, and the zombie holds exit status 3', async () => {
    const run = await start('states');
    const tour = pidOf(await line(run, /tour: R, running/));
    const stateChange = (to: string) =>
      events((e) => e.kind === 'changed' && e.pid === tour && e.changes.state?.[1] === to).length > 0;
    await waitFor('stopped (T)', () => stateChange('T'), { timeoutMs: 30_000 });
    await waitFor(
      'continued',
      () => events((e) => e.kind === 'changed' && e.pid === tour && e.changes.state?.[0] === 'T').length > 0,
      {
        timeoutMs: 30_000,
      },
    );
    const zombie = await waitFor('zombie', () => zombieOf(tour), { timeoutMs: 30_000 });
    expect(zombie).toMatchObject({ ppid: run.rootPid, exitCode: 3, signal: null });
    // Once its parent is gone, the zombie is adopted and reaped: the exit keeps status 3.
    await signal(run.rootPid, 'KILL');
    expect(await waitFor('the tour reaped', () => exitOf(tour))).toMatchObject({ exitCode: 3, signal: null });
  });

  it('fork: two children under their parent, both return values of the real call, exit statuses 1 and 2', async () => {
    const run = await start('fork');
    const forked = await waitFor('two children', () => {
      const found = children(run.rootPid);
      return found.length === 2 ? found : undefined;
    });
    const childPids = forked.map((c) => c.pid).sort((a, b) => a - b);
    const childNumber = new Map<number, number>();
    for (const n of [1, 2]) {
      const said = await line(run, new RegExp(`child ${n}: fork\\(\\) returned 0; I am (\\d+), my parent is (\\d+)`));
      const [, me, parent] = /I am (\d+), my parent is (\d+)/.exec(said)!;
      expect(pidOf(said)).toBe(Number(me));
      expect(Number(parent)).toBe(run.rootPid);
      childNumber.set(Number(me), n);
    }
    expect([...childNumber.keys()].sort((a, b) => a - b)).toEqual(childPids);
    const returned = lines(run)
      .filter((t) => pidOf(t) === run.rootPid && /parent: fork\(\) returned \d+/.test(t))
      .map((t) => Number(/returned (\d+)/.exec(t)![1]));
    expect(returned.sort((a, b) => a - b)).toEqual(childPids);
    // The statuses the zombies held, in the timeline, and as the parent's wait() read them.
    for (const [pid, n] of childNumber) {
      expect(await waitFor(`child ${n} a zombie`, () => zombieOf(pid), { timeoutMs: 30_000 })).toMatchObject({
        exitCode: n,
      });
      expect(await waitFor(`child ${n} reaped`, () => exitOf(pid), { timeoutMs: 30_000 })).toMatchObject({
        exitCode: n,
        signal: null,
      });
      await line(run, new RegExp(`wait\\(\\) returned \\(${pid}, ${n * 256}\\): exit status ${n}`));
    }
  });

  it('zombie: Z under its parent holding status 7, gone once the parent is killed', async () => {
    const run = await start('zombie');
    const zombie = await waitFor('a zombie under the parent', () => children(run.rootPid).find((p) => p.state === 'Z'));
    expect(zombieOf(zombie.pid)).toMatchObject({ ppid: run.rootPid, exitCode: 7, signal: null });
    await signal(run.rootPid, 'KILL');
    await waitFor('the zombie reaped', () => !lab.connection.byPid.has(zombie.pid));
    expect(exitOf(zombie.pid)).toMatchObject({ exitCode: 7, signal: null });
    expect(exitOf(run.rootPid)).toMatchObject({ signal: 'SIGKILL' });
  });

  it('zombie cured by waitpid(): Z, then collected with status 7 while the parent lives', async () => {
    const run = await start('zombie-wait');
    const zombie = await waitFor('a zombie', () => children(run.rootPid).find((p) => p.state === 'Z'), {
      timeoutMs: 30_000,
    });
    await waitFor('reaped by waitpid()', () => exitOf(zombie.pid), { timeoutMs: 30_000 });
    expect(exitOf(zombie.pid)).toMatchObject({ exitCode: 7 });
    expect(row(run.rootPid)).toBeDefined();
    await line(run, new RegExp(`waitpid\\(\\) returned \\(${zombie.pid}, 1792\\): exit status 7; the zombie is gone`));
  });

  it('zombie cured by ignoring SIGCHLD: the child exits, never becomes Z, and its status is lost', async () => {
    const run = await start('zombie-ignore');
    const childPid = pidOf(await line(run, /child: exiting now/));
    await line(run, /wait\(\) found nothing to collect/);
    // Two more updates after that (the lab samples its processes at 10 Hz meanwhile).
    const seen = lab.connection.updates.length;
    await waitFor('two more updates', () => lab.connection.updates.length >= seen + 2);
    expect(events((e) => e.kind === 'zombie' && (e.pid === childPid || e.ppid === run.rootPid))).toEqual([]);
    expect(children(run.rootPid).filter((p) => p.state === 'Z')).toEqual([]);
    // Nobody saw a status: the timeline says "exit status not observed".
    expect(exitOf(childPid)?.exitCode).toBeUndefined();
  });

  it('zombie cured by the double fork: the grandchild belongs to init, no zombie', async () => {
    const run = await start('zombie-double-fork');
    const grandchild = pidOf(await line(run, /grandchild: my parent is now \d+/));
    await waitFor('the grandchild sampled', () => row(grandchild));
    expect(row(grandchild)!.ppid).not.toBe(run.rootPid);
    expect(Number(/now (\d+)/.exec(lines(run).find((t) => t.includes('my parent is now'))!)![1])).toBe(
      row(grandchild)!.ppid,
    );
    // The short-lived child is a zombie for an instant at most: its parent collects it at once.
    for (const zombie of events((e) => e.kind === 'zombie' && e.ppid === run.rootPid))
      await waitFor(`zombie ${zombie.pid} collected`, () => exitOf(zombie.pid));
    expect(children(run.rootPid).filter((p) => p.state === 'Z')).toEqual([]);
  });

  it('orphan: the child is reparented when its parent exits, and a reparented event says so', async () => {
    const run = await start('orphan');
    const child = pidOf(await line(run, /child: my parent is \d+/));
    const event = await waitFor('reparented', () => events((e) => e.kind === 'reparented' && e.pid === child)[0], {
      timeoutMs: 30_000,
    });
    expect(event).toMatchObject({ oldPpid: run.rootPid });
    await line(run, new RegExp(`\\[${child}\\] child: my parent is now (?!${run.rootPid}\\b)\\d+`), {
      timeoutMs: 30_000,
    });
  });
});
