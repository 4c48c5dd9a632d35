// The lab's promise under load: a process of a run that lives 100 ms or more is reported, spawned
// and exited, even while the machine starts 200 other processes a second.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/contract/errors';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { ChildProcesses } from '../../../support/ChildProcesses';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

/**
 * Starts /bin/true 25 at a time, then rests 50 ms, until the test kills it: over 200 processes a
 * second here (a faster machine forks more); the rate the machine reached is printed.
 */
const CHURN = `echo churning; while :; do i=0; while [ $i -lt 25 ]; do /bin/true & i=$((i+1)); done; wait; sleep 0.05; done`;

/** Processes the machine has forked since boot (proc(5): "processes" in /proc/stat). */
function forksSoFar(): number {
  return Number(/^processes (\d+)/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
}

const CHILDREN = 60;
/** One child at a time, each living 120 ms: about 8 s in all. */
const RUN = `sh -c 'i=0; while [ $i -lt ${CHILDREN} ]; do sleep 0.12 & echo "[$!] child"; wait; i=$((i+1)); done'`;

describe('the lab under load', () => {
  const { service, dispatch } = startService();
  const children = new ChildProcesses();
  afterAll(async () => {
    await children.killAll();
    await service.close();
  });

  it('reports every 120 ms child of a run, spawned and exited, while 200 processes a second start', async () => {
    const connection = recordingConnection('capture');
    await dispatch('subscribe', { intervalMs: 1000 }, connection);
    const churn = children.spawn('sh', ['-c', CHURN]);
    await ChildProcesses.firstLine(churn);
    const [forksBefore, startedAt] = [forksSoFar(), Date.now()];
    const reply = (await dispatch('runCommand', { commandLine: RUN, cwd: '/tmp' }, connection)) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    const runId = reply.value.runId;
    await waitFor('the run to end', () => connection.runs.get(runId)?.status === 'exited', { timeoutMs: 60_000 });
    const forkRate = ((forksSoFar() - forksBefore) * 1000) / (Date.now() - startedAt);
    await children.killAll();
    console.info(`the machine started ${Math.round(forkRate)} processes a second during the run`);

    const labChildren = connection.processLines(runId).filter((l) => l.text.endsWith(' child'));
    expect(labChildren).toHaveLength(CHILDREN);
    const reported = (kind: 'spawned' | 'exited') =>
      new Set(connection.events.filter((e) => e.kind === kind).map((e) => e.pid));
    const missed = () => {
      const [spawned, exited] = [reported('spawned'), reported('exited')];
      return labChildren.map((l) => l.pid).filter((pid) => !spawned.has(pid) || !exited.has(pid));
    };
    // The last exits arrive with the next update; then nothing may be missing.
    await waitFor('every child reported', () => missed().length === 0, { timeoutMs: 10_000 }).catch(() => undefined);
    expect(missed()).toEqual([]);
  });
});
