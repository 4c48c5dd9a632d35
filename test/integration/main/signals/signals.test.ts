// Signals through the service against real processes with real handlers.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/contract/errors';
import type { SignalReport } from '../../../../src/shared/model/Signals';
import { ChildProcesses, procState } from '../../../support/ChildProcesses';
import { recordingConnection, startService, startTimeOf as startTimeOfIn } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

describe('signals from the service', () => {
  const { service, dispatch } = startService();
  const children = new ChildProcesses();
  const connection = recordingConnection('signals');
  afterEach(() => children.killAll());
  afterAll(() => service.close());

  const startTimeOf = (pid: number) => startTimeOfIn(dispatch, pid);

  async function send(pid: number, signal: string, extra: Record<string, unknown> = {}): Promise<Result<SignalReport>> {
    const startTime = (extra.startTime as number | undefined) ?? (await startTimeOf(pid));
    return (await dispatch(
      'sendSignal',
      { pid, startTime, signal, confirmed: true, ...extra },
      connection,
    )) as Result<SignalReport>;
  }

  it('predicts and runs a real handler (USR1 in Node)', async () => {
    const { child, output } = await children.nodeWithUsr1Handler();
    const reply = await send(child.pid, 'SIGUSR1');
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.prediction.kind).toBe('handler');
    expect(reply.value.observed[0]).toMatchObject({ pid: child.pid, kind: 'running' });
    await waitFor('the handler’s output', () => output().includes('got USR1'));
    expect(connection.signalReports.map((r) => r.id)).toContain(reply.value.id);
  });

  it('predicts that a shell ignoring TERM (trap) keeps running, and it does', async () => {
    const shell = children.spawn('sh', ['-c', "trap '' TERM; echo ready; while :; do sleep 0.2; done"]);
    await ChildProcesses.firstLine(shell);
    const reply = await send(shell.pid, 'TERM');
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.prediction.kind).toBe('ignored');
    expect(reply.value.observed[0]?.kind).toBe('running');
    expect(procState(shell.pid)).not.toBeNull();
  });

  it('ends a process with KILL and reports signal 9', async () => {
    const child = children.spawn('sleep', ['30']);
    const exit = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const reply = await send(child.pid, 'KILL');
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.prediction.kind).toBe('uncatchable-terminate');
    expect(reply.value.observed[0]).toMatchObject({ kind: 'exited', exitSignal: 'SIGKILL' });
    expect(reply.value.signalNumber).toBe(9);
    expect(await exit).toBe('SIGKILL');
  });

  it('stops with STOP (T) and continues with CONT', async () => {
    const child = children.spawn('sleep', ['30']);
    const stopped = await send(child.pid, 'STOP');
    if (!stopped.ok) throw new Error(stopped.error.message);
    expect(stopped.value.observed[0]).toMatchObject({ kind: 'stopped', state: 'T' });
    expect(procState(child.pid)).toBe('T');
    const continued = await send(child.pid, 'CONT');
    if (!continued.ok) throw new Error(continued.error.message);
    expect(continued.value.prediction.kind).toBe('continue');
    expect(continued.value.observed[0]?.kind).toBe('continued');
  });

  it('sends to a whole process group and to nothing else', async () => {
    const leader = children.spawn('sh', ['-c', 'sleep 30 & sleep 30 & echo ready; wait'], { detached: true });
    await ChildProcesses.firstLine(leader);
    const members = readFileSync(`/proc/${leader.pid}/task/${leader.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    members.forEach((pid) => children.adopt(pid));
    const outsider = children.spawn('sleep', ['30']);
    const reply = await send(leader.pid, 'TERM', { target: 'group' });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.pgid).toBe(leader.pid);
    expect([...reply.value.delivered].sort()).toEqual([leader.pid, ...members].sort());
    for (const pid of [leader.pid, ...members])
      await waitFor(`${pid} gone`, () => ['Z', null].includes(procState(pid)));
    expect(procState(outsider.pid)).toBe('S');
  });

  it('refuses a stale start time and PID 1, and delivers nothing', async () => {
    const { child, output } = await children.nodeWithUsr1Handler();
    const startTime = await startTimeOf(child.pid);
    const stale = await send(child.pid, 'USR1', { startTime: startTime - 1000 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_TARGET' } });
    expect(await send(1, 'TERM', { startTime: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    // One valid send afterwards: exactly one handler line proves the refused one never arrived.
    await send(child.pid, 'USR1', { startTime });
    await waitFor('the handler’s output', () => output().includes('got USR1'));
    expect(output().match(/got USR1/g)).toHaveLength(1);
  });

  it('asks for confirmation before ending a process the lab did not start, and before signalling ProcLab', async () => {
    const child = children.spawn('sleep', ['30']);
    const unconfirmed = await send(child.pid, 'TERM', { confirmed: false });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    expect(procState(child.pid)).toBe('S');
    const self = await send(process.pid, 'CONT');
    expect(self).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('ProcLab itself') },
    });
    expect(await send(child.pid, 'SIGNOPE')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('no signal SIGNOPE') },
    });
  });

  it('renices, as ps sees it, and the next sample shows it though the process slept', async () => {
    const child = children.spawn('sleep', ['30']);
    const startTime = await startTimeOf(child.pid);
    // Idle in the table: from now on the sampler skips it while it does not run.
    await waitFor('the sleep idle in a sample', async () => {
      await service.live.refresh();
      return service.live.table.byPid.get(child.pid)?.cpuPercent === 0;
    });
    const reply = await dispatch('reniceProcess', { pid: child.pid, startTime, nice: 7 }, connection);
    expect(reply).toMatchObject({ ok: true, value: { pid: child.pid, nice: 7 } });
    expect(execFileSync('ps', ['-o', 'ni=', '-p', String(child.pid)], { encoding: 'utf8' }).trim()).toBe('7');
    await service.live.refresh();
    expect(service.live.table.byPid.get(child.pid)?.nice).toBe(7);
    expect(await dispatch('reniceProcess', { pid: child.pid, startTime, nice: 40 }, connection)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('ends a tree: TERM children first, KILL for what ignores it', async () => {
    // The sleep starts before the trap: an ignored signal is inherited by children started after it.
    const shell = children.spawn('sh', ['-c', "sleep 30 & trap '' TERM; echo ready; read never"], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    await ChildProcesses.firstLine(shell);
    const sleeper = Number(readFileSync(`/proc/${shell.pid}/task/${shell.pid}/children`, 'utf8').trim());
    children.adopt(sleeper);
    const progress: string[] = [];
    const watcher = {
      ...connection,
      emit: (event: string, payload: unknown) =>
        event === 'endTreeProgress' && progress.push((payload as { phase: string }).phase),
    };
    const reply = await dispatch(
      'endProcessTree',
      { pid: shell.pid, startTime: await startTimeOf(shell.pid), graceMs: 500, confirmed: true },
      watcher,
    );
    expect(reply).toMatchObject({ ok: true, value: { total: 2, endedByTerm: 1, endedByKill: 1, remaining: [] } });
    expect(progress).toContain('kill');
    expect(progress.at(-1)).toBe('done');
  });

  it.skipIf(process.getuid?.() !== 0)(
    'reports EPERM in plain words (an unprivileged sender against a root process)',
    async () => {
      const rootOwned = children.spawn('sleep', ['30']);
      const startTime = await startTimeOf(rootOwned.pid);
      const script = path.join(__dirname, '../../../support/sendAsUser.ts');
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', script, String(rootOwned.pid), String(startTime)],
        {
          uid: 65534,
          gid: 65534,
          encoding: 'utf8',
          env: { ...process.env, HOME: '/tmp' },
          timeout: 60_000,
        },
      );
      expect(result.stdout).toMatch(/^PERMISSION_DENIED process \d+ is owned by user root; you are \S+/);
      expect(procState(rootOwned.pid)).toBe('S');
    },
  );
});
