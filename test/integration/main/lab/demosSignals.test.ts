// The demos of daemons, multiprocessing and signals, started through the service: each teaching
// claim checked through the sampler, for the Python edition and for the sh/Node fallback.
import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDITIONS, pidOf, useDemoLab } from '../../../support/demoLab';
import { taggedProcesses } from '../../../support/labProcesses';
import { waitFor } from '../../../support/waitFor';

describe.each(EDITIONS)('the demo lab, $edition edition', ({ python }) => {
  const lab = useDemoLab({ python });
  const { start, line, lines, row, exitOf, signal, call, connection, service } = lab;

  it('daemon: sid = pid, no tty, a parent other than its launcher; still stopped by the lab', async () => {
    const run = await start('daemon');
    const logIs = /its log is (\/\S+?);?(?:\s|$)/;
    const started = await line(run, new RegExp(`started daemon \\d+.*${logIs.source}`));
    const daemonPid = Number(/started daemon (\d+)/.exec(started)![1]);
    const log = logIs.exec(started)![1]!;
    try {
      const daemon = await waitFor('the daemon adopted, in its own session', () => {
        const r = row(daemonPid);
        return r && r.ppid !== run.rootPid && r.sid === daemonPid ? r : undefined;
      });
      expect(daemon.tty).toBeNull();
      expect(daemon.stat).toContain('s');
      expect(service.lab.isLabProcess(daemonPid, daemon.startTime)).toBe(true);
      const heartbeat = `[${daemonPid}] daemon: heartbeat 1`;
      await waitFor('a heartbeat in its log', () => readFileSync(log, 'utf8').includes(heartbeat));
      const stopped = await call('stopRun', { runId: run.runId });
      expect(stopped).toMatchObject({ status: 'stopped' });
      expect(taggedProcesses(process.pid)).toEqual([]);
      // It kept a heartbeat in its log, and said goodbye there when the lab's SIGTERM came.
      expect(readFileSync(log, 'utf8')).toContain(`[${daemonPid}] daemon: SIGTERM, shutting down cleanly`);
    } finally {
      rmSync(log, { force: true });
    }
  });

  it('multiprocessing: workers joined with is_alive() False, the daemon worker ends with its parent', async () => {
    const run = await start('multiprocessing');
    const joined = await waitFor('both joins', () => {
      const found = lines(run).filter((t) => /join\(\): \d+ has ended; is_alive\(\) = False, exitcode = 0/.test(t));
      return found.length === 2 ? found : undefined;
    });
    expect(joined.every((t) => pidOf(t) === run.rootPid)).toBe(true);
    const daemonWorker = pidOf(await line(run, /daemon worker: SIGTERM, my parent is exiting \(daemon=True\)/));
    await waitFor('the daemon worker gone', () => exitOf(daemonWorker));
    await waitFor('the parent exited with status 0', () => connection.runs.get(run.runId)?.exitCode === 0);
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
    expect(pidOf(said.find((l) => l.includes('老司机开车了'))!)).toBe(run.rootPid);
    expect(pidOf(said.find((l) => l.includes('到站了，下车吧'))!)).toBe(conductor);
    const exits = await waitFor('both exits', () => {
      const c = exitOf(conductor);
      const d = exitOf(run.rootPid);
      return c && d ? [c, d] : undefined;
    });
    expect(exits[0]!.at).toBeLessThanOrEqual(exits[1]!.at);
    await waitFor('the run exited with status 0', () => connection.runs.get(run.runId)?.exitCode === 0);
  });

  it('driver and conductor: the driver ignores SIGINT and SIGQUIT, the conductor SIGTSTP', async () => {
    const run = await start('driver-conductor');
    const conductor = pidOf(await line(run, /conductor: on board/));
    await line(run, /driver: ready/);
    for (const name of ['INT', 'QUIT']) {
      expect((await signal(run.rootPid, name)).prediction.kind).toBe('ignored');
    }
    // The Node conductor of the fallback cannot set SIG_IGN from JavaScript: an empty handler.
    expect(python ? ['ignored'] : ['ignored', 'handler']).toContain((await signal(conductor, 'TSTP')).prediction.kind);
    expect(row(run.rootPid)?.state).not.toBe('T');
    expect(row(conductor)?.state).not.toBe('T');
  });

  it('signal handlers: the alarm fires, TERM is ignored, KILL cannot be handled, USR1 stays pending', async () => {
    const run = await start('signal-handlers');
    await line(run, /SIGALRM arrived/);
    const ignorer = pidOf(await line(run, /ignorer:/));
    expect((await signal(ignorer, 'TERM')).observed[0]).toMatchObject({ kind: 'running' });
    expect(await line(run, /stubborn: cannot handle SIGKILL/)).toMatch(/EINVAL/);
    expect(await line(run, /stubborn: cannot handle SIGSTOP/)).toMatch(/EINVAL/);
    const blocker = pidOf(await line(run, /blocker:/));
    const usr1 = await signal(blocker, 'USR1');
    expect(['blocked', 'pending-while-stopped']).toContain(usr1.prediction.kind);
    expect(usr1.observed[0]?.kind).toBe('pending');
  });
});
