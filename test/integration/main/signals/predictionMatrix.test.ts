// Prediction against observation, over real processes: a handler, SIG_IGN, a blocked signal, the
// default action, a zombie, a kernel thread (kthreadd, with SIGCONT only) and a stopped process.
// The prediction the dialog makes from the PCB must be the service's; a confirmation is asked
// exactly when the prediction says the process may end.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/contract/errors';
import { mayEndProcess, predictOutcome } from '../../../../src/shared/model/predictOutcome';
import type { ProcessDetails } from '../../../../src/shared/model/ProcessDetails';
import type { ProcessRecord } from '../../../../src/shared/model/ProcessRecord';
import type { Prediction, PredictionKind, SignalInfo, SignalReport } from '../../../../src/shared/model/Signals';
import { ChildProcesses, procState } from '../../../support/ChildProcesses';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

describe('signal predictions hold on real processes', () => {
  const { service, dispatch } = startService();
  const children = new ChildProcesses();
  const connection = recordingConnection('matrix');
  afterEach(() => children.killAll());
  afterAll(() => service.close());

  async function recordOf(pid: number, until: (r: ProcessRecord) => boolean = () => true): Promise<ProcessRecord> {
    return waitFor(`process ${pid} in a snapshot`, async () => {
      const r = await dispatch('getSnapshot', {}, connection);
      const row = r.ok ? (r.value as { rows: ProcessRecord[] }).rows.find((p) => p.pid === pid) : undefined;
      return row && until(row) ? row : undefined;
    });
  }

  /** What the signal dialog predicts: the record it was opened on and the PCB's dispositions. */
  async function dialogPrediction(record: ProcessRecord, name: string): Promise<Prediction> {
    const catalog = (await dispatch('getSignalCatalog', {}, connection)) as Result<SignalInfo[]>;
    const details = (await dispatch(
      'getProcessDetails',
      { pid: record.pid, startTime: record.startTime },
      connection,
    )) as Result<ProcessDetails>;
    if (!catalog.ok || !details.ok) throw new Error('no catalog or details');
    const signal = catalog.value.find((s) => s.name === name)!;
    const dispositions = 'value' in details.value.signals ? details.value.signals.value : [];
    return predictOutcome(
      signal,
      dispositions.find((d) => d.number === signal.number),
      record,
    );
  }

  /** Sends without confirming first: a refusal must come exactly when the process may end. */
  async function send(record: ProcessRecord, signal: string, expected: PredictionKind): Promise<SignalReport> {
    const prediction = await dialogPrediction(record, signal);
    expect(prediction.kind).toBe(expected);
    const request = { pid: record.pid, startTime: record.startTime, signal };
    const first = (await dispatch('sendSignal', request, connection)) as Result<SignalReport>;
    const mayEnd = mayEndProcess(prediction);
    if (mayEnd) expect(first).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    const reply = mayEnd
      ? ((await dispatch('sendSignal', { ...request, confirmed: true }, connection)) as Result<SignalReport>)
      : first;
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.prediction.kind).toBe(expected);
    expect(reply.value.observed[0]).toMatchObject({ pid: record.pid, predicted: expected, asPredicted: true });
    return reply.value;
  }

  const python = (code: string) => {
    const child = children.spawn('python3', [
      '-c',
      `import os, signal, sys, time\n${code}\nprint('ready', flush=True)\ntime.sleep(60)`,
    ]);
    return ChildProcesses.firstLine(child).then(() => child);
  };

  it('a handler runs (and the confirmation says so), SIG_IGN drops the signal', async () => {
    const { child, output } = await children.nodeWithUsr1Handler();
    const first = await dispatch(
      'sendSignal',
      { pid: child.pid, startTime: (await recordOf(child.pid)).startTime, signal: 'SIGUSR1' },
      connection,
    );
    expect(first).toMatchObject({ ok: false, error: { details: { reason: 'handler', pid: child.pid } } });
    await send(await recordOf(child.pid), 'SIGUSR1', 'handler');
    await waitFor('the handler’s output', () => output().includes('got USR1'));

    const ignoring = await python('signal.signal(signal.SIGTERM, signal.SIG_IGN)');
    await send(await recordOf(ignoring.pid), 'SIGTERM', 'ignored');
    expect(procState(ignoring.pid)).toBe('S');
  });

  it('a blocked signal stays pending, and a second one merges with it', async () => {
    const blocking = await python('signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})');
    const report = await send(await recordOf(blocking.pid), 'SIGTERM', 'blocked');
    expect(report.observed[0]?.kind).toBe('pending');
    await send(await recordOf(blocking.pid), 'SIGTERM', 'already-pending');
    expect(procState(blocking.pid)).toBe('S');
  });

  it('the default action ends a process', async () => {
    const sleeper = children.spawn('sleep', ['60']);
    const report = await send(await recordOf(sleeper.pid), 'SIGTERM', 'terminate');
    expect(report.observed[0]).toMatchObject({ kind: 'exited', exitSignal: 'SIGTERM' });
  });

  it('no signal changes a zombie, SIGKILL included', async () => {
    const parent = children.spawn('sh', ['-c', 'sleep 0.1 & exec sleep 60']);
    const zombiePid = await waitFor('the zombie child', () => {
      const pid = Number(readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim());
      return pid > 0 && procState(pid) === 'Z' ? pid : null;
    });
    const zombie = await recordOf(zombiePid, (r) => r.state === 'Z');
    const report = await send(zombie, 'SIGKILL', 'zombie');
    expect(report.observed[0]?.kind).toBe('zombie');
    expect(procState(zombiePid)).toBe('Z');
  });

  // SIGCONT is the one harmless signal here: it only wakes a stopped task, and kthreadd ignores
  // every signal anyway. In a container pid 2 may be anything, so it must be kthreadd itself.
  const kthreadd = (() => {
    try {
      return readFileSync('/proc/2/stat', 'utf8').startsWith('2 (kthreadd) ');
    } catch {
      return false;
    }
  })();
  it.skipIf(!kthreadd)('kthreadd ignores signals (SIGCONT, which cannot hurt it)', async () => {
    const record = await recordOf(2);
    expect(record.kernelThread).toBe(true);
    const report = await send(record, 'SIGCONT', 'kernel-thread');
    expect(report.observed[0]?.kind).toBe('running');
    expect((await dialogPrediction(record, 'SIGSTOP')).kind).toBe('kernel-thread');
    expect((await dialogPrediction(record, 'SIGKILL')).kind).toBe('kernel-thread');
  });

  it('a stopped process keeps TERM pending and ignores a second stop; CONT resumes it, and TERM acts', async () => {
    const sleeper = children.spawn('sleep', ['60']);
    await recordOf(sleeper.pid);
    process.kill(sleeper.pid, 'SIGSTOP');
    const stopped = await recordOf(sleeper.pid, (r) => r.state === 'T');
    expect((await send(stopped, 'SIGTERM', 'pending-while-stopped')).observed[0]?.kind).toBe('pending');
    await send(stopped, 'SIGSTOP', 'already-stopped');
    expect(procState(sleeper.pid)).toBe('T');
    await send(stopped, 'SIGCONT', 'continue');
    await waitFor('the pending TERM to end it', () => ['Z', null].includes(procState(sleeper.pid)));
  });
});
