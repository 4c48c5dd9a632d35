import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatus } from '../../../../src/main/details/parseStatus';
import { decodeDispositions, maskToSignals } from '../../../../src/main/signals/decodeSignalMasks';
import { buildSignalCatalog, findSignal } from '../../../../src/main/signals/signalCatalog';
import { predictOutcome } from '../../../../src/shared/model/predictOutcome';
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

describe('predictOutcome', () => {
  it('follows handlers, SIG_IGN, blocking, stops and the default action', () => {
    expect(predictOutcome(signal('USR1'), disposition('handler'), 'S').kind).toBe('handler');
    expect(predictOutcome(signal('TERM'), disposition('ignored'), 'S').kind).toBe('ignored');
    expect(predictOutcome(signal('TERM'), disposition('default', true), 'S').kind).toBe('blocked');
    expect(predictOutcome(signal('TERM'), disposition('default'), 'S').kind).toBe('terminate');
    expect(predictOutcome(signal('QUIT'), disposition('default'), 'S').kind).toBe('core');
    expect(predictOutcome(signal('TSTP'), disposition('default'), 'S').kind).toBe('stop');
    expect(predictOutcome(signal('CHLD'), disposition('default'), 'S').kind).toBe('ignored-by-default');
    expect(predictOutcome(signal('TERM'), disposition('default'), 'T').kind).toBe('pending-while-stopped');
    // Handlers and SIG_IGN do not matter to KILL and STOP.
    expect(predictOutcome(signal('KILL'), disposition('handler'), 'T').kind).toBe('uncatchable-terminate');
    expect(predictOutcome(signal('STOP'), disposition('ignored'), 'S').kind).toBe('uncatchable-stop');
  });
});
