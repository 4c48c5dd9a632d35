import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatus } from '../../../../src/main/details/parseStatus';
import { decodeDispositions, maskToSignals } from '../../../../src/main/signals/decodeSignalMasks';
import { buildSignalCatalog, findSignal } from '../../../../src/main/signals/signalCatalog';
import { mayEndProcess, observationAgrees, predictOutcome } from '../../../../src/shared/model/predictOutcome';
import type { SignalDisposition } from '../../../../src/shared/model/Signals';

const catalog = buildSignalCatalog(true);
const signal = (name: string) => findSignal(catalog, name)!;
const disposition = (handling: SignalDisposition['handling'], blocked = false): SignalDisposition => ({
  number: 0,
  name: '',
  handling,
  blocked,
  pending: false,
});

describe('signal catalog', () => {
  it('has the platform’s numbers, signal(7) default actions, and the real-time signals', () => {
    expect(signal('TERM')).toMatchObject({ number: 15, defaultAction: 'terminate', catchable: true, common: true });
    expect(signal('SIGKILL')).toMatchObject({ number: 9, catchable: false });
    expect(signal('stop')).toMatchObject({ number: 19, defaultAction: 'stop', catchable: false });
    expect(signal('SIGQUIT').defaultAction).toBe('core');
    expect(signal('SIGCHLD').defaultAction).toBe('ignore');
    expect(signal('SIGCONT').defaultAction).toBe('continue');
    expect(findSignal(catalog, 34)?.name).toBe('SIGRTMIN');
    expect(findSignal(catalog, 64)?.name).toBe('SIGRTMAX');
    expect(findSignal(catalog, 'SIGIOT')?.name).toBe('SIGABRT');
    expect(findSignal(catalog, 'SIGNOPE')).toBeNull();
    expect(catalog.every((s) => s.meaning.en && s.meaning.zh)).toBe(true);
  });
});

describe('signal masks of /proc/PID/status', () => {
  it('reads bit n-1 as signal n', () => {
    expect([...maskToSignals('0000000000000001')]).toEqual([1]);
    expect([...maskToSignals('0000000000004002')]).toEqual([2, 15]);
    expect([...maskToSignals('8000000000000000')]).toEqual([64]);
    expect(maskToSignals('zz').size).toBe(0);
  });

  it('decodes a real status file into dispositions', () => {
    const status = parseStatus(readFileSync(path.join(__dirname, '../../../fixtures/proc/status.txt'), 'utf8'));
    const dispositions = decodeDispositions(status, catalog);
    expect(dispositions).toHaveLength(catalog.length);
    expect(dispositions.every((d) => ['handler', 'ignored', 'default'].includes(d.handling))).toBe(true);
  });
});

const running = { state: 'S', kernelThread: false };
const stopped = { state: 'T', kernelThread: false };
const zombie = { state: 'Z', kernelThread: false };
const predict = (name: string, d: SignalDisposition | undefined, target = running) =>
  predictOutcome(signal(name), d, target);

describe('predictOutcome', () => {
  it('follows handlers, SIG_IGN, blocking and the default action', () => {
    expect(predict('USR1', disposition('handler')).kind).toBe('handler');
    expect(predict('TERM', disposition('ignored')).kind).toBe('ignored');
    expect(predict('TERM', disposition('default', true)).kind).toBe('blocked');
    expect(predict('TERM', { ...disposition('default', true), pending: true }).kind).toBe('already-pending');
    expect(predict('TERM', disposition('ignored', true)).kind).toBe('blocked');
    expect(predict('TERM', disposition('default')).kind).toBe('terminate');
    expect(predict('QUIT', disposition('default')).kind).toBe('core');
    expect(predict('TSTP', disposition('default')).kind).toBe('stop');
    expect(predict('CHLD', disposition('default')).kind).toBe('ignored-by-default');
    expect(predict('CONT', disposition('default')).kind).toBe('not-stopped');
    // Handlers and SIG_IGN do not matter to KILL and STOP.
    expect(predict('KILL', disposition('handler')).kind).toBe('uncatchable-terminate');
    expect(predict('STOP', disposition('ignored')).kind).toBe('uncatchable-stop');
  });

  it('knows a stopped process acts on KILL and CONT only, and drops what it ignores', () => {
    expect(predict('TERM', disposition('default'), stopped).kind).toBe('pending-while-stopped');
    expect(predict('USR1', disposition('handler'), stopped).kind).toBe('pending-while-stopped');
    expect(predict('TERM', disposition('ignored'), stopped).kind).toBe('ignored');
    expect(predict('KILL', disposition('default'), stopped).kind).toBe('uncatchable-terminate');
    expect(predict('CONT', disposition('default'), stopped).kind).toBe('continue');
    expect(predict('STOP', disposition('default'), stopped).kind).toBe('already-stopped');
    expect(predict('TSTP', disposition('default'), stopped).kind).toBe('already-stopped');
  });

  it('knows no signal changes a zombie, SIGKILL included', () => {
    for (const name of ['KILL', 'TERM', 'STOP', 'CONT'])
      expect(predict(name, disposition('default'), zombie).kind).toBe('zombie');
  });

  it('reads a kernel thread’s SigIgn (kthreadd ignores every signal, SIGKILL and SIGSTOP too)', () => {
    const status = parseStatus(
      readFileSync(path.join(__dirname, '../../../fixtures/proc/status-kthreadd.txt'), 'utf8'),
    );
    const dispositions = decodeDispositions(status, catalog);
    const kthread = { state: 'S', kernelThread: true };
    for (const name of ['KILL', 'STOP', 'TERM', 'CONT']) {
      const d = dispositions.find((x) => x.name === `SIG${name}`);
      expect(predictOutcome(signal(name), d, kthread).kind, name).toBe('kernel-thread');
    }
  });

  it('asks to confirm exactly when the process may end, and matches observations to predictions', () => {
    const kinds = (names: string[], d: SignalDisposition) => names.map((n) => mayEndProcess(predict(n, d)));
    expect(kinds(['TERM', 'KILL', 'QUIT', 'STOP', 'CONT', 'CHLD'], disposition('default'))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    // A handler's own code decides, and it may exit: still ask. An ignored or blocked one cannot end it.
    expect(kinds(['USR1', 'TERM'], disposition('handler'))).toEqual([true, true]);
    expect(kinds(['USR1', 'TERM'], disposition('ignored'))).toEqual([false, false]);
    expect(mayEndProcess(predict('TERM', disposition('default'), zombie))).toBe(false);
    // A TERM that waits (stopped, blocked) ends the process once it acts.
    expect(mayEndProcess(predict('TERM', disposition('default'), stopped))).toBe(true);
    expect(mayEndProcess(predict('TERM', disposition('default', true)))).toBe(true);
    expect(mayEndProcess(predict('CHLD', disposition('default', true)))).toBe(false);
    expect(observationAgrees(predict('TERM', disposition('default')), { kind: 'exited' })).toBe(true);
    expect(observationAgrees(predict('TERM', disposition('default')), { kind: 'running' })).toBe(false);
    expect(observationAgrees(predict('KILL', disposition('default'), zombie), { kind: 'zombie' })).toBe(true);
    expect(observationAgrees(predict('TERM', disposition('default'), stopped), { kind: 'pending' })).toBe(true);
  });
});
