// The nice race run through the lab: nice-0 workers get more CPU time than nice-10 ones on the
// one CPU they share, and renicing from the lab turns the race around.
import { describe, expect, it } from 'vitest';
import { useDemoLab } from '../../../support/demoLab';
import { waitFor } from '../../../support/waitFor';

describe('nice race', () => {
  const { start, line, row, call } = useDemoLab();

  it('nice 0 outruns nice 10; reniced to 19 from the lab, the former leaders fall behind', async () => {
    const run = await start('nice-race');
    const workers = /workers \[(\d+), (\d+), (\d+), (\d+)\]/
      .exec(await line(run, /parent: workers \[/))!
      .slice(1)
      .map(Number);
    const [fast, slow] = [workers.slice(0, 2), workers.slice(2)];
    const base = await waitFor('the workers at nice 0 and 10', () => {
      const rows = workers.map(row);
      if (rows.some((r) => r === undefined) || rows[2]!.nice - rows[0]!.nice !== 10) return undefined;
      return rows[0]!.nice;
    });
    expect(workers.map((pid) => row(pid)!.nice)).toEqual([base, base, base + 10, base + 10]);
    expect(slow.every((pid) => row(pid)!.stat.includes('N'))).toBe(true);

    /** CPU time each group has had since `from` (per pid), as the sampler reads it. */
    const cpu = (group: number[], from = new Map<number, number>()) =>
      group.reduce((sum, pid) => sum + row(pid)!.cpuTimeMs - (from.get(pid) ?? 0), 0);
    await waitFor('nice 0 ahead by more than 3x', () => cpu(fast) >= 1_500 && cpu(fast) > 3 * cpu(slow), {
      timeoutMs: 45_000,
      intervalMs: 250,
    });

    for (const pid of fast) await call('reniceProcess', { pid, startTime: row(pid)!.startTime, nice: 19 });
    await waitFor('the new nice sampled', () => fast.every((pid) => row(pid)?.nice === 19));
    const mark = new Map(workers.map((pid) => [pid, row(pid)!.cpuTimeMs]));
    await waitFor(
      'the nice-10 workers ahead by more than 3x after the renice',
      () => cpu(slow, mark) >= 1_000 && cpu(slow, mark) > 3 * cpu(fast, mark),
      { timeoutMs: 45_000, intervalMs: 250 },
    );
    await line(run, new RegExp(`^\\[${fast[0]}\\] worker: nice 19, \\d+% of the CPU`));
  });
});
