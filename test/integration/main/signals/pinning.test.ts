// Pid reuse made on purpose (the kernel is told which pid to hand out next): a process that takes a
// pid the lab or the details panel knew is never treated as the one before it.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/contract/errors';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { ChildProcesses, procState } from '../../../support/ChildProcesses';
import { canChoosePids, spawnWithPid, type Newcomer } from '../../../support/reusePid';
import { recordingConnection, startService, startTimeOf } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

/** Prints every signal it gets; it must never get INT or TERM from ProcLab here. */
const CATCHER = `for (const s of ['SIGINT', 'SIGTERM', 'SIGUSR1']) process.on(s, () => console.log('got ' + s));
console.log('ready');
setInterval(() => {}, 1000);`;

/** When the process started, in clock ticks since boot (field 22 of its stat). */
function startTicksOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
}

/** The time since boot on the same clock, in hundredths of a second (/proc/uptime has that resolution). */
const uptimeTicks = () => Math.floor(Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 100);

describe.skipIf(!canChoosePids())('a pid that changed hands', () => {
  // Runs on pipes: there a terminal key is kill(-pgid), where pid reuse could strike (on the lab's
  // terminal the key is typed, and the kernel's line discipline picks the group).
  const { service, dispatch } = startService({ terminalScript: undefined });
  const children = new ChildProcesses();
  const connection = recordingConnection('pinning');
  afterEach(() => children.killAll());
  afterAll(() => service.close());

  async function run(commandLine: string): Promise<RunInfo> {
    const reply = (await dispatch('runCommand', { commandLine, cwd: '/tmp' }, connection)) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value;
  }

  /** Resolves once Node has reaped the run's root: its pid is free for anyone from then on. */
  const ended = (runId: string) =>
    waitFor('the run’s root reaped', () => connection.runs.get(runId)?.status !== 'running');

  /**
   * A new session (so its group id is its pid) under the given pid, its handlers in place; null
   * if another process of the machine took the pid first.
   */
  async function newcomerAt(pid: number): Promise<Newcomer | null> {
    const newcomer = await spawnWithPid(children, pid, process.execPath, ['-e', CATCHER]);
    if (newcomer) await waitFor('the newcomer’s handlers', () => newcomer.output().includes('ready'));
    return newcomer;
  }

  /** One signal the test sends itself, then a look at everything the newcomer got until then. */
  async function signalsReceived(newcomer: Newcomer): Promise<string[]> {
    process.kill(newcomer.pid, 'SIGUSR1');
    await waitFor('the newcomer’s USR1 line', () => newcomer.output().includes('got SIGUSR1'));
    return newcomer.output().match(/got \w+/g) ?? [];
  }

  it('a finished run does not own its root’s pid: no Ctrl+C for the newcomer, and TERM needs a confirmation', async () => {
    // A root that exits at once is often never seen by a sample: five rounds make that case certain.
    let rounds = 0;
    for (let tries = 0; rounds < 5 && tries < 15; tries++) {
      const finished = await run('true');
      await ended(finished.runId);
      const newcomer = await newcomerAt(finished.rootPid);
      if (!newcomer) continue;
      rounds += 1;
      const runs = (await dispatch('listRuns', {}, connection)) as Result<RunInfo[]>;
      expect(runs.ok && runs.value.find((r) => r.runId === finished.runId)?.livePids).toEqual([]);
      expect(await dispatch('sendTerminalKey', { runId: finished.runId, key: 'ctrl-c' }, connection)).toMatchObject({
        ok: false,
        error: { code: 'NO_SUCH_PROCESS' },
      });
      const startTime = await startTimeOf(dispatch, newcomer.pid);
      const term = { pid: newcomer.pid, startTime, signal: 'TERM', confirmed: false };
      expect(await dispatch('sendSignal', term, connection)).toMatchObject({
        ok: false,
        error: { code: 'CONFIRMATION_REQUIRED' },
      });
      expect(await signalsReceived(newcomer)).toEqual(['got SIGUSR1']);
      await children.killAll();
    }
    expect(rounds).toBe(5);
  });

  it('a killed run root: Ctrl+C does not reach the new session that took its pid', async () => {
    const killed = await run('sleep 30');
    await waitFor('the root running', () => procState(killed.rootPid) === 'S');
    process.kill(killed.rootPid, 'SIGKILL');
    await ended(killed.runId);
    const newcomer = await newcomerAt(killed.rootPid);
    expect(await dispatch('sendTerminalKey', { runId: killed.runId, key: 'ctrl-c' }, connection)).toMatchObject({
      ok: false,
      error: { code: 'NO_SUCH_PROCESS' },
    });
    if (newcomer) expect(await signalsReceived(newcomer)).toEqual(['got SIGUSR1']);
  });

  it('details asked with the old start time: STALE_TARGET, never the newcomer’s environment', async () => {
    const first = children.spawn('sleep', ['30']);
    const startTime = await startTimeOf(dispatch, first.pid);
    const firstTick = startTicksOf(first.pid);
    const reaped = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await reaped;
    // A start time counts clock ticks (10 ms): a pid handed out again within the same tick cannot be
    // told apart, by ProcLab or by ps. Pids wrap far more slowly on a real machine, so wait one out.
    await waitFor('a later clock tick', () => uptimeTicks() > firstTick + 1, { intervalMs: 5 });
    await spawnWithPid(children, first.pid, 'sleep', ['30'], { ...process.env, NEWCOMER_SECRET: 'not-yours' });
    const reply = await dispatch('getProcessDetails', { pid: first.pid, startTime }, connection);
    expect(reply).toMatchObject({ ok: false, error: { code: 'STALE_TARGET' } });
    expect(JSON.stringify(reply)).not.toContain('not-yours');
  });
});
