// Which edition of a demo runs: Python where python3 is found, the sh/Node fallback where it is
// not (a PATH without python3 for the lab's runtime lookup), and the contract says which.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DemoRuntimes } from '../../../../src/main/lab/demoRuntimes';
import type { Result } from '../../../../src/shared/contract/errors';
import type { DemoInfo, RunInfo } from '../../../../src/shared/model/Lab';
import { taggedProcesses } from '../../../support/labProcesses';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'proclab-nopython-'));
const countingDir = mkdtempSync(path.join(os.tmpdir(), 'proclab-countingpython-'));
const oldPythonDir = mkdtempSync(path.join(os.tmpdir(), 'proclab-oldpython-'));
// A "python3" that answers the version check as Python 3.6 would (nothing printed): too old.
writeFileSync(path.join(oldPythonDir, 'python3'), '#!/bin/sh\nexit 0\n');
chmodSync(path.join(oldPythonDir, 'python3'), 0o755);
// A "python3" that is a launcher script, as pyenv's shim is: it execs the real interpreter.
const realPython = new DemoRuntimes().find('python');
const shimDir = mkdtempSync(path.join(os.tmpdir(), 'proclab-shim-'));
writeFileSync(path.join(shimDir, 'python3'), `#!/bin/sh\nexec ${realPython} "$@"\n`);
chmodSync(path.join(shimDir, 'python3'), 0o755);

describe('demo editions', () => {
  const withPython = startService();
  const withoutPython = startService({ demoRuntimes: new DemoRuntimes(() => emptyDir) });
  const connection = recordingConnection('editions');

  afterAll(async () => {
    await Promise.all([withPython.service.close(), withoutPython.service.close()]);
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(oldPythonDir, { recursive: true, force: true });
    rmSync(shimDir, { recursive: true, force: true });
    rmSync(countingDir, { recursive: true, force: true });
    expect(taggedProcesses(process.pid)).toEqual([]);
  });

  async function demos(dispatch: typeof withPython.dispatch): Promise<DemoInfo[]> {
    const reply = (await dispatch('listDemos', {}, connection)) as Result<DemoInfo[]>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value;
  }

  async function startAndStop(dispatch: typeof withPython.dispatch, demoId: string): Promise<RunInfo> {
    const reply = (await dispatch('startDemo', { demoId }, connection)) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    await dispatch('stopRun', { runId: reply.value.runId }, connection);
    await waitFor('nothing of the run left', () => taggedProcesses(process.pid).length === 0);
    return reply.value;
  }

  it('lists the demos in the course order, each with a concept and the Python edition first', async () => {
    const list = await demos(withPython.dispatch);
    // The notes' order, spelled out here rather than read from the code under test.
    const order = [
      'processes',
      'fork',
      'zombie-orphan',
      'multiprocessing',
      'pool',
      'ipc',
      'signals',
      'synchronisation',
      'threads',
      'servers',
    ];
    expect(new Set(list.map((d) => d.group)).size).toBe(order.length);
    const groups = list.map((d) => d.group);
    expect(groups).toEqual([...groups].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const demo of list) {
      expect(demo.concepts.length).toBeGreaterThan(0);
      expect(demo.editions.length).toBeGreaterThan(0);
    }
    const fork = list.find((d) => d.id === 'fork')!;
    expect(fork.editions.map((e) => [e.runtime, e.file, e.available])).toEqual([
      ['python', 'fork.py', true],
      ['sh', 'fork.sh', true],
    ]);
    expect(fork.editions[0]!.source).toContain('os.fork()');
  });

  it('runs the Python edition with python3 where it is found', async () => {
    const run = await startAndStop(withPython.dispatch, 'fork');
    expect(run.edition).toMatchObject({ runtime: 'python', file: 'fork.py', missing: [] });
    expect(path.basename(run.edition!.interpreter)).toBe('python3');
    expect(run.argv.slice(0, 2)).toEqual([run.edition!.interpreter, expect.stringMatching(/fork\.py$/)]);
  });

  it('falls back to the sh edition, and says why, where python3 is not on PATH', async () => {
    const fork = (await demos(withoutPython.dispatch)).find((d) => d.id === 'fork')!;
    expect(fork.editions.map((e) => e.available)).toEqual([false, true]);
    const run = await startAndStop(withoutPython.dispatch, 'fork');
    expect(run.edition).toEqual({ runtime: 'sh', file: 'fork.sh', interpreter: '/bin/sh', missing: ['python3'] });
  });

  it('runs the interpreter itself, not a launcher script named python3', () => {
    expect(realPython).not.toBeNull();
    expect(new DemoRuntimes(() => shimDir).find('python')).toBe(realPython);
  });

  it('finds python3 ahead of time without blocking, and then asks it no more', async () => {
    // A python3 that notes each time it is started, then runs the real one.
    const starts = path.join(countingDir, 'starts');
    writeFileSync(path.join(countingDir, 'python3'), `#!/bin/sh\necho >> ${starts}\nexec ${realPython} "$@"\n`);
    chmodSync(path.join(countingDir, 'python3'), 0o755);
    const runtimes = new DemoRuntimes(() => countingDir);
    await runtimes.prepare();
    expect(readFileSync(starts, 'utf8')).toBe('\n');
    expect(runtimes.find('python')).toBe(realPython);
    expect(readFileSync(starts, 'utf8')).toBe('\n');
    const tooOld = new DemoRuntimes(() => oldPythonDir);
    await tooOld.prepare();
    expect(tooOld.find('python')).toBeNull();
  });

  it('takes a python3 older than 3.8 for a missing one', () => {
    const runtimes = new DemoRuntimes(() => oldPythonDir);
    expect(runtimes.find('python')).toBeNull();
    expect(runtimes.choose([{ runtime: 'python', needs: [] }])).toBeNull();
    expect(
      runtimes.choose([
        { runtime: 'python', needs: [] },
        { runtime: 'sh', needs: [] },
      ]),
    ).toMatchObject({
      interpreter: '/bin/sh',
      missing: ['python3'],
    });
  });
});
