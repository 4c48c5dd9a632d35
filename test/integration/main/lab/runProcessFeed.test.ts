// A run's processes reach clients at the lab's own rate, with no monitor subscription at all (a
// paused or slow monitor): parent links, exits with their status, and adoption of an orphan.
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/contract/errors';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import type { RunProcesses } from '../../../../src/shared/model/RunProcesses';
import { taggedProcesses } from '../../../support/labProcesses';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

describe('the run process feed', () => {
  const { service, dispatch } = startService();
  const connection = recordingConnection('feed');
  afterAll(async () => {
    await service.close();
    expect(taggedProcesses(process.pid)).toEqual([]);
  });

  const messages = (run: RunInfo) => connection.runProcesses.filter((m) => m.runId === run.runId);
  const latest = (run: RunInfo): RunProcesses | undefined => messages(run).at(-1);

  it('shows a parent and its child, the parent’s exit with its status, and the child adopted', async () => {
    // No `subscribe`: the machine is not sampled for any window, only the run at 10 Hz.
    const reply = (await dispatch(
      'runCommand',
      { commandLine: `sh -c 'sleep 30 & echo "[$$] child $!"; read go; exit 3'`, cwd: '/tmp' },
      connection,
    )) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    const run = reply.value;
    const line = await waitFor('the child’s pid', () =>
      connection.processLines(run.runId).find((l) => l.text.includes('child')),
    );
    const childPid = Number(/child (\d+)/.exec(line.text)![1]);

    const both = await waitFor('parent and child in one message', () => {
      const now = latest(run);
      const child = now?.processes.find((p) => p.pid === childPid);
      return now?.processes.some((p) => p.pid === run.rootPid) && child ? child : null;
    });
    expect(both).toMatchObject({ ppid: run.rootPid, comm: 'sleep' });
    expect(latest(run)!.adopters).toEqual([]);
    const asked = await dispatch('getRunProcesses', { runId: run.runId }, connection);
    expect(asked.ok && (asked.value as RunProcesses).processes.map((p) => p.pid).sort()).toEqual(
      [run.rootPid, childPid].sort(),
    );

    // Enter on the run's terminal: its line discipline hands "go" to `read`.
    await dispatch('writeTerminal', { runId: run.runId, data: 'go\r' }, connection);
    const exit = await waitFor('the parent’s exit', () =>
      messages(run)
        .flatMap((m) => m.events)
        .find((e) => e.kind === 'exited' && e.pid === run.rootPid),
    );
    // The lab is its parent: the exact status rides on the event.
    expect(exit).toMatchObject({ startTime: run.rootStartTime, exitCode: 3, signal: null });
    const adopted = await waitFor('the child adopted', () => {
      const now = latest(run);
      const child = now?.processes.find((p) => p.pid === childPid);
      return now && child && child.ppid !== run.rootPid ? { now, child } : null;
    });
    expect(adopted.now.processes.map((p) => p.pid)).toEqual([childPid]);
    expect(adopted.now.adopters).toEqual([{ pid: adopted.child.ppid, comm: expect.any(String) }]);
    expect(
      messages(run)
        .flatMap((m) => m.events)
        .some((e) => e.kind === 'reparented' && e.pid === childPid && e.oldPpid === run.rootPid),
    ).toBe(true);

    await dispatch('stopRun', { runId: run.runId }, connection);
    await waitFor('the child’s exit told', () =>
      messages(run)
        .flatMap((m) => m.events)
        .some((e) => e.kind === 'exited' && e.pid === childPid),
    );
    expect(latest(run)!.processes).toEqual([]);
  });

  it('refuses a run it does not know', async () => {
    expect(await dispatch('getRunProcesses', { runId: '0badc0de' }, connection)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
