// The lab's terminal with real programs: a controlling TTY and "+" for the foreground group, keys
// typed into it that the kernel's line discipline turns into signals, its size, long lines and
// binary output; and the fallback on pipes where python3 is missing.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/contract/errors';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { DemoRuntimes } from '../../../../src/main/lab/demoRuntimes';
import { MAX_LINE_BYTES } from '../../../../src/main/lab/TerminalTextFilter';
import { taggedProcesses } from '../../../support/labProcesses';
import { recordingConnection, startService, type RecordingConnection } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

type Dispatch = ReturnType<typeof startService>['dispatch'];

async function run(dispatch: Dispatch, connection: RecordingConnection, commandLine: string): Promise<RunInfo> {
  const reply = (await dispatch('runCommand', { commandLine, cwd: '/tmp' }, connection)) as Result<RunInfo>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

const type = (dispatch: Dispatch, connection: RecordingConnection, runId: string, data: string) =>
  dispatch('writeTerminal', { runId, data }, connection);

const ended = (connection: RecordingConnection, runId: string) =>
  waitFor('the run ended', () => {
    const info = connection.runs.get(runId);
    return info && info.status !== 'running' ? info : undefined;
  });

/** STAT and TTY as ps prints them. */
const psStatTty = (pid: number) => execFileSync('ps', ['-o', 'stat=,tty=', '-p', String(pid)], { encoding: 'utf8' });

describe('the lab’s terminal', () => {
  const { service, dispatch } = startService();
  const connection = recordingConnection('terminal');

  afterEach(async () => {
    for (const info of connection.runs.values())
      if (info.livePids.length > 0) await dispatch('stopRun', { runId: info.runId }, connection);
    await waitFor('no tagged process left', () => taggedProcesses(process.pid).length === 0);
  });
  afterAll(() => service.close());

  it('gives the program a controlling TTY, and its group the terminal’s foreground ("+")', async () => {
    const reply = await dispatch('subscribe', { intervalMs: 250 }, connection);
    if (!reply.ok) throw new Error(reply.error.message);
    const info = await run(dispatch, connection, 'sleep 30');
    expect(info.terminal).toBe(true);
    const row = await waitFor('sampled as sleep', () => {
      const record = service.live.table.byPid.get(info.rootPid);
      return record?.comm === 'sleep' ? record : undefined;
    });
    expect(row.tty).toMatch(/^pts\//);
    expect(row.tpgid).toBe(info.pgid);
    expect(row.pgid).toBe(info.rootPid);
    expect(row.stat).toContain('+');
    // ps agrees; and the run is not a session leader (the terminal's helper is, like a shell).
    const [stat, tty] = psStatTty(info.rootPid).trim().split(/\s+/);
    expect(stat).toContain('+');
    expect(stat).not.toContain('s');
    expect(tty).toBe(row.tty);
  });

  it('ends a sleep with SIGINT when Ctrl+C is typed, with the exact status on its exit event', async () => {
    const info = await run(dispatch, connection, 'sleep 30');
    await waitFor('running sleep', () => service.live.table.byPid.get(info.rootPid)?.comm === 'sleep');
    expect(await type(dispatch, connection, info.runId, '\x03')).toMatchObject({ ok: true });
    expect(await ended(connection, info.runId)).toMatchObject({ status: 'exited', exitSignal: 'SIGINT' });
    await waitFor('the exited event with its signal', () =>
      connection.events.find((e) => e.kind === 'exited' && e.pid === info.rootPid && e.signal === 'SIGINT'),
    );
  });

  it('stops the foreground group on Ctrl+Z and quits it on Ctrl+\\', async () => {
    const info = await run(dispatch, connection, 'sleep 30');
    await waitFor('running sleep', () => service.live.table.byPid.get(info.rootPid)?.comm === 'sleep');
    await type(dispatch, connection, info.runId, '\x1a');
    await waitFor('stopped (T)', () => psStatTty(info.rootPid).startsWith('T'));
    // SIGQUIT waits while the process is stopped; SIGCONT lets it act.
    await type(dispatch, connection, info.runId, '\x1c');
    process.kill(info.rootPid, 'SIGCONT');
    expect(await ended(connection, info.runId)).toMatchObject({ exitSignal: 'SIGQUIT' });
  });

  it('tells the program its size when the widget is resized (SIGWINCH)', async () => {
    const info = await run(
      dispatch,
      connection,
      `sh -c 'trap "echo [\\$\\$] size \\$(stty size)" WINCH; echo "[$$] ready"; while :; do sleep 0.1; done'`,
    );
    await waitFor('ready', () => connection.processLines(info.runId).some((l) => l.text.includes('ready')));
    expect(await dispatch('resizeTerminal', { runId: info.runId, cols: 123, rows: 45 }, connection)).toMatchObject({
      ok: true,
    });
    await waitFor('the new size', () =>
      connection.processLines(info.runId).some((l) => l.text.endsWith('size 45 123')),
    );
  });

  it('cuts a line at the limit and says how much it skipped', async () => {
    const info = await run(
      dispatch,
      connection,
      `sh -c "head -c 300000 /dev/zero | tr '\\\\0' a; echo; echo [\\$\\$] after"`,
    );
    await waitFor('the line after', () => connection.processLines(info.runId).some((l) => l.text.endsWith('after')));
    const cut = connection.labOutput.flatMap((b) => b.pieces).find((p) => p.kind === 'cut' && p.done);
    expect(cut).toEqual({ kind: 'cut', keptBytes: MAX_LINE_BYTES, skippedBytes: 300_000 - MAX_LINE_BYTES, done: true });
  });

  it('shows a binary file as binary: a count of its bytes, not the bytes', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'proclab-')), 'random.bin');
    const bytes = randomBytes(10_000_000);
    // The last whole line is made binary: short lines of text after the last binary one are shown
    // as text when the output ends (by design), and random bytes sometimes end with one.
    const lastLf = bytes.lastIndexOf(0x0a);
    if (lastLf > 0) bytes[lastLf - 1] = 0;
    writeFileSync(file, bytes);
    // The terminal sends CR LF for each LF (ONLCR, termios(3)).
    const newlines = bytes.filter((byte) => byte === 0x0a).length;
    try {
      const info = await run(dispatch, connection, `cat ${file}`);
      await ended(connection, info.runId);
      const last = await waitFor('the count of the whole stretch', () =>
        connection.labOutput
          .filter((b) => b.runId === info.runId)
          .flatMap((b) => b.pieces)
          .find((p) => p.kind === 'binary' && p.done),
      );
      expect(last).toEqual({ kind: 'binary', bytes: 10_000_000 + newlines, done: true });
      const shown = connection.labOutput
        .filter((b) => b.runId === info.runId)
        .flatMap((b) => b.pieces)
        .filter((p) => p.kind === 'text');
      expect(shown).toEqual([]);
    } finally {
      rmSync(path.dirname(file), { recursive: true });
    }
  });

  it('refuses input a program does not read, past a bound, instead of buffering it', async () => {
    const info = await run(dispatch, connection, 'sleep 30');
    let reply: Result<unknown> = { ok: true, value: null };
    for (let i = 0; i < 200 && reply.ok; i++) reply = await type(dispatch, connection, info.runId, 'x'.repeat(4096));
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: /not reading its input/ } });
  });

  it('validates what is typed and the size', async () => {
    const info = await run(dispatch, connection, 'sleep 30');
    for (const [method, params] of [
      ['writeTerminal', { runId: info.runId, data: '' }],
      ['writeTerminal', { runId: info.runId, data: 'x'.repeat(4097) }],
      ['writeTerminal', { runId: info.runId }],
      ['resizeTerminal', { runId: info.runId, cols: 0, rows: 10 }],
      ['resizeTerminal', { runId: info.runId, cols: 80, rows: 1e6 }],
      ['resizeTerminal', { runId: 'nope', cols: 80, rows: 24 }],
    ] as const)
      expect(await dispatch(method, params, connection)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      });
  });
});

