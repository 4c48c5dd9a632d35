// The supervisor's guarantees: caps, bad command lines, your own program, cleanup at shutdown,
// and the leftovers of a ProcLab that was SIGKILLed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Result } from '../../../../src/shared/contract/errors';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { taggedProcesses } from '../../../support/labProcesses';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

describe('the lab supervisor', () => {
  const { service, dispatch } = startService({ labLimits: { maxProcessesPerRun: 5, stopGraceMs: 1000 } });
  const connection = recordingConnection('supervisor');
  afterAll(() => service.close());

  it('runs your own command line, without a shell, on a terminal, with input and output', async () => {
    const reply = (await dispatch(
      'runCommand',
      { commandLine: `sh -c 'read name; echo "[$$] hello $name"'`, cwd: '/tmp' },
      connection,
    )) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    const run = reply.value;
    expect(run.argv).toEqual(['sh', '-c', 'read name; echo "[$$] hello $name"']);
    expect(run.terminal).toBe(true);
    // Enter sends CR; the terminal's line discipline makes it the end of the line (ICRNL).
    expect(await dispatch('writeTerminal', { runId: run.runId, data: 'student\r' }, connection)).toMatchObject({
      ok: true,
    });
    const line = await waitFor('the greeting', () =>
      connection.processLines(run.runId).find((l) => l.text.includes('hello student')),
    );
    expect(line.pid).toBe(run.rootPid);
    // The terminal echoed what was typed, as a terminal does.
    expect(connection.terminalText(run.runId)).toMatch(/^student\r\n/);
    await waitFor('the run exited', () => connection.runs.get(run.runId)?.status === 'exited');
    expect(connection.runs.get(run.runId)?.exitCode).toBe(0);
    const kept = await dispatch('getRunOutput', { runId: run.runId }, connection);
    expect(kept).toMatchObject({ ok: true, value: { runId: run.runId, droppedChars: 0 } });
  });

  it('never passes on an inherited ELECTRON_RUN_AS_NODE to the programs it starts', async () => {
    process.env.ELECTRON_RUN_AS_NODE = '1';
    let reply: Result<RunInfo>;
    try {
      reply = (await dispatch(
        'runCommand',
        { commandLine: `sh -c 'echo "[$$] run as node: \${ELECTRON_RUN_AS_NODE-unset}"'`, cwd: '/tmp' },
        connection,
      )) as Result<RunInfo>;
    } finally {
      delete process.env.ELECTRON_RUN_AS_NODE;
    }
    if (!reply.ok) throw new Error(reply.error.message);
    const { runId } = reply.value;
    const line = await waitFor('its line', () =>
      connection.processLines(runId).find((l) => l.text.includes('run as node:')),
    );
    expect(line.text).toContain('run as node: unset');
  });

  it('explains a bad command line or working directory', async () => {
    expect(await dispatch('runCommand', { commandLine: 'ls | wc', cwd: '/tmp' }, connection)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('needs a shell') },
    });
    expect(await dispatch('runCommand', { commandLine: 'ls', cwd: '/no/such/dir' }, connection)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('does not exist') },
    });
    expect(await dispatch('startDemo', { demoId: 'nope' }, connection)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const missing = (await dispatch(
      'runCommand',
      { commandLine: 'no-such-program-xyz', cwd: '/tmp' },
      connection,
    )) as Result<RunInfo>;
    if (!missing.ok) throw new Error(missing.error.message);
    await waitFor('a clear note', () =>
      /could not start no-such-program-xyz: No such file/.test(connection.terminalText(missing.value.runId)),
    );
    // As a shell says: 127, the program was not found.
    await waitFor('exit status 127', () => connection.runs.get(missing.value.runId)?.exitCode === 127);
  });

  it('stops a run that exceeds its process cap, and says why', async () => {
    const reply = (await dispatch(
      'runCommand',
      { commandLine: `sh -c 'for i in 1 2 3 4 5 6 7 8; do sleep 60 & done; wait'`, cwd: '/tmp' },
      connection,
    )) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    await waitFor('stopped by the cap', () => connection.runs.get(reply.value.runId)?.status === 'stopped');
    expect(connection.runs.get(reply.value.runId)?.stopReason).toMatch(/more than 5 processes/);
    await waitFor('none left', () => taggedProcesses(process.pid).length === 0);
  });

  it('types terminal keys into the run’s terminal, and leaves nothing after shutdown', async () => {
    const reply = (await dispatch('startDemo', { demoId: 'signal-handlers' }, connection)) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    await waitFor('four processes', () => (connection.runs.get(reply.value.runId)?.livePids.length ?? 0) >= 4);
    const key = await dispatch('sendTerminalKey', { runId: reply.value.runId, key: 'ctrl-c' }, connection);
    expect(key).toMatchObject({ ok: true, value: { signal: 'SIGINT', via: 'terminal' } });
    // The line discipline echoes the key, as a terminal shows it.
    await waitFor('^C echoed', () => connection.terminalText(reply.value.runId).includes('^C'));
    await service.supervisor!.shutdown();
    expect(taggedProcesses(process.pid)).toEqual([]);
  });
});

/** The parent and session of a process (/proc/PID/stat fields 4 and 6), or null once it is gone. */
function statFields(pid: number): { ppid: number; sid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), sid: Number(fields[3]) };
  } catch {
    return null;
  }
}

describe('leftovers of a ProcLab that was killed', () => {
  const cli = path.resolve(__dirname, '../../../../out/main/cli.js');

  it.skipIf(!existsSync(cli))('finds and ends the processes of a server that died by SIGKILL', async () => {
    const server = spawn(process.execPath, [cli, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const wsUrl = await new Promise<string>((resolve) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        const match = /http:\/\/([^/]+)\/\?token=(\S+)/.exec(chunk.toString());
        if (match) resolve(`ws://${match[1]}/ws?token=${match[2]}`);
      });
    });
    const ws = new WebSocket(wsUrl);
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ id: 1, method: 'startDemo', params: { demoId: 'daemon' } }));
    await new Promise((resolve) => ws.once('message', resolve));
    // Settled: the launcher and its short-lived child gone, only the daemon left: adopted (the
    // launcher's parent is the server) and leading its own session.
    await waitFor('the daemon running alone', () => {
      const tagged = taggedProcesses(server.pid!);
      const fields = tagged.length === 1 ? statFields(tagged[0]!) : null;
      return fields && fields.ppid !== server.pid && fields.sid === tagged[0];
    });
    const orphaned = taggedProcesses(server.pid!);
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));

    const { service } = startService();
    try {
      const found = service.supervisor!.findLeftovers();
      expect(found.map((l) => l.pid).sort()).toEqual(orphaned.sort());
      expect(found[0]).toMatchObject({ ownerPid: server.pid });
      expect(await service.supervisor!.cleanLeftovers()).toEqual({ ended: orphaned.length });
      await waitFor('all ended', () => taggedProcesses(server.pid!).length === 0);
    } finally {
      await service.close();
      for (const pid of taggedProcesses(server.pid!)) process.kill(pid, 'SIGKILL');
    }
  });
});
