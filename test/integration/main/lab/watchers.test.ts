// The lab's watchers (its thread and, as root, the kernel-event helper) run only while runs have
// processes, and a run started after they stopped is followed as closely as the first.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/contract/errors';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { allPids } from '../../../../src/main/sampler/allPids';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

/** The proc connector's python3 helpers that this process started. */
function connectorHelpers(): number[] {
  return allPids().filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return ppid === process.pid && argv[0]?.endsWith('python3') && argv[1] === '-c' && argv[2]?.includes('NETLINK');
    } catch {
      return false;
    }
  });
}

describe('the lab watchers', () => {
  const { service, dispatch } = startService({ labLimits: { watchersLingerMs: 300 } });
  const connection = recordingConnection('watchers');
  afterAll(() => service.close());

  const root = process.getuid?.() === 0;

  /** Runs a shell with a child to its end; as root, the kernel-event helper must run meanwhile. */
  async function runToTheEnd(): Promise<RunInfo> {
    // The child lives past the parent's first look, so the run has two processes at once.
    const commandLine = `sh -c 'sleep 0.5 & echo "[$$] forked"; wait'`;
    const reply = (await dispatch('runCommand', { commandLine, cwd: '/tmp' }, connection)) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    const { runId } = reply.value;
    await waitFor('the run with its child', () => (connection.runs.get(runId)?.livePids.length ?? 0) >= 2);
    // Polled: python3 may be a launcher (pyenv's shim) that execs the real one a moment later.
    if (root) await waitFor('the kernel-event helper running', () => connectorHelpers().length === 1);
    await waitFor('the run over', () => {
      const run = connection.runs.get(runId);
      return run?.status === 'exited' && run.livePids.length === 0 ? run : undefined;
    });
    return connection.runs.get(runId)!;
  }

  it('stop after the last run, and start again for the next one', async () => {
    await runToTheEnd();
    if (root) await waitFor('the kernel-event helper gone', () => connectorHelpers().length === 0);
    const second = await runToTheEnd();
    expect(second.exitCode).toBe(0);
    if (root) await waitFor('the kernel-event helper gone again', () => connectorHelpers().length === 0);
  });
});