describe('the lab without python3: runs on pipes', () => {
  // The lab's lookups see a PATH without python3 (the programs run still find sh and sleep).
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'proclab-nopython-'));
  const { service, dispatch } = startService({ demoRuntimes: new DemoRuntimes(() => emptyDir) });
  const connection = recordingConnection('pipes');
  afterAll(async () => {
    await service.close();
    rmSync(emptyDir, { recursive: true, force: true });
    expect(taggedProcesses(process.pid)).toEqual([]);
  });

  it('has no TTY, echoes what is typed, and sends terminal keys with kill()', async () => {
    const reader = await run(dispatch, connection, `sh -c 'read x; echo "[$$] got $x"'`);
    expect(reader.terminal).toBe(false);
    await type(dispatch, connection, reader.runId, 'abc\r');
    await waitFor('the answer', () => connection.processLines(reader.runId).some((l) => l.text.endsWith('got abc')));
    expect(connection.terminalText(reader.runId)).toMatch(/^abc\r\n/);

    const sleeper = await run(dispatch, connection, 'sleep 30');
    const key = await dispatch('sendTerminalKey', { runId: sleeper.runId, key: 'ctrl-c' }, connection);
    expect(key).toMatchObject({ ok: true, value: { via: 'kill', signal: 'SIGINT', pgid: sleeper.rootPid } });
    expect(await ended(connection, sleeper.runId)).toMatchObject({ exitSignal: 'SIGINT' });
  });
});

describe('a terminal helper that fails', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'proclab-broken-'));
  const script = path.join(dir, 'proclab_pty.py');
  writeFileSync(script, 'import sys\nsys.exit("broken on purpose")\n');
  const { service, dispatch } = startService({ terminalScript: script });
  const connection = recordingConnection('broken');
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends the run at once and says why, instead of hanging or crashing', async () => {
    const info = await run(dispatch, connection, 'sleep 30');
    expect(info).toMatchObject({ status: 'exited', rootPid: -1, livePids: [] });
    await waitFor('the reason', () =>
      /the lab's terminal \(python3\) could not start: broken on purpose/.test(connection.terminalText(info.runId)),
    );
    expect(await dispatch('getInfo', {}, connection)).toMatchObject({ ok: true });
  });
});
