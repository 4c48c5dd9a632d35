// The supervisor's guarantees: caps, bad command lines, your own program, cleanup at shutdown,
// finished runs forgotten past a bound (leftovers: leftovers.test.ts).
import { afterAll, describe, expect, it } from 'vitest';
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

  it('sets LANGUAGE for the language a run is started in, and leaves it as inherited without one', async () => {
    const languageOf = async (language?: 'en' | 'zh') => {
      const commandLine = `sh -c 'echo "[$$] LANGUAGE=\${LANGUAGE-unset}"'`;
      const params = { commandLine, cwd: '/tmp', ...(language ? { language } : {}) };
      const reply = (await dispatch('runCommand', params, connection)) as Result<RunInfo>;
      if (!reply.ok) throw new Error(reply.error.message);
      const said = await waitFor('its line', () =>
        connection.processLines(reply.value.runId).find((l) => l.text.includes('LANGUAGE=')),
      );
      return said.text.slice(said.text.indexOf('=') + 1);
    };
    expect(await languageOf('zh')).toBe('zh_CN:zh');
    expect(await languageOf('en')).toBe('en');
    expect(await languageOf()).toBe(process.env.LANGUAGE ?? 'unset');
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
    // A language the UI does not have: refused before anything starts.
    for (const [method, params] of [
      ['startDemo', { demoId: 'fork', language: 'fr' }],
      ['runCommand', { commandLine: 'true', cwd: '/tmp', language: 'zh_CN' }],
    ] as const)
      expect(await dispatch(method, params, connection)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(new RegExp(`^${method}: language: `)) },
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

  it('forgets finished runs beyond the last few, their output with them', async () => {
    const small = startService({ labLimits: { maxFinishedRuns: 3 } });
    const c = recordingConnection('forgetful');
    try {
      const runIds: string[] = [];
      for (let i = 0; i < 6; i++) {
        const reply = (await small.dispatch(
          'runCommand',
          { commandLine: `echo run ${i}`, cwd: '/tmp' },
          c,
        )) as Result<RunInfo>;
        if (!reply.ok) throw new Error(reply.error.message);
        runIds.push(reply.value.runId);
        await waitFor('the run ended', () => c.runs.get(reply.value.runId)?.status === 'exited');
      }
      const runs = (await small.dispatch('listRuns', {}, c)) as Result<RunInfo[]>;
      expect(runs.ok && runs.value.map((run) => run.runId)).toEqual(runIds.slice(3));
      expect(await small.dispatch('getRunOutput', { runId: runIds[0] }, c)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      });
    } finally {
      await small.service.close();
    }
  });
});
