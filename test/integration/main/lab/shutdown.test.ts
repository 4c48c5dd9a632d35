// Stopping runs costs the same with 2,000 processes on the machine as with 20: the lab looks at its
// own processes, and reads the tag only of processes no sample has listed yet, not of every process
// every 50 ms (which made shutdown take 6-8 s with 10,000 processes; `npm run bench` times it).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IdleProcesses } from '../../../../bench/IdleProcesses';
import { readRunTag } from '../../../../src/main/lab/runTag';
import type { Result } from '../../../../src/shared/contract/errors';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { taggedProcesses } from '../../../support/labProcesses';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

// The real reader, counted: how many environments a stop reads.
vi.mock('../../../../src/main/lab/runTag', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/main/lab/runTag')>();
  return { ...original, readRunTag: vi.fn(original.readRunTag) };
});

describe('stopping runs on a machine with many processes', () => {
  const { service, dispatch } = startService({ labLimits: { stopGraceMs: 1000 } });
  const connection = recordingConnection('shutdown');
  let idle: IdleProcesses | null = null;
  beforeAll(async () => {
    idle = await IdleProcesses.start(2000);
  });
  afterAll(async () => {
    await service.close();
    await idle?.stop();
  });

  it('reads fewer environments than there are processes, however long the grace period', async () => {
    // The sleeps start after the trap: they ignore TERM too, so the whole grace period passes.
    const commandLine = `sh -c "trap '' TERM; sleep 60 & sleep 60 & wait"`;
    const reply = (await dispatch('runCommand', { commandLine, cwd: '/tmp' }, connection)) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    await waitFor('three processes', () => (connection.runs.get(reply.value.runId)?.livePids.length ?? 0) >= 3);
    vi.mocked(readRunTag).mockClear();
    await service.supervisor!.shutdown();
    const environmentsRead = vi.mocked(readRunTag).mock.calls.length;
    expect(taggedProcesses(process.pid)).toEqual([]);
    expect(environmentsRead).toBeLessThan(idle!.pids.length);
  });
});
