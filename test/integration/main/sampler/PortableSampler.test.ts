// The portable sampler (ps-list + pidusage, the macOS path), forced on Linux against real processes.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { diffRows } from '../../../../src/main/model/diffRows';
import { PortableSampler } from '../../../../src/main/sampler/PortableSampler';
import type { ExitedEvent, ProcessEvent, SpawnedEvent } from '../../../../src/shared/model/ProcessEvent';
import type { ProcessRecord } from '../../../../src/shared/model/ProcessRecord';
import { ChildProcesses } from '../../../support/ChildProcesses';
import { waitFor } from '../../../support/waitFor';

const birthsAndDeaths = (events: ProcessEvent[]) =>
  events.filter((e): e is SpawnedEvent | ExitedEvent => e.kind === 'spawned' || e.kind === 'exited');

describe('PortableSampler forced on Linux', () => {
  const children = new ChildProcesses();
  const sampler = new PortableSampler();
  afterEach(() => children.killAll());
  afterAll(() => sampler.close());

  /** One tick as the worker runs it: sample, then diff against the previous sample. */
  let previous: ReadonlyMap<number, ProcessRecord> = new Map();
  const tick = async (): Promise<{ rows: ReadonlyMap<number, ProcessRecord>; events: ProcessEvent[] }> => {
    const rows = new Map((await sampler.sample()).rows);
    const { events } = diffRows(previous, rows, Date.now());
    previous = rows;
    return { rows, events };
  };

  it('keeps each process the same from tick to tick: no spurious births or deaths', async () => {
    const child = children.spawn('sleep', ['30']);
    const { rows: first } = await waitFor('the child listed', async () => {
      const t = await tick();
      return t.rows.has(child.pid) ? t : undefined;
    });
    const { rows: second, events } = await tick();
    const lived = [...second.keys()].filter((pid) => first.has(pid));
    expect(lived.length).toBeGreaterThan(10);
    // A process present in both samples is the same process: same start time, no event.
    const restarted = lived.filter((pid) => first.get(pid)!.startTime !== second.get(pid)!.startTime);
    expect(restarted).toEqual([]);
    const spurious = birthsAndDeaths(events).filter((e) => first.has(e.pid) && second.has(e.pid));
    expect(spurious).toEqual([]);
    // The sampler's own `ps` runs are not processes of the machine the user should see come and go.
    const ownPs = birthsAndDeaths(events).filter((e) => e.ppid === process.pid && e.comm === 'ps');
    expect(ownPs).toEqual([]);
  });

  it('reports a real child spawned, then exited, once each', async () => {
    await tick();
    const child = children.spawn('sleep', ['30']);
    const spawned = await waitFor('spawned', async () =>
      birthsAndDeaths((await tick()).events).find((e) => e.kind === 'spawned' && e.pid === child.pid),
    );
    expect(spawned.ppid).toBe(process.pid);
    const again = await tick();
    expect(again.events.filter((e) => e.pid === child.pid)).toEqual([]);
    process.kill(child.pid, 'SIGKILL');
    const exited = await waitFor('exited', async () =>
      (await tick()).events.find((e) => e.kind === 'exited' && e.pid === child.pid),
    );
    expect(exited.startTime).toBe(spawned.startTime);
  });
});
